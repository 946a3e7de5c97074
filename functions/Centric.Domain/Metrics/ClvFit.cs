using Centric.Domain.Clv;
using Centric.Domain.Numerics;

namespace Centric.Domain.Metrics;

/// <summary>
/// Predictive CLV fitted on the transactions up to <see cref="CalibrationEnd"/>: the RFM summaries, the transaction
/// model (BG/NBD or Pareto/NBD) and Gamma-Gamma spend model with their statuses, and every customer's score
/// (same order as <see cref="Summaries"/>). Models are null when they could not be fitted; scores are then null.
/// </summary>
public sealed record ClvFit(
    DateOnly CalibrationEnd,
    TransactionModelKind ModelKind,
    TimeUnit Unit,
    IReadOnlyList<CustomerSummary> Summaries,
    ITransactionModel? Model,
    FitStatus Status,
    GammaGammaModel? Spend,
    FitStatus? SpendStatus,
    IReadOnlyList<CustomerScore> Scores);

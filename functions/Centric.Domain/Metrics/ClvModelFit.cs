using Centric.Domain.Clv;
using Centric.Domain.Numerics;

namespace Centric.Domain.Metrics;

/// <summary>
/// A <see cref="ClvFit"/> before its customers are scored: the summaries (with each one's number in the purchase
/// history), their (x, t_x, T) groups and the fitted models. A caller that only adds the scores up scores them straight
/// into its totals from here, without a <see cref="CustomerScore"/> per customer.
/// </summary>
internal sealed record ClvModelFit(
    DateOnly CalibrationEnd,
    TransactionModelKind ModelKind,
    TimeUnit Unit,
    IReadOnlyList<CustomerSummary> Summaries,
    IReadOnlyList<int> CustomerNumbers,
    RfmGroups Groups,
    ITransactionModel? Model,
    FitStatus Status,
    GammaGammaModel? Spend,
    FitStatus? SpendStatus);

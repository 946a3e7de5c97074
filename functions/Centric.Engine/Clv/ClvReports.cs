using Centric.Domain.Clv;
using Centric.Domain.Metrics;

namespace Centric.Engine.Clv;

/// <summary>Builds the readable CLV report and the per-customer score rows of a fit.</summary>
public static class ClvReports
{
    public static ClvReport Report(ClvFit fit, HoldoutReport? holdout)
    {
        ArgumentNullException.ThrowIfNull(fit);
        IReadOnlyDictionary<string, double> parameters = fit.Model switch
        {
            BgNbdModel m => new Dictionary<string, double> { ["r"] = m.Parameters.R, ["alpha"] = m.Parameters.Alpha, ["a"] = m.Parameters.A, ["b"] = m.Parameters.B },
            ParetoNbdModel m => new Dictionary<string, double> { ["r"] = m.Parameters.R, ["alpha"] = m.Parameters.Alpha, ["s"] = m.Parameters.S, ["beta"] = m.Parameters.Beta },
            _ => new Dictionary<string, double>(),
        };
        IReadOnlyDictionary<string, double>? spend = fit.Spend is { } s
            ? new Dictionary<string, double> { ["p"] = s.Parameters.P, ["q"] = s.Parameters.Q, ["gamma"] = s.Parameters.Gamma }
            : null;
        return new ClvReport(
            fit.ModelKind == TransactionModelKind.ParetoNbd ? "pareto-nbd" : "bgnbd",
            fit.CalibrationEnd,
            fit.Unit.ToString().ToLowerInvariant(),
            parameters,
            fit.Status,
            spend,
            fit.SpendStatus,
            holdout);
    }

    public static IReadOnlyList<CustomerScoreRow> Rows(ClvFit fit, IReadOnlyDictionary<string, string> tiers)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(tiers);
        return [.. fit.Summaries.Zip(fit.Scores, (summary, score) => new CustomerScoreRow(
            summary.CustomerId, summary.Frequency, summary.Recency, summary.Age, summary.MonetaryValue,
            score.PAlive, score.ExpectedPurchases, score.ExpectedSpend, score.Clv, tiers.GetValueOrDefault(summary.CustomerId)))];
    }
}

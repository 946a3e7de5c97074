using System.Globalization;
using Centric.Domain.Clv;
using Centric.Domain.Numerics;

namespace Centric.Domain.Metrics;

/// <summary>
/// The scores a calibration end's rows use, and what stood in for a model that did not converge.
/// </summary>
/// <param name="CalibrationEnd">The fit's calibration end.</param>
/// <param name="Scores">Every customer's score (same order as the fit's summaries).</param>
/// <param name="ModelWarning">Null, or why the transaction model's parameters are an earlier fit's or unknown.</param>
/// <param name="SpendWarning">Null, or why the Gamma-Gamma parameters are an earlier fit's or unknown.</param>
public sealed record UsableClvFit(DateOnly CalibrationEnd, IReadOnlyList<CustomerScore> Scores, string? ModelWarning, string? SpendWarning)
{
    /// <summary>What a money value (predicted CLV) of this end says: both warnings, as each applies.</summary>
    public string? MoneyWarning => CombineWarnings(ModelWarning, SpendWarning);

    internal static string? CombineWarnings(string? modelWarning, string? spendWarning) =>
        modelWarning is null ? spendWarning : spendWarning is null ? modelWarning : $"{modelWarning}; {spendWarning}";
}

/// <summary>
/// Per-period fits keep the last good parameters: a transaction model (BG/NBD, Pareto/NBD) or spend model (Gamma-Gamma)
/// that did not converge, diverged or is invalid is replaced by the model of the same kind of the latest earlier
/// calibration end whose fit converged, and that end's customers are scored with it. With no such earlier fit the values
/// the model gives are unknown (null). Either way the warning says which fit failed, why, and what is used.
/// A model that could not be attempted (too few customers) is not replaced: its values are null as before.
/// </summary>
public static class ClvFallback
{
    /// <param name="fits">Fits in ascending order of calibration end.</param>
    /// <param name="options">Horizon, discounting and time unit for re-scoring.</param>
    public static IReadOnlyList<UsableClvFit> Choose(IReadOnlyList<ClvFit> fits, ClvOptions options)
    {
        ArgumentNullException.ThrowIfNull(fits);
        var chooser = new ClvFallbackChooser(options);
        var result = new List<UsableClvFit>(fits.Count);
        foreach (var fit in fits)
        {
            result.Add(chooser.Next(fit));
        }

        return result;
    }

    internal static string ModelName(TransactionModelKind kind) => kind == TransactionModelKind.ParetoNbd ? "Pareto/NBD" : "BG/NBD";

    internal static string Warning(string model, DateOnly end, FitStatus status, DateOnly? goodEnd)
    {
        var failed = status.Outcome switch
        {
            FitOutcome.Diverged => "diverged",
            FitOutcome.InvalidParameters => "gave invalid parameters",
            _ => "did not converge",
        };
        var because = string.Create(CultureInfo.InvariantCulture, $"{model} {failed} for calibration end {end:yyyy-MM-dd} ({status.Message})");
        return goodEnd is { } used
            ? string.Create(CultureInfo.InvariantCulture, $"{because}; the parameters of the fit at {used:yyyy-MM-dd} are used")
            : $"{because}; no earlier fit converged, so the values it gives are unknown";
    }
}

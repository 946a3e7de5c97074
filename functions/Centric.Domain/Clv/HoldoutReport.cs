using Centric.Domain.Numerics;

namespace Centric.Domain.Clv;

/// <summary>
/// A calibration/holdout check: the model fitted on the calibration period against the repeat purchases actually
/// made in the holdout, in total and by calibration frequency (as Fader, Hardie &amp; Lee 2005, figure 4).
/// </summary>
/// <param name="Status">The calibration fit's status.</param>
/// <param name="HoldoutLength">Length of the holdout in the time unit.</param>
/// <param name="Customers">Customers with a purchase in the calibration period.</param>
/// <param name="Predicted">Total predicted holdout purchases; null without a fitted model.</param>
/// <param name="Actual">Total actual holdout purchase days of those customers.</param>
/// <param name="ByFrequency">Groups x = 0, 1, …, 6 and 7+.</param>
public sealed record HoldoutReport(
    FitStatus Status,
    double HoldoutLength,
    int Customers,
    double? Predicted,
    int Actual,
    IReadOnlyList<HoldoutGroup> ByFrequency);

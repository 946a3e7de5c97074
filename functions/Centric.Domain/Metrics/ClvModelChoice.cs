using Centric.Domain.Clv;

namespace Centric.Domain.Metrics;

/// <summary>
/// The models a calibration end's customers are scored with (its own, or the last earlier converged ones that stand in
/// for those that did not converge) and the warnings that say so, as <see cref="UsableClvFit"/>'s.
/// </summary>
/// <param name="Model">The transaction model; null when none can be used (every score is then null).</param>
/// <param name="Spend">The spend model; null when none can be used (money values are then null).</param>
/// <param name="ModelWarning">As <see cref="UsableClvFit.ModelWarning"/>.</param>
/// <param name="SpendWarning">As <see cref="UsableClvFit.SpendWarning"/>.</param>
/// <param name="FallsBack">Whether a model failed, so that the fit's own scores are not the ones to use.</param>
internal readonly record struct ClvModelChoice(
    ITransactionModel? Model, GammaGammaModel? Spend, string? ModelWarning, string? SpendWarning, bool FallsBack)
{
    /// <summary>As <see cref="UsableClvFit.MoneyWarning"/>.</summary>
    public string? MoneyWarning => UsableClvFit.CombineWarnings(ModelWarning, SpendWarning);
}

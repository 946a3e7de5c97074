using Centric.Domain.Clv;
using Centric.Domain.Numerics;

namespace Centric.Domain.Metrics;

/// <summary>
/// <see cref="ClvFallback.Choose"/> one fit at a time, so that a caller can let go of each fit once its scores are used: fits
/// are passed in ascending order of calibration end, and only the latest converged models are kept between them.
/// </summary>
public sealed class ClvFallbackChooser
{
    private readonly ClvOptions _options;
    private (DateOnly End, ITransactionModel Model)? _goodModel;
    private (DateOnly End, GammaGammaModel Model)? _goodSpend;

    /// <param name="options">Horizon, discounting and time unit for re-scoring.</param>
    public ClvFallbackChooser(ClvOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>The scores to use for <paramref name="fit"/>, a later calibration end than every fit before it.</summary>
    public UsableClvFit Next(ClvFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var choice = Next(fit.CalibrationEnd, fit.ModelKind, fit.Model, fit.Status, fit.Spend, fit.SpendStatus);
        var scores = !choice.FallsBack
            ? fit.Scores
            : choice.Model is null
                ? ClvCalculator.Unscored(fit.Summaries)
                : ClvCalculator.Score(fit.Summaries, choice.Model, choice.Spend, _options);
        return new UsableClvFit(fit.CalibrationEnd, scores, choice.ModelWarning, choice.SpendWarning);
    }

    /// <summary>
    /// The models to score <paramref name="fit"/>'s customers with, a later calibration end than every fit before it:
    /// the scores <see cref="Next(ClvFit)"/> gives are those of <see cref="ClvCalculator"/> with these models (all null
    /// without a transaction model).
    /// </summary>
    internal ClvModelChoice Next(ClvModelFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return Next(fit.CalibrationEnd, fit.ModelKind, fit.Model, fit.Status, fit.Spend, fit.SpendStatus);
    }

    /// <summary>
    /// The choice <see cref="Next(ClvModelFit)"/> will make for <paramref name="fit"/> whatever came before, when neither
    /// of its models failed (its own models, without warnings), so that its customers can be scored before the earlier
    /// ends are chosen; null when the choice depends on them.
    /// </summary>
    internal static ClvModelChoice? Standing(ClvModelFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return Standing(fit.Model, fit.Status, fit.Spend, fit.SpendStatus);
    }

    private static ClvModelChoice? Standing(ITransactionModel? fitModel, FitStatus status, GammaGammaModel? fitSpend, FitStatus? spendStatus) =>
        !ModelFailed(fitModel, status) && !SpendFailed(spendStatus) ? new ClvModelChoice(fitModel, fitSpend, null, null, false) : null;

    private static bool ModelFailed(ITransactionModel? fitModel, FitStatus status) => fitModel is not null && !status.Converged;

    private static bool SpendFailed(FitStatus? spendStatus) => spendStatus is { Converged: false, Outcome: not FitOutcome.InsufficientData };

    private ClvModelChoice Next(
        DateOnly end, TransactionModelKind kind, ITransactionModel? fitModel, FitStatus status, GammaGammaModel? fitSpend, FitStatus? spendStatus)
    {
        var modelFailed = ModelFailed(fitModel, status);
        var spendFailed = SpendFailed(spendStatus);
        var choice = Standing(fitModel, status, fitSpend, spendStatus)
            ?? new ClvModelChoice(
                modelFailed ? _goodModel?.Model : fitModel,
                spendFailed ? _goodSpend?.Model : fitSpend,
                modelFailed ? ClvFallback.Warning(ClvFallback.ModelName(kind), end, status, _goodModel?.End) : null,
                spendFailed ? ClvFallback.Warning("Gamma-Gamma", end, spendStatus!, _goodSpend?.End) : null,
                true);
        if (fitModel is not null && status.Converged)
        {
            _goodModel = (end, fitModel);
        }

        if (fitSpend is not null && spendStatus is { Converged: true })
        {
            _goodSpend = (end, fitSpend);
        }

        return choice;
    }
}

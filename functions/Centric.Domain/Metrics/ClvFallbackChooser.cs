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
        var end = fit.CalibrationEnd;
        var modelFailed = fit.Model is not null && !fit.Status.Converged;
        var spendFailed = fit.SpendStatus is { Converged: false, Outcome: not FitOutcome.InsufficientData };
        UsableClvFit usable;
        if (!modelFailed && !spendFailed)
        {
            usable = new UsableClvFit(end, fit.Scores, null, null);
        }
        else
        {
            var model = modelFailed ? _goodModel?.Model : fit.Model;
            var modelWarning = modelFailed ? ClvFallback.Warning(ClvFallback.ModelName(fit.ModelKind), end, fit.Status, _goodModel?.End) : null;
            var spend = spendFailed ? _goodSpend?.Model : fit.Spend;
            var spendWarning = spendFailed ? ClvFallback.Warning("Gamma-Gamma", end, fit.SpendStatus!, _goodSpend?.End) : null;
            var scores = model is null
                ? [.. fit.Summaries.Select(c => new CustomerScore(c.CustomerId, null, null, null, null))]
                : ClvCalculator.Score(fit.Summaries, model, spend, _options);
            usable = new UsableClvFit(end, scores, modelWarning, spendWarning);
        }

        if (fit.Model is not null && fit.Status.Converged)
        {
            _goodModel = (end, fit.Model);
        }

        if (fit.Spend is not null && fit.SpendStatus is { Converged: true })
        {
            _goodSpend = (end, fit.Spend);
        }

        return usable;
    }
}

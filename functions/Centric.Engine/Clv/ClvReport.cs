using Centric.Domain.Clv;
using Centric.Domain.Numerics;

namespace Centric.Engine.Clv;

/// <summary>
/// The predictive CLV fit recorded with a generation: the transaction model and its parameters, the Gamma-Gamma spend
/// model, their fit statuses, and the calibration/holdout check a person can read to judge the model.
/// </summary>
public sealed record ClvReport(
    string Model,
    DateOnly CalibrationEnd,
    string TimeUnit,
    IReadOnlyDictionary<string, double> Parameters,
    FitStatus Status,
    IReadOnlyDictionary<string, double>? SpendParameters,
    FitStatus? SpendStatus,
    HoldoutReport? Holdout);

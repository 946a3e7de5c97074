using Centric.Domain.Clv;

namespace Centric.Domain.Metrics;

/// <summary>The published predictive CLV: the fit at the as-of date, the customers' tiers and the holdout check, when the data spans enough time for one.</summary>
public sealed record ClvOutcome(ClvFit Fit, IReadOnlyDictionary<string, string> Tiers, HoldoutReport? Holdout);

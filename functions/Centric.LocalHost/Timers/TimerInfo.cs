namespace Centric.LocalHost.Timers;

/// <summary>What a timer function is told: previous run (null before the first), next run, and whether a run was missed.</summary>
public sealed record TimerInfo(DateTimeOffset? Last, DateTimeOffset Next, DateTimeOffset LastUpdated, bool IsPastDue);

namespace Centric.Functions.Api;

/// <summary>The dataset's last compute that failed: when it started, how long it ran, why, and which delivery it was.</summary>
/// <param name="At">When the failed compute started.</param>
/// <param name="Seconds">How long it ran before it stopped.</param>
/// <param name="Reason">Why it stopped (e.g. "exceeded the function timeout of 00:10:00") and what became of its message.</param>
/// <param name="Attempt">Which delivery of the queue message it was (1 = first).</param>
public sealed record ComputeFailure(DateTimeOffset At, double Seconds, string Reason, int Attempt);

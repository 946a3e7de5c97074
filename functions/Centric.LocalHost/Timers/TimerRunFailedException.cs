namespace Centric.LocalHost.Timers;

/// <summary>A timer run the handler did not complete (the reason is the invocation's error).</summary>
public sealed class TimerRunFailedException(string message) : Exception(message);

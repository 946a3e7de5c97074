using Centric.LocalHost.Timers;

namespace Centric.LocalHost.Configuration;

/// <summary>A timerTrigger function with its resolved schedule.</summary>
public sealed record TimerFunction(string Name, string BindingName, CronSchedule Schedule, bool RunOnStartup)
    : FunctionDefinition(Name, BindingName);

namespace Centric.Functions.Invocations;

internal static partial class InvocationLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Invocation of {FunctionName} failed; the host will retry it")]
    public static partial void Failed(ILogger logger, Exception exception, string functionName);
}

namespace Centric.LocalHost.Invocation;

/// <summary>How one invocation ended: success with the handler's log lines, or failure with the reason.</summary>
public sealed record InvocationResult(bool Succeeded, int? StatusCode, IReadOnlyList<string> Logs, string? Error)
{
    public static InvocationResult Success(int statusCode, IReadOnlyList<string> logs) => new(true, statusCode, logs, null);

    public static InvocationResult Failure(int? statusCode, string error) => new(false, statusCode, [], error);
}

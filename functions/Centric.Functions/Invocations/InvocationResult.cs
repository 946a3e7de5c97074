namespace Centric.Functions.Invocations;

/// <summary>
/// The custom handler's answer to the host: <c>{"Outputs": {...}, "Logs": [...], "ReturnValue": ...}</c>. Outputs are
/// empty: the handler writes to storage itself. Logs are summary lines the host adds to the invocation's log.
/// </summary>
public sealed record InvocationResult(IReadOnlyDictionary<string, object?> Outputs, IReadOnlyList<string> Logs, object? ReturnValue)
{
    public static InvocationResult Ok(params string[] logs) => new(new Dictionary<string, object?>(), logs, null);
}

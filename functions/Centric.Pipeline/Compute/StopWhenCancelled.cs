namespace Centric.Pipeline.Compute;

/// <summary>
/// Stops the engine at its next step once <paramref name="token"/> is cancelled: the engine is synchronous and reports
/// each step, so this is how the deadline reaches it.
/// </summary>
internal sealed class StopWhenCancelled(CancellationToken token) : IProgress<string>
{
    public void Report(string value) => token.ThrowIfCancellationRequested();
}

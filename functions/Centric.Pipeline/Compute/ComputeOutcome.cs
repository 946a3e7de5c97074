namespace Centric.Pipeline.Compute;

/// <summary>What a recompute message came to.</summary>
/// <param name="Generation">The generation published, if any.</param>
/// <param name="WasDeferred">Another compute of the dataset was running: the message was queued again.</param>
/// <param name="SettlingFor">Exports of the dataset were still arriving: queued again to run after this long.</param>
public sealed record ComputeOutcome(string? Generation, bool WasDeferred, TimeSpan? SettlingFor = null)
{
    public static ComputeOutcome Deferred { get; } = new(null, true);
}

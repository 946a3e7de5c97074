namespace Centric.LocalHost.Tests.Faults;

/// <summary>
/// The fault tests each run a whole local host (Azurite and the handler as processes): one at a time, after the
/// parallel tests, so on a small machine they neither starve each other nor the end-to-end tests into timeouts. Filter them out of a quick loop with
/// <c>--filter Category!=Faults</c>.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultSuite
{
    public const string Name = "faults";

    public const string Category = "Faults";
}

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

/// <summary>
/// Fault tests that spend most of their time waiting (storage frozen for a minute, a compute past a short timeout):
/// they run beside the parallel tests, one at a time among themselves, so the suite's wall time is not their sum.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WaitingFaultSuite
{
    public const string Name = "faults-waiting";
}

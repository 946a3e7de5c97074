namespace Centric.LocalHost.Tests.Faults;

/// <summary>
/// The fault tests each run a whole local host (Azurite and the handler as processes): one at a time, so on a small
/// machine they do not starve each other into timeouts. Filter them out of a quick loop with
/// <c>--filter Category!=Faults</c>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FaultSuite
{
    public const string Name = "faults";

    public const string Category = "Faults";
}

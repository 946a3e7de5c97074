using Xunit.Abstractions;

namespace Centric.LocalHost.Tests.Faults;

/// <summary>Writes the host's log to the test output when the test ends, so a failure shows what the host did.</summary>
internal sealed class Transcript(ITestOutputHelper output, FaultHost host) : IDisposable
{
    public void Dispose() => output.WriteLine(host.Transcript());
}

using System.Net;
using System.Net.Sockets;

namespace Centric.LocalHost.Tests.Support;

/// <summary>
/// A loopback port another process holds for the test's length: whatever tries to listen on it fails with EADDRINUSE,
/// as when a server started beside the one under test takes a free port first.
/// </summary>
internal sealed class TakenPort : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public TakenPort() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose() => _listener.Dispose();
}

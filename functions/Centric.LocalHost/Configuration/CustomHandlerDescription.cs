namespace Centric.LocalHost.Configuration;

/// <summary>host.json <c>customHandler</c>: how to start the handler and whether HTTP requests are proxied.</summary>
public sealed record CustomHandlerDescription(
    string ExecutablePath,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    bool EnableProxyingHttpRequest);

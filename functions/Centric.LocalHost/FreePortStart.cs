namespace Centric.LocalHost;

/// <summary>
/// Starting a server (Azurite, the handler) on ports chosen free: between choosing a port nobody listens on and the
/// server binding it, another process can take it, and the server then exits saying the address is in use. Other
/// ports are then chosen, up to <see cref="Attempts"/> times in all.
/// </summary>
internal static class FreePortStart
{
    public const int Attempts = 3;

    /// <summary>Whether a server's output says it could not listen because another process holds its port.</summary>
    public static bool SaysAddressInUse(string output) =>
        output.Contains("EADDRINUSE", StringComparison.Ordinal) ||
        output.Contains("address already in use", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Starts with the ports <paramref name="choose"/> gives; when the start fails with an exception
    /// <paramref name="portTaken"/> recognises, chooses again and starts again.
    /// </summary>
    public static async Task<T> StartAsync<TPorts, T>(Func<TPorts> choose, Func<TPorts, Task<T>> start, Func<Exception, bool> portTaken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start(choose());
            }
            catch (Exception e) when (attempt < Attempts && portTaken(e))
            {
            }
        }
    }
}

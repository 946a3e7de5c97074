using System.Globalization;
using System.Net;
using Centric.Storage.Connection;

namespace Centric.Functions.Hosting;

/// <summary>
/// How the handler is hosted: Kestrel on loopback at <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> (the port the Functions host
/// gives it), storage and container creation at start-up.
/// </summary>
internal static partial class HandlerHosting
{
    public const string PortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static WebApplicationBuilder UseCustomHandlerPort(this WebApplicationBuilder builder)
    {
        var port = int.TryParse(builder.Configuration[PortSetting], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 7072;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Limits.MaxRequestBodySize = UploadLimit.From(builder.Configuration[UploadLimit.SettingName]);
        });
        return builder;
    }

    /// <summary>Creates missing containers, queues and tables; a storage outage is logged, not fatal (health reports it).</summary>
    public static async Task EnsureStorageAsync(this WebApplication app)
    {
        try
        {
            await app.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(app.Lifetime.ApplicationStopping);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            StorageUnavailable(app.Logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage is not reachable at start-up; GET /api/health reports it")]
    private static partial void StorageUnavailable(ILogger logger, Exception exception);
}

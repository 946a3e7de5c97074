using Centric.Storage.Connection;
using Centric.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Centric.Functions.Tests;

/// <summary>
/// The real handler, in process, on a real Azurite, with storage names of its own. (The entry point is found through a
/// type of the handler assembly: the local host, also referenced here, has a Program of its own.) Another handler on the
/// same storage names, with app settings of its own, plays a second instance configured differently.
/// </summary>
public sealed class HandlerFactory(AzuriteFixture azurite, StorageNames? names = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Centric.Functions.Invocations.InvocationPayload>
{
    public StorageNames Names { get; } = names ?? StorageTestNames.Unique();

    public StorageClients Clients => Services.GetRequiredService<StorageClients>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(StorageClients.SettingName, azurite.ConnectionString);

        // The queue driver delivers what is visible now: recomputes are not held back unless a test sets a settle.
        builder.UseSetting("Compute:SettleSeconds", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<StorageClients>();
            services.AddSingleton(_ => StorageClients.FromConnectionString(azurite.ConnectionString, Names));
        });
    }
}

using Centric.LocalHost.Configuration;
using Centric.LocalHost.Logging;
using Microsoft.Extensions.Logging;

namespace Centric.LocalHost.Storage;

/// <summary>
/// Chooses the storage account: a configured connection string is used as is; none, or
/// <c>UseDevelopmentStorage=true</c>, means Azurite on 10000-10002 — the one already listening there, or one
/// started from the repository's node_modules with its data persisted in <c>.azurite/</c>.
/// </summary>
public static class DevelopmentStorage
{
    public const string ConnectionString = "UseDevelopmentStorage=true";

    public const int BlobPort = 10000;
    public const int QueuePort = 10001;
    public const int TablePort = 10002;

    public static bool IsDevelopmentStorage(string? connectionString) =>
        string.IsNullOrWhiteSpace(connectionString) ||
        connectionString.Replace(" ", string.Empty, StringComparison.Ordinal)
            .Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The connection string to use, and the Azurite this call started, kept running by a supervisor (null when none
    /// was needed).
    /// </summary>
    public static async Task<(string ConnectionString, AzuriteSupervisor? Started)> ResolveAsync(
        string? configured,
        string? repositoryRoot,
        AzuriteOptions? azurite,
        ILogger logger,
        CancellationToken cancellationToken = default)
    {
        azurite ??= new AzuriteOptions();
        if (!IsDevelopmentStorage(configured))
        {
            logger.StorageConfigured(AccountOf(configured!));
            return (configured!, null);
        }

        if (!azurite.ChoosesPorts)
        {
            var listening = new[] { azurite.BlobPort, azurite.QueuePort, azurite.TablePort }.Count(AzuriteProcess.IsListening);
            if (listening == 3)
            {
                logger.StorageExisting();
                return (azurite.IsDefault ? ConnectionString : AzuriteProcess.ConnectionStringFor(azurite.BlobPort, azurite.QueuePort, azurite.TablePort), null);
            }

            if (listening > 0)
            {
                throw new LocalHostConfigurationException(
                    $"Something listens on some but not all of the ports {azurite.BlobPort}, {azurite.QueuePort} and {azurite.TablePort} (blob, queue, table). Stop it, or start a full Azurite on them{(azurite.IsDefault ? " (npm run azurite)" : "")}, then retry.");
            }
        }

        if (repositoryRoot is null)
        {
            throw new LocalHostConfigurationException(azurite.ChoosesPorts
                ? "Azurite on free ports was asked for, but the repository (folder with Serverless.sln) was not found to start it from."
                : "No storage is configured and Azurite is not running: set AzureWebJobsStorage, start Azurite on 10000-10002, or run from the repository (folder with Serverless.sln) after 'npm ci'.");
        }

        var data = azurite.DataDirectory ?? Path.Combine(repositoryRoot, ".azurite");
        try
        {
            var started = azurite.ChoosesPorts
                ? await AzuriteSupervisor.StartOnFreePortsAsync(repositoryRoot, data, logger, cancellationToken)
                : await AzuriteSupervisor.StartAsync(repositoryRoot, azurite.BlobPort, azurite.QueuePort, azurite.TablePort, data, logger, cancellationToken);
            logger.AzuriteStarted(started.BlobPort, started.TablePort, data);
            return (azurite.IsDefault ? ConnectionString : started.ConnectionString, started);
        }
        catch (FileNotFoundException e)
        {
            throw new LocalHostConfigurationException(e.Message, e);
        }
    }

    /// <summary>The account a connection string names, without its key, for the log.</summary>
    public static string AccountOf(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries);
        var shown = parts.Where(p => !p.StartsWith("AccountKey", StringComparison.OrdinalIgnoreCase) &&
                                     !p.StartsWith("SharedAccessSignature", StringComparison.OrdinalIgnoreCase));
        return string.Join(';', shown);
    }
}

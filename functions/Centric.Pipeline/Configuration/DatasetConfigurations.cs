using Centric.Engine.Settings;
using Centric.Storage.Exports;

namespace Centric.Pipeline.Configuration;

/// <summary>Reads a dataset's <c>settings.json</c> and <c>mapping.json</c> from the landing zone.</summary>
public static class DatasetConfigurations
{
    public static async Task<DatasetConfiguration> ReadAsync(ExportsStore exports, string dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exports);
        var settings = await exports.ReadTextAsync($"{dataset}/{DatasetConfiguration.SettingsFileName}", cancellationToken);
        var mapping = await exports.ReadTextAsync($"{dataset}/{DatasetConfiguration.MappingFileName}", cancellationToken);
        return DatasetConfiguration.Parse(settings, mapping);
    }
}

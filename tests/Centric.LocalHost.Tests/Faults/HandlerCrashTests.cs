using System.Diagnostics;
using Xunit.Abstractions;
using System.Globalization;
using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Centric.Storage.Datasets;
using Centric.Storage.Snapshots;
using Centric.Engine.Samples;

namespace Centric.LocalHost.Tests.Faults;

/// <summary>
/// The handler process dies (kill -9) while it computes a dataset: the local host starts a new one, the compute
/// message comes back and is computed again, and the snapshot equals that of an undisturbed run. HTTP meanwhile gets
/// 503 problems, not a hang.
/// </summary>
[Collection(FaultSuite.Name)]
[Trait("Category", FaultSuite.Category)]
public sealed class HandlerCrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task HandlerKilledMidCompute_IsRestarted_AndTheRecomputeMatchesAnUndisturbedRun()
    {
        await using var faults = await FaultHost.StartAsync();
        using var transcript = new Transcript(output, faults);
        using var orders = new StringWriter(CultureInfo.InvariantCulture);
        SampleExports.WriteOrdersCsv(orders, new SampleOptions(Customers: 500));
        var exports = faults.Exports;
        await exports.CreateIfNotExistsAsync();

        await exports.UploadBlobAsync("calm/orders/orders.csv", BinaryData.FromString(orders.ToString()));
        await FaultHost.WaitUntilAsync(async () => await CurrentGenerationAsync(faults, "calm") is not null, TimeSpan.FromSeconds(120), "the undisturbed run");

        var stormLock = new BlobClient(faults.Host.StorageConnectionString, "scores", ComputeLocks.BlobName("storm"));
        await exports.UploadBlobAsync("storm/orders/orders.csv", BinaryData.FromString(orders.ToString()));
        await FaultHost.WaitUntilAsync(async () => await ComputingAsync(stormLock), TimeSpan.FromSeconds(120), "the storm dataset's compute in flight");
        var first = faults.Host.HandlerProcessId!.Value;
        Process.GetProcessById(first).Kill(entireProcessTree: true);

        await faults.WaitForLogAsync("HandlerExitedUnexpectedly", TimeSpan.FromSeconds(10));
        using (var during = await faults.Api.GetAsync(new Uri("health", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
            Assert.Equal("application/problem+json", during.Content.Headers.ContentType?.MediaType);
        }

        await faults.WaitForLogAsync("HandlerRestarted", TimeSpan.FromSeconds(60));
        Assert.NotEqual(first, faults.Host.HandlerProcessId);
        await FaultHost.WaitUntilAsync(async () => await CurrentGenerationAsync(faults, "storm") is not null, TimeSpan.FromSeconds(120), "the recompute after the crash");

        Assert.Contains(faults.Log.Events, e => e.Event.Name == "QueueFailed" && e.Message.Contains("ComputeMetrics", StringComparison.Ordinal));
        var calm = await RowsAsync(faults, "calm");
        var storm = await RowsAsync(faults, "storm");
        Assert.NotEmpty(calm);
        Assert.Equal(calm, storm);
    }

    /// <summary>
    /// The dataset's compute is running: its compute lock is leased (a recompute queued again, hidden for its delay,
    /// would look the same to the queue, so the queue alone cannot tell).
    /// </summary>
    private static async Task<bool> ComputingAsync(BlobClient computeLock)
    {
        try
        {
            return (await computeLock.GetPropertiesAsync()).Value.LeaseState == LeaseState.Leased;
        }
        catch (Azure.RequestFailedException)
        {
            return false;
        }
    }

    private static async Task<TableEntity?> CurrentGenerationAsync(FaultHost faults, string dataset)
    {
        var datasets = new TableClient(faults.Host.StorageConnectionString, "datasets");
        try
        {
            var record = await datasets.GetEntityIfExistsAsync<TableEntity>("datasets", dataset);
            return record.HasValue && record.Value!.GetString("CurrentGeneration") is { Length: > 0 } ? record.Value : null;
        }
        catch (Azure.RequestFailedException)
        {
            return null;
        }
    }

    /// <summary>Every snapshot row of the current generation, keyed by row, on all fields but generation and computedAt.</summary>
    private static async Task<List<string>> RowsAsync(FaultHost faults, string dataset)
    {
        var record = (await CurrentGenerationAsync(faults, dataset))!;
        var generation = record.GetString("CurrentGeneration");
        var snapshots = new TableClient(faults.Host.StorageConnectionString, SnapshotStore.GenerationTable("snapshots", dataset, generation));
        var rows = new List<string>();
        await foreach (var entity in snapshots.QueryAsync<TableEntity>())
        {
            rows.Add(entity.RowKey + " " + string.Join(
                "; ",
                entity.Keys
                    .Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
                    .Order(StringComparer.Ordinal)
                    .Select(k => $"{k}={Convert.ToString(entity[k], CultureInfo.InvariantCulture)}")));
        }

        rows.Add("asOf=" + record.GetString("AsOf"));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}

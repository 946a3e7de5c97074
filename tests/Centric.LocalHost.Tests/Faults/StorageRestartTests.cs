using System.Diagnostics;
using Xunit.Abstractions;
using Azure.Storage.Blobs;

namespace Centric.LocalHost.Tests.Faults;

/// <summary>
/// Azurite crashes (kill -9) under the running pipeline, whose triggers poll it every 2 s at most: the local host
/// starts it again on the same ports and data, every trigger notices the outage, backs off and recovers by itself,
/// and a file dropped afterwards is ingested and computed together with the one from before, each once.
/// </summary>
[Collection(FaultSuite.Name)]
[Trait("Category", FaultSuite.Category)]
public sealed class StorageRestartTests(ITestOutputHelper output)
{
    private const string Header = "order_id,customer_id,order_date,amount,currency,status\n";

    private const string Before =
        Header +
        "o1,c0,2025-01-01,10.00,EUR,completed\n" +
        "o2,c0,2025-01-11,20.00,EUR,completed\n" +
        "o3,c1,2025-01-05,5.00,EUR,completed\n" +
        "o4,c1,2025-01-20,15.00,EUR,completed\n";

    private const string After =
        Header +
        "p1,c2,2025-01-15,7.00,EUR,completed\n" +
        "p2,c3,2025-01-16,3.00,EUR,completed\n";

    [Fact]
    public async Task AzuriteStoppedMidPipeline_IsStartedAgain_AndFilesDroppedBeforeAndAfterAreIngestedAndComputedOnce()
    {
        await using var faults = await FaultHost.StartAsync();
        using var transcript = new Transcript(output, faults);
        var exports = faults.Exports;
        await exports.CreateIfNotExistsAsync();
        await exports.UploadBlobAsync("flaky/orders/before.csv", BinaryData.FromString(Before));
        await FaultHost.WaitUntilAsync(
            async () => await faults.MonthlyValueAsync("flaky", "revenue", "2025-01") == 50m, TimeSpan.FromSeconds(60), "January revenue of the first file (50)");

        // Azurite writes its data folder every 5 s; a crash loses what came later, which is the emulator's business.
        await Task.Delay(TimeSpan.FromSeconds(6));
        var first = faults.Host.AzuriteProcessId!.Value;
        Process.GetProcessById(first).Kill();

        await FaultHost.WaitUntilAsync(
            () => Task.FromResult(faults.Host.AzuriteProcessId is { } pid && pid != first), TimeSpan.FromSeconds(60), "Azurite started again");
        await FaultHost.WaitUntilAsync(
            async () =>
            {
                try
                {
                    await new BlobContainerClient(faults.Host.StorageConnectionString, "exports").UploadBlobAsync("flaky/orders/after.csv", BinaryData.FromString(After));
                    return true;
                }
                catch (Azure.RequestFailedException e) when (e.Status == 409)
                {
                    return true;
                }
                catch (Exception e) when (e is Azure.RequestFailedException or AggregateException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(30),
            "the second file dropped");

        await FaultHost.WaitUntilAsync(
            async () => await faults.MonthlyValueAsync("flaky", "revenue", "2025-01") == 60m, TimeSpan.FromSeconds(120), "January revenue of both files (60)");

        var ledger = await faults.WaitForIngestionsAsync("flaky", 2, TimeSpan.FromSeconds(30));
        Assert.Equal(
            ["flaky/orders/after.csv:succeeded", "flaky/orders/before.csv:succeeded"],
            ledger.Select(e => $"{(string?)e["blob"]}:{(string?)e["status"]}").Order(StringComparer.Ordinal));
        Assert.True(faults.HasLogged("AzuriteExited"), "the host logs that Azurite exited");
        Assert.True(faults.HasLogged("AzuriteRestarted"), "the host logs that Azurite is back");
        // Azurite may be back before any trigger polls it; a trigger that did see it gone logs that once and its recovery once.
        Assert.Equal(
            faults.Log.Events.Count(e => e.Event.Name == "LoopFailing"),
            faults.Log.Events.Count(e => e.Event.Name == "LoopRecovered"));

        // Stopping takes the restarted Azurite and the handler with it.
        var (azurite, handler) = (faults.Host.AzuriteProcessId!.Value, faults.Host.HandlerProcessId!.Value);
        await faults.Host.StopAsync();
        Assert.True(HasExited(azurite), "Azurite is stopped with the host");
        Assert.True(HasExited(handler), "the handler is stopped with the host");
    }

    private static bool HasExited(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}

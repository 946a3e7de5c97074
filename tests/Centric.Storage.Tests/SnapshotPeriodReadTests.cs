using Centric.Domain.Snapshots;
using Centric.Storage.Connection;
using Centric.Storage.Snapshots;
using Centric.Testing;

namespace Centric.Storage.Tests;

/// <summary>
/// The dashboard feed reads one period of every metric with a single table query, and gets exactly the rows the
/// per-metric reads give for that period.
/// </summary>
public sealed class SnapshotPeriodReadTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateOnly January = new(2026, 1, 1);
    private static readonly DateOnly February = new(2026, 2, 1);
    private static readonly DateOnly AsOf = new(2026, 2, 20);

    private readonly TableRequestLog _requests = new();
    private StorageClients _clients = null!;

    public Task InitializeAsync()
    {
        _clients = _requests.Clients(azurite);
        return _clients.EnsureCreatedAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReadPeriod_IsOneQuery_AndMatchesThePerMetricReadsOfThatPeriod()
    {
        var store = new SnapshotStore(_clients);
        string[] metrics = ["churn-rate", "revenue", "orders", "aov"];
        var rows = (
            from metric in metrics
            from grain in new[] { "month", "quarter" }
            from start in new[] { January, February }
            from segment in new[] { "*", "country:ES" }
            from preset in metric == "churn-rate" ? new[] { "average", "start" } : new string?[] { null }
            select Row(metric, grain, start, segment, preset)).ToArray();
        await store.WriteAsync("shop", "g1", rows);
        var expected = new List<SnapshotRow>();
        foreach (var metric in metrics)
        {
            expected.AddRange(await store.ReadAsync("shop", "g1", DateTimeOffset.UnixEpoch, AsOf, new SnapshotQuery(metric, "month", February, February, "*")));
        }

        _requests.Clear();
        var read = await store.ReadPeriodAsync("shop", "g1", DateTimeOffset.UnixEpoch, AsOf, "month", February, "*");

        Assert.Single(_requests.All);
        Assert.Equal(5, expected.Count);
        Assert.Equal(expected.OrderBy(Key, StringComparer.Ordinal), read.OrderBy(Key, StringComparer.Ordinal));
    }

    private static string Key(SnapshotRow r) => r.Metric + "|" + r.Preset;

    private static SnapshotRow Row(string metric, string grain, DateOnly start, string segment, string? preset) => new(
        "shop", metric, grain, grain == "month" ? $"{start:yyyy-MM}" : $"{start:yyyy}-Q1", start, start.AddMonths(grain == "month" ? 1 : 3),
        segment, 1m, null, null, "count", preset, 1, "g1", DateTimeOffset.UnixEpoch, AsOf, start == February, false);
}

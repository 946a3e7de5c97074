using System.Globalization;
using Centric.Domain.Exports;
using Centric.Domain.Families;
using Centric.Engine.Compute;
using Centric.Engine.DuckDb;

namespace Centric.Engine.Tests.Compute;

/// <summary>
/// The elapsed times DuckDB works out are those of scanning the rows one at a time (<see cref="ElapsedScan"/>), time
/// for time (in any order: nothing computed from them depends on it), on random orders: corrected in a later ingestion, cancelled or not (and a status
/// that differs from "cancelled" only in case), before 1970 and after, across changes of daylight-saving time, with
/// instants, clock times and dates alone (whose midnight can come before the order: no time at all).
/// </summary>
public sealed class ElapsedReaderTests
{
    private const string Zone = "America/Los_Angeles";
    private static readonly ElapsedQuery Waits = new("customer_id", "order_date", ["shipped_at", "delivered_at"], "status", OrderStatuses.Cancelled);
    private static readonly string?[] Statuses = ["cancelled", "Cancelled", "shipped", "completed", "refunded", null];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomOrders_GiveTheTimesOfAScan(int seed)
    {
        var random = new Random(seed);
        using var curated = new CuratedFolder().InZone(Zone)
            .Shipments([.. Enumerable.Range(0, 300).Select(i => Order(random, $"o{i}"))])
            .Shipments([.. Enumerable.Range(0, 100).Select(_ => Order(random, $"o{random.Next(400)}"))]);
        using var db = new DuckDbSession();
        var reader = new CuratedExportReader(db, CuratedFiles.FromFolder(curated.Root));

        var computed = reader.Elapsed(ExportKind.Orders, Waits);
        var scanned = ElapsedScan.Of(reader, ExportKind.Orders, Waits);

        Assert.Equal(2, computed.Count);
        for (var j = 0; j < 2; j++)
        {
            Assert.True(scanned[j].Count > 50, "The random orders should have many times to compare.");
            Assert.Equal(Times(scanned[j]), Times(computed[j]));
        }

        Assert.Contains(computed[0].Ticks, t => t == 0);
        Assert.Contains(computed[0].Day, d => d < DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber);
    }

    [Fact]
    public void Times_AreTheWaitsAsWritten_ByTheDayTheyEnded()
    {
        using var curated = new CuratedFolder().InZone(Zone).Shipments(
        [
            // 23:30 in Los Angeles is the next day in UTC: the wait ends on the 5th.
            ("p1", "c1", "2025-01-01T10:00:00Z", "shipped", "2025-01-02T10:00:00Z", "2025-01-05T23:30:00-08:00"),
            ("p2", "c2", "2025-01-02T10:00:00Z", "cancelled", "2025-01-03T10:00:00Z", null),
            // Shipped "that day": its midnight is before the order, no time at all.
            ("p3", "c1", "2025-03-09T15:00:00-07:00", null, "2025-03-09", null),
        ]);
        using var db = new DuckDbSession();

        var times = new CuratedExportReader(db, CuratedFiles.FromFolder(curated.Root)).Elapsed(ExportKind.Orders, Waits);

        Assert.Equal(
            [("c1", new DateOnly(2025, 1, 2).DayNumber, 24 * TimeSpan.TicksPerHour), ("c1", new DateOnly(2025, 3, 9).DayNumber, 0)],
            Times(times[0]));
        Assert.Equal(
            [("c1", new DateOnly(2025, 1, 5).DayNumber, (4 * 24 * TimeSpan.TicksPerHour) + (21 * TimeSpan.TicksPerHour) + (30 * TimeSpan.TicksPerMinute))],
            Times(times[1]));
    }

    [Fact]
    public void AKindWithoutFiles_HasNoTimes()
    {
        using var curated = new CuratedFolder();
        using var db = new DuckDbSession();

        var times = new CuratedExportReader(db, CuratedFiles.FromFolder(curated.Root)).Elapsed(ExportKind.Orders, Waits);

        Assert.All(times, t => Assert.Equal(0, t.Count));
    }

    /// <summary>Each time as (customer, day, ticks), sorted: the times as a set that may hold one time twice.</summary>
    private static (string? Customer, int Day, long Ticks)[] Times(ElapsedTimes times) =>
    [
        .. Enumerable.Range(0, times.Count)
            .Select(i => (times.Customer[i] < 0 ? null : times.Customers[times.Customer[i]], times.Day[i], times.Ticks[i]))
            .Order(),
    ];

    private static (string Id, string Customer, string OrderDate, string? Status, string? ShippedAt, string? DeliveredAt) Order(Random random, string id)
    {
        var ordered = new DateTime(1965, 1, 1).AddMinutes(random.Next(0, 35 * 365 * 24 * 60 * 2)).AddTicks(random.Next(0, 600_000_000) / 10 * 10);
        return (id, $"c{random.Next(40)}", Text(random, ordered), Statuses[random.Next(Statuses.Length)], End(random, ordered), End(random, ordered));
    }

    /// <summary>An end from two days before the order to forty days after it, or none.</summary>
    private static string? End(Random random, DateTime ordered) =>
        random.Next(4) == 0 ? null : Text(random, ordered.AddMinutes(random.Next(-2 * 24 * 60, 40 * 24 * 60)).AddTicks(random.Next(0, 600_000_000) / 10 * 10));

    /// <summary>An instant in UTC or at an offset, a clock time in the zone, or a date alone.</summary>
    private static string Text(Random random, DateTime at) => random.Next(4) switch
    {
        0 => at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        1 => at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+05:30",
        2 => at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        _ => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}

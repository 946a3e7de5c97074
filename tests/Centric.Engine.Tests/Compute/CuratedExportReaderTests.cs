using System.Globalization;
using Centric.Domain.Exports;
using Centric.Domain.Families;
using Centric.Engine.Compute;
using Centric.Engine.DuckDb;

namespace Centric.Engine.Tests.Compute;

/// <summary>
/// Timestamps reach a family as the day on the dataset's clock and the exact instant, to the microsecond, before 1970
/// as after it and on both sides of a change of daylight-saving time (Los Angeles).
/// </summary>
public sealed class CuratedExportReaderTests : IDisposable
{
    private const string Zone = "America/Los_Angeles";

    private static readonly (string Id, string Customer, string OrderDate, string? Status, string? ShippedAt, string? DeliveredAt)[] Rows =
    [
        // 20:00 on 31 December 1969 in Los Angeles is 04:00 on 1 January 1970 in UTC; shipped the same evening.
        ("o1", "c1", "1969-12-31T20:00:00-08:00", null, "1970-01-01T02:30:00.123456Z", null),
        // The last microsecond before the clocks went forward, and the first one after.
        ("o2", "c2", "2025-03-09T01:59:59.999999-08:00", "shipped", "2025-03-09T03:00:00.000001-07:00", "2025-11-02T01:30:00-07:00"),
        // Before 1900, and an evening in Los Angeles that is already the next day in UTC.
        ("o3", "c3", "1899-07-01T23:59:59.5Z", null, "2030-06-30T16:59:59-07:00", "2030-06-30T17:00:00-07:00"),
    ];

    private readonly CuratedFolder _curated = new CuratedFolder().InZone(Zone).Shipments(Rows);

    public void Dispose() => _curated.Dispose();

    [Fact]
    public void Timestamps_AreTheirDayOnTheDatasetsClockAndTheirInstant_ToTheMicrosecond()
    {
        using var db = new DuckDbSession();
        var rows = new CuratedExportReader(db, CuratedFiles.FromFolder(_curated.Root))
            .Read(ExportKind.Orders, ["customer_id", "order_date", "shipped_at", "delivered_at"]);

        Assert.Equal(["c1", "c2", "c3"], rows.Text("customer_id"));
        Assert.Equal(Rows.Select(r => Expected(r.OrderDate)), rows.Time("order_date"));
        Assert.Equal(Rows.Select(r => Expected(r.ShippedAt)), rows.Time("shipped_at"));
        Assert.Equal(Rows.Select(r => Expected(r.DeliveredAt)), rows.Time("delivered_at"));
        Assert.Equal(new DateOnly(1969, 12, 31), rows.Time("shipped_at")[0]!.Value.Day);
        Assert.Equal(new DateOnly(2030, 6, 30), rows.Time("delivered_at")[2]!.Value.Day);
        Assert.All(rows.Time("order_date"), t => Assert.Equal(TimeSpan.Zero, t!.Value.Instant.Offset));
    }

    [Fact]
    public void AnyTimeSet_AnswersAsReadingTheColumnDoes_AndRefusesAColumnThatIsNotATimestamp()
    {
        using var unshipped = new CuratedFolder().InZone(Zone).Shipments([("o9", "c9", "2025-01-01T10:00:00Z", null, null, null)]);
        using var db = new DuckDbSession();
        var reader = new CuratedExportReader(db, CuratedFiles.FromFolder(_curated.Root));
        var none = new CuratedExportReader(db, CuratedFiles.FromFolder(unshipped.Root));

        Assert.True(reader.AnyTimeSet(ExportKind.Orders, "delivered_at"));
        Assert.Contains(reader.Read(ExportKind.Orders, ["delivered_at"]).Time("delivered_at"), t => t is not null);
        Assert.False(none.AnyTimeSet(ExportKind.Orders, "delivered_at"));
        Assert.False(none.AnyTimeSet(ExportKind.Communications, "delivered_at")); // no communications at all
        var error = Assert.Throws<ArgumentException>(() => reader.AnyTimeSet(ExportKind.Orders, "status"));
        Assert.Contains("'status' is not a timestamp of orders", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedText_IsOneStringSharedByItsRows()
    {
        using var curated = new CuratedFolder().InZone(Zone).Shipments(
        [
            ("o1", "c1", "2025-01-01T10:00:00Z", "shipped", null, null),
            ("o2", "c2", "2025-01-02T10:00:00Z", "shipped", null, null),
            ("o3", "c1", "2025-01-03T10:00:00Z", "cancelled", null, null),
            ("o4", "c1", "2025-01-04T10:00:00Z", null, null, null),
        ]);
        using var db = new DuckDbSession();
        var rows = new CuratedExportReader(db, CuratedFiles.FromFolder(curated.Root)).Read(ExportKind.Orders, ["customer_id", "status"]);

        var customers = rows.Text("customer_id");
        var statuses = rows.Text("status");
        Assert.Equal(["c1", "c2", "c1", "c1"], customers);
        Assert.Equal(["shipped", "shipped", "cancelled", "completed"], statuses); // a missing status is written as completed
        Assert.Same(customers[0], customers[2]);
        Assert.Same(customers[0], customers[3]);
        Assert.Same(statuses[0], statuses[1]);
    }

    [Fact]
    public void Scan_HandsOverTheRowsReadGives_InItsOrder_WithRepeatedTextShared()
    {
        using var curated = new CuratedFolder().InZone(Zone).Shipments(
        [
            ("p1", "c1", "2025-01-01T10:00:00Z", "shipped", "2025-01-02T10:00:00Z", null),
            ("p2", "c2", "2025-01-02T10:00:00Z", "shipped", null, "2025-01-05T23:30:00-08:00"),
            ("p3", "c1", "2025-01-03T10:00:00Z", "cancelled", null, null),
            .. Rows,
        ]);
        using var db = new DuckDbSession();
        var reader = new CuratedExportReader(db, CuratedFiles.FromFolder(curated.Root));
        string[] columns = ["customer_id", "status", "order_date", "shipped_at", "delivered_at"];
        var scanned = new List<(string? Customer, string? Status, EventTime? Ordered, EventTime? Shipped, EventTime? Delivered)>();
        reader.Scan(ExportKind.Orders, columns, row => scanned.Add((row.Text(0), row.Text(1), row.Time(2), row.Time(3), row.Time(4))));

        var rows = reader.Read(ExportKind.Orders, columns);
        Assert.Equal(6, scanned.Count);
        Assert.Equal(rows.Text("customer_id"), scanned.Select(r => r.Customer));
        Assert.Equal(rows.Text("status"), scanned.Select(r => r.Status));
        Assert.Equal(rows.Time("order_date"), scanned.Select(r => r.Ordered));
        Assert.Equal(rows.Time("shipped_at"), scanned.Select(r => r.Shipped));
        Assert.Equal(rows.Time("delivered_at"), scanned.Select(r => r.Delivered));
        // Computed independently of the reader: the instant as written and its day in Los Angeles.
        Assert.Equal(Expected("2025-01-05T23:30:00-08:00"), scanned[1].Delivered);
        Assert.Equal(new DateOnly(2025, 1, 5), scanned[1].Delivered!.Value.Day);
        Assert.Same(scanned[0].Customer, scanned[2].Customer);
        Assert.Same(scanned[0].Status, scanned[1].Status);
        Assert.Throws<ArgumentException>(() => reader.Scan(ExportKind.Orders, ["customer_id"], row => row.Time(0)));
    }

    [Fact]
    public void Scan_OfAKindWithoutFiles_HandsOverNoRows()
    {
        using var db = new DuckDbSession();
        var visited = 0;
        new CuratedExportReader(db, CuratedFiles.FromFolder(_curated.Root)).Scan(ExportKind.Tickets, ["customer_id"], _ => visited++);

        Assert.Equal(0, visited);
    }

    /// <summary>The instant as written, and its day on the zone's clock, worked out by the framework's time zones.</summary>
    private static EventTime? Expected(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var instant = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).ToUniversalTime();
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(Zone));
        return new EventTime(DateOnly.FromDateTime(local.DateTime), instant);
    }
}

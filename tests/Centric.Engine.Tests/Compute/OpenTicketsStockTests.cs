using System.Globalization;
using Centric.Domain.Datasets;
using Centric.Domain.Families.Tickets;
using Centric.Domain.Segments;
using Centric.Engine.Compute;

namespace Centric.Engine.Tests.Compute;

/// <summary>
/// The open-tickets stock of every grain, period and segment against the rule counted ticket by ticket: open on day d
/// when opened on or before d and not resolved on or before d, read on the period's last day (the as-of date for the
/// partial period), from the period of the segment's first ticket on. 600 seeded random tickets over two years, some
/// resolved before they were opened, some after the as-of date, some never; customers with and without segments.
/// </summary>
public sealed class OpenTicketsStockTests : IDisposable
{
    private static readonly DateOnly Origin = new(2024, 1, 1);

    private readonly List<(string Id, string? Customer, DateOnly Opened, DateOnly? Resolved, string? Channel, string? Priority)> _tickets = [];
    private readonly CuratedFolder _curated;

    public OpenTicketsStockTests()
    {
        var random = new Random(20261205);
        string?[] channels = ["email", "chat", "phone", null];
        string?[] priorities = ["low", "high", null];
        for (var i = 0; i < 600; i++)
        {
            var opened = Origin.AddDays(random.Next(0, 700));
            DateOnly? resolved = random.Next(0, 6) switch
            {
                0 => null,
                1 => opened.AddDays(-random.Next(1, 5)),
                _ => opened.AddDays(random.Next(0, 120)),
            };
            _tickets.Add(("t" + i, random.Next(0, 8) == 0 ? null : "c" + random.Next(0, 40), opened, resolved,
                channels[random.Next(channels.Length)], priorities[random.Next(priorities.Length)]));
        }

        static string Time(DateOnly day, int hour) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + $" {hour:00}:00:00";
        _curated = new CuratedFolder()
            .Customers([.. Enumerable.Range(0, 30).Select(c => ("c" + c, c % 3 == 0 ? null : c % 3 == 1 ? "ES" : "IT", c % 2 == 0 ? "smb" : (string?)null))])
            .Tickets([.. _tickets.Select(t => (t.Id, t.Customer, Time(t.Opened, 9), (string?)null, t.Resolved is { } r ? Time(r, 17) : null, t.Channel, t.Priority))]);
    }

    public void Dispose() => _curated.Dispose();

    [Fact]
    public void EveryStock_IsTheTicketsOpenOnItsReadingDay_CountedOneByOne()
    {
        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(_curated.Root), DatasetSettings.Default);
        var asOf = result.AsOf!.Value;
        var rows = result.Values.Where(v => v.Metric == TicketsFamily.OpenTickets).ToList();
        Assert.NotEmpty(rows);

        var segmentsOf = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var c = 0; c < 30; c++)
        {
            segmentsOf["c" + c] = [.. new[] { c % 3 == 0 ? null : c % 3 == 1 ? "country:ES" : "country:IT", c % 2 == 0 ? "segment:smb" : null }.OfType<string>()];
        }

        bool InSegment((string Id, string? Customer, DateOnly Opened, DateOnly? Resolved, string? Channel, string? Priority) t, string segment) =>
            segment == SegmentKeys.All
            || (t.Customer is { } c && segmentsOf.TryGetValue(c, out var keys) && keys.Contains(segment))
            || segment == "ticket-channel:" + t.Channel
            || segment == "ticket-priority:" + t.Priority;

        var counted = _tickets.Where(t => t.Opened <= asOf).ToList();
        var expectedSegments = counted.SelectMany(t => new[] { SegmentKeys.All }
                .Concat(t.Customer is { } c && segmentsOf.TryGetValue(c, out var keys) ? keys : [])
                .Concat(t.Channel is { } ch ? ["ticket-channel:" + ch] : [])
                .Concat(t.Priority is { } p ? ["ticket-priority:" + p] : []))
            .Distinct().ToList();
        Assert.Equal(expectedSegments.Order(StringComparer.Ordinal), rows.Select(r => r.Segment).Distinct().Order(StringComparer.Ordinal));

        foreach (var row in rows)
        {
            var day = row.Period.LastDay < asOf ? row.Period.LastDay : asOf;
            var open = counted.Count(t => InSegment(t, row.Segment) && t.Opened <= day && !(t.Resolved is { } r && r <= day));
            Assert.True(open == row.Value, $"{row.Period.Grain} {row.Period.Label} {row.Segment}: counted {open}, computed {row.Value}");
        }

        // Every segment has a row in each period from the one holding its first ticket to the as-of date.
        foreach (var segment in expectedSegments)
        {
            var first = counted.Where(t => InSegment(t, segment)).Min(t => t.Opened);
            var months = rows.Where(r => r.Segment == segment && r.Period.Grain == Domain.Time.Grain.Month).Select(r => r.Period).ToList();
            Assert.Equal(first.Year * 12 + first.Month, months.Min(p => p.Start.Year * 12 + p.Start.Month));
            Assert.Equal(asOf.Year * 12 + asOf.Month - (first.Year * 12 + first.Month) + 1, months.Count);
        }
    }
}

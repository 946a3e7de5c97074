using Centric.Domain.Activity;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Domain.Families;
using Centric.Domain.Metrics;
using Centric.Domain.Segments;
using Centric.Domain.Time;
using FsCheck.Xunit;

namespace Centric.Domain.Tests.Families;

/// <summary>
/// The wait-time rows equal those of the general event metrics with the straightforward reductions: the mean summed in
/// event order, the p90 from sorting each group's own hours and taking the ⌈0.9 n⌉-th smallest, the maximum.
/// </summary>
public class HoursMetricsTests
{
    private static readonly MetricDefinition Mean = new("wait-avg", "Wait (average)", MetricUnit.Hours, "Mean hours.", 1, []);
    private static readonly MetricDefinition P90 = new("wait-p90", "Wait (p90)", MetricUnit.Hours, "Nearest-rank p90 of the hours.", 1, []);
    private static readonly MetricDefinition Max = new("wait-worst", "Wait (worst)", MetricUnit.Hours, "Longest hours.", 1, []);

    /// <summary>Dimension values, blank ones included, and one written with spaces around it.</summary>
    private static readonly string?[] Dimensions = [null, "", " ", "web", " web ", "phone", "mail"];

    [Property(MaxTest = 500)]
    public bool AnyWaits_GiveTheRowsOfSortingEachGroup(ulong[] waits, byte asOf, bool dimensionOnly, bool withP90)
    {
        var events = Events(waits);
        var context = Context(new DateOnly(2025, 1, 1).AddDays(asOf * 3));

        var fast = HoursMetrics.Compute(context, events, "channel", Mean, withP90 ? P90 : null, Max, dimensionOnly);
        var sorted = EventMetrics.Compute(context, [.. events.Select(e => new DatedEvent<decimal>(e.Day, e.CustomerId, e.Dimension, (decimal)e.Item / TimeSpan.TicksPerHour))], "channel",
            [
                new EventMetrics.Measure<decimal>(Mean, g => Reduction.Mean([.. g])),
                .. withP90 ? [new EventMetrics.Measure<decimal>(P90, g => Reduction.Percentile([.. g], 0.9m))] : Array.Empty<EventMetrics.Measure<decimal>>(),
                new EventMetrics.Measure<decimal>(Max, g => Reduction.Max([.. g])),
            ],
            dimensionOnly);

        return fast.SequenceEqual(sorted);
    }

    [Property(MaxTest = 500)]
    public bool AnyWaitsAsColumns_GiveTheRowsOfTheSameWaitsAsEvents(ulong[] waits, byte asOf, bool withP90)
    {
        // The same waits without an event dimension, their customers numbered from the last one met (any numbering
        // is a numbering): the columns must give the rows of the events, in the same order.
        var events = Events(waits).Select(e => e with { Dimension = null }).ToList();
        var customers = events.Select(e => e.CustomerId).OfType<string>().Distinct().Reverse().ToList();
        var times = new ElapsedTimes(
            customers,
            [.. events.Select(e => e.CustomerId is null ? -1 : customers.IndexOf(e.CustomerId))],
            [.. events.Select(e => e.Day.DayNumber)],
            [.. events.Select(e => e.Item)]);
        var context = Context(new DateOnly(2025, 1, 1).AddDays(asOf * 3));

        var columns = HoursMetrics.Compute(context, times, "order", Mean, withP90 ? P90 : null, Max);
        var rows = HoursMetrics.Compute(context, events, "order", Mean, withP90 ? P90 : null, Max);

        return columns.SequenceEqual(rows);
    }

    [Fact]
    public void P90_IsTheCeilingOfNineTenthsOfNthSmallest_PerSegment()
    {
        // Twelve waits of customer c1 (country:ES) of 1..12 hours, in shuffled order, and three of c2 (country:IT).
        // ES: ⌈0.9 × 12⌉ = 11th smallest = 11 h; * holds 15 waits: ⌈13.5⌉ = 14th smallest of 1..12, 20, 30, 40 = 30 h;
        // IT: ⌈2.7⌉ = 3rd smallest of 20, 30, 40 = 40 h.
        int[] es = [7, 3, 12, 1, 9, 5, 11, 2, 8, 4, 10, 6];
        var events = es.Select(h => Wait(15, "c1", h))
            .Concat([Wait(3, "c2", 40), Wait(20, "c2", 20), Wait(28, "c2", 30)])
            .ToArray();

        var rows = HoursMetrics.Compute(Context(new DateOnly(2025, 2, 28)), events, "channel", Mean, P90, Max);

        decimal? Value(string metric, string segment) =>
            Assert.Single(rows, r => r.Metric == metric && r.Segment == segment && r.Period.Grain == Grain.Month && r.Period.Label == "2025-02").Value;
        Assert.Equal(11m, Value(P90.Id, "country:ES"));
        Assert.Equal(30m, Value(P90.Id, SegmentKeys.All));
        Assert.Equal(40m, Value(P90.Id, "country:IT"));
        Assert.Equal(168m / 15, Value(Mean.Id, SegmentKeys.All));
        Assert.Equal(40m, Value(Max.Id, SegmentKeys.All));
        Assert.True(Assert.Single(rows, r => r.Metric == P90.Id && r.Segment == "country:IT" && r.Period.Grain == Grain.Month).LowSample);
    }

    private static DatedEvent<long> Wait(int day, string customer, int hours) =>
        new(new DateOnly(2025, 2, day), customer, null, hours * TimeSpan.TicksPerHour);

    /// <summary>
    /// Waits over about two years, each drawn from the bytes of one number spread over all its bits: from whole hours 0 to 3 (many ties) to fractions
    /// of an hour that do not end (13 s steps), of customers with and without segments and of none, with any dimension.
    /// </summary>
    private static List<DatedEvent<long>> Events(ulong[] waits)
    {
        var events = new List<DatedEvent<long>>(waits.Length);
        foreach (var drawn in waits)
        {
            var w = Mix(drawn);
            var (day, c, duration, d) = ((int)(w & 0xFF), (int)((w >> 8) & 0xFF), (long)((w >> 16) & 0xFFFF), (int)((w >> 32) & 0xFF));
            var customer = c % 9 == 0 ? null : $"c{c % 9}";
            var ticks = c % 2 == 0 ? duration % 4 * TimeSpan.TicksPerHour : duration * 13 * TimeSpan.TicksPerSecond;
            events.Add(new DatedEvent<long>(new DateOnly(2025, 1, 1).AddDays(day * 3), customer, Dimensions[d % Dimensions.Length], ticks));
        }

        return events;
    }

    /// <summary>SplitMix64's finaliser: small numbers, which the generator draws most, spread over every byte.</summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static FamilyContext Context(DateOnly asOf)
    {
        var attributes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["c1"] = ["country:ES", "plan:pro"],
            ["c2"] = ["country:IT"],
            ["c3"] = ["country:ES", "plan:basic"],
            ["c4"] = ["country:IT", "plan:pro"],
            ["c5"] = ["plan:pro"],
            ["c6"] = [],
        };
        var tiers = new Dictionary<string, string>(StringComparer.Ordinal) { ["c1"] = "high", ["c7"] = "low" };
        return new FamilyContext(
            DatasetSettings.Default,
            new PeriodCalendar(),
            asOf,
            [Grain.Month, Grain.Quarter, Grain.Year],
            new HashSet<ExportKind>(),
            new LoadedOrders([], [], 0, [], null, DatasetSettings.FallbackCurrency),
            new CustomerSegments(attributes, tiers, "clv-tier"),
            null,
            new NoExports());
    }

    /// <summary>Wait metrics are computed from the events they are given; reading an export is a fault.</summary>
    private sealed class NoExports : IExportReader
    {
        public ExportRows Read(ExportKind kind, IReadOnlyList<string> columns) =>
            throw new InvalidOperationException($"Wait metrics read no export ({kind.ToSlug()}).");
    }
}

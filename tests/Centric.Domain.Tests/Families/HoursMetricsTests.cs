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
/// The wait-time rows equal those of the general event metrics with the straightforward reductions: the mean as the
/// exact fraction of each group's ticks, rounded with integers, the p90 from sorting each group's own hours and taking
/// the ⌈0.9 n⌉-th smallest, the maximum; and they do not depend on the order of the waits.
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
        var sorted = EventMetrics.Compute(context, events, "channel",
            [
                new EventMetrics.Measure<long>(Mean, g => ExactMean([.. g])),
                .. withP90 ? [new EventMetrics.Measure<long>(P90, g => Reduction.Percentile([.. g.Select(Hours)], 0.9m))] : Array.Empty<EventMetrics.Measure<long>>(),
                new EventMetrics.Measure<long>(Max, g => Reduction.Max([.. g.Select(Hours)])),
            ],
            dimensionOnly);

        return fast.SequenceEqual(sorted);
    }

    [Fact]
    public void AMeanOnARoundingMidpoint_IsTheExactMeanRoundedOnce_NotASumOfRoundedHours()
    {
        // Six waits (in ticks) that add up to 9,756,466,092,000 ticks, 271.012947 h exactly, so the mean is 45.1688245 h,
        // a midpoint at the sixth place, which rounds away from zero to 45.168825. Each wait alone is a decimal of hours
        // that does not end (344,916,000,005 ticks is 9.5810000001388… h), rounded at its 28th digit: summed as such,
        // the hours came to 271.01294699999999999999999999 and the mean rounded down to 45.168824.
        long[] waits = [344_916_000_005, 787_787_000_003, 4_846_790_000_006, 3_435_848_000_000, 341_120_000_004, 5_091_982];
        var events = waits.Select((w, i) => new DatedEvent<long>(new DateOnly(2025, 2, 3 + i), null, null, w)).ToArray();

        var row = Assert.Single(
            HoursMetrics.Compute(Context(new DateOnly(2025, 2, 28)), events, "channel", Mean, null, Max),
            r => r.Metric == Mean.Id && r.Period.Grain == Grain.Month);

        Assert.Equal(9_756_466_092_000, waits.Sum());
        Assert.Equal((271.012947m, 45.168825m, 6m), (row.Numerator, row.Value, row.Denominator));
        Assert.Equal(ExactMean(waits), new Reduction(row.Value, row.Numerator, row.Denominator));
    }

    /// <summary>
    /// The mean hours of <paramref name="ticks"/> and their sum, each the exact fraction rounded half away from zero at
    /// six places with integers, as <see cref="Ratio.Round(decimal)"/> rounds a value.
    /// </summary>
    private static Reduction ExactMean(long[] ticks)
    {
        var sum = ticks.Aggregate(System.Numerics.BigInteger.Zero, (s, t) => s + t);
        static decimal Rounded(System.Numerics.BigInteger numerator, System.Numerics.BigInteger denominator) =>
            (decimal)(((2 * numerator * 1_000_000) + denominator) / (2 * denominator)) / 1_000_000m;
        return new(Rounded(sum, TimeSpan.TicksPerHour * (long)ticks.Length), Rounded(sum, TimeSpan.TicksPerHour), ticks.Length);
    }

    private static decimal Hours(long ticks) => (decimal)ticks / TimeSpan.TicksPerHour;

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

    [Property(MaxTest = 300)]
    public bool AnyWaitsInAnyOrder_GiveTheSameRows(ulong[] waits, int seed, bool withP90)
    {
        // A reader hands the times over in any order (IExportReader.Elapsed): no row may depend on it.
        var events = Events(waits);
        var shuffled = events.ToArray();
        new Random(seed).Shuffle(shuffled);
        var context = Context(new DateOnly(2027, 1, 1));

        return HoursMetrics.Compute(context, events, "channel", Mean, withP90 ? P90 : null, Max)
            .SequenceEqual(HoursMetrics.Compute(context, shuffled, "channel", Mean, withP90 ? P90 : null, Max));
    }

    [Property(MaxTest = 300)]
    public bool Ascending_OrdersAsAStableSortOfTheValues(ulong[] drawn, byte shift)
    {
        // Values from 0 to 2^63 − 1 (up to four passes of 16 bits), many of them equal.
        var values = drawn.Select(d => (long)((d % 7 == 0 ? d % 5 : d) >> 1 >> (shift % 64))).ToArray();

        var expected = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ThenBy(i => i);

        return HoursRows.Ascending(values).SequenceEqual(expected);
    }

    [Fact]
    public void Ascending_OfLargeAndEqualValues_AndOfNone()
    {
        long[] values = [long.MaxValue, 0, 1L << 48, 65_536, 65_535, 1L << 48, 0, long.MaxValue - 1];

        Assert.Equal([1, 6, 4, 3, 2, 5, 7, 0], HoursRows.Ascending(values));
        Assert.Empty(HoursRows.Ascending([]));
        Assert.Throws<ArgumentException>(() => HoursRows.Ascending([3, -1]));
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

using Centric.Domain.Metrics;
using Centric.Domain.Segments;

namespace Centric.Domain.Families;

/// <summary>
/// The rows of <see cref="HoursMetrics"/> from the counted times as columns (day number, ticks, segment set):
/// one pass adds each time to the count, the sum of ticks and the longest ticks of every (grain, period, segment) group
/// it belongs to, and one pass in order of elapsed time finds each group's nearest-rank 90th percentile. A group's sum
/// of hours is its exact sum of ticks divided once by <see cref="TimeSpan.TicksPerHour"/>: whole numbers add up exactly
/// in any order, whereas a decimal of hours per time (13 s is 0.00361… h) was rounded at each of millions of additions.
/// </summary>
internal static class HoursRows
{
    private const decimal P90 = 0.9m;

    /// <summary>The rows of the counted times: <paramref name="days"/> are day numbers (<see cref="DateOnly.DayNumber"/>), none before
    /// <paramref name="first"/> or after the as-of date, and
    /// <paramref name="sets"/> are each time's set of <paramref name="segments"/>.</summary>
    public static List<MetricValue> Of(
        FamilyContext context,
        SegmentSets segments,
        DateOnly first,
        int[] days,
        long[] ticks,
        int[] sets,
        MetricDefinition mean,
        MetricDefinition? p90,
        MetricDefinition max)
    {
        var n = ticks.Length;
        // Every grain's groups (period, segment) one after another: group (grain k, period p, segment s) is
        // bases[k] + p × segment count + s; periodOf[k][day − first] is the period of a day.
        var names = segments.Names;
        var grains = context.Grains.ToArray();
        var periods = new IReadOnlyList<Time.Period>[grains.Length];
        var periodOf = new int[grains.Length][];
        var bases = new int[grains.Length + 1];
        var firstDay = first.DayNumber;
        var span = context.AsOf.DayNumber - firstDay + 1;
        for (var k = 0; k < grains.Length; k++)
        {
            periods[k] = context.Calendar.PeriodsBetween(grains[k], first, context.AsOf);
            periodOf[k] = new int[span];
            for (int d = 0, p = 0; d < span; d++)
            {
                while (p + 1 < periods[k].Count && periods[k][p + 1].Start.DayNumber <= first.DayNumber + d)
                {
                    p++;
                }

                periodOf[k][d] = p * names.Count;
            }

            bases[k + 1] = bases[k] + (periods[k].Count * names.Count);
        }

        var groups = bases[^1];
        var counts = new int[groups];
        var sums = new Int128[groups];
        var maxima = new long[groups];
        var members = segments.Members;
        var memberStart = segments.MemberStart;
        for (var i = 0; i < n; i++)
        {
            var t = ticks[i];
            for (var k = 0; k < grains.Length; k++)
            {
                var row = bases[k] + periodOf[k][days[i] - firstDay];
                for (var m = memberStart[sets[i]]; m < memberStart[sets[i] + 1]; m++)
                {
                    var g = row + members[m];
                    counts[g]++;
                    sums[g] += t;
                    maxima[g] = Math.Max(maxima[g], t);
                }
            }
        }

        var percentiles = p90 is null ? null : Percentiles(ticks, days, firstDay, sets, members, memberStart, periodOf, bases, counts);

        // Segments in row order: * first, then by key.
        var segmentOrder = Enumerable.Range(0, names.Count)
            .OrderBy(s => names[s] == SegmentKeys.All ? 0 : 1)
            .ThenBy(s => names[s], StringComparer.Ordinal)
            .ToArray();
        var rows = new List<MetricValue>();
        for (var k = 0; k < grains.Length; k++)
        {
            for (var p = 0; p < periods[k].Count; p++)
            {
                var period = periods[k][p];
                var partial = period.LastDay > context.AsOf;
                foreach (var s in segmentOrder)
                {
                    var g = bases[k] + (p * names.Count) + s;
                    var count = counts[g];
                    if (count == 0)
                    {
                        continue;
                    }

                    var segment = names[s];
                    var lowSample = segment != SegmentKeys.All && count < SegmentKeys.LowSampleThreshold;
                    rows.Add(Row(mean, period, segment, Reduction.Divide((decimal)sums[g] / TimeSpan.TicksPerHour, count), partial, lowSample));
                    if (p90 is not null)
                    {
                        var value = Hours(percentiles![g]);
                        rows.Add(Row(p90, period, segment, new(value, value, count), partial, lowSample));
                    }

                    var longest = Hours(maxima[g]);
                    rows.Add(Row(max, period, segment, new(longest, longest, count), partial, lowSample));
                }
            }
        }

        return rows;
    }

    /// <summary>
    /// Each group's nearest-rank p90 in ticks, the ⌈0.9 n⌉-th smallest of its n waits: the events are visited from the
    /// shortest to the longest, and a group's p90 is the wait at which the group's running count reaches ⌈0.9 n⌉.
    /// Events of equal ticks have equal hours, so their order among themselves does not change any value.
    /// </summary>
    private static long[] Percentiles(
        long[] ticks, int[] days, int firstDay, int[] sets, int[] members, int[] memberStart, int[][] periodOf, int[] bases, int[] counts)
    {
        var targets = new int[counts.Length];
        for (var g = 0; g < counts.Length; g++)
        {
            targets[g] = Math.Clamp((int)Math.Ceiling(P90 * counts[g]), 1, Math.Max(counts[g], 1));
        }

        var order = Ascending(ticks);
        var reached = new int[counts.Length];
        var values = new long[counts.Length];
        foreach (var i in order)
        {
            for (var k = 0; k < periodOf.Length; k++)
            {
                var row = bases[k] + periodOf[k][days[i] - firstDay];
                for (var m = memberStart[sets[i]]; m < memberStart[sets[i] + 1]; m++)
                {
                    var g = row + members[m];
                    if (++reached[g] == targets[g])
                    {
                        values[g] = ticks[i];
                    }
                }
            }
        }

        return values;
    }

    /// <summary>
    /// The positions of <paramref name="values"/> (none below zero) from the smallest value to the largest, equal values
    /// in position order: a least-significant-digit radix sort, 16 bits a pass and only as many passes as the largest
    /// value has digits (three for waits shorter than 325 days, in ticks). It holds two arrays of positions, 8 bytes a
    /// value, where sorting a copy of the values with their positions held 12, and takes linear time.
    /// </summary>
    internal static int[] Ascending(long[] values)
    {
        var n = values.Length;
        var order = new int[n];
        var max = 0L;
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
            max = Math.Max(max, values[i] >= 0 ? values[i] : throw new ArgumentException($"A value is below zero ({values[i]}).", nameof(values)));
        }

        var spare = new int[n];
        var starts = new int[1 << 16];
        for (var shift = 0; shift < 64 && (max >> shift) != 0; shift += 16)
        {
            Array.Clear(starts);
            foreach (var value in values)
            {
                starts[(int)((value >> shift) & 0xFFFF)]++;
            }

            for (int digit = 0, sum = 0; digit < starts.Length; digit++)
            {
                (starts[digit], sum) = (sum, sum + starts[digit]);
            }

            foreach (var i in order)
            {
                spare[starts[(int)((values[i] >> shift) & 0xFFFF)]++] = i;
            }

            (order, spare) = (spare, order);
        }

        return order;
    }

    /// <summary>Ticks in hours, as the families have always divided them.</summary>
    private static decimal Hours(long ticks) => (decimal)ticks / TimeSpan.TicksPerHour;

    private static MetricValue Row(MetricDefinition definition, Time.Period period, string segment, Reduction r, bool partial, bool lowSample) =>
        new(
            definition.Id,
            null,
            period,
            segment,
            Ratio.Round(r.Value),
            Ratio.Round(r.Numerator),
            Ratio.Round(r.Denominator),
            definition.Unit,
            definition.Version,
            Partial: partial,
            LowSample: lowSample);
}

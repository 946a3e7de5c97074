namespace Centric.Domain.Families;

/// <summary>
/// A duration's hours and its rank among all durations of one kind (<see cref="Ranking"/>), so that many groups of
/// them can each find their nearest-rank percentile by sorting whole numbers instead of decimals.
/// </summary>
internal readonly record struct RankedHours(decimal Hours, int Rank)
{
    /// <summary>
    /// Ranks <paramref name="hours"/> once: each one's rank is its place in a stable sort of all of them, so a group's
    /// ⌈p·n⌉-th smallest is the member with the ⌈p·n⌉-th smallest rank — the same one a stable sort of the group's own
    /// hours picks (<see cref="Reduction.Percentile"/>).
    /// </summary>
    public static Ranking RankAll(IReadOnlyList<decimal> hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var order = Enumerable.Range(0, hours.Count).OrderBy(i => hours[i]).ToArray();
        var rankOf = new int[order.Length];
        var sorted = new decimal[order.Length];
        for (var k = 0; k < order.Length; k++)
        {
            rankOf[order[k]] = k;
            sorted[k] = hours[order[k]];
        }

        return new Ranking(rankOf, sorted);
    }

    /// <summary>The mean hours of <paramref name="items"/> (<see cref="Reduction.Mean"/>: summed in their order), without copying them.</summary>
    public static Reduction Mean(IReadOnlyList<RankedHours> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var sum = 0m;
        for (var i = 0; i < items.Count; i++)
        {
            sum += items[i].Hours;
        }

        return Reduction.Divide(sum, items.Count);
    }

    /// <summary>The most hours of <paramref name="items"/> (<see cref="Reduction.Max"/>: the first of equal largest values), without copying them.</summary>
    public static Reduction Max(IReadOnlyList<RankedHours> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return new(null, null, 0);
        }

        var max = items[0].Hours;
        for (var i = 1; i < items.Count; i++)
        {
            if (items[i].Hours > max)
            {
                max = items[i].Hours;
            }
        }

        return new(max, max, items.Count);
    }

    /// <summary>The ranks of one kind of durations and their hours in rank order.</summary>
    internal sealed class Ranking(int[] rankOf, decimal[] sorted)
    {
        /// <summary>Duration <paramref name="index"/> (as ranked) with its rank.</summary>
        public RankedHours Of(int index) => new(sorted[rankOf[index]], rankOf[index]);

        /// <summary>The nearest-rank 90th percentile of a group of ranked durations.</summary>
        public Reduction? P90(IReadOnlyList<RankedHours> items) => Percentile(items, 0.9m);

        /// <summary>The nearest-rank percentile <paramref name="p"/>: the ⌈p·n⌉-th smallest; numerator the value, denominator n.</summary>
        public Reduction Percentile(IReadOnlyList<RankedHours> items, decimal p)
        {
            ArgumentNullException.ThrowIfNull(items);
            if (items.Count == 0)
            {
                return new(null, null, 0);
            }

            var ranks = new int[items.Count];
            for (var i = 0; i < ranks.Length; i++)
            {
                ranks[i] = items[i].Rank;
            }

            Array.Sort(ranks);
            var rank = (int)Math.Ceiling(p * ranks.Length);
            var value = sorted[ranks[Math.Clamp(rank, 1, ranks.Length) - 1]];
            return new(value, value, ranks.Length);
        }
    }
}

using Centric.Domain.Clv;
using Centric.Domain.Metrics;
using Centric.Domain.Segments;

namespace Centric.Domain.Families.PredictedClv;

/// <summary>
/// Every segment key numbered once, and each customer's segments as those numbers (by id, and by number in the purchase
/// history), so that summing a calibration end's scores into its segments costs one lookup per customer instead of one
/// per customer and segment, and none at all for an end scored straight into its totals.
/// </summary>
internal sealed class SegmentSlots
{
    private readonly List<string> _keys = [SegmentKeys.All];
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _segmentsByCustomer;

    /// <summary>
    /// The slots of each list of keys, by the list itself: customers of the same segments share one list (the segments'
    /// loader builds each combination once), so a million customers need a few hundred arrays, not one each.
    /// </summary>
    private readonly Dictionary<IReadOnlyList<string>, int[]> _slotsOf = new(ReferenceEqualityComparer.Instance);
    private readonly int[]?[] _byNumber;

    /// <param name="segmentsByCustomer">Each customer's segment keys.</param>
    /// <param name="customerIds">The purchase history's customers, by number.</param>
    public SegmentSlots(IReadOnlyDictionary<string, IReadOnlyList<string>> segmentsByCustomer, IReadOnlyList<string> customerIds)
    {
        ArgumentNullException.ThrowIfNull(segmentsByCustomer);
        ArgumentNullException.ThrowIfNull(customerIds);
        _segmentsByCustomer = segmentsByCustomer;
        var slots = new Dictionary<string, int>(StringComparer.Ordinal) { [SegmentKeys.All] = 0 };
        foreach (var keys in segmentsByCustomer.Values)
        {
            if (_slotsOf.ContainsKey(keys))
            {
                continue;
            }

            var numbers = new int[keys.Count];
            for (var k = 0; k < keys.Count; k++)
            {
                if (!slots.TryGetValue(keys[k], out var slot))
                {
                    slots[keys[k]] = slot = _keys.Count;
                    _keys.Add(keys[k]);
                }

                numbers[k] = slot;
            }

            _slotsOf.Add(keys, numbers);
        }

        _byNumber = new int[]?[customerIds.Count];
        for (var c = 0; c < customerIds.Count; c++)
        {
            _byNumber[c] = SlotsOf(customerIds[c]);
        }
    }

    /// <summary>
    /// The scores summed per segment, each segment's customers in score order, the segments in the order their
    /// first customer comes (all customers first).
    /// </summary>
    public IReadOnlyList<(string Segment, SegmentTotals Totals)> Sum(IReadOnlyList<CustomerScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var sums = new Sums(this);
        foreach (var score in scores)
        {
            sums.Add(SlotsOf(score.CustomerId), score.PAlive, score.ExpectedPurchases, score.Clv);
        }

        return sums.Result();
    }

    /// <summary>
    /// What <see cref="Sum(IReadOnlyList{CustomerScore})"/> gives for the scores of <paramref name="fit"/>'s customers
    /// with <paramref name="choice"/>'s models (all null without a transaction model), each score added as it is
    /// worked out instead of kept: the same numbers added in the same order.
    /// </summary>
    public IReadOnlyList<(string Segment, SegmentTotals Totals)> Sum(ClvModelFit fit, ClvModelChoice choice, ClvOptions options)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var sink = new Sink(this, fit.CustomerNumbers);
        if (choice.Model is null)
        {
            for (var i = 0; i < fit.Summaries.Count; i++)
            {
                sink.Add(i, null, null, null, null);
            }
        }
        else
        {
            ClvCalculator.Score(fit.Summaries, fit.Groups, choice.Model, choice.Spend, sink, options);
        }

        return sink.Sums.Result();
    }

    /// <summary>The slots of a customer's segments; null for a customer without segments.</summary>
    private int[]? SlotsOf(string customerId) =>
        _segmentsByCustomer.TryGetValue(customerId, out var keys) ? _slotsOf[keys] : null;

    /// <summary>One end's totals being added up, per segment number.</summary>
    private sealed class Sums(SegmentSlots slots)
    {
        private readonly SegmentTotals?[] _totals = new SegmentTotals?[slots._keys.Count];
        private readonly List<int> _order = [0];

        public void Add(int[]? segments, double? pAlive, double? purchases, decimal? clv)
        {
            // Each number is converted once and added to every segment of the customer: the same sums as
            // converting it again per segment.
            decimal? alive = pAlive is { } p ? (decimal)p : null;
            decimal? expected = purchases is { } e ? (decimal)e : null;
            (_totals[0] ??= new SegmentTotals()).Add(clv, alive, expected);
            if (segments is null)
            {
                return;
            }

            foreach (var slot in segments)
            {
                if (_totals[slot] is not { } segment)
                {
                    _totals[slot] = segment = new SegmentTotals();
                    _order.Add(slot);
                }

                segment.Add(clv, alive, expected);
            }
        }

        public IReadOnlyList<(string Segment, SegmentTotals Totals)> Result() =>
            [.. _order.Select(slot => (slots._keys[slot], _totals[slot] ?? new SegmentTotals()))];
    }

    /// <summary>Adds each score to its customer's segments as <see cref="ClvCalculator"/> works it out.</summary>
    private sealed class Sink(SegmentSlots slots, IReadOnlyList<int> customerNumbers) : IClvScoreSink
    {
        public Sums Sums { get; } = new(slots);

        public void Add(int index, double? pAlive, double? expectedPurchases, decimal? expectedSpend, decimal? clv) =>
            Sums.Add(slots._byNumber[customerNumbers[index]], pAlive, expectedPurchases, clv);
    }
}

using Centric.Domain.Segments;

namespace Centric.Domain.Metrics;

/// <summary>
/// Numbers the segments (bin 0 is <c>*</c>) and lists each customer's bins. Customers in the same segments share one
/// combination of bins: one array for all of them, numbered so that sums can be made per combination and spread to the
/// bins once.
/// </summary>
internal sealed class SegmentIndex
{
    private readonly int[] _combinationOf;
    private readonly List<int[]> _combinations = [];

    public SegmentIndex(int customerCount, IReadOnlyList<IReadOnlyList<string>>? customerSegments)
    {
        var keys = new List<string> { SegmentKeys.All };
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal) { [SegmentKeys.All] = 0 };
        // Customers with the same segments usually share one list of keys (the segment loader's): a list met before is
        // found by reference, and a new list's bins by their numbers.
        var byList = new Dictionary<IReadOnlyList<string>, int>(ReferenceEqualityComparer.Instance);
        var byBins = new Dictionary<int[], int>(SegmentNumbersComparer.Instance);
        _combinationOf = new int[customerCount];
        var bins = new List<int>();
        for (var c = 0; c < customerCount; c++)
        {
            var segments = customerSegments is not null && c < customerSegments.Count ? customerSegments[c] : [];
            if (byList.TryGetValue(segments, out var known))
            {
                _combinationOf[c] = known;
                continue;
            }

            bins.Clear();
            bins.Add(0);
            foreach (var key in segments)
            {
                if (!byKey.TryGetValue(key, out var bin))
                {
                    bin = keys.Count;
                    byKey[key] = bin;
                    keys.Add(key);
                }

                if (!bins.Contains(bin))
                {
                    bins.Add(bin);
                }
            }

            int[] numbers = [.. bins];
            if (!byBins.TryGetValue(numbers, out var combination))
            {
                combination = _combinations.Count;
                byBins[numbers] = combination;
                _combinations.Add(numbers);
            }

            byList[segments] = _combinationOf[c] = combination;
        }

        Keys = keys;
    }

    public IReadOnlyList<string> Keys { get; }

    public int Count => Keys.Count;

    /// <summary>The number of distinct combinations of bins the customers are in.</summary>
    public int Combinations => _combinations.Count;

    public int[] BinsOf(int customer) => _combinations[_combinationOf[customer]];

    public int CombinationOf(int customer) => _combinationOf[customer];

    /// <summary>The bins of combination <paramref name="combination"/>, <c>*</c> first.</summary>
    public int[] BinsOfCombination(int combination) => _combinations[combination];
}

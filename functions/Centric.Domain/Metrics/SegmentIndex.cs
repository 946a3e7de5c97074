using Centric.Domain.Segments;

namespace Centric.Domain.Metrics;

/// <summary>Numbers the segments (bin 0 is <c>*</c>) and lists each customer's bins.</summary>
internal sealed class SegmentIndex
{
    private readonly int[][] _customerBins;

    public SegmentIndex(int customerCount, IReadOnlyList<IReadOnlyList<string>>? customerSegments)
    {
        var keys = new List<string> { SegmentKeys.All };
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal) { [SegmentKeys.All] = 0 };
        _customerBins = new int[customerCount][];
        for (var c = 0; c < customerCount; c++)
        {
            var segments = customerSegments is not null && c < customerSegments.Count ? customerSegments[c] : [];
            var bins = new List<int>(segments.Count + 1) { 0 };
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

            _customerBins[c] = [.. bins];
        }

        Keys = keys;
    }

    public IReadOnlyList<string> Keys { get; }

    public int Count => Keys.Count;

    public int[] BinsOf(int customer) => _customerBins[customer];
}

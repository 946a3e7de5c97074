using Centric.Domain.Metrics;
using Centric.Domain.Segments;

namespace Centric.Domain.Families;

/// <summary>
/// The segments events count in, numbered (<c>*</c> is 0), and the distinct sets of them: a customer's segments are
/// numbered once per list of segment keys (customers of the same segments share one list, as the segments' loader
/// builds each combination once) and shared by every event with the same event dimension.
/// </summary>
internal sealed class SegmentSets(FamilyContext context, string dimension, bool dimensionOnly)
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal) { [SegmentKeys.All] = 0 };
    private readonly Dictionary<IReadOnlyList<string>, int[]> _byKeys = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> _byDimension = new(StringComparer.Ordinal);
    private readonly Dictionary<(int[] Customer, int Dimension), int> _sets = new(new SetComparer());
    private readonly List<int> _members = [];
    private readonly List<int> _memberStart = [0];
    private int[]? _memberArray;
    private int[]? _memberStartArray;

    /// <summary>The segments by number.</summary>
    public List<string> Names { get; } = [SegmentKeys.All];

    /// <summary>The segments of every set: set i's are Members[MemberStart[i]..MemberStart[i + 1]).</summary>
    public int[] Members => _memberArray ??= [.. _members];

    public int[] MemberStart => _memberStartArray ??= [.. _memberStart];

    /// <summary>The set an event of <paramref name="customer"/> with event dimension <paramref name="value"/> counts in.</summary>
    public int Of(string? customer, string? value) =>
        Of(dimensionOnly || customer is null ? [] : context.Segments.Of(customer), value);

    /// <summary>
    /// The set an event of a customer whose segment keys are <paramref name="customerKeys"/> (already looked up, the same
    /// list <see cref="CustomerSegments.Of"/> gives) with event dimension <paramref name="value"/> counts in.
    /// </summary>
    public int Of(IReadOnlyList<string> customerKeys, string? value)
    {
        ArgumentNullException.ThrowIfNull(customerKeys);
        int[] customerSegments = [];
        if (!dimensionOnly && customerKeys is { Count: > 0 } keys
            && !_byKeys.TryGetValue(keys, out customerSegments!))
        {
            customerSegments = new int[keys.Count];
            for (var k = 0; k < keys.Count; k++)
            {
                customerSegments[k] = Number(keys[k]);
            }

            _byKeys[keys] = customerSegments = Shared(customerSegments);
        }

        var dimensionSegment = -1;
        if (!string.IsNullOrWhiteSpace(value) && !_byDimension.TryGetValue(value, out dimensionSegment))
        {
            _byDimension[value] = dimensionSegment = Number(SegmentKeys.Of(dimension, value.Trim()));
        }

        if (_sets.TryGetValue((customerSegments, dimensionSegment), out var set))
        {
            return set;
        }

        if (!dimensionOnly)
        {
            _members.Add(0);
            _members.AddRange(customerSegments);
        }

        if (dimensionSegment >= 0)
        {
            _members.Add(dimensionSegment);
        }

        _memberStart.Add(_members.Count);
        return _sets[(customerSegments, dimensionSegment)] = _memberStart.Count - 2;
    }

    private readonly Dictionary<int[], int[]> _shared = new(SegmentNumbersComparer.Instance);

    /// <summary>One array for every customer with the same segments, so sets are compared by reference.</summary>
    private int[] Shared(int[] customerSegments)
    {
        if (_shared.TryGetValue(customerSegments, out var shared))
        {
            return shared;
        }

        _shared[customerSegments] = customerSegments;
        return customerSegments;
    }

    private int Number(string key)
    {
        if (!_numbers.TryGetValue(key, out var number))
        {
            _numbers[key] = number = Names.Count;
            Names.Add(key);
        }

        return number;
    }

    private sealed class SetComparer : IEqualityComparer<(int[] Customer, int Dimension)>
    {
        public bool Equals((int[] Customer, int Dimension) x, (int[] Customer, int Dimension) y) =>
            ReferenceEquals(x.Customer, y.Customer) && x.Dimension == y.Dimension;

        public int GetHashCode((int[] Customer, int Dimension) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Customer), obj.Dimension);
    }
}

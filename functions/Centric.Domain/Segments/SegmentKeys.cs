namespace Centric.Domain.Segments;

/// <summary>Segment keys: <c>*</c> for everyone, <c>{attribute}:{value}</c> otherwise (e.g. <c>country:ES</c>).</summary>
public static class SegmentKeys
{
    public const string All = "*";

    /// <summary>The customer attributes every metric is cut by (from the customers export), plus clv-tier.</summary>
    public static IReadOnlyList<string> Attributes { get; } = ["country", "segment", "plan", "channel"];

    /// <summary>Below this many customers a segment's value is still reported, marked as a low sample.</summary>
    public const int LowSampleThreshold = 5;

    public static string Of(string attribute, string value) => $"{attribute}:{value}";
}

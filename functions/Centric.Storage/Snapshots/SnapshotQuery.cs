namespace Centric.Storage.Snapshots;

/// <summary>
/// Which rows of a generation to read: one metric at one grain, optionally limited by period start, segment
/// (exact, or <c>country:*</c> for every value of an attribute, or null for all) and preset (null for all).
/// </summary>
public sealed record SnapshotQuery(
    string Metric,
    string Grain,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Segment = "*",
    string? Preset = null);

namespace Centric.Domain.Datasets;

/// <summary>
/// A dataset's settings, from <c>exports/{dataset}/settings.json</c>; every member optional (docs/contract.md).
/// </summary>
public sealed record DatasetSettings
{
    public string ReportingCurrency { get; init; } = "EUR";

    /// <summary>IANA time zone: instants are converted to it before being cut into calendar days.</summary>
    public string TimeZone { get; init; } = "UTC";

    public int FiscalYearStartMonth { get; init; } = 1;

    /// <summary>W: a customer with no purchase for this many days has churned.</summary>
    public int InactivityDays { get; init; } = 365;

    public string ChurnPreset { get; init; } = "average";

    public DateOrder DateOrder { get; init; } = DateOrder.Auto;

    public DecimalSeparator DecimalSeparator { get; init; } = DecimalSeparator.Auto;

    public ClvSettings Clv { get; init; } = new();

    public static DatasetSettings Default { get; } = new();

    /// <summary>
    /// The calendar day <paramref name="now"/> falls on in the dataset's time zone (UTC when the zone is unknown): rows
    /// dated after it are rejected as future, in the cloud and on the command line alike.
    /// </summary>
    public DateOnly Today(DateTimeOffset now) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone)
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime)
            : DateOnly.FromDateTime(now.UtcDateTime);
}

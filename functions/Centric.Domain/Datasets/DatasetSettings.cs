namespace Centric.Domain.Datasets;

/// <summary>
/// A dataset's settings, from <c>exports/{dataset}/settings.json</c>; every member optional (docs/contract.md).
/// </summary>
public sealed record DatasetSettings
{
    /// <summary>The default reporting currency when settings name none and the data's money is in several currencies (or none).</summary>
    public const string FallbackCurrency = "EUR";

    /// <summary>
    /// ISO 4217 code money is reported in; null when settings.json names none: then the data's currency reports when all
    /// money is in one currency, else <see cref="FallbackCurrency"/> (<see cref="ReportingCurrencyFor"/>).
    /// </summary>
    public string? ReportingCurrency { get; init; }

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

    /// <summary>The reporting currency given the distinct currencies the data's money is in.</summary>
    public string ReportingCurrencyFor(IReadOnlyCollection<string> dataCurrencies)
    {
        ArgumentNullException.ThrowIfNull(dataCurrencies);
        return ReportingCurrency?.ToUpperInvariant() ?? (dataCurrencies.Count == 1 ? dataCurrencies.First() : FallbackCurrency);
    }

    /// <summary>
    /// The calendar day <paramref name="now"/> falls on in the dataset's time zone (UTC when the zone is unknown): rows
    /// dated after it are rejected as future, in the cloud and on the command line alike.
    /// </summary>
    public DateOnly Today(DateTimeOffset now) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone)
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime)
            : DateOnly.FromDateTime(now.UtcDateTime);
}

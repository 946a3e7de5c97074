using System.Globalization;

namespace Centric.Domain.Activity;

/// <summary>
/// The warning a money metric carries instead of a value when some of its amounts could not be converted (docs/metrics.md):
/// per currency, the number of amounts and the first day without a rate.
/// </summary>
public static class ConversionWarnings
{
    /// <summary>One currency's part: e.g. "3 amounts in BRL from 2017-01-05 have no fx rate to EUR on or before their day".</summary>
    public static string Part(string currency, long count, DateOnly firstDay, string reportingCurrency) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{count} {(count == 1 ? "amount" : "amounts")} in {currency} from {firstDay:yyyy-MM-dd} {(count == 1 ? "has" : "have")} no fx rate to {reportingCurrency} on or before {(count == 1 ? "its" : "their")} day");

    /// <summary>The whole warning from its parts; null when there are none.</summary>
    public static string? Join(IReadOnlyCollection<string> parts, string reportingCurrency)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Count == 0
            ? null
            : $"{string.Join("; ", parts)}: the value is unknown (not 0) until an fx-rates export converts them to {reportingCurrency}.";
    }

    /// <summary>The warning for every amount of <paramref name="amounts"/> (all customers), grouped by currency.</summary>
    public static string? For(IEnumerable<UnconvertedAmounts> amounts, string reportingCurrency)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var parts = amounts
            .GroupBy(a => a.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Part(g.Key, g.Sum(a => (long)a.Count), g.Min(a => a.Day), reportingCurrency))
            .ToArray();
        return Join(parts, reportingCurrency);
    }
}

namespace Centric.Domain.Families.Subscriptions;

/// <summary>
/// The fx-rates export as a lookup: units of the reporting currency per unit of a currency, on a day or the latest
/// earlier day with a rate.
/// </summary>
internal sealed class FxRates
{
    private readonly Dictionary<string, (DateOnly[] Days, decimal[] Rates)> _byCurrency;

    private FxRates(Dictionary<string, (DateOnly[] Days, decimal[] Rates)> byCurrency) => _byCurrency = byCurrency;

    public static FxRates Load(IExportReader exports)
    {
        var rows = exports.Read(Exports.ExportKind.FxRates, ["date", "currency", "rate"]);
        var days = rows.Time("date");
        var currencies = rows.Text("currency");
        var rates = rows.Money("rate");
        var byCurrency = Enumerable.Range(0, rows.Count)
            .Where(i => days[i] is not null && currencies[i] is not null && rates[i] is not null)
            .GroupBy(i => currencies[i]!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(
                g => g.Key,
                g =>
                {
                    var ordered = g.OrderBy(i => days[i]!.Value.Day).ToArray();
                    return (ordered.Select(i => days[i]!.Value.Day).ToArray(), ordered.Select(i => rates[i]!.Value).ToArray());
                },
                StringComparer.OrdinalIgnoreCase);
        return new FxRates(byCurrency);
    }

    /// <summary><paramref name="amount"/> in <paramref name="reporting"/>; null when no rate is known on or before <paramref name="day"/>.</summary>
    public decimal? Convert(decimal amount, string? currency, string reporting, DateOnly day)
    {
        if (currency is null || string.Equals(currency, reporting, StringComparison.OrdinalIgnoreCase))
        {
            return amount;
        }

        if (!_byCurrency.TryGetValue(currency, out var table))
        {
            return null;
        }

        var index = Array.BinarySearch(table.Days, day);
        index = index >= 0 ? index : ~index - 1;
        return index < 0 ? null : amount * table.Rates[index];
    }
}

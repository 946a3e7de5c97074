using System.Globalization;
using System.Text;

namespace Centric.Testing;

/// <summary>
/// A small, deterministic export shaped like the public Olist orders dataset (Brazilian e-commerce): Olist's column
/// names (<c>order_id</c>, <c>customer_id</c> — one per order —, <c>customer_unique_id</c> — one per person —,
/// <c>order_status</c>, <c>order_purchase_timestamp</c>, <c>payment_value</c>), its eight statuses, São Paulo wall-clock
/// timestamps <c>yyyy-MM-dd HH:mm:ss</c> and BRL amounts with a decimal point.
/// </summary>
/// <remarks>
/// <para>Instalments: Olist keeps payments in a separate file (<c>olist_order_payments_dataset.csv</c>), one row per
/// payment with <c>payment_installments</c>. Here an order is one row whose <c>payment_value</c> is the order's total
/// over all its instalments: order_id is the natural key, so several rows of one order would not add up — the later
/// row would replace the earlier one.</para>
/// <para>Corrections do use that rule on purpose: a few orders appear first as <c>created</c> and again, further down,
/// as <c>delivered</c> or <c>canceled</c>, as a later export would show them.</para>
/// <para>Olist's file has no currency column; this one adds <c>currency</c> (always BRL) so the data says what its
/// money is and, with no reportingCurrency in settings, BRL reports.</para>
/// <para>Two rows are truly invalid: one without a payment value and one without a purchase timestamp.</para>
/// </remarks>
internal static class OlistExport
{
    public const string Header = "order_id,customer_id,customer_unique_id,order_status,order_purchase_timestamp,payment_value,currency";

    /// <summary>mapping.json in its long form: Olist's columns, and two of its statuses spelt out explicitly.</summary>
    public const string MappingJson = """
        {"orders": {
          "columns": {"customer_unique_id": "customer_id", "order_status": "status",
                      "order_purchase_timestamp": "order_date", "payment_value": "amount"},
          "values": {"status": {"unavailable": "cancelled", "created": "pending"}}}}
        """;

    public const string SettingsJson = """{"timeZone": "America/Sao_Paulo"}""";

    public const string FileName = "olist_orders_dataset.csv";

    private static readonly (string Status, int Weight)[] Statuses =
    [
        ("delivered", 80), ("shipped", 5), ("canceled", 4), ("unavailable", 2), ("invoiced", 3), ("processing", 2),
        ("created", 2), ("approved", 2),
    ];

    private static readonly DateTime First = new(2017, 1, 1);

    /// <summary>The orders file: about four rows per customer from January to mid-June 2017.</summary>
    public static string OrdersCsv(int customers = 60, ulong seed = 20170101)
    {
        var random = new SplitMix(seed);
        var rows = new List<(DateTime At, string Line)>();
        var corrections = new List<string>();
        var n = 0;
        for (var c = 0; c < customers; c++)
        {
            var person = random.Hex();
            var orders = 1 + random.Next(5);
            for (var o = 0; o < orders; o++, n++)
            {
                var at = First.AddSeconds(random.Next(166 * 86_400));
                // Round-robin for the first orders so every status appears; the weights decide the rest.
                var status = n < Statuses.Length ? Statuses[n].Status : Pick(ref random);
                var orderId = random.Hex();
                var total = 0m;
                for (var item = 1 + random.Next(3); item > 0; item--)
                {
                    total += Math.Round(19.9m + (random.Next(48_000) / 100m), 2) + Math.Round(random.Next(3_000) / 100m, 2);
                }

                if (n == 10)
                {
                    at = new DateTime(2017, 1, 31, 23, 59, 59); // the last second of January in São Paulo
                }

                if (n is 11 or 12 or 13)
                {
                    // First exported as created, corrected further down the file.
                    corrections.Add(Line(orderId, random.Hex(), person, n == 13 ? "canceled" : "delivered", at, total));
                    status = "created";
                }

                rows.Add((at, Line(orderId, random.Hex(), person, status, at, total)));
            }
        }

        var text = new StringBuilder(Header).Append('\n');
        foreach (var (_, line) in rows.OrderBy(r => r.At))
        {
            text.Append(line).Append('\n');
        }

        foreach (var line in corrections)
        {
            text.Append(line).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"{random.Hex()},{random.Hex()},{random.Hex()},delivered,2017-02-10 10:00:00,,BRL\n");
        text.Append(CultureInfo.InvariantCulture, $"{random.Hex()},{random.Hex()},{random.Hex()},delivered,,99.90,BRL\n");
        return text.ToString();
    }

    /// <summary>
    /// The expected revenue and valid orders per calendar month, read from <paramref name="csv"/> independently of the
    /// product: rows without amount or timestamp are skipped (they are the rejected ones), a later row of an order_id
    /// replaces the earlier one, delivered/shipped/invoiced/processing/approved are purchases, canceled/unavailable
    /// and created are not. Timestamps are São Paulo wall-clock times, so an order's day is the date written in the
    /// file (read as UTC, the evening orders would fall on the next day).
    /// </summary>
    public static IReadOnlyDictionary<string, (decimal Revenue, int Orders)> MonthlyTotals(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        int id = Array.IndexOf(header, "order_id"), status = Array.IndexOf(header, "order_status"),
            at = Array.IndexOf(header, "order_purchase_timestamp"), value = Array.IndexOf(header, "payment_value");
        var current = new Dictionary<string, (string Status, DateOnly Day, decimal Amount)>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            if (f[at].Length == 0 || f[value].Length == 0)
            {
                continue;
            }

            var local = DateTime.ParseExact(f[at], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            current[f[id]] = (f[status], DateOnly.FromDateTime(local), decimal.Parse(f[value], NumberStyles.Number, CultureInfo.InvariantCulture));
        }

        string[] purchases = ["delivered", "shipped", "invoiced", "processing", "approved"];
        return current.Values
            .Where(o => purchases.Contains(o.Status))
            .GroupBy(o => o.Day.ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => (g.Sum(o => o.Amount), g.Count()));
    }

    private static string Line(string orderId, string customerId, string person, string status, DateTime at, decimal total) =>
        string.Create(CultureInfo.InvariantCulture, $"{orderId},{customerId},{person},{status},{at:yyyy-MM-dd HH:mm:ss},{total:0.00},BRL");

    private static string Pick(ref SplitMix random)
    {
        var roll = random.Next(Statuses.Sum(s => s.Weight));
        foreach (var (status, weight) in Statuses)
        {
            if ((roll -= weight) < 0)
            {
                return status;
            }
        }

        return Statuses[0].Status;
    }

    /// <summary>SplitMix64: the same sequence for a seed on every platform and runtime.</summary>
    private struct SplitMix(ulong seed)
    {
        private ulong _state = seed;

        public ulong NextUInt64()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public int Next(int count) => (int)(NextUInt64() % (ulong)count);

        /// <summary>A 32-digit hexadecimal id, as Olist's.</summary>
        public string Hex() => NextUInt64().ToString("x16", CultureInfo.InvariantCulture) + NextUInt64().ToString("x16", CultureInfo.InvariantCulture);
    }
}

using System.Globalization;
using Centric.Domain.Csv;
using Centric.Domain.Families.Orders;
using Centric.Domain.Families.Subscriptions;

namespace Centric.Domain.Families.CustomerLists;

/// <summary>
/// The metrics whose value is a count of customers or a sum over customers, and so can be listed customer by customer:
/// a count list has as many rows as the count, an MRR list's movements sum to the movement.
/// </summary>
public static class CustomerLists
{
    /// <summary>Counts of customers: one row per customer.</summary>
    public static IReadOnlyList<string> CountMetrics { get; } =
    [
        OrdersFamily.ActiveCustomers, OrdersFamily.NewCustomers, OrdersFamily.ReactivatedCustomers, OrdersFamily.ChurnedCustomers,
    ];

    /// <summary>MRR movements: one row per customer whose MRR moved that way.</summary>
    public static IReadOnlyList<string> MrrMetrics { get; } =
    [
        SubscriptionsFamily.NewMrr, SubscriptionsFamily.ExpansionMrr, SubscriptionsFamily.ContractionMrr,
        SubscriptionsFamily.ChurnMrr, SubscriptionsFamily.ReactivationMrr,
    ];

    /// <summary>Every metric with a customer list.</summary>
    public static IReadOnlyList<string> Metrics { get; } = [.. CountMetrics, .. MrrMetrics];

    public static bool Supports(string metric) => Metrics.Contains(metric, StringComparer.Ordinal);

    /// <summary>
    /// The amount without trailing zeros (50.0000 → 50), its value and sign unchanged: lists are exact, never rounded.
    /// The same decimal, bit for bit, as dividing by one at the largest scale does, in about a third of its time: the
    /// digits are divided by ten while they end in a zero, and a decimal without a fraction is already so.
    /// </summary>
    public static decimal Trim(decimal amount)
    {
        var scale = amount.Scale;
        if (scale == 0)
        {
            return amount;
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(amount, bits);
        var negative = bits[3] < 0;
        var low = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        var high = (uint)bits[2];
        if (high == 0)
        {
            while (scale > 0 && low % 10 == 0)
            {
                (low, scale) = (low / 10, (byte)(scale - 1));
            }

            return new decimal((int)(uint)low, (int)(uint)(low >> 32), 0, negative, scale);
        }

        var digits = ((UInt128)high << 64) | low;
        while (scale > 0 && digits % 10 == 0)
        {
            (digits, scale) = (digits / 10, (byte)(scale - 1));
        }

        return new decimal((int)(uint)digits, (int)(uint)(digits >> 32), (int)(uint)(digits >> 64), negative, scale);
    }

    public const string CsvHeader = "metric,grain,period,periodStart,customerId,day,mrrBefore,mrrAfter,movement,subscriptions";

    /// <summary>The rows as CSV through the one CSV-safe writer; subscription ids are joined with a space.</summary>
    public static string WriteCsv(IEnumerable<CustomerListRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsv(writer, rows);
        return writer.ToString();
    }

    /// <summary>
    /// The rows of <paramref name="metric"/> in <paramref name="table"/>, in the table's order, written as
    /// <see cref="WriteCsv(TextWriter, IEnumerable{CustomerListRow})"/> writes them, without building each row: a list's
    /// metric, grain, period and start, a customer's id and a day are each encoded once. The active customers of a
    /// million orders are about four million rows, which took a second to build and encode one by one.
    /// </summary>
    public static void WriteCsv(TextWriter writer, CustomerListTable table, string metric)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(table);
        var csv = new CsvWriter(writer).Header(CsvHeader.Split(','));
        var lists = new string?[table.ListCount];
        for (var list = 0; list < lists.Length; list++)
        {
            var (m, grain, period, start) = table.ListAt(list);
            lists[list] = m == metric
                ? string.Join(',', CsvWriter.TextField(m), CsvWriter.TextField(grain), CsvWriter.TextField(period), CsvWriter.DayField(start))
                : null;
        }

        var customers = new string?[table.CustomerIds.Count];
        var days = new Dictionary<int, string>();
        for (var row = 0; row < table.Count; row++)
        {
            if (lists[table.ListOf(row)] is not { } list)
            {
                continue;
            }

            var customer = table.CustomerAt(row);
            csv.Encoded(list).Encoded(customers[customer] ??= CsvWriter.TextField(table.CustomerIds[customer]));
            if (table.DayAt(row) is { } day)
            {
                if (!days.TryGetValue(day.DayNumber, out var field))
                {
                    days[day.DayNumber] = field = CsvWriter.DayField(day);
                }

                csv.Encoded(field);
            }
            else
            {
                csv.Text(null);
            }

            var (before, after, movement, subscriptions) = table.TryGetDetailsAt(row, out var details) ? details : default;
            Details(csv, before, after, movement, subscriptions).EndRecord();
        }
    }

    public static void WriteCsv(TextWriter writer, IEnumerable<CustomerListRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new CsvWriter(writer).Header(CsvHeader.Split(','));
        foreach (var r in rows)
        {
            csv.Text(r.Metric).Text(r.Grain).Text(r.Period).Day(r.PeriodStart).Text(r.CustomerId);
            if (r.Day is { } day)
            {
                csv.Day(day);
            }
            else
            {
                csv.Text(null);
            }

            Details(csv, r.MrrBefore, r.MrrAfter, r.Movement, r.Subscriptions).EndRecord();
        }
    }

    /// <summary>A row's MRR amounts and subscriptions, empty cells for a count's customer.</summary>
    private static CsvWriter Details(CsvWriter csv, decimal? mrrBefore, decimal? mrrAfter, decimal? movement, IReadOnlyList<string>? subscriptions) =>
        csv.Number(mrrBefore).Number(mrrAfter).Number(movement).Text(subscriptions is { Count: > 0 } ids ? string.Join(' ', ids) : null);
}

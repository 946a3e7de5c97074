using System.Globalization;

namespace Centric.Engine.Samples;

/// <summary>
/// A deterministic, realistic sample of a shop's exports: customers acquired over time, repeat purchases as a
/// Poisson process with a per-purchase churn chance (the BG/NBD story), cancelled and refunded orders, same-day
/// double orders, occasional credit notes (negative amounts), five countries, segments, plans and channels.
/// Files stream row by row, so millions of orders need no memory. Canonical headers (docs/contract.md).
/// </summary>
public static class SampleExports
{
    public const string OrdersHeader = "order_id,customer_id,order_date,amount,currency,status,shipped_at,delivered_at";

    public const string CustomersHeader = "customer_id,created_at,country,segment,plan,channel,name,email";

    public const string FxRatesHeader = "date,currency,rate";

    /// <summary>
    /// Writes <c>fx-rates.csv</c>: a USD rate (EUR per 1 USD) on the first day of every month of the history, drifting
    /// deterministically around 0.92, so the US customers' orders convert into the reporting currency.
    /// </summary>
    public static int WriteFxRatesCsv(TextWriter writer, SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        writer.Write(FxRatesHeader);
        writer.Write('\n');
        var rows = 0;
        for (var month = new DateOnly(options.Start.Year, options.Start.Month, 1); month <= options.End; month = month.AddMonths(1))
        {
            var rate = 0.92 + (0.04 * Math.Sin(rows / 5.0));
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{month:yyyy-MM-dd},USD,{rate:0.0000}\n"));
            rows++;
        }

        return rows;
    }

    /// <summary>Writes <c>customers.csv</c>: one row per customer, header first, LF line ends.</summary>
    public static void WriteCustomersCsv(TextWriter writer, SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        var days = HistoryDays(options);
        writer.Write(CustomersHeader);
        writer.Write('\n');
        Span<char> date = stackalloc char[10];
        for (var i = 0; i < options.Customers; i++)
        {
            var random = SampleRandom.For(options.Seed, i);
            var customer = SampleCustomer.Create(ref random, i, options.Start, days, 1.0);
            writer.Write(customer.Id);
            writer.Write(',');
            customer.CreatedAt.TryFormat(date, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            writer.Write(date);
            writer.Write(',');
            writer.Write(customer.Country);
            writer.Write(',');
            writer.Write(customer.Segment);
            writer.Write(',');
            writer.Write(customer.Plan);
            writer.Write(',');
            writer.Write(customer.Channel);
            writer.Write(',');
            writer.Write(customer.Name);
            writer.Write(',');
            writer.Write(customer.Email);
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Writes <c>orders.csv</c>, header first, LF line ends. Returns the number of order rows written.
    /// With <see cref="SampleOptions.Orders"/> set, purchase frequency and loyalty are scaled so the file
    /// holds roughly that many rows (within a few percent).
    /// </summary>
    public static long WriteOrdersCsv(TextWriter writer, SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        var activity = options.Orders is { } target ? ActivityFor(options, target) : 1.0;
        writer.Write(OrdersHeader);
        writer.Write('\n');
        return new SampleOrderWriter(writer, options, activity).Run();
    }

    internal static int HistoryDays(SampleOptions options) => options.End.DayNumber - options.Start.DayNumber + 1;

    private static double ActivityFor(SampleOptions options, int target)
    {
        var activity = 1.0;
        for (var pass = 0; pass < 4; pass++)
        {
            var count = new SampleOrderWriter(null, options, activity).Run();
            var ratio = target / (double)Math.Max(1, count);
            if (Math.Abs(ratio - 1.0) < 0.01)
            {
                break;
            }

            activity = Math.Clamp(activity * ratio, 0.01, 10_000);
        }

        return activity;
    }
}

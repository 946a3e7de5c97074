using System.Globalization;

namespace Centric.Engine.Samples;

/// <summary>
/// Generates the order rows customer by customer. With no writer it only counts, which is how a target
/// row count is calibrated.
/// </summary>
internal sealed class SampleOrderWriter(TextWriter? writer, SampleOptions options, double activity)
{
    private const double CancelledShare = 0.04;
    private const double RefundedShare = 0.03;
    private const double SameDayShare = 0.02;
    private const double CreditShare = 0.006;

    private readonly char[] _buffer = new char[32];
    private long _rows;

    public long Run()
    {
        var days = SampleExports.HistoryDays(options);
        var end = options.End;
        for (var i = 0; i < options.Customers; i++)
        {
            var random = SampleRandom.For(options.Seed, i);
            var customer = SampleCustomer.Create(ref random, i, options.Start, days, activity);
            var date = random.Chance(0.85) ? customer.CreatedAt : customer.CreatedAt.AddDays(1 + (int)random.Exponential(7));
            var meanGap = 365.0 / customer.PurchasesPerYear;
            while (date <= end)
            {
                Order(ref random, customer, date, random.LogNormal(customer.MedianSpend, 0.35));
                if (random.Chance(SameDayShare))
                {
                    Order(ref random, customer, date, random.LogNormal(customer.MedianSpend, 0.35));
                }

                if (random.Chance(CreditShare))
                {
                    var creditDate = date.AddDays(1 + random.Next(20));
                    if (creditDate <= end)
                    {
                        Write(customer, creditDate, -Math.Round(customer.MedianSpend * (0.05 + (0.45 * random.NextDouble())), 2), "completed", null, null);
                    }
                }

                if (random.Chance(customer.DropoutPerPurchase))
                {
                    break;
                }

                date = date.AddDays(Math.Max(1, (int)Math.Round(random.Exponential(meanGap))));
            }
        }

        return _rows;
    }

    private void Order(ref SampleRandom random, SampleCustomer customer, DateOnly date, double amount)
    {
        var roll = random.NextDouble();
        var status = roll < CancelledShare ? "cancelled" : roll < CancelledShare + RefundedShare ? "refunded" : "completed";
        DateOnly? shipped = null;
        DateOnly? delivered = null;
        if (status != "cancelled")
        {
            shipped = date.AddDays(1 + random.Next(3));
            delivered = shipped.Value.AddDays(1 + random.Next(5));
            if (shipped > options.End)
            {
                shipped = null;
                delivered = null;
            }
            else if (delivered > options.End)
            {
                delivered = null;
            }
        }

        Write(customer, date, Math.Round(Math.Max(0.5, amount), 2), status, shipped, delivered);
    }

    private void Write(SampleCustomer customer, DateOnly date, double amount, string status, DateOnly? shipped, DateOnly? delivered)
    {
        _rows++;
        if (writer is null)
        {
            return;
        }

        writer.Write('O');
        _rows.TryFormat(_buffer, out var written, "D7", CultureInfo.InvariantCulture);
        writer.Write(_buffer, 0, written);
        writer.Write(',');
        writer.Write(customer.Id);
        writer.Write(',');
        WriteDate(date);
        writer.Write(',');
        ((decimal)amount).TryFormat(_buffer, out written, "0.00", CultureInfo.InvariantCulture);
        writer.Write(_buffer, 0, written);
        writer.Write(',');
        writer.Write(customer.Currency);
        writer.Write(',');
        writer.Write(status);
        writer.Write(',');
        if (shipped is { } s)
        {
            WriteDate(s);
        }

        writer.Write(',');
        if (delivered is { } d)
        {
            WriteDate(d);
        }

        writer.Write('\n');
    }

    private void WriteDate(DateOnly date)
    {
        date.TryFormat(_buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer!.Write(_buffer, 0, written);
    }
}

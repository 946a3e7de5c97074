using System.Globalization;
using System.Text;

namespace Centric.Engine.Local;

/// <summary>
/// A deterministic orders export for benchmarks and demos: <c>order_id,customer_id,order_date,amount,currency,status</c>
/// with the given number of orders spread over the given number of customers and three calendar years. The same
/// arguments always give the same bytes.
/// </summary>
public static class SyntheticOrders
{
    /// <summary>The canonical header written on the first line.</summary>
    public const string Header = "order_id,customer_id,order_date,amount,currency,status";

    /// <summary>The first day orders can fall on; the last is three years later, minus one day.</summary>
    public static readonly DateOnly FirstDay = new(2023, 1, 1);

    /// <summary>Writes the export to <paramref name="path"/>.</summary>
    /// <param name="path">The CSV file to create (UTF-8, no BOM, LF line ends).</param>
    /// <param name="orders">Orders to write (each with its own id).</param>
    /// <param name="customers">Customers the orders are spread over; each buys at least once when orders ≥ customers.</param>
    /// <param name="seed">Seed of the pseudo-random sequence.</param>
    public static void Write(string path, int orders, int customers, int seed = 42)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfNegative(orders);
        ArgumentOutOfRangeException.ThrowIfLessThan(customers, 1);

        var random = new Random(seed);
        var days = FirstDay.AddYears(3).DayNumber - FirstDay.DayNumber;
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine(Header);
        for (var i = 0; i < orders; i++)
        {
            var customer = i < customers ? i : random.Next(customers);
            var day = FirstDay.AddDays(random.Next(days));
            var seconds = random.Next(24 * 60 * 60);
            var cents = random.Next(500, 50_000);
            var roll = random.Next(100);
            var status = roll < 3 ? "cancelled" : roll < 5 ? "refunded" : "completed";
            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"O{i + 1:D8},C{customer + 1:D7},{day:yyyy-MM-dd}T{seconds / 3600:D2}:{seconds / 60 % 60:D2}:{seconds % 60:D2},{cents / 100}.{cents % 100:D2},EUR,{status}"));
        }
    }
}

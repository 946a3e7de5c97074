using System.Globalization;
using Centric.Domain.Activity;
using Centric.Domain.Clv;

namespace Centric.Domain.Tests.Activity;

public sealed class CustomerDaysTests
{
    private static readonly DateOnly Jan5 = new(2026, 1, 5);
    private static readonly DateOnly Feb1 = new(2026, 2, 1);

    [Fact]
    public void Amounts_ReadBackWithTheirScale()
    {
        var days = new CustomerDays([new CustomerDay(0, Jan5, 1, 12.3400m, 0.0000m), new CustomerDay(0, Feb1, 2, -7.0500m, -1.2500m)]);

        Assert.Equal("12.3400", days[0].ValidAmount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("0.0000", days[0].Credits.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("-7.0500", days[1].ValidAmount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("-1.2500", days[1].Credits.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(new CustomerDay(0, Feb1, 2, -7.05m, -1.25m), days[1]);
    }

    [Fact]
    public void AmountsThatDoNotFitAnInteger_AreKeptAsDecimals()
    {
        var large = 12345678901234567890.1234m;
        var negativeZero = new decimal(0, 0, 0, true, 2);
        var days = new CustomerDays(
        [
            new CustomerDay(0, Jan5, 1, 1.5m, 0m),
            new CustomerDay(1, Jan5, 1, 2.25m, negativeZero),
            new CustomerDay(2, Jan5, 1, large, 0m),
        ]);

        Assert.Equal(["1.5", "2.25", "12345678901234567890.1234"], days.Select(d => d.ValidAmount.ToString(CultureInfo.InvariantCulture)));
        Assert.True(decimal.IsNegative(days[1].Credits));
        Assert.Equal("0.00", decimal.Negate(days[1].Credits).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Ordered_SortsByCustomerAndDayAndMergesASameDayInTheOrderGiven()
    {
        var days = new CustomerDays(
        [
            new CustomerDay(1, Feb1, 1, 10m, 0m),
            new CustomerDay(0, Feb1, 1, 5.10m, 0m),
            new CustomerDay(1, Jan5, 2, 3m, -1m),
            new CustomerDay(1, Feb1, 0, 0m, -2.5m),
            new CustomerDay(1, Feb1, 3, 0.125m, 0m),
        ]);
        Assert.False(days.IsOrdered);

        var ordered = CustomerDays.Ordered(days);

        Assert.True(ordered.IsOrdered);
        Assert.Equal(
            [
                new CustomerDay(0, Feb1, 1, 5.10m, 0m),
                new CustomerDay(1, Jan5, 2, 3m, -1m),
                new CustomerDay(1, Feb1, 4, 10.125m, -2.5m),
            ],
            ordered);
        Assert.Equal("10.125", ordered[2].ValidAmount.ToString(CultureInfo.InvariantCulture));
        Assert.Same(ordered, CustomerDays.Ordered(ordered));
    }

    [Theory]
    [InlineData("a,b,c")]
    [InlineData("b,a,c")]
    public void PurchaseHistoryFromColumns_IsTheHistoryOfTheTransactions(string customerIds)
    {
        var ids = customerIds.Split(',');
        var asOf = new DateOnly(2026, 3, 1);
        CustomerDay[] rows =
        [
            new(0, Jan5, 1, 10.50m, 0m),
            new(0, Feb1, 0, 0m, -3m),
            new(0, new DateOnly(2026, 2, 20), 2, 7.25m, 0m),
            new(1, Jan5, 0, 0m, -1m),
            new(2, Jan5, 1, 4m, 0m),
            new(2, new DateOnly(2026, 3, 2), 1, 99m, 0m),
        ];
        var transactions = rows.Where(d => d.IsPurchaseDay && d.Day <= asOf).Select(d => new Transaction(ids[d.Customer], d.Day, d.ValidAmount)).ToArray();

        var expected = PurchaseHistory.From(transactions).Summarize(asOf);
        var fromColumns = PurchaseHistory.From(new CustomerDays(rows), ids, asOf).Summarize(asOf);
        var shuffled = PurchaseHistory.From(new CustomerDays(rows.Reverse()), ids, asOf).Summarize(asOf);

        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, fromColumns);
        Assert.Equal(expected, shuffled);
    }
}

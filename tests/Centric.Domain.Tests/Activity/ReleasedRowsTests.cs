using Centric.Domain.Activity;
using Centric.Domain.Datasets;
using Centric.Domain.Metrics;

namespace Centric.Domain.Tests.Activity;

public sealed class ReleasedRowsTests
{
    private static readonly LoadedOrders Orders = new(
        ["c1", "c2"],
        [new CustomerDay(0, new DateOnly(2026, 1, 5), 1, 10m, 0m), new CustomerDay(1, new DateOnly(2026, 2, 1), 2, 30m, -5m)],
        3,
        [],
        new DateOnly(2026, 2, 1),
        "EUR");

    [Fact]
    public void WithoutDays_KeepsEverythingElse()
    {
        var released = Orders.WithoutDays();

        Assert.Equal(["c1", "c2"], released.CustomerIds);
        Assert.Equal(3, released.Orders);
        Assert.Equal(new DateOnly(2026, 2, 1), released.LastDay);
        Assert.Equal("EUR", released.ReportingCurrency);
        Assert.Equal(2, Orders.Days.Count); // the original is untouched
    }

    [Fact]
    public void ReadingReleasedDays_IsAnErrorNamingTheDeclaration()
    {
        var days = Orders.WithoutDays().Days;

        var count = Assert.Throws<InvalidOperationException>(() => days.Count);
        Assert.Contains("customer-days", count.Message, StringComparison.Ordinal);
        Assert.Contains("ReadsCustomerDays", count.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => days[0]);
        Assert.Throws<InvalidOperationException>(() => days.Where(d => d.ValidOrders > 0).ToList());
    }

    [Fact]
    public void WithoutTransactions_LetsThePurchaseHistoryGoToo()
    {
        var clv = ClvInputs.FitAt(Orders, new DateOnly(2026, 3, 1), new ClvSettings());
        Assert.Equal(2, clv.History.Customers);

        var released = clv.WithoutTransactions();

        // The copy neither keeps the history built from the transactions nor builds one from nothing: reading it is
        // the same error as reading the transactions.
        var history = Assert.Throws<InvalidOperationException>(() => released.History);
        Assert.Contains("CLV transactions", history.Message, StringComparison.Ordinal);
        Assert.Same(clv.Fit, released.Fit);
        Assert.Equal(2, clv.History.Customers); // the original is untouched
    }
}

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
    public void WithoutHistory_KeepsTheFitAndTheFirstPurchase_AndReadingTheHistoryIsAnErrorNamingTheDeclaration()
    {
        var clv = ClvInputs.FitAt(Orders, new DateOnly(2026, 3, 1), new ClvSettings());
        Assert.Equal(2, clv.History.Customers);

        var released = clv.WithoutHistory();

        var history = Assert.Throws<InvalidOperationException>(() => released.History);
        Assert.Contains("purchase history", history.Message, StringComparison.Ordinal);
        Assert.Contains("ReadsPurchaseHistory", history.Message, StringComparison.Ordinal);
        Assert.Same(clv.Fit, released.Fit);
        Assert.Equal(new DateOnly(2026, 1, 5), released.FirstPurchase);
        Assert.Equal(2, clv.History.Customers); // the original is untouched
    }

    [Fact]
    public void FirstPurchase_IsTheFirstDayWithAValidOrderUpToTheAsOfDate_WhateverItsAmount()
    {
        // A credit-only day and a day after the as-of date are not purchases; a valid order of a negative amount is one,
        // though the history leaves its day out of the spend model.
        var orders = new LoadedOrders(
            ["c1", "c2"],
            [
                new CustomerDay(0, new DateOnly(2026, 1, 2), 0, 0m, -10m),
                new CustomerDay(1, new DateOnly(2026, 1, 4), 1, -3m, 0m),
                new CustomerDay(1, new DateOnly(2026, 1, 9), 1, 20m, 0m),
            ],
            2,
            [],
            new DateOnly(2026, 1, 9),
            "EUR");
        var earlier = orders with { Days = [.. orders.Days, new CustomerDay(0, new DateOnly(2025, 12, 1), 1, 5m, 0m)] };

        Assert.Equal(new DateOnly(2026, 1, 4), ClvInputs.FitAt(orders, new DateOnly(2026, 3, 1), new ClvSettings()).FirstPurchase);
        Assert.Equal(new DateOnly(2025, 12, 1), ClvInputs.FitAt(earlier, new DateOnly(2026, 3, 1), new ClvSettings()).FirstPurchase);
        Assert.Null(ClvInputs.FitAt(orders, new DateOnly(2026, 1, 3), new ClvSettings()).FirstPurchase);
    }
}

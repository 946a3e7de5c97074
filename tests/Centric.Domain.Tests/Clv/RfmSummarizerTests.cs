using Centric.Domain.Clv;

namespace Centric.Domain.Tests.Clv;

public class RfmSummarizerTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);

    [Fact]
    public void History_SummarisedAtEachEnd_CountsOnlyTheDaysUpToThatEnd()
    {
        // b buys on days 0, 7 (two orders) and 21 and has a credit on day 3; a buys once on day 10; c first buys on day 30.
        var history = PurchaseHistory.From(
        [
            Tx("b", 0, 10m), Tx("b", 7, 5m), Tx("b", 3, -50m), Tx("b", 7, 15m), Tx("a", 10, 8m), Tx("b", 21, 40m), Tx("c", 30, 1m),
        ]);

        Assert.Equal(3, history.Customers);
        var atDay6 = history.Summarize(Start.AddDays(6), TimeUnit.Day);
        Assert.Equal(new CustomerSummary("b", 0, 0, 6, 0m), Assert.Single(atDay6));
        var atDay14 = history.Summarize(Start.AddDays(14), TimeUnit.Day);
        Assert.Equal([new CustomerSummary("a", 0, 0, 4, 0m), new CustomerSummary("b", 1, 7, 14, 20m)], atDay14);
        var atDay21 = history.Summarize(Start.AddDays(21), TimeUnit.Day);
        Assert.Equal(new CustomerSummary("b", 2, 21, 21, 30m), atDay21[1]);
        Assert.Equal(2, atDay21.Count);
    }

    [Fact]
    public void Summarize_TwoOrdersOnOneDay_AreOnePurchaseDayWithSummedSpend()
    {
        var summary = RfmSummarizer.Summarize(
            [Tx("c", 0, 10m), Tx("c", 7, 5m), Tx("c", 7, 15m)], Start.AddDays(14)).Single();

        Assert.Equal(1, summary.Frequency);
        Assert.Equal(1.0, summary.Recency);
        Assert.Equal(2.0, summary.Age);
        Assert.Equal(20m, summary.MonetaryValue);
    }

    [Fact]
    public void Summarize_PurchaseOnCalibrationEnd_CountsAndLaterOnesDoNot()
    {
        var summary = RfmSummarizer.Summarize(
            [Tx("c", 0, 10m), Tx("c", 14, 30m), Tx("c", 15, 99m)], Start.AddDays(14)).Single();

        Assert.Equal(1, summary.Frequency);
        Assert.Equal(summary.Age, summary.Recency);
        Assert.Equal(30m, summary.MonetaryValue);
    }

    [Fact]
    public void Summarize_MonetaryValue_IsMeanOfRepeatDaysOnly()
    {
        var summary = RfmSummarizer.Summarize(
            [Tx("c", 0, 1000m), Tx("c", 3, 10m), Tx("c", 5, 20m)], Start.AddDays(10), TimeUnit.Day).Single();

        Assert.Equal(2, summary.Frequency);
        Assert.Equal(5.0, summary.Recency);
        Assert.Equal(10.0, summary.Age);
        Assert.Equal(15m, summary.MonetaryValue);
    }

    [Fact]
    public void Summarize_OneTimeBuyerAndLateFirstPurchase_KeepsOneTimeBuyerOnly()
    {
        var summaries = RfmSummarizer.Summarize([Tx("a", 0, 10m), Tx("b", 20, 10m)], Start.AddDays(10));

        var only = Assert.Single(summaries);
        Assert.Equal("a", only.CustomerId);
        Assert.Equal(0, only.Frequency);
        Assert.Equal(0m, only.MonetaryValue);
    }

    [Fact]
    public void Summarize_NegativeAmount_IsACreditNotAPurchase()
    {
        var summary = RfmSummarizer.Summarize([Tx("c", 0, 10m), Tx("c", 3, -10m)], Start.AddDays(10)).Single();

        Assert.Equal(0, summary.Frequency);
    }

    private static Transaction Tx(string customer, int day, decimal amount) => new(customer, Start.AddDays(day), amount);
}

using Centric.Domain.Clv;

namespace Centric.Domain.Tests.Clv;

public class ClvCalculatorTests
{
    private static readonly BgNbdModel Transactions = new(new BgNbdParameters(0.243, 4.414, 0.793, 2.426));
    private static readonly GammaGammaModel Spend = new(new GammaGammaParameters(6.25, 3.74, 15.44));
    private static readonly CustomerSummary Regular = new("c1", 2, 30.43, 38.86, 22.35m);

    [Fact]
    public void Score_OneMonthHorizon_IsSpendTimesNextMonthPurchasesDiscountedOnce()
    {
        var options = new ClvOptions { HorizonMonths = 1, MonthlyDiscountRate = 0.01m };

        var score = ClvCalculator.Score([Regular], Transactions, Spend, options).Single();

        var month = 30.4375 / 7;
        var purchases = Transactions.ConditionalExpectedPurchases(month, 2, 30.43, 38.86);
        var spend = 6.25 * (15.44 + (2 * 22.35)) / ((6.25 * 2) + 3.74 - 1);
        Assert.Equal(spend, (double)score.ExpectedSpend!.Value, 9);
        Assert.Equal(spend * purchases / 1.01, (double)score.Clv!.Value, 9);
        Assert.Equal(purchases, score.ExpectedPurchases!.Value, 12);
    }

    [Fact]
    public void Score_ZeroDiscount_IsSpendTimesHorizonPurchases()
    {
        var options = new ClvOptions { HorizonMonths = 12, MonthlyDiscountRate = 0m };

        var score = ClvCalculator.Score([Regular], Transactions, Spend, options).Single();

        Assert.Equal((double)score.ExpectedSpend!.Value * score.ExpectedPurchases!.Value, (double)score.Clv!.Value, 9);
        Assert.Equal(Transactions.ConditionalExpectedPurchases(12 * 30.4375 / 7, 2, 30.43, 38.86), score.ExpectedPurchases.Value, 12);
    }

    [Fact]
    public void Score_PositiveDiscount_IsBelowUndiscounted()
    {
        var discounted = ClvCalculator.Score([Regular], Transactions, Spend, new ClvOptions { MonthlyDiscountRate = 0.02m }).Single();
        var plain = ClvCalculator.Score([Regular], Transactions, Spend, new ClvOptions { MonthlyDiscountRate = 0m }).Single();

        Assert.True(discounted.Clv < plain.Clv);
    }

    [Fact]
    public void Score_DayUnit_MatchesWeekUnitForTheSameHistory()
    {
        var dayModel = new BgNbdModel(new BgNbdParameters(0.243, 4.414 * 7, 0.793, 2.426));
        var inDays = Regular with { Recency = Regular.Recency * 7, Age = Regular.Age * 7 };

        var week = ClvCalculator.Score([Regular], Transactions, Spend).Single();
        var day = ClvCalculator.Score([inDays], dayModel, Spend, new ClvOptions { Unit = TimeUnit.Day }).Single();

        Assert.Equal((double)week.Clv!.Value, (double)day.Clv!.Value, 9);
    }

    [Fact]
    public void Score_OneTimeBuyer_GetsPopulationMeanSpend()
    {
        var score = ClvCalculator.Score([new CustomerSummary("c0", 0, 0, 38.86, 0m)], Transactions, Spend).Single();

        Assert.Equal(15.44 * 6.25 / 2.74, (double)score.ExpectedSpend!.Value, 9);
        Assert.Equal(1.0, score.PAlive);
    }

    [Fact]
    public void Score_WithoutSpendModel_HasNullMoneyButPurchases()
    {
        var score = ClvCalculator.Score([Regular], Transactions, spend: null).Single();

        Assert.Null(score.ExpectedSpend);
        Assert.Null(score.Clv);
        Assert.NotNull(score.ExpectedPurchases);
    }

    [Fact]
    public void Score_CdnowCustomers_EveryScoreDefinedAndInInputOrder()
    {
        var customers = CdnowData.CalibrationSummary();
        var transactions = BgNbdFitter.Fit(customers).Model!;
        var spend = GammaGammaFitter.Fit(customers).Model!;

        var scores = ClvCalculator.Score(customers, transactions, spend);

        Assert.Equal(customers.Select(c => c.CustomerId), scores.Select(s => s.CustomerId));
        Assert.All(scores, s => Assert.True(s.PAlive is >= 0 and <= 1 && s.Clv >= 0));
    }
}

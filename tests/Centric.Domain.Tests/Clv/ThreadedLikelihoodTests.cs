using Centric.Domain.Clv;
using Centric.Domain.Datasets;
using Centric.Domain.Metrics;

namespace Centric.Domain.Tests.Clv;

/// <summary>
/// The as-of fit spreads each BG/NBD likelihood evaluation over the processors once there are some thousands of
/// distinct histories; its groups' shares are added in group order, so the fit is the one-thread fit of the same
/// summaries to the bit: the same parameters after the same evaluations, and so the same scores. The fit is asked for
/// two and three threads outright, so the spread path runs whatever the processors of the machine the tests run on.
/// </summary>
public class ThreadedLikelihoodTests
{
    [Theory]
    [InlineData(3, 2)]
    [InlineData(11, 2)]
    [InlineData(11, 3)]
    public void Fit_OnThreads_IsTheOneThreadFitToTheBit(int seed, int threads)
    {
        var asOf = new DateOnly(2026, 6, 30);
        var summaries = PurchaseHistory.From(Histories(seed, asOf, customers: 20_000)).Summarize(asOf);
        var groups = RfmGroups.From(summaries);
        // Enough distinct (x, t_x, T) histories for the evaluations to be spread over the threads asked for.
        Assert.True(groups.Count >= threads * BgNbdFitter.MinGroupsPerThread, $"{groups.Count} groups");

        var threaded = BgNbdFitter.Fit(groups, null, threads);
        var alone = BgNbdFitter.Fit(groups, null, threads: 1);

        AssertSameToTheBit(alone, threaded);
    }

    [Fact]
    public void AsOfFit_IsTheOneThreadFitToTheBit()
    {
        var asOf = new DateOnly(2026, 6, 30);
        var history = PurchaseHistory.From(Histories(5, asOf, customers: 15_000));

        var asOfFit = ClvFitter.FitAt(history, asOf, new ClvSettings());
        var alone = BgNbdFitter.Fit(history.Summarize(asOf));

        AssertSameToTheBit(alone, new BgNbdFit((BgNbdModel)asOfFit.Model!, asOfFit.Status));
    }

    private static void AssertSameToTheBit(BgNbdFit expectedFit, BgNbdFit actualFit)
    {
        var expected = expectedFit.Model!.Parameters;
        var actual = actualFit.Model!.Parameters;
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.R), BitConverter.DoubleToInt64Bits(actual.R));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Alpha), BitConverter.DoubleToInt64Bits(actual.Alpha));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.A), BitConverter.DoubleToInt64Bits(actual.A));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.B), BitConverter.DoubleToInt64Bits(actual.B));
        Assert.Equal(expectedFit.Status, actualFit.Status);
        Assert.Equal(expectedFit.Status.Evaluations, actualFit.Status.Evaluations);
    }

    /// <summary>Three years of purchase days of customers at individual rates, so most histories are distinct.</summary>
    private static List<Transaction> Histories(int seed, DateOnly asOf, int customers)
    {
        var random = new Random(seed);
        var first = asOf.AddDays(-3 * 365);
        var transactions = new List<Transaction>();
        for (var c = 0; c < customers; c++)
        {
            var day = first.AddDays(random.Next(0, 3 * 365));
            var meanGap = 5 + random.Next(0, 120);
            var lastDay = random.Next(0, 4) == 0 ? day.AddDays(random.Next(0, 400)) : asOf;
            while (day <= asOf && day <= lastDay)
            {
                transactions.Add(new Transaction($"c{c:D5}", day, 5m + random.Next(0, 20_000) / 100m));
                day = day.AddDays(1 + (int)(-meanGap * Math.Log(1.0 - random.NextDouble())));
            }
        }

        return transactions;
    }
}

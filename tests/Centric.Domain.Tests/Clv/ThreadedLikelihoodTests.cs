using Centric.Domain.Clv;
using Centric.Domain.Datasets;
using Centric.Domain.Metrics;

namespace Centric.Domain.Tests.Clv;

/// <summary>
/// The as-of fit spreads each BG/NBD likelihood evaluation over the processors once there are some thousands of
/// distinct histories; its groups' shares are added in group order, so the fit is the one-thread fit of the same
/// summaries to the bit: the same parameters after the same evaluations, and so the same scores.
/// </summary>
public class ThreadedLikelihoodTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    public void AsOfFit_OnThreads_IsTheOneThreadFitToTheBit(int seed)
    {
        var asOf = new DateOnly(2026, 6, 30);
        var history = PurchaseHistory.From(Histories(seed, asOf));
        var summaries = history.Summarize(asOf);
        // Enough distinct (x, t_x, T) histories for the evaluations to be spread over threads (4,096 a thread).
        Assert.True(summaries.Select(s => (s.Frequency, s.Recency, s.Age)).Distinct().Count() > 2 * 4096);

        var threaded = ClvFitter.FitAt(history, asOf, new ClvSettings());
        var alone = BgNbdFitter.Fit(summaries);

        var expected = alone.Model!.Parameters;
        var actual = ((BgNbdModel)threaded.Model!).Parameters;
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.R), BitConverter.DoubleToInt64Bits(actual.R));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Alpha), BitConverter.DoubleToInt64Bits(actual.Alpha));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.A), BitConverter.DoubleToInt64Bits(actual.A));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.B), BitConverter.DoubleToInt64Bits(actual.B));
        Assert.Equal(alone.Status, threaded.Status);
        Assert.Equal(alone.Status.Evaluations, threaded.Status.Evaluations);
    }

    /// <summary>Three years of purchase days of 15,000 customers at individual rates, so most histories are distinct.</summary>
    private static List<Transaction> Histories(int seed, DateOnly asOf)
    {
        var random = new Random(seed);
        var first = asOf.AddDays(-3 * 365);
        var transactions = new List<Transaction>();
        for (var c = 0; c < 15_000; c++)
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

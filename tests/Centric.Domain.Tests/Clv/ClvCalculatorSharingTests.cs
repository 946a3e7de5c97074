using Centric.Domain.Clv;
using FsCheck.Xunit;

namespace Centric.Domain.Tests.Clv;

/// <summary>
/// <see cref="ClvCalculator.Score(IReadOnlyList{CustomerSummary}, ITransactionModel, GammaGammaModel?, ClvOptions?)"/> works each distinct (x, t_x, T) out once and shares equation (10)'s numerators
/// between customers of equal (x, T): on random histories with many repeats, every customer's numbers are the very
/// doubles (and decimals) the model gives for that customer alone, month by month.
/// </summary>
public class ClvCalculatorSharingTests
{
    private static readonly GammaGammaModel Spend = new(new GammaGammaParameters(6.25, 3.74, 15.44));

    /// <param name="seed">Draws the histories.</param>
    /// <param name="aByte">BG/NBD's a; one draw in four gives a = 1, where equation (10) is the mean of two shapes either side.</param>
    /// <param name="bByte">BG/NBD's b.</param>
    /// <param name="months">Horizon in months.</param>
    [Property(MaxTest = 60)]
    public bool Scores_OfSharedHistories_AreEachCustomersOwnToTheBit(int seed, byte aByte, byte bByte, byte months)
    {
        var random = new Random(seed);
        var model = new BgNbdModel(new BgNbdParameters(0.243, 4.414, aByte % 4 == 0 ? 1.0 : 0.05 + (aByte / 60.0), 0.1 + (bByte / 40.0)));
        var options = new ClvOptions { HorizonMonths = months % 25, MonthlyDiscountRate = 0.01m };
        // Few distinct ages, frequencies and recencies, so that customers share (x, T) and (x, t_x, T).
        var customers = Enumerable.Range(0, 300).Select(i =>
        {
            var age = random.Next(1, 12) * 3.5;
            var frequency = random.Next(0, 5);
            var recency = frequency == 0 ? 0.0 : age * random.Next(0, 4) / 3.0;
            return new CustomerSummary($"c{i}", frequency, recency, age, frequency == 0 ? 0m : random.Next(1, 200));
        }).ToList();

        var scores = ClvCalculator.Score(customers, model, Spend, options);

        var month = TimeUnits.UnitsPerMonth(options.Unit);
        var discount = (double)options.MonthlyDiscountRate;
        for (var i = 0; i < customers.Count; i++)
        {
            var c = customers[i];
            double previous = 0.0, discounted = 0.0;
            for (var m = 1; m <= options.HorizonMonths; m++)
            {
                var cumulative = model.ConditionalExpectedPurchases(m * month, c.Frequency, c.Recency, c.Age);
                discounted += (cumulative - previous) / Math.Pow(1.0 + discount, m);
                previous = cumulative;
            }

            var perPurchase = Spend.ConditionalExpectedAverageSpend(c.Frequency, (double)c.MonetaryValue);
            var score = scores[i];
            if (score.CustomerId != c.CustomerId
                || !Same(score.PAlive, model.ProbabilityAlive(c.Frequency, c.Recency, c.Age))
                || !Same(score.ExpectedPurchases, previous)
                || score.Clv != (decimal)(perPurchase * discounted))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(double? actual, double expected) =>
        actual is { } a && BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(expected);
}

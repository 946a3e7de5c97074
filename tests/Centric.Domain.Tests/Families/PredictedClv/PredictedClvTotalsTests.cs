using Centric.Domain.Clv;
using Centric.Domain.Datasets;
using Centric.Domain.Families.PredictedClv;
using Centric.Domain.Metrics;
using Centric.Domain.Segments;
using Centric.Domain.Time;

namespace Centric.Domain.Tests.Families.PredictedClv;

/// <summary>
/// The per-period CLV rows of seeded random histories against totals summed here from every end's full per-customer
/// scores (<see cref="ClvFitter.FitAt(IReadOnlyList{Transaction}, DateOnly, ClvSettings, TimeUnit, ClvFit?)"/> on the
/// end's transactions, then <see cref="ClvFallback.Choose"/>): customers in several segments, in one, in none, and
/// segments nobody of an early end is in. The first year's customers all buy alike (on days 0, 35, 70 and 140, $10 each
/// time), which neither model can fit, so the first ends do not converge and carry the fallback's warnings, and later
/// ends that do not converge use an earlier end's models.
/// </summary>
public class PredictedClvTotalsTests
{
    private static readonly DateOnly Start = new(2021, 1, 1);
    private static readonly DateOnly AsOf = new(2023, 3, 15);
    private static readonly Grain[] Grains = [Grain.Month, Grain.Quarter, Grain.Year];

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void EveryRow_IsTheSumOfItsEndsPerCustomerScores(int seed)
    {
        var random = new Random(seed);
        var transactions = History(random);
        var segments = Segments(transactions, random);
        var settings = new ClvSettings();
        var asOfFit = ClvFitter.FitAt(transactions, AsOf, settings);

        var rows = new PredictedClvMetrics(new PeriodCalendar(), settings) { MaxParallelFits = 3 }
            .Compute(transactions, segments, AsOf, asOfFit, Grains);

        var ends = rows.Select(r => End(r.Period)).Distinct().Order().ToList();
        var fits = ends.Select(e => e == AsOf ? asOfFit : ClvFitter.FitAt(transactions, e, settings, near: asOfFit)).ToList();
        var usable = ClvFallback.Choose(fits, new ClvOptions
        {
            HorizonMonths = settings.HorizonMonths, MonthlyDiscountRate = settings.MonthlyDiscountRate, Unit = asOfFit.Unit,
        });
        Assert.Contains(usable, u => u.ModelWarning?.Contains("no earlier fit converged", StringComparison.Ordinal) == true);
        Assert.Contains(usable, u => u.ModelWarning?.Contains("are used", StringComparison.Ordinal) == true);
        Assert.Contains(usable, u => u.MoneyWarning is null && u.Scores.Any(s => s.Clv is not null));
        Assert.Equal(rows.Select(r => (r.Period, r.Segment, r.Metric)).Distinct().Count(), rows.Count);

        foreach (var row in rows)
        {
            var end = usable[ends.IndexOf(End(row.Period))];
            var scores = end.Scores
                .Where(s => row.Segment == SegmentKeys.All || (segments.TryGetValue(s.CustomerId, out var keys) && keys.Contains(row.Segment)))
                .ToList();
            Assert.NotEmpty(scores);
            var (values, warning) = row.Metric switch
            {
                PredictedClvFamily.PAlive => (scores.Select(s => s.PAlive is { } p ? (decimal?)p : null), end.ModelWarning),
                PredictedClvFamily.ExpectedPurchases => (scores.Select(s => s.ExpectedPurchases is { } e ? (decimal?)e : null), end.ModelWarning),
                _ => (scores.Select(s => s.Clv), end.MoneyWarning),
            };
            var known = values.OfType<decimal>().ToList();
            var sum = known.Aggregate(0m, (total, v) => total + v);
            Assert.Equal(known.Count > 0 ? Ratio.Round(sum) : null, row.Numerator);
            Assert.Equal(row.Metric == PredictedClvFamily.ClvPredictedTotal ? null : known.Count, row.Denominator);
            Assert.Equal(known.Count == 0 ? null : Ratio.Round(row.Metric == PredictedClvFamily.ClvPredictedTotal ? sum : Ratio.Of(sum, known.Count)), row.Value);
            Assert.Equal(warning, row.Warning);
            Assert.Equal(row.Segment != SegmentKeys.All && scores.Count < SegmentKeys.LowSampleThreshold, row.LowSample);
        }
    }

    /// <summary>
    /// 120 customers who buy alike in 2021, then 1,500 who join at random days with 1–12 purchases, each spending around
    /// a mean of their own.
    /// </summary>
    private static List<Transaction> History(Random random)
    {
        var transactions = new List<Transaction>();
        for (var i = 0; i < 120; i++)
        {
            transactions.AddRange(new[] { 0, 35, 70, 140 }.Select(d => new Transaction($"a{i:D4}", Start.AddDays(d), 10m)));
        }

        var days = AsOf.DayNumber - Start.DayNumber;
        for (var i = 0; i < 1500; i++)
        {
            var mean = 10 + (random.NextDouble() * random.NextDouble() * 200);
            var first = 365 + random.Next(days - 365);
            var purchases = 1 + random.Next(12);
            for (var k = 0; k < purchases; k++)
            {
                var day = k == 0 ? first : first + random.Next(days - first + 1);
                transactions.Add(new Transaction($"b{i:D4}", Start.AddDays(day), Math.Round((decimal)(mean * (0.5 + random.NextDouble())), 2)));
            }
        }

        return transactions;
    }

    /// <summary>Per customer: in no segment (a quarter of them), or in one to three of five.</summary>
    private static Dictionary<string, IReadOnlyList<string>> Segments(List<Transaction> transactions, Random random)
    {
        string[] keys = ["region:north", "region:south", "tier:gold", "tier:silver", "channel:web"];
        var segments = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var id in transactions.Select(t => t.CustomerId).Distinct().Order(StringComparer.Ordinal))
        {
            var count = random.Next(4);
            if (count > 0)
            {
                segments[id] = [.. keys.OrderBy(_ => random.Next()).Take(count)];
            }
        }

        return segments;
    }

    private static DateOnly End(Period period) => period.LastDay < AsOf ? period.LastDay : AsOf;
}

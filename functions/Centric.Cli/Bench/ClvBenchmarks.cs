using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Centric.Domain.Clv;

namespace Centric.Cli.Bench;

/// <summary>
/// Predicted CLV at scale: BG/NBD and Gamma-Gamma fits plus 12-month scores for simulated customers whose
/// purchases are recorded by day (ages 27–39 weeks, as a one-quarter cohort observed for 39 weeks), so identical
/// (x, t_x, T) histories group into weights as they do in real transaction logs.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Maintainability", "CA1515", Justification = "BenchmarkDotNet runs public benchmark classes only.")]
public class ClvBenchmarks
{
    private static readonly BgNbdParameters Transactions = new(0.243, 4.414, 0.793, 2.426);
    private static readonly GammaGammaParameters Spend = new(6.25, 3.74, 15.44);
    private IReadOnlyList<CustomerSummary> customers = [];

    [Params(1_000_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Simulate() =>
        customers = BgNbdSimulator.Simulate(Transactions, Customers, 27, 39, seed: 42, grain: 1 / 7.0, spend: Spend);

    [Benchmark]
    public BgNbdFit FitBgNbd() => BgNbdFitter.Fit(customers);

    [Benchmark]
    public GammaGammaFit FitGammaGamma() => GammaGammaFitter.Fit(customers);

    /// <summary>
    /// Each step once with a stopwatch (the plain table of <c>centric bench --clv-fits</c>): the BG/NBD fit, the
    /// Gamma-Gamma fit, the scores, their sum, and a cold Pareto/NBD fit of <paramref name="cdnow"/> when given.
    /// </summary>
    internal static IReadOnlyList<Commands.ClvBenchStep> Timed(int count, IReadOnlyList<CustomerSummary>? cdnow)
    {
        var simulated = BgNbdSimulator.Simulate(Transactions, count, 27, 39, seed: 42, grain: 1 / 7.0, spend: Spend);
        var groups = simulated.Select(c => (c.Frequency, c.Recency, c.Age)).Distinct().Count();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var transactions = BgNbdFitter.Fit(simulated);
        var fitMs = watch.ElapsedMilliseconds;
        watch.Restart();
        var spend = GammaGammaFitter.Fit(simulated);
        var spendMs = watch.ElapsedMilliseconds;
        watch.Restart();
        var model = transactions.Model ?? throw new InvalidOperationException("BG/NBD did not fit the simulated customers.");
        ClvCalculator.Score(simulated, model, spend.Model, ClvOptions.Default);
        var scoreMs = watch.ElapsedMilliseconds;
        List<Commands.ClvBenchStep> steps =
        [
            new("bg/nbd fit", count, groups, fitMs, transactions.Status.Iterations, Word(transactions.Status.Outcome)),
            new("gamma-gamma fit", count, groups, spendMs, spend.Status.Iterations, Word(spend.Status.Outcome)),
            new("score", count, groups, scoreMs, null, null),
            new("fit and score", count, groups, fitMs + spendMs + scoreMs, null, null),
        ];
        if (cdnow is not null)
        {
            watch.Restart();
            var pareto = ParetoNbdFitter.Fit(cdnow);
            steps.Add(new("pareto/nbd fit (cdnow)", cdnow.Count, cdnow.Select(c => (c.Frequency, c.Recency, c.Age)).Distinct().Count(),
                watch.ElapsedMilliseconds, pareto.Status.Iterations, Word(pareto.Status.Outcome)));
        }

        return steps;
    }

    private static string Word(Centric.Domain.Numerics.FitOutcome outcome) => outcome.ToString();

    [Benchmark]
    public IReadOnlyList<CustomerScore> FitAndScore()
    {
        var transactions = BgNbdFitter.Fit(customers).Model
            ?? throw new InvalidOperationException("BG/NBD did not fit the simulated customers.");
        var spend = GammaGammaFitter.Fit(customers).Model;
        return ClvCalculator.Score(customers, transactions, spend, ClvOptions.Default);
    }
}

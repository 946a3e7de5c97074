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

    [Benchmark]
    public IReadOnlyList<CustomerScore> FitAndScore()
    {
        var transactions = BgNbdFitter.Fit(customers).Model
            ?? throw new InvalidOperationException("BG/NBD did not fit the simulated customers.");
        var spend = GammaGammaFitter.Fit(customers).Model;
        return ClvCalculator.Score(customers, transactions, spend, ClvOptions.Default);
    }
}

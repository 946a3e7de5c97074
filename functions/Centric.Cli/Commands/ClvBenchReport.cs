namespace Centric.Cli.Commands;

/// <summary>What <c>centric bench --clv-fits</c> prints: each CLV step timed once.</summary>
/// <param name="Steps">The steps in the order they ran.</param>
internal sealed record ClvBenchReport(IReadOnlyList<ClvBenchStep> Steps);

/// <summary>One timed CLV step.</summary>
/// <param name="Step">What ran (<c>bg/nbd fit</c>, <c>gamma-gamma fit</c>, <c>score</c>, <c>fit and score</c>, <c>pareto/nbd fit (cdnow)</c>).</param>
/// <param name="Customers">Customers the step read.</param>
/// <param name="Groups">Distinct (x, t_x, T) histories among them, the unit the likelihood and the scores are computed per.</param>
/// <param name="Ms">Elapsed milliseconds.</param>
/// <param name="Iterations">Optimiser iterations of a fit (null for scoring).</param>
/// <param name="Status">How a fit ended (<c>converged</c>...), null for scoring.</param>
internal sealed record ClvBenchStep(string Step, int Customers, int Groups, long Ms, int? Iterations, string? Status);

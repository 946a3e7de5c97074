using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Running;
using Centric.Cli.Arguments;
using Centric.Cli.Bench;
using Centric.Cli.Output;

namespace Centric.Cli.Commands;

/// <summary><c>centric bench --clv-fits</c> and <c>--clv</c>: the CLV fits timed alone, apart from any ingest or compute.</summary>
internal static class ClvBenchCommand
{
    /// <summary>
    /// <c>--clv-fits</c>: times once each the BG/NBD fit, the Gamma-Gamma fit and the 12-month scores of
    /// <c>--customers</c> simulated customers (default 1,000,000, as <see cref="ClvBenchmarks"/> simulates them), and,
    /// with <c>--cdnow FILE</c>, a cold Pareto/NBD fit on that CDNOW log at the published calibration end 1997-09-30.
    /// </summary>
    public static int RunFits(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CommandArguments.Parse(args, ["customers", "cdnow"], [], out var error);
        if (parsed is null)
        {
            return BenchUsage.Error(stderr, "centric bench --clv-fits", error!);
        }

        var count = 1_000_000;
        if (parsed.Value("customers") is { } customersText && !OptionValues.TryParseCount(customersText, out count))
        {
            return BenchUsage.Error(stderr, "centric bench --clv-fits", $"--customers '{customersText}' is not a positive whole number.");
        }

        IReadOnlyList<Centric.Domain.Clv.CustomerSummary>? cdnow = null;
        if (parsed.Value("cdnow") is { } cdnowPath)
        {
            if (!File.Exists(cdnowPath))
            {
                return BenchUsage.Error(stderr, "centric bench --clv-fits", $"--cdnow '{cdnowPath}' does not exist.");
            }

            var log = Centric.Cli.Clv.CdnowLog.Read(cdnowPath, out var problem);
            if (log is null)
            {
                return BenchUsage.Error(stderr, "centric bench --clv-fits", $"--cdnow: {problem}");
            }

            cdnow = Centric.Domain.Clv.RfmSummarizer.Summarize(log, new DateOnly(1997, 9, 30));
        }

        var steps = ClvBenchmarks.Timed(count, cdnow);
        stdout.WriteLine(JsonSerializer.Serialize(new ClvBenchReport(steps), CliJsonContext.Default.ClvBenchReport));
        stderr.WriteLine();
        stderr.WriteLine("| CLV step | customers | groups | ms | iterations | status |");
        stderr.WriteLine("|---|--:|--:|--:|--:|---|");
        foreach (var step in steps)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {step.Step} | {step.Customers} | {step.Groups} | {step.Ms} | {step.Iterations} | {step.Status} |"));
        }

        return CentricCli.Success;
    }

    /// <summary>Runs <see cref="ClvBenchmarks"/> with BenchmarkDotNet; its own options (<c>--job short</c>, ...) pass
    /// through, and every benchmark of the class runs unless a <c>--filter</c> is given.</summary>
    public static int RunBenchmarks(string[] benchmarkArgs)
    {
        string[] filter = benchmarkArgs.Contains("--filter") ? [] : ["--filter", "*"];

        // In process by default: the assembly is named centric, not after its project, so BenchmarkDotNet's
        // out-of-process toolchain cannot find the project to rebuild.
        string[] toolchain = benchmarkArgs.Any(a => a is "--inProcess" or "-i" or "--runtimes" or "-r") ? [] : ["--inProcess"];
        var summaries = BenchmarkSwitcher.FromTypes([typeof(ClvBenchmarks)]).Run([.. filter, .. toolchain, .. benchmarkArgs]);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success))
            ? CentricCli.Unusable
            : CentricCli.Success;
    }
}

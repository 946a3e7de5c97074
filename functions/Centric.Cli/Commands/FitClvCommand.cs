using System.Text.Json;
using Centric.Cli.Arguments;
using Centric.Cli.Clv;
using Centric.Cli.Output;
using Centric.Domain.Clv;
using Centric.Domain.Datasets;
using Centric.Domain.Numerics;

namespace Centric.Cli.Commands;

/// <summary>
/// <c>centric fit-clv</c>: transactions -> RFM summary at the calibration end -> BG/NBD or Pareto/NBD, plus
/// Gamma-Gamma on the repeat customers, printed as JSON. With <c>--format cdnow</c> it reads the published CDNOW
/// logs, so the paper's estimates (Fader, Hardie &amp; Lee 2005) can be reproduced from the command line.
/// </summary>
internal static class FitClvCommand
{
    private static readonly string[] Options = ["orders", "format", "calibration-end", "model", "time-unit"];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CommandArguments.Parse(args, Options, [], out var error);
        if (parsed?.Value("orders") is not { } orders)
        {
            return UsageError(stderr, error ?? "--orders is required.");
        }

        var model = parsed.Value("model") ?? "bgnbd";
        var unitName = parsed.Value("time-unit") ?? "week";
        var format = parsed.Value("format") ?? "export";
        if (model is not ("bgnbd" or "pareto-nbd"))
        {
            return UsageError(stderr, $"--model '{model}' is not one of bgnbd, pareto-nbd.");
        }

        if (unitName is not ("week" or "day"))
        {
            return UsageError(stderr, $"--time-unit '{unitName}' is not one of week, day.");
        }

        if (format is not ("export" or "cdnow"))
        {
            return UsageError(stderr, $"--format '{format}' is not one of export, cdnow.");
        }

        DateOnly? calibrationEnd = null;
        if (parsed.Value("calibration-end") is { } endText)
        {
            if (!OptionValues.TryParse(endText, out var end))
            {
                return Fail(stderr, $"--calibration-end '{endText}' is not a date (YYYY-MM-DD).");
            }

            calibrationEnd = end;
        }

        if (!File.Exists(orders))
        {
            return Fail(stderr, $"the orders file '{orders}' does not exist.");
        }

        var transactions = format == "cdnow"
            ? CdnowLog.Read(orders, out var problem)
            : OrdersLog.Read(orders, DatasetSettings.Default, out problem);
        if (transactions is null)
        {
            return Fail(stderr, problem!);
        }

        var unit = unitName == "day" ? TimeUnit.Day : TimeUnit.Week;
        var calibration = calibrationEnd ?? transactions.Max(t => t.Day);
        var customers = RfmSummarizer.Summarize(transactions, calibration, unit);
        if (customers.Count == 0)
        {
            return Fail(stderr, $"no customer bought on or before the calibration end {calibration:yyyy-MM-dd}.");
        }

        var report = Fit(model, unitName, calibration, customers, out var spendProblem);
        if (report.GammaGamma is null)
        {
            stderr.WriteLine($"centric fit-clv: gamma-gamma not fitted: {spendProblem}");
        }

        stdout.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Default.FitClvReport));
        return CentricCli.Success;
    }

    private static FitClvReport Fit(string model, string unit, DateOnly calibrationEnd, IReadOnlyList<CustomerSummary> customers, out string spendProblem)
    {
        Dictionary<string, double>? parameters = null;
        FitStatus status;
        if (model == "pareto-nbd")
        {
            var fit = ParetoNbdFitter.Fit(customers);
            status = fit.Status;
            if (fit.Parameters is { } p)
            {
                parameters = new() { ["r"] = p.R, ["alpha"] = p.Alpha, ["s"] = p.S, ["beta"] = p.Beta };
            }
        }
        else
        {
            var fit = BgNbdFitter.Fit(customers);
            status = fit.Status;
            if (fit.Parameters is { } p)
            {
                parameters = new() { ["r"] = p.R, ["alpha"] = p.Alpha, ["a"] = p.A, ["b"] = p.B };
            }
        }

        var spend = GammaGammaFitter.Fit(customers);
        var gammaGamma = spend.Parameters is { } g
            ? new GammaGammaReport(
                g.P, g.Q, g.Gamma, spend.Status.LogLikelihood, customers.Count(c => c.Frequency > 0 && c.MonetaryValue > 0),
                spend.Status.Iterations, spend.Status.Converged, StatusName(spend.Status.Outcome), spend.Status.Message)
            : null;
        spendProblem = spend.Status.Message;
        return new FitClvReport(
            model, unit, calibrationEnd, parameters, status.LogLikelihood, customers.Count, status.Iterations,
            status.Converged, StatusName(status.Outcome), status.Message, gammaGamma);
    }

    private static string StatusName(FitOutcome outcome) => outcome switch
    {
        FitOutcome.Converged => "converged",
        FitOutcome.NotConverged => "not-converged",
        FitOutcome.Diverged => "diverged",
        FitOutcome.InsufficientData => "insufficient-data",
        _ => "invalid-parameters",
    };

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine($"centric fit-clv: {message}");
        stderr.WriteLine("usage:");
        stderr.WriteLine(Usage.FitClv);
        return CentricCli.Unusable;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"centric fit-clv: {message}");
        return CentricCli.Unusable;
    }
}

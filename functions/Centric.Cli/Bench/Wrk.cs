using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Centric.Cli.Bench;

/// <summary>One wrk run's figures: requests per second, latency percentiles and the answers that were not 2xx/3xx.</summary>
/// <param name="RequestsPerSecond">wrk's <c>Requests/sec</c>.</param>
/// <param name="P50Ms">The median latency, ms.</param>
/// <param name="P99Ms">The 99th percentile latency, ms.</param>
/// <param name="Requests">Requests completed.</param>
/// <param name="Errors">Non-2xx/3xx answers plus socket errors (connect, read, write, timeout).</param>
internal sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors);

/// <summary>
/// The <c>wrk</c> HTTP load generator, run as a process with <c>--latency</c> and its text output parsed.
/// </summary>
internal static partial class Wrk
{
    public const string InstallHint =
        "wrk is not installed (it is not on PATH). Install it with `sudo apt-get install -y wrk` (Debian, Ubuntu) or "
        + "`brew install wrk` (macOS), then run centric bench --serve again.";

    /// <summary>The path of <c>wrk</c> on PATH, or null.</summary>
    public static string? Find()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "wrk");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs wrk against <paramref name="url"/> with <paramref name="connections"/> connections for <paramref name="seconds"/> s.</summary>
    public static async Task<WrkResult> RunAsync(string wrk, Uri url, int connections, int threads, int seconds, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(wrk)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--latency",
            "-t", threads.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", seconds.ToString(CultureInfo.InvariantCulture) + "s",
            "--timeout", "10s",
            url.AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{wrk} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // A cancelled run does not leave wrk behind.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {await error}{await output}");
        }

        return Parse(await output);
    }

    /// <summary>Reads wrk's <c>--latency</c> report.</summary>
    public static WrkResult Parse(string report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rps = RequestsPerSecond().Match(report);
        var p50 = Percentile("50%").Match(report);
        var p99 = Percentile("99%").Match(report);
        var requests = RequestsCompleted().Match(report);
        if (!rps.Success || !p50.Success || !p99.Success || !requests.Success)
        {
            throw new FormatException("wrk's report has no Requests/sec or latency distribution:\n" + report);
        }

        long errors = 0;
        if (NotSuccessful().Match(report) is { Success: true } failed)
        {
            errors += long.Parse(failed.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        if (SocketErrors().Match(report) is { Success: true } socket)
        {
            errors += Enumerable.Range(1, 4).Sum(g => long.Parse(socket.Groups[g].Value, CultureInfo.InvariantCulture));
        }

        return new WrkResult(
            Math.Round(double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture), 1),
            Milliseconds(p50),
            Milliseconds(p99),
            long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
            errors);
    }

    private static double Milliseconds(Match match)
    {
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var ms = match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            "m" => value * 60_000,
            var unit => throw new FormatException($"wrk reported a latency in unknown unit '{unit}'."),
        };
        return Math.Round(ms, 3);
    }

    private static Regex Percentile(string percent) =>
        new(@"^\s*" + Regex.Escape(percent) + @"\s+([0-9.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"^Requests/sec:\s+([0-9.]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s*([0-9]+) requests in ", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex RequestsCompleted();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+([0-9]+)", RegexOptions.CultureInvariant)]
    private static partial Regex NotSuccessful();

    [GeneratedRegex(@"Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)", RegexOptions.CultureInvariant)]
    private static partial Regex SocketErrors();
}

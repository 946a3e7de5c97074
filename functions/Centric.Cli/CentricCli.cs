using Centric.Cli.Commands;

namespace Centric.Cli;

/// <summary>The <c>centric</c> command line: dispatches to one command and returns its exit code.</summary>
public static class CentricCli
{
    /// <summary>Exit code of a successful run.</summary>
    public const int Success = 0;

    /// <summary>Exit code of a command that could not finish: storage unreachable or refusing (<c>centric keys</c>).</summary>
    public const int Failed = 1;

    /// <summary>Exit code of a usage error or of unusable input.</summary>
    public const int Unusable = 2;

    /// <summary>Runs <c>centric</c> with <paramref name="args"/>, writing results to <paramref name="stdout"/> and
    /// problems to <paramref name="stderr"/>; <paramref name="time"/> (default: the system clock) dates the run and
    /// <paramref name="environment"/> (default: the process's environment variables) holds the storage settings.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? time = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0)
        {
            stderr.WriteLine(Usage.Text);
            return Unusable;
        }

        var rest = args[1..];
        if (rest.Length > 0 && rest.All(a => a is "--help" or "-h") && CommandUsage(args[0]) is { } usage)
        {
            stdout.WriteLine("usage:");
            stdout.WriteLine(usage);
            return Success;
        }

        switch (args[0])
        {
            case "compute":
                return ComputeCommand.Run(rest, stdout, stderr, time ?? TimeProvider.System);
            case "fit-clv":
                return FitClvCommand.Run(rest, stdout, stderr);
            case "keys":
                return KeysCommand.Run(rest, stdout, stderr, time ?? TimeProvider.System, environment ?? Environment.GetEnvironmentVariable);
            case "bench":
                return BenchCommand.Run(rest, stdout, stderr, environment ?? Environment.GetEnvironmentVariable, time ?? TimeProvider.System);
            case "help" or "--help" or "-h":
                stdout.WriteLine(Usage.Text);
                return Success;
            default:
                stderr.WriteLine($"centric: unknown command '{args[0]}'.");
                stderr.WriteLine(Usage.Text);
                return Unusable;
        }
    }

    /// <summary>The usage of one command, printed by <c>centric COMMAND --help</c>; null for an unknown command.</summary>
    private static string? CommandUsage(string command) => command switch
    {
        "compute" => Usage.Compute,
        "fit-clv" => Usage.FitClv,
        "bench" => Usage.Bench,
        "keys" => Usage.Keys,
        _ => null,
    };
}

using Centric.Cli.Commands;

namespace Centric.Cli;

/// <summary>The <c>centric</c> command line: dispatches to one command and returns its exit code.</summary>
public static class CentricCli
{
    /// <summary>Exit code of a successful run.</summary>
    public const int Success = 0;

    /// <summary>Exit code of a usage error or of unusable input.</summary>
    public const int Unusable = 2;

    /// <summary>Runs <c>centric</c> with <paramref name="args"/>, writing results to <paramref name="stdout"/> and
    /// problems to <paramref name="stderr"/>; <paramref name="time"/> (default: the system clock) dates the run.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? time = null)
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
        switch (args[0])
        {
            case "compute":
                return ComputeCommand.Run(rest, stdout, stderr, time ?? TimeProvider.System);
            case "fit-clv":
                return FitClvCommand.Run(rest, stdout, stderr);
            case "bench":
                return BenchCommand.Run(rest, stdout, stderr);
            case "help" or "--help" or "-h":
                stdout.WriteLine(Usage.Text);
                return Success;
            default:
                stderr.WriteLine($"centric: unknown command '{args[0]}'.");
                stderr.WriteLine(Usage.Text);
                return Unusable;
        }
    }
}

namespace Centric.Cli.Tests;

/// <summary>Runs <c>centric</c> in-process and keeps its exit code, standard output and standard error.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Err)
{
    public static CliRun Of(TimeProvider? time, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CentricCli.Run(args, stdout, stderr, time);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public static CliRun Of(params string[] args) => Of(null, args);
}

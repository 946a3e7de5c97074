namespace Centric.Cli.Bench;

/// <summary>How every form of <c>centric bench</c> answers a wrong option: the command, the problem, then the usage.</summary>
internal static class BenchUsage
{
    public static int Error(TextWriter stderr, string command, string message)
    {
        stderr.WriteLine($"{command}: {message}");
        stderr.WriteLine("usage:");
        stderr.WriteLine(Usage.Bench);
        return CentricCli.Unusable;
    }
}

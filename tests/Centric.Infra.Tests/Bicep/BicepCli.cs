using System.Reflection;

namespace Centric.Infra.Tests.Bicep;

/// <summary>The Bicep compiler shipped in the Azure.Bicep.CommandLine.linux-x64 package; runs offline.</summary>
internal static class BicepCli
{
    private static readonly Lazy<string> Executable = new(Locate);

    public static string Path => Executable.Value;

    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        RunAsync(arguments, environment: null);

    public static Task<ProcessResult> RunAsync(
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string?>? environment,
        CancellationToken cancellationToken = default) =>
        ProcessRunner.RunAsync(Path, arguments, RepositoryPaths.Infra, environment, TimeSpan.FromMinutes(2), cancellationToken);

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "BicepPath").Value
            ?? throw new InvalidOperationException("The BicepPath assembly metadata is empty.");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The Bicep CLI from Azure.Bicep.CommandLine.linux-x64 is missing.", path);
        }

        // Package extraction does not always keep the execute bit.
        if (OperatingSystem.IsWindows())
        {
            return path;
        }

        var mode = File.GetUnixFileMode(path);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }

        return path;
    }
}

using System.IO.Compression;

namespace Centric.Infra.Tests.Packaging;

/// <summary>Runs scripts/package.sh once (one publish per test run) and opens the zip it writes.</summary>
public sealed class PackageFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("centric-package-").FullName;

    public string ZipPath => Path.Combine(_folder, "centric-functions.zip");

    public string ScriptOutput { get; private set; } = "";

    internal IReadOnlyDictionary<string, ZipEntryInfo> Entries { get; private set; } = new Dictionary<string, ZipEntryInfo>();

    public async Task InitializeAsync()
    {
        // The script runs as a person would from a shell, not inside this test host's MSBuild environment.
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(name => name, _ => (string?)null);
        var result = await ProcessRunner.RunAsync(
            "bash", [RepositoryPaths.PackageScript, ZipPath], RepositoryPaths.Root, environment, TimeSpan.FromMinutes(8));
        ScriptOutput = result.Output;
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/package.sh failed (exit {result.ExitCode}):\n{result.Output}");
        }

        using var zip = ZipFile.OpenRead(ZipPath);
        Entries = zip.Entries.ToDictionary(
            entry => entry.FullName,
            entry => new ZipEntryInfo(entry.FullName, entry.Length, (UnixFileMode)((entry.ExternalAttributes >> 16) & 0xFFF)),
            StringComparer.Ordinal);
    }

    /// <summary>The bytes of one file in the zip.</summary>
    public byte[] Read(string path)
    {
        using var zip = ZipFile.OpenRead(ZipPath);
        var entry = zip.GetEntry(path) ?? throw new InvalidOperationException($"The package has no {path}.");
        using var stream = entry.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>A file in the deployment zip with the unix mode kept in its external attributes.</summary>
internal sealed record ZipEntryInfo(string Path, long Length, UnixFileMode Mode)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}

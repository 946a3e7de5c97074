using System.Text.Json.Nodes;

namespace Centric.Infra.Tests.Packaging;

/// <summary>The deployment zip has the layout the Functions host expects and runs what host.json names.</summary>
[Collection(PackageGroup.Name)]
public sealed class PackageLayoutTests(PackageFixture package)
{
    private IReadOnlyDictionary<string, ZipEntryInfo> Entries => package.Entries;

    [Fact]
    public void Package_HasHostJsonAtTheRoot()
    {
        Assert.Contains("host.json", Entries.Keys);
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(RepositoryPaths.FunctionsProject, "host.json")).Length,
            Entries["host.json"].Length);
    }

    [Fact]
    public void Package_HasOneFolderPerFunctionWithItsFunctionJson()
    {
        var expected = Directory.EnumerateDirectories(RepositoryPaths.FunctionsProject)
            .Where(folder => File.Exists(Path.Combine(folder, "function.json")))
            .Select(folder => Path.GetFileName(folder))
            .Order(StringComparer.Ordinal)
            .ToList();
        var packaged = Entries.Keys
            .Where(name => name.Count(c => c == '/') == 1 && name.EndsWith("/function.json", StringComparison.Ordinal))
            .Select(name => name[..name.IndexOf('/', StringComparison.Ordinal)])
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, packaged);
    }

    [Fact]
    public void Package_HoldsTheHandlerThatHostJsonStarts()
    {
        var description = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.FunctionsProject, "host.json")))?["customHandler"]?["description"];
        var executable = description?["defaultExecutablePath"]?.GetValue<string>();
        var arguments = (description?["arguments"] as JsonArray ?? []).Select(argument => argument!.GetValue<string>()).ToList();

        Assert.Equal("dotnet", executable);
        Assert.Equal(["Centric.Functions.dll"], arguments);
        Assert.Contains("Centric.Functions.dll", Entries.Keys);
        Assert.Contains("Centric.Functions.deps.json", Entries.Keys);
        Assert.Contains("Centric.Functions.runtimeconfig.json", Entries.Keys);
    }

    [Fact]
    public void Package_KeepsUnixModes_SoExecutablesStayExecutable()
    {
        Assert.All(Entries.Values, entry => Assert.True(
            (entry.Mode & UnixFileMode.UserRead) != 0, $"{entry.Path} has no unix mode in the zip ({entry.Mode})."));
        var apphost = Entries["Centric.Functions"];
        Assert.True((apphost.Mode & UnixFileMode.UserExecute) != 0, $"Centric.Functions lost its execute bit ({apphost.Mode}).");
        Assert.True((Entries["host.json"].Mode & UnixFileMode.UserExecute) == 0, "host.json should not be executable.");
    }

    [Fact]
    public void Package_ShipsNoLocalSettingsAndNoTestAssemblies()
    {
        Assert.DoesNotContain(Entries.Values, entry => entry.FileName == "local.settings.json");
        Assert.DoesNotContain(Entries.Values, entry => entry.FileName.EndsWith(".Tests.dll", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(Entries.Values, entry => entry.FileName.StartsWith("xunit", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(Entries.Values, entry => entry.FileName.StartsWith("Microsoft.AspNetCore.Mvc.Testing", StringComparison.Ordinal));
        Assert.DoesNotContain(Entries.Values, entry => entry.FileName.StartsWith("Centric.LocalHost", StringComparison.Ordinal));
    }

    [Fact]
    public void Package_IsForLinuxX64Only()
    {
        // A framework-dependent linux-x64 publish: DuckDB's native library for the Flex instances, none for other platforms.
        Assert.Contains(Entries.Values, entry => entry.FileName == "libduckdb.so");
        Assert.DoesNotContain(Entries.Keys, name => name.StartsWith("runtimes/", StringComparison.Ordinal)
            && !name.StartsWith("runtimes/linux-x64/", StringComparison.Ordinal));
        Assert.DoesNotContain(Entries.Values, entry => entry.FileName.EndsWith(".dylib", StringComparison.Ordinal));
    }

    [Fact]
    public void Script_ReportsWhatItPackaged()
    {
        Assert.Contains("functions: ", package.ScriptOutput, StringComparison.Ordinal);
        Assert.Contains("MB zipped", package.ScriptOutput, StringComparison.Ordinal);
    }
}

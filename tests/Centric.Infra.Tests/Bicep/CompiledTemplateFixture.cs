namespace Centric.Infra.Tests.Bicep;

/// <summary>Compiles infra/main.bicep once with the real Bicep CLI and parses the ARM template.</summary>
public sealed class CompiledTemplateFixture : IAsyncLifetime
{
    private readonly string _output = Directory.CreateTempSubdirectory("centric-bicep-").FullName;
    private ArmTemplate? _template;

    internal ArmTemplate Template => _template ?? throw new InvalidOperationException("Not compiled yet.");

    internal string BuildOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var outFile = Path.Combine(_output, "main.json");
        var result = await BicepCli.RunAsync("build", Path.Combine(RepositoryPaths.Infra, "main.bicep"), "--outfile", outFile);
        BuildOutput = result.Output;
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build main.bicep failed:\n{result.Output}");
        }

        _template = ArmTemplate.Parse(await File.ReadAllTextAsync(outFile));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_output, recursive: true);
        return Task.CompletedTask;
    }
}

namespace Centric.Infra.Tests.Bicep;

/// <summary>infra/main.bicep compiled once per test run with the real Bicep CLI, shared by the template tests.</summary>
public sealed class CompiledTemplateFixture : IAsyncLifetime
{
    private static readonly Lazy<Task<ArmTemplate>> Compiled = new(CompileAsync);

    private ArmTemplate? _template;

    internal ArmTemplate Template => _template ?? throw new InvalidOperationException("Not compiled yet.");

    public async Task InitializeAsync() => _template = await Compiled.Value;

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<ArmTemplate> CompileAsync()
    {
        var result = await BicepCli.RunAsync("build", Path.Combine(RepositoryPaths.Infra, "main.bicep"), "--stdout");
        if (result.ExitCode != 0 || result.StandardError.Trim().Length > 0)
        {
            throw new InvalidOperationException($"bicep build main.bicep (exit {result.ExitCode}):\n{result.StandardError}");
        }

        return ArmTemplate.Parse(result.StandardOutput);
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Centric.Infra.Tests.Bicep;

/// <summary>One resource of a compiled ARM template, with the module deployments it sits in.</summary>
internal sealed record ArmResource(string Type, JsonObject Json, string ModulePath)
{
    public string Name => Json["name"]?.GetValue<string>() ?? "";

    public JsonNode? Properties => Json["properties"];

    public override string ToString() => $"{ModulePath}/{Type} {Name}";
}

/// <summary>A compiled ARM template (the output of `bicep build`), walked through its nested module templates.</summary>
internal sealed class ArmTemplate
{
    public ArmTemplate(JsonObject root)
    {
        Root = root;
        Resources = Flatten(root, "main").ToList();
    }

    public JsonObject Root { get; }

    /// <summary>Every resource, module deployments and the resources inside their templates alike.</summary>
    public IReadOnlyList<ArmResource> Resources { get; }

    public static ArmTemplate Parse(string json) =>
        new(JsonNode.Parse(json)?.AsObject() ?? throw new InvalidOperationException("The template is empty."));

    public IReadOnlyList<ArmResource> OfType(string type) =>
        Resources.Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    public ArmResource Single(string type) => Assert.Single(OfType(type));

    /// <summary>Outputs of the template and of every nested module template.</summary>
    public IReadOnlyList<JsonObject> AllOutputs()
    {
        var outputs = new List<JsonObject>();
        Collect(Root);
        return outputs;

        void Collect(JsonObject template)
        {
            if (template["outputs"] is JsonObject own)
            {
                outputs.Add(own);
            }

            foreach (var module in Items(template["resources"]).Where(IsDeployment))
            {
                if (module["properties"]?["template"] is JsonObject nested)
                {
                    Collect(nested);
                }
            }
        }
    }

    /// <summary>The template of the module deployment with this name (modules of main.bicep).</summary>
    public JsonObject ModuleTemplate(string moduleName) =>
        Module(moduleName).Properties.At("template") as JsonObject
        ?? throw new InvalidOperationException($"Module {moduleName} has no template.");

    /// <summary>
    /// Resolves a value inside a module of main.bicep as far as literals go: `[parameters('x')]` becomes what main passes,
    /// and `[variables('x')]` / `[parameters('x')]` in main become main's variable or parameter default.
    /// </summary>
    public JsonNode? ResolveInModule(string moduleName, JsonNode? value)
    {
        if (Reference(value, "parameters") is { } parameter)
        {
            value = Module(moduleName).Properties.At($"parameters.{parameter}.value");
        }

        if (Reference(value, "variables") is { } variable)
        {
            return Root.At($"variables.{variable}");
        }

        return Reference(value, "parameters") is { } mainParameter ? Root.At($"parameters.{mainParameter}.defaultValue") : value;
    }

    private ArmResource Module(string moduleName) =>
        OfType("Microsoft.Resources/deployments").Single(deployment => deployment.ModulePath == "main" && deployment.Name == moduleName);

    private static string? Reference(JsonNode? value, string function) =>
        value is JsonValue text && text.TryGetValue(out string? expression)
            && Regex.Match(expression, $@"^\[{function}\('(?<name>\w+)'\)\]$") is { Success: true } match
            ? match.Groups["name"].Value
            : null;

    private static IEnumerable<ArmResource> Flatten(JsonObject template, string modulePath)
    {
        foreach (var resource in Items(template["resources"]))
        {
            var type = resource["type"]?.GetValue<string>() ?? "";
            yield return new ArmResource(type, resource, modulePath);
            if (IsDeployment(resource) && resource["properties"]?["template"] is JsonObject nested)
            {
                var name = resource["name"]?.GetValue<string>() ?? "?";
                foreach (var inner in Flatten(nested, $"{modulePath}/{name}"))
                {
                    yield return inner;
                }
            }
        }
    }

    // Templates with symbolic names (languageVersion 2.0) hold resources in an object, older ones in an array.
    private static IEnumerable<JsonObject> Items(JsonNode? resources) => resources switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject map => map.Select(pair => pair.Value).OfType<JsonObject>(),
        _ => [],
    };

    private static bool IsDeployment(JsonObject resource) =>
        string.Equals(resource["type"]?.GetValue<string>(), "Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase);
}

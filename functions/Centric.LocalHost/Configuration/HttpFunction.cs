namespace Centric.LocalHost.Configuration;

/// <summary>An httpTrigger function: allowed methods (upper case; empty = any) and its route template.</summary>
public sealed record HttpFunction(string Name, string BindingName, IReadOnlyList<string> Methods, string Route)
    : FunctionDefinition(Name, BindingName);

namespace Centric.LocalHost.Configuration;

/// <summary>A function from its folder's function.json: its name and the trigger binding's name.</summary>
public abstract record FunctionDefinition(string Name, string BindingName);

namespace Centric.LocalHost.Configuration;

/// <summary>
/// Looks up app settings the way the Functions host does locally: real environment variables win over
/// <c>local.settings.json</c> values. Resolves <c>%Name%</c> placeholders in binding properties.
/// </summary>
public sealed class SettingResolver(IReadOnlyDictionary<string, string> values, Func<string, string?>? environment = null)
{
    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    public string? this[string name] => _environment(name) is { Length: > 0 } fromEnvironment
        ? fromEnvironment
        : values.TryGetValue(name, out var value) ? value : null;

    /// <summary>The effective values to hand to the handler: the file's values, overridden by the environment.</summary>
    public IReadOnlyDictionary<string, string> Effective()
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in values.Keys)
        {
            result[name] = this[name] ?? string.Empty;
        }

        return result;
    }

    /// <summary>
    /// Replaces every <c>%Name%</c> in <paramref name="text"/> with its setting. A missing setting is a
    /// configuration error naming the function, the setting and where to define it.
    /// </summary>
    public string Resolve(string text, string functionName)
    {
        var start = text.IndexOf('%', StringComparison.Ordinal);
        if (start < 0)
        {
            return text;
        }

        var end = text.IndexOf('%', start + 1);
        if (end < 0)
        {
            return text;
        }

        var name = text[(start + 1)..end];
        var value = this[name] ?? throw new LocalHostConfigurationException(
            $"Function '{functionName}' uses the setting '%{name}%', which is not defined. " +
            $"Add \"{name}\" to Values in local.settings.json (see local.settings.sample.json) or set the environment variable {name}.");
        return text[..start] + value + Resolve(text[(end + 1)..], functionName);
    }
}

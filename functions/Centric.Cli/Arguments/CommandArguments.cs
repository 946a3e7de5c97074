namespace Centric.Cli.Arguments;

/// <summary>
/// The options of one command: <c>--name value</c>, <c>--name=value</c> and bare <c>--flag</c>s. Parsing checks every
/// name against the command's known options and flags and says what is wrong in one sentence.
/// </summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string> values;
    private readonly HashSet<string> flags;

    private CommandArguments(Dictionary<string, string> values, HashSet<string> flags)
    {
        this.values = values;
        this.flags = flags;
    }

    /// <summary>The value of <c>--<paramref name="name"/></c>, or null when absent.</summary>
    public string? Value(string name) => values.GetValueOrDefault(name);

    /// <summary>True when the bare flag <c>--<paramref name="name"/></c> was given.</summary>
    public bool Flag(string name) => flags.Contains(name);

    /// <summary>Parses <paramref name="args"/>; null with <paramref name="error"/> set on a usage error.</summary>
    public static CommandArguments? Parse(
        IReadOnlyList<string> args,
        IReadOnlyCollection<string> options,
        IReadOnlyCollection<string> knownFlags,
        out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                error = $"unexpected argument '{arg}'.";
                return null;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[2..equals] : arg[2..];
            if (knownFlags.Contains(name) && equals < 0)
            {
                flags.Add(name);
                continue;
            }

            if (!options.Contains(name))
            {
                error = $"unknown option '--{name}'.";
                return null;
            }

            string value;
            if (equals > 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                error = $"option '--{name}' needs a value.";
                return null;
            }

            if (!values.TryAdd(name, value))
            {
                error = $"option '--{name}' is given twice.";
                return null;
            }
        }

        error = null;
        return new CommandArguments(values, flags);
    }
}

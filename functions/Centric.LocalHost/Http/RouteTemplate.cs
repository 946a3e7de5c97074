namespace Centric.LocalHost.Http;

/// <summary>
/// An HTTP function's route template, matched the way ASP.NET Core routing does for the Functions host:
/// literal segments (case-insensitive), <c>{name}</c> (one non-empty segment; <c>:constraint</c> ignored),
/// optional <c>{name?}</c> and a final catch-all <c>{*name}</c> (zero or more segments).
/// </summary>
public sealed class RouteTemplate
{
    private readonly Segment[] _segments;

    private RouteTemplate(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
    }

    public string Text { get; }

    /// <summary>Literal segments first, catch-alls last: the order in which templates are tried.</summary>
    public int Precedence => _segments.Sum(s => s.Kind switch { SegmentKind.Literal => 100, SegmentKind.Parameter => 10, _ => 0 });

    public static RouteTemplate Parse(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var parts = template.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var segments = new Segment[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.StartsWith('{') && part.EndsWith('}'))
            {
                var name = part[1..^1];
                var catchAll = name.StartsWith('*');
                name = name.TrimStart('*');
                var optional = name.EndsWith('?');
                name = name.TrimEnd('?');
                var colon = name.IndexOf(':', StringComparison.Ordinal);
                if (colon >= 0)
                {
                    name = name[..colon];
                }

                if (catchAll && i != parts.Length - 1)
                {
                    throw new FormatException($"Route '{template}': the catch-all {{*{name}}} must be the last segment.");
                }

                segments[i] = new Segment(catchAll ? SegmentKind.CatchAll : optional ? SegmentKind.Optional : SegmentKind.Parameter, name);
            }
            else
            {
                segments[i] = new Segment(SegmentKind.Literal, part);
            }
        }

        return new RouteTemplate(template, segments);
    }

    /// <summary>Matches a path relative to the route prefix (no leading slash needed); null when it does not match.</summary>
    public IReadOnlyDictionary<string, string>? Match(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _segments.Length; i++)
        {
            var segment = _segments[i];
            switch (segment.Kind)
            {
                case SegmentKind.CatchAll:
                    values[segment.Value] = string.Join('/', parts.Skip(i));
                    return values;
                case SegmentKind.Optional when i >= parts.Length:
                    continue;
                case SegmentKind.Literal when i < parts.Length && string.Equals(parts[i], segment.Value, StringComparison.OrdinalIgnoreCase):
                    continue;
                case SegmentKind.Parameter or SegmentKind.Optional when i < parts.Length:
                    values[segment.Value] = Uri.UnescapeDataString(parts[i]);
                    continue;
                default:
                    return null;
            }
        }

        return parts.Length <= _segments.Length ? values : null;
    }

    public override string ToString() => Text;

    private enum SegmentKind
    {
        Literal,
        Parameter,
        Optional,
        CatchAll,
    }

    private readonly record struct Segment(SegmentKind Kind, string Value);
}

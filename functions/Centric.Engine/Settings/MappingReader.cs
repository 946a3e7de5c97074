using System.Text.Json;
using Centric.Domain.Exports;

namespace Centric.Engine.Settings;

/// <summary>Reads the two forms of mapping.json from a parsed document; see <see cref="SettingsReader.TryReadMapping"/>.</summary>
internal static class MappingReader
{
    private const string Prefix = "mapping.json is not valid: ";

    public static string? Read(JsonElement root, out DatasetMapping mapping)
    {
        mapping = DatasetMapping.None;
        if (root.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return Prefix + "expected an object such as {\"orders\": {\"Importe total\": \"amount\"}}.";
        }

        var columns = new Dictionary<ExportKind, IReadOnlyDictionary<string, string>>();
        var values = new Dictionary<ExportKind, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>();
        foreach (var property in root.EnumerateObject())
        {
            if (!ExportKinds.TryParse(property.Name, out var kind))
            {
                return Prefix + $"'{property.Name}' is not an export kind ({string.Join(", ", ExportKinds.All.Select(k => k.ToSlug()))}).";
            }

            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                return Prefix + $"{property.Name} must be an object of source header to column, or {{\"columns\": {{...}}, \"values\": {{...}}}}.";
            }

            var isLong = property.Value.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Object);
            if (!isLong)
            {
                var error = Strings(property.Value, $"{property.Name}", out var headers);
                if (error is not null)
                {
                    return error;
                }

                columns[kind] = headers;
                continue;
            }

            var longError = ReadLong(property, kind, columns, values);
            if (longError is not null)
            {
                return longError;
            }
        }

        mapping = new DatasetMapping(columns, values);
        return null;
    }

    private static string? ReadLong(
        JsonProperty property,
        ExportKind kind,
        Dictionary<ExportKind, IReadOnlyDictionary<string, string>> columns,
        Dictionary<ExportKind, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> values)
    {
        var schema = ExportSchemas.For(kind);
        foreach (var part in property.Value.EnumerateObject())
        {
            if (part.Value.ValueKind != JsonValueKind.Object)
            {
                return Prefix + $"{property.Name}.{part.Name} must be an object; the long form of a kind is {{\"columns\": {{...}}, \"values\": {{...}}}}.";
            }

            if (part.NameEquals("columns"))
            {
                var error = Strings(part.Value, $"{property.Name}.columns", out var headers);
                if (error is not null)
                {
                    return error;
                }

                columns[kind] = headers;
            }
            else if (part.NameEquals("values"))
            {
                var byColumn = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
                foreach (var column in part.Value.EnumerateObject())
                {
                    var canonical = schema.Columns.FirstOrDefault(
                        c => HeaderNormalizer.Normalize(c.Name) == HeaderNormalizer.Normalize(column.Name));
                    if (canonical is null)
                    {
                        return Prefix + $"{property.Name}.values.{column.Name}: '{column.Name}' is not a column of {kind.ToSlug()} ({string.Join(", ", schema.Columns.Select(c => c.Name))}).";
                    }

                    var error = Strings(column.Value, $"{property.Name}.values.{column.Name}", out var map);
                    if (error is not null)
                    {
                        return error;
                    }

                    error = CheckTargets(kind, canonical.Name, map, $"{property.Name}.values.{column.Name}");
                    if (error is not null)
                    {
                        return error;
                    }

                    byColumn[canonical.Name] = map;
                }

                values[kind] = byColumn;
            }
            else
            {
                return Prefix + $"{property.Name}.{part.Name}: the long form of a kind has only \"columns\" and \"values\".";
            }
        }

        return null;
    }

    private static string? CheckTargets(ExportKind kind, string column, IReadOnlyDictionary<string, string> map, string path)
    {
        if (kind != ExportKind.Orders || column != "status")
        {
            return null;
        }

        foreach (var (source, target) in map)
        {
            if (!OrderStatuses.All.Contains(target.Trim().ToLowerInvariant()))
            {
                return Prefix + $"{path}: '{source}' is mapped to '{target}', which is not one of {string.Join(", ", OrderStatuses.All)}.";
            }
        }

        return null;
    }

    private static string? Strings(JsonElement element, string path, out IReadOnlyDictionary<string, string> map)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        map = result;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Prefix + $"{path} must be an object of text to text.";
        }

        foreach (var entry in element.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                return Prefix + $"{path}.{entry.Name} must be text, not {entry.Value.ValueKind.ToString().ToLowerInvariant()}.";
            }

            result[entry.Name.Trim()] = entry.Value.GetString()!.Trim();
        }

        return null;
    }
}

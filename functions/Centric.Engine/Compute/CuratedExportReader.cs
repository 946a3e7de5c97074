using Centric.Domain.Exports;
using Centric.Domain.Families;
using Centric.Engine.DuckDb;

namespace Centric.Engine.Compute;

/// <summary>
/// Reads a kind's current rows from its curated Parquet files for a metric family, typed by the canonical schema: a
/// timestamp column is read as its local wall-clock value (its day) and its <c>_utc</c> instant.
/// </summary>
public sealed class CuratedExportReader(DuckDbSession db, CuratedFiles files) : IExportReader
{
    public ExportRows Read(ExportKind kind, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var schema = ExportSchemas.For(kind);
        var types = columns.Select(c => Type(schema, c)).ToArray();
        if (files.Of(kind).Count == 0)
        {
            return new ExportRows(kind, 0, columns.Select((c, i) => (c, Empty(types[i]))).ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal));
        }

        var select = string.Join(", ", columns.Select((c, i) => types[i] == ColumnType.Timestamp
            ? $"{CurrentRows.Identifier(c)}, {CurrentRows.Identifier(c + "_utc")}"
            : CurrentRows.Identifier(c)));
        var values = columns.Select(_ => new List<object?>()).ToArray();
        db.Rows($"SELECT {select} FROM ({CurrentRows.Sql(files, kind)}) ORDER BY _ingested_at, _ingestion_id, _line", r =>
        {
            var field = 0;
            for (var i = 0; i < columns.Count; i++)
            {
                if (types[i] == ColumnType.Timestamp)
                {
                    values[i].Add(r.IsDBNull(field) || r.IsDBNull(field + 1)
                        ? null
                        : new EventTime(DateOnly.FromDateTime(r.GetDateTime(field)), new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(field + 1), DateTimeKind.Utc))));
                    field += 2;
                }
                else
                {
                    values[i].Add(r.IsDBNull(field) ? null : r.GetValue(field));
                    field++;
                }
            }

            return 0;
        });
        var typed = new Dictionary<string, Array>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            typed[columns[i]] = Typed(types[i], values[i]);
        }

        return new ExportRows(kind, values.Length == 0 ? 0 : values[0].Count, typed);
    }

    private static ColumnType Type(ExportSchema schema, string column)
    {
        if (schema.Find(column) is { } canonical)
        {
            return canonical.Type;
        }

        return column.EndsWith("_label", StringComparison.Ordinal) && schema.Find(column[..^6]) is { Type: ColumnType.Sentiment }
            ? ColumnType.Text
            : throw new ArgumentException($"'{column}' is not a column of {schema.Kind.ToSlug()}.", nameof(column));
    }

    private static Array Empty(ColumnType type) => Typed(type, []);

    private static Array Typed(ColumnType type, List<object?> values) => type switch
    {
        ColumnType.Timestamp => values.Select(v => (EventTime?)v).ToArray(),
        ColumnType.Number or ColumnType.Sentiment => values.Select(v => v is null ? (double?)null : Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
        ColumnType.Money or ColumnType.Rate => values.Select(v => v is null ? (decimal?)null : Convert.ToDecimal(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
        _ => values.Select(v => v is null ? null : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
    };
}

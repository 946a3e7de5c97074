using System.Data.Common;
using System.Globalization;
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

        // A timestamp as its microseconds since 1970 (wall clock and instant): read as whole numbers, not as dates.
        var select = string.Join(", ", columns.Select((c, i) => types[i] == ColumnType.Timestamp
            ? $"epoch_us({CurrentRows.Identifier(c)}), epoch_us({CurrentRows.Identifier(c + "_utc")})"
            : CurrentRows.Identifier(c)));
        // One typed list per column, filled without boxing each cell into an object and converting it again.
        var values = types.Select(ColumnValues.For).ToArray<ColumnValues?>();
        db.Rows($"SELECT {select} FROM ({CurrentRows.Sql(files, kind)}) ORDER BY _ingested_at, _ingestion_id, _line", r =>
        {
            var field = 0;
            for (var i = 0; i < values.Length; i++)
            {
                values[i]!.Read(r, field);
                field += types[i] == ColumnType.Timestamp ? 2 : 1;
            }

            return 0;
        });
        var count = values.Length == 0 ? 0 : values[0]!.Count;
        var typed = new Dictionary<string, Array>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            // Each column's list is let go as soon as it is copied, so at most one column is held twice.
            typed[columns[i]] = values[i]!.ToArray();
            values[i] = null;
        }

        return new ExportRows(kind, count, typed);
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

    private static Array Empty(ColumnType type) => ColumnValues.For(type).ToArray();

    /// <summary>A column's values as the family reads them: EventTime?, double?, decimal? or string.</summary>
    private abstract class ColumnValues
    {
        public abstract int Count { get; }

        public static ColumnValues For(ColumnType type) => type switch
        {
            ColumnType.Timestamp => new Times(),
            ColumnType.Number or ColumnType.Sentiment => new Doubles(),
            ColumnType.Money or ColumnType.Rate => new Decimals(),
            _ => new Texts(),
        };

        public abstract void Read(DbDataReader reader, int field);

        public abstract Array ToArray();
    }

    /// <summary>Timestamps read as microseconds since 1970-01-01 00:00: the wall clock's day and the instant.</summary>
    private sealed class Times : ColumnValues
    {
        private const long MicrosecondsPerDay = 86_400_000_000;
        private static readonly int EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
        private readonly List<EventTime?> _values = [];

        public override int Count => _values.Count;

        public override void Read(DbDataReader reader, int field) => _values.Add(reader.IsDBNull(field) || reader.IsDBNull(field + 1)
            ? null
            : new EventTime(Day(reader.GetInt64(field)), new DateTimeOffset(DateTime.UnixEpoch.Ticks + (reader.GetInt64(field + 1) * TimeSpan.TicksPerMicrosecond), TimeSpan.Zero)));

        /// <summary>The day of a wall-clock time, counting days before 1970 down (floor division).</summary>
        private static DateOnly Day(long microseconds)
        {
            var days = microseconds / MicrosecondsPerDay;
            return DateOnly.FromDayNumber(EpochDay + (int)(microseconds % MicrosecondsPerDay < 0 ? days - 1 : days));
        }

        public override Array ToArray() => _values.ToArray();
    }

    private sealed class Doubles : ColumnValues
    {
        private readonly List<double?> _values = [];

        public override int Count => _values.Count;

        public override void Read(DbDataReader reader, int field) => _values.Add(reader.IsDBNull(field)
            ? null
            : reader.GetFieldType(field) == typeof(double) ? reader.GetDouble(field) : Convert.ToDouble(reader.GetValue(field), CultureInfo.InvariantCulture));

        public override Array ToArray() => _values.ToArray();
    }

    private sealed class Decimals : ColumnValues
    {
        private readonly List<decimal?> _values = [];

        public override int Count => _values.Count;

        public override void Read(DbDataReader reader, int field) => _values.Add(reader.IsDBNull(field)
            ? null
            : reader.GetFieldType(field) == typeof(decimal) ? reader.GetDecimal(field) : Convert.ToDecimal(reader.GetValue(field), CultureInfo.InvariantCulture));

        public override Array ToArray() => _values.ToArray();
    }

    /// <summary>
    /// Text read once per distinct value: a customer's id on every one of its rows, or a status, is one string shared by
    /// those rows rather than a copy per row. A column of mostly distinct values (an id per row) stops looking them up.
    /// </summary>
    private sealed class Texts : ColumnValues
    {
        /// <summary>Rows read before the share of distinct values is judged.</summary>
        private const int Sample = 1 << 18;

        private readonly List<string?> _values = [];
        private Dictionary<string, string>? _distinct = new(StringComparer.Ordinal);

        public override int Count => _values.Count;

        public override void Read(DbDataReader reader, int field)
        {
            if (reader.IsDBNull(field))
            {
                _values.Add(null);
                return;
            }

            var text = reader.GetFieldType(field) == typeof(string) ? reader.GetString(field) : Convert.ToString(reader.GetValue(field), CultureInfo.InvariantCulture)!;
            if (_distinct is not null)
            {
                if (_distinct.TryGetValue(text, out var shared))
                {
                    text = shared;
                }
                else
                {
                    _distinct.Add(text, text);
                }

                if (_values.Count == Sample && _distinct.Count > Sample * 9 / 10)
                {
                    _distinct = null;
                }
            }

            _values.Add(text);
        }

        public override Array ToArray() => _values.ToArray();
    }
}

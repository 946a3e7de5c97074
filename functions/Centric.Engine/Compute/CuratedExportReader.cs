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

        // One typed list per column, filled without boxing each cell into an object and converting it again.
        var values = types.Select(ColumnValues.For).ToArray<ColumnValues?>();
        var fields = Fields(types);
        db.Each(Sql(kind, columns, types), r =>
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i]!.Read(r, fields[i]);
            }
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

    /// <summary>
    /// Hands each current row to <paramref name="visit"/> as DuckDB returns it, in the order <see cref="Read"/> gives
    /// them: no column is gathered, and repeated text is shared as <see cref="Read"/> shares it.
    /// </summary>
    public void Scan(ExportKind kind, IReadOnlyList<string> columns, Action<IExportRow> visit)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(visit);
        var schema = ExportSchemas.For(kind);
        var types = columns.Select(c => Type(schema, c)).ToArray();
        if (files.Of(kind).Count == 0)
        {
            return;
        }

        var row = new ReaderRow(types, Fields(types));
        db.Each(Sql(kind, columns, types), r =>
        {
            row.Reader = r;
            visit(row);
        });
    }

    /// <summary>The elapsed times worked out by DuckDB (<see cref="ElapsedReader"/>), equal to those of a scan.</summary>
    public IReadOnlyList<ElapsedTimes> Elapsed(ExportKind kind, ElapsedQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ElapsedReader.Read(db, files, kind, query);
    }

    /// <summary>
    /// Whether any current row has the timestamp set (its wall clock and its instant, as <see cref="Read"/> takes it),
    /// asked of DuckDB rather than by reading the column.
    /// </summary>
    public bool AnyTimeSet(ExportKind kind, string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        CurrentRows.ThrowIfNotTimestamp(kind, column, nameof(column));
        return files.Of(kind).Count > 0 && db.Rows(
            $"SELECT EXISTS (SELECT 1 FROM ({CurrentRows.Sql(files, kind)}) WHERE {CurrentRows.TimestampSet(column)})",
            r => r.GetBoolean(0))[0];
    }

    /// <summary>
    /// The current rows in the order they were ingested; a timestamp as its microseconds since 1970 (wall clock and
    /// instant), read as whole numbers, not as dates. A kind in one file without repeated keys is read as the file
    /// holds it, without a sort (<see cref="CurrentRows.InIngestedOrder"/>).
    /// </summary>
    private string Sql(ExportKind kind, IReadOnlyList<string> columns, ColumnType[] types)
    {
        var select = string.Join(", ", columns.Select((c, i) => types[i] == ColumnType.Timestamp
            ? $"epoch_us({CurrentRows.Identifier(c)}), epoch_us({CurrentRows.Identifier(c + "_utc")})"
            : CurrentRows.Identifier(c)));
        var rows = $"SELECT {select} FROM ({CurrentRows.Sql(files, kind)})";
        return CurrentRows.InIngestedOrder(files, kind) ? rows : $"{rows} ORDER BY _ingested_at, _ingestion_id, _line";
    }

    /// <summary>The first field of each column in the query's result: a timestamp takes two.</summary>
    private static int[] Fields(ColumnType[] types)
    {
        var fields = new int[types.Length];
        for (int i = 0, field = 0; i < types.Length; i++)
        {
            fields[i] = field;
            field += types[i] == ColumnType.Timestamp ? 2 : 1;
        }

        return fields;
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

        public override void Read(DbDataReader reader, int field) => _values.Add(Cell(reader, field));

        public static EventTime? Cell(DbDataReader reader, int field) => reader.IsDBNull(field) || reader.IsDBNull(field + 1)
            ? null
            : new EventTime(Day(reader.GetInt64(field)), new DateTimeOffset(DateTime.UnixEpoch.Ticks + (reader.GetInt64(field + 1) * TimeSpan.TicksPerMicrosecond), TimeSpan.Zero));

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

        public override void Read(DbDataReader reader, int field) => _values.Add(Cell(reader, field));

        public static double? Cell(DbDataReader reader, int field) => reader.IsDBNull(field)
            ? null
            : reader.GetFieldType(field) == typeof(double) ? reader.GetDouble(field) : Convert.ToDouble(reader.GetValue(field), CultureInfo.InvariantCulture);

        public override Array ToArray() => _values.ToArray();
    }

    private sealed class Decimals : ColumnValues
    {
        private readonly List<decimal?> _values = [];

        public override int Count => _values.Count;

        public override void Read(DbDataReader reader, int field) => _values.Add(Cell(reader, field));

        public static decimal? Cell(DbDataReader reader, int field) => reader.IsDBNull(field)
            ? null
            : reader.GetFieldType(field) == typeof(decimal) ? reader.GetDecimal(field) : Convert.ToDecimal(reader.GetValue(field), CultureInfo.InvariantCulture);

        public override Array ToArray() => _values.ToArray();
    }

    private sealed class Texts : ColumnValues
    {
        private readonly List<string?> _values = [];
        private readonly SharedTexts _shared = new();

        public override int Count => _values.Count;

        public override void Read(DbDataReader reader, int field) => _values.Add(_shared.Read(reader, field));

        public override Array ToArray() => _values.ToArray();
    }

    /// <summary>
    /// Text read once per distinct value: a customer's id on every one of its rows, or a status, is one string shared by
    /// those rows rather than a copy per row. A column of mostly distinct values (an id per row) stops looking them up.
    /// </summary>
    private sealed class SharedTexts
    {
        /// <summary>Rows read before the share of distinct values is judged.</summary>
        private const int Sample = 1 << 18;

        private int _count;
        private Dictionary<string, string>? _distinct = new(StringComparer.Ordinal);

        public string? Read(DbDataReader reader, int field)
        {
            if (reader.IsDBNull(field))
            {
                _count++;
                return null;
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

                if (_count == Sample && _distinct.Count > Sample * 9 / 10)
                {
                    _distinct = null;
                }
            }

            _count++;
            return text;
        }
    }

    /// <summary>The row a query's reader is on, its cells read as <see cref="Read"/> reads them, by column position.</summary>
    private sealed class ReaderRow(ColumnType[] types, int[] fields) : IExportRow
    {
        private readonly SharedTexts?[] _texts = types.Select(t => t is ColumnType.Timestamp or ColumnType.Number or ColumnType.Sentiment or ColumnType.Money or ColumnType.Rate
            ? null
            : new SharedTexts()).ToArray();

        public DbDataReader? Reader { get; set; }

        public string? Text(int column) => (_texts[column] ?? throw NotRead(column, "text")).Read(Reader!, fields[column]);

        public double? Number(int column) => types[column] is ColumnType.Number or ColumnType.Sentiment ? Doubles.Cell(Reader!, fields[column]) : throw NotRead(column, "a number");

        public decimal? Money(int column) => types[column] is ColumnType.Money or ColumnType.Rate ? Decimals.Cell(Reader!, fields[column]) : throw NotRead(column, "money");

        public EventTime? Time(int column) => types[column] == ColumnType.Timestamp ? Times.Cell(Reader!, fields[column]) : throw NotRead(column, "a time");

        private static ArgumentException NotRead(int column, string what) => new($"Column {column} is not read as {what}.", nameof(column));
    }
}

using System.Text;
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
        db.Chunks(Sql(kind, columns, types), chunk =>
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i]!.Read(chunk, fields[i]);
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

        var row = new ChunkRow(types, Fields(types));
        db.Chunks(Sql(kind, columns, types), chunk =>
        {
            row.Chunk = chunk;
            for (var i = 0; i < chunk.Count; i++)
            {
                row.Row = i;
                visit(row);
            }
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
            ? $"epoch_us({DuckDbSession.Identifier(c)}), epoch_us({DuckDbSession.Identifier(c + "_utc")})"
            : DuckDbSession.Identifier(c)));
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

        /// <summary>Adds the field's cell of every row of <paramref name="chunk"/>.</summary>
        public abstract void Read(ResultChunk chunk, int field);

        public abstract Array ToArray();
    }

    /// <summary>A column's values of type <typeparamref name="T"/>, one read from each row's cell.</summary>
    private abstract class ColumnValues<T> : ColumnValues
    {
        private readonly List<T> _values = [];

        public override int Count => _values.Count;

        public override void Read(ResultChunk chunk, int field)
        {
            for (var row = 0; row < chunk.Count; row++)
            {
                _values.Add(Value(chunk, row, field));
            }
        }

        public override Array ToArray() => _values.ToArray();

        protected abstract T Value(ResultChunk chunk, int row, int field);
    }

    /// <summary>Timestamps read as microseconds since 1970-01-01 00:00: the wall clock's day and the instant.</summary>
    private sealed class Times : ColumnValues<EventTime?>
    {
        private const long MicrosecondsPerDay = 86_400_000_000;
        private static readonly int EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

        public static EventTime? Cell(ResultChunk chunk, int row, int field) => chunk.IsNull(field, row) || chunk.IsNull(field + 1, row)
            ? null
            : new EventTime(Day(chunk.WholeNumber(field, row)), new DateTimeOffset(DateTime.UnixEpoch.Ticks + (chunk.WholeNumber(field + 1, row) * TimeSpan.TicksPerMicrosecond), TimeSpan.Zero));

        protected override EventTime? Value(ResultChunk chunk, int row, int field) => Cell(chunk, row, field);

        /// <summary>The day of a wall-clock time, counting days before 1970 down (floor division).</summary>
        private static DateOnly Day(long microseconds)
        {
            var days = microseconds / MicrosecondsPerDay;
            return DateOnly.FromDayNumber(EpochDay + (int)(microseconds % MicrosecondsPerDay < 0 ? days - 1 : days));
        }
    }

    private sealed class Doubles : ColumnValues<double?>
    {
        public static double? Cell(ResultChunk chunk, int row, int field) => chunk.IsNull(field, row) ? null : chunk.Real(field, row);

        protected override double? Value(ResultChunk chunk, int row, int field) => Cell(chunk, row, field);
    }

    private sealed class Decimals : ColumnValues<decimal?>
    {
        public static decimal? Cell(ResultChunk chunk, int row, int field) => chunk.IsNull(field, row) ? null : chunk.Exact(field, row);

        protected override decimal? Value(ResultChunk chunk, int row, int field) => Cell(chunk, row, field);
    }

    private sealed class Texts : ColumnValues<string?>
    {
        private readonly SharedTexts _shared = new();

        protected override string? Value(ResultChunk chunk, int row, int field) => _shared.Read(chunk, row, field);
    }

    /// <summary>
    /// Text read once per distinct value: a customer's id on every one of its rows, or a status, is one string shared by
    /// those rows rather than a copy per row, found by the cell's characters without making a string first. A column of
    /// mostly distinct values (an id per row) stops looking them up.
    /// </summary>
    private sealed class SharedTexts
    {
        /// <summary>Rows read before the share of distinct values is judged.</summary>
        private const int Sample = 1 << 18;

        private int _count;
        private readonly Dictionary<string, string> _distinct;
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byChars;
        private bool _sharing = true;
        private char[] _chars = new char[64];

        public SharedTexts()
        {
            _distinct = new Dictionary<string, string>(StringComparer.Ordinal);
            _byChars = _distinct.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public string? Read(ResultChunk chunk, int row, int field)
        {
            _count++;
            if (chunk.IsNull(field, row))
            {
                return null;
            }

            var utf8 = chunk.Utf8(field, row);
            if (!_sharing)
            {
                return Encoding.UTF8.GetString(utf8);
            }

            if (Encoding.UTF8.GetMaxCharCount(utf8.Length) > _chars.Length)
            {
                _chars = new char[Encoding.UTF8.GetMaxCharCount(utf8.Length)];
            }

            var chars = _chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, _chars));
            if (!_byChars.TryGetValue(chars, out var text))
            {
                text = new string(chars);
                _distinct.Add(text, text);
            }

            if (_count == Sample + 1 && _distinct.Count > Sample * 9 / 10)
            {
                _sharing = false;
                _distinct.Clear();
                _distinct.TrimExcess();
            }

            return text;
        }
    }

    /// <summary>A row of a result chunk, its cells read as <see cref="Read"/> reads them, by column position.</summary>
    private sealed class ChunkRow(ColumnType[] types, int[] fields) : IExportRow
    {
        private readonly SharedTexts?[] _texts = types.Select(t => t is ColumnType.Timestamp or ColumnType.Number or ColumnType.Sentiment or ColumnType.Money or ColumnType.Rate
            ? null
            : new SharedTexts()).ToArray();

        public ResultChunk? Chunk { get; set; }

        public int Row { get; set; }

        public string? Text(int column) => (_texts[column] ?? throw NotRead(column, "text")).Read(Chunk!, Row, fields[column]);

        public double? Number(int column) => types[column] is ColumnType.Number or ColumnType.Sentiment ? Doubles.Cell(Chunk!, Row, fields[column]) : throw NotRead(column, "a number");

        public decimal? Money(int column) => types[column] is ColumnType.Money or ColumnType.Rate ? Decimals.Cell(Chunk!, Row, fields[column]) : throw NotRead(column, "money");

        public EventTime? Time(int column) => types[column] == ColumnType.Timestamp ? Times.Cell(Chunk!, Row, fields[column]) : throw NotRead(column, "a time");

        private static ArgumentException NotRead(int column, string what) => new($"Column {column} is not read as {what}.", nameof(column));
    }
}

using System.Globalization;
using System.Text;
using Centric.Engine.DuckDb;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using NativeAppender = DuckDB.NET.Native.DuckDBAppender;

namespace Centric.Engine.Ingestion;

/// <summary>
/// Collects accepted rows in an in-memory DuckDB table, then writes it as Parquet with the curated types. Rows arrive
/// in typed batches of at most one DuckDB vector (<see cref="BatchedAppend.BatchSize"/>) and are written column by column
/// straight into a native data chunk, which is appended whole: one type test per column and batch, and a plain store
/// per value (text: its UTF-8 bytes, copied by DuckDB), where the row-by-row appender dispatched on every value.
/// Timestamps are staged as microseconds since the Unix epoch and turned into TIMESTAMP by <c>make_timestamp</c> on
/// the way out; decimals as their scaled 64-bit integers, as DuckDB stores a DECIMAL(18, s). A column given an
/// expression (a value the same on every row, or a copy of another column) is not staged at all: the expression
/// gives it when the Parquet file is written.
/// </summary>
internal sealed unsafe class CuratedWriter : IDisposable
{
    private readonly DuckDBConnection connection;
    private readonly IReadOnlyList<CuratedColumn> columns;
    private readonly IReadOnlyDictionary<string, string> derived;
    private readonly int[] staged;
    private readonly Kind[] kinds;
    private readonly decimal[] scales;
    private readonly DuckDBLogicalType[] types;
    private NativeAppender? appender;
    private DuckDBDataChunk? chunk;
    private byte[] utf8 = new byte[256];

    /// <param name="columns">The curated columns, in the order of every row's values.</param>
    /// <param name="resources">DuckDB's memory limit, threads and spill folder.</param>
    /// <param name="derived">SQL expressions over the staged columns, by curated column name, for the columns that are
    /// not staged; their values in the rows are ignored.</param>
    public CuratedWriter(IReadOnlyList<CuratedColumn> columns, DuckDbResources resources, IReadOnlyDictionary<string, string> derived)
    {
        this.columns = columns;
        this.derived = derived;
        staged = [.. Enumerable.Range(0, columns.Count).Where(i => !derived.ContainsKey(columns[i].Name))];
        connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        foreach (var statement in resources.Statements())
        {
            Execute(statement);
        }

        Execute($"CREATE TABLE staged ({string.Join(", ", staged.Select(i => $"{DuckDbSession.Identifier(columns[i].Name)} {StagedType(columns[i])}"))})");
        if (NativeMethods.Appender.DuckDBAppenderCreateExt(connection.NativeConnection, null, null, "staged", out var created) != DuckDBState.Success)
        {
            var error = Error(created);
            created.Dispose();
            throw new InvalidOperationException($"cannot append to the staging table: {error}");
        }

        appender = created;
        kinds = new Kind[staged.Length];
        scales = new decimal[staged.Length];
        types = new DuckDBLogicalType[staged.Length];
        var handles = new IntPtr[staged.Length];
        for (var i = 0; i < staged.Length; i++)
        {
            var column = columns[staged[i]];
            types[i] = NativeMethods.Appender.DuckDBAppenderColumnType(created, (ulong)i);
            handles[i] = types[i].DangerousGetHandle();
            (kinds[i], scales[i]) = column.SqlType switch
            {
                CuratedColumns.Varchar => (Kind.Text, 0m),
                CuratedColumns.Money or CuratedColumns.Rate => (Kind.Decimal, Pow10(NativeMethods.LogicalType.DuckDBDecimalScale(types[i]))),
                CuratedColumns.Real => (Kind.Double, 0m),
                CuratedColumns.Timestamp => (Kind.Timestamp, 0m),
                CuratedColumns.BigInt => (Kind.Long, 0m),
                var other => throw new InvalidOperationException($"unexpected curated type {other}"),
            };

            if (kinds[i] == Kind.Decimal && NativeMethods.LogicalType.DuckDBDecimalInternalType(types[i]) != DuckDBType.BigInt)
            {
                throw new InvalidOperationException($"{column.Name} {column.SqlType} is not stored as a 64-bit integer");
            }
        }

        if ((ulong)BatchedAppend.BatchSize > NativeMethods.Helpers.DuckDBVectorSize())
        {
            throw new InvalidOperationException("a batch is larger than a DuckDB vector");
        }

        chunk = NativeMethods.DataChunks.DuckDBCreateDataChunk(handles, (ulong)staged.Length);
    }

    private enum Kind
    {
        Text,
        Decimal,
        Double,
        Timestamp,
        Long,
    }

    /// <summary>Appends the rows kept in <paramref name="batch"/>.</summary>
    public void Append(CuratedBatch batch)
    {
        var count = batch.Count;
        if (count == 0)
        {
            return;
        }

        for (var column = 0; column < kinds.Length; column++)
        {
            var vector = NativeMethods.DataChunks.DuckDBDataChunkGetVector(chunk!, column);
            var data = NativeMethods.Vectors.DuckDBVectorGetData(vector);
            ulong* validity = null;
            var at = staged[column];
            var kind = kinds[column];
            var scale = scales[column];
            var decimals = kind == Kind.Decimal ? batch.Decimals(at) : default;
            var doubles = kind == Kind.Double ? batch.Doubles(at) : default;
            var longs = kind is Kind.Timestamp or Kind.Long ? batch.Longs(at) : default;
            for (var row = 0; row < count; row++)
            {
                if (!batch.IsPresent(row, at))
                {
                    if (validity is null)
                    {
                        NativeMethods.Vectors.DuckDBVectorEnsureValidityWritable(vector);
                        validity = NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
                    }

                    validity[row >> 6] &= ~(1UL << (row & 63));
                    continue;
                }

                switch (kind)
                {
                    case Kind.Text:
                        AppendText(vector, row, batch.Text(row, at));
                        break;
                    case Kind.Decimal:
                        // As DuckDB.NET's appender stores a decimal: scaled, then truncated to the 64-bit integer.
                        ((long*)data)[row] = (long)decimal.Multiply(decimals[row], scale);
                        break;
                    case Kind.Double:
                        ((double*)data)[row] = doubles[row];
                        break;
                    case Kind.Timestamp:
                        ((long*)data)[row] = Micros(longs[row]);
                        break;
                    default:
                        ((long*)data)[row] = longs[row];
                        break;
                }
            }
        }

        NativeMethods.DataChunks.DuckDBDataChunkSetSize(chunk!, (ulong)count);
        var state = NativeMethods.Appender.DuckDBAppendDataChunk(appender!, chunk!);
        NativeMethods.DataChunks.DuckDBDataChunkReset(chunk!);
        if (state != DuckDBState.Success)
        {
            throw new InvalidOperationException($"cannot append to the staging table: {Error(appender!)}");
        }
    }

    /// <summary>
    /// Stores <paramref name="text"/> as its UTF-8 bytes, up to its first U+0000 if it has one (where a string handed to
    /// DuckDB as a C string ends, as the appender stored it before).
    /// </summary>
    private void AppendText(IntPtr vector, int row, ReadOnlySpan<char> text)
    {
        var end = text.IndexOf('\0');
        var kept = end < 0 ? text : text[..end];
        var most = Encoding.UTF8.GetMaxByteCount(kept.Length);
        if (most > utf8.Length)
        {
            utf8 = new byte[Math.Max(most, utf8.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(kept, utf8);
        fixed (byte* bytes = utf8)
        {
            NativeMethods.Vectors.DuckDBVectorAssignStringElementLength(vector, (ulong)row, bytes, length);
        }
    }

    /// <summary>Writes every appended row to <paramref name="path"/> as Parquet.</summary>
    public void WriteParquet(string path)
    {
        CloseAppender();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var select = string.Join(
            ", ",
            columns.Select(c => derived.TryGetValue(c.Name, out var expression)
                ? $"{expression} AS {DuckDbSession.Identifier(c.Name)}"
                : c.SqlType == CuratedColumns.Timestamp
                ? $"make_timestamp({DuckDbSession.Identifier(c.Name)}) AS {DuckDbSession.Identifier(c.Name)}"
                : DuckDbSession.Identifier(c.Name)));
        Execute($"COPY (SELECT {select} FROM staged) TO {DuckDbSession.Literal(path)} (FORMAT parquet)");
    }

    public void Dispose()
    {
        CloseAppender();
        connection.Dispose();
    }

    private void CloseAppender()
    {
        if (appender is null)
        {
            return;
        }

        var state = NativeMethods.Appender.DuckDBAppenderClose(appender);
        var error = state == DuckDBState.Success ? null : Error(appender);
        appender.Dispose();
        appender = null;
        chunk?.Dispose();
        chunk = null;
        foreach (var type in types)
        {
            type.Dispose();
        }

        if (error is not null)
        {
            throw new InvalidOperationException($"cannot append to the staging table: {error}");
        }
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Error(NativeAppender appender)
    {
        using var error = NativeMethods.Appender.DuckDBAppenderErrorData(appender);
        return NativeMethods.ErrorData.DuckDBErrorDataMessage(error);
    }

    private static decimal Pow10(int scale)
    {
        var power = 1m;
        for (var i = 0; i < scale; i++)
        {
            power *= 10;
        }

        return power;
    }

    private static string StagedType(CuratedColumn column) =>
        column.SqlType == CuratedColumns.Timestamp ? CuratedColumns.BigInt : column.SqlType;

    /// <summary>A timestamp staged as <paramref name="column"/>'s microseconds, as it is written.</summary>
    public static string TimestampOf(string column) => $"make_timestamp({DuckDbSession.Identifier(column)})";

    /// <summary>The timestamp <paramref name="value"/> as an SQL expression, to the microsecond as a staged one.</summary>
    public static string TimestampLiteral(DateTime value) =>
        string.Create(CultureInfo.InvariantCulture, $"make_timestamp(CAST({Micros(value)} AS BIGINT))");

    private static long Micros(DateTime value) => Micros(value.Ticks);

    private static long Micros(long ticks) => (ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;
}

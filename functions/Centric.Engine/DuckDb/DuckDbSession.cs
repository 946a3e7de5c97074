using System.Data.Common;
using System.Diagnostics;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Centric.Engine.DuckDb;

/// <summary>
/// An in-memory DuckDB connection, opened with the memory limit, threads and spill folder of
/// <see cref="DuckDbResources"/>, with helpers for quoting and reading rows.
/// </summary>
public sealed class DuckDbSession : IDisposable
{
    private readonly DuckDBConnection _connection;
    private long _queryTicks;
    private long _rowsOut;

    public DuckDbSession(DuckDbResources? resources = null)
    {
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        foreach (var statement in (resources ?? DuckDbResources.Default).Statements())
        {
            Execute(statement);
        }
    }

    /// <summary>
    /// What this session's statements have cost so far: the time DuckDB took to run them up to a ready result (a query's
    /// result is whole before its first row is read), and the rows their results handed to .NET. A profile step's share
    /// is the difference between its start and its end, which splits its time between DuckDB and .NET.
    /// </summary>
    public (TimeSpan InDuckDb, long RowsOut) Work => (TimeSpan.FromSeconds(_queryTicks / (double)Stopwatch.Frequency), _rowsOut);

    /// <summary>Reads one DuckDB setting (e.g. <c>memory_limit</c>) as text.</summary>
    public string? Setting(string name) =>
        Rows($"SELECT current_setting({Literal(name)})", r => r.IsDBNull(0) ? null : Convert.ToString(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture))
            .Single();

    public int Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        var started = Stopwatch.GetTimestamp();
        try
        {
            return command.ExecuteNonQuery();
        }
        finally
        {
            _queryTicks += Stopwatch.GetTimestamp() - started;
        }
    }

    /// <summary>Runs a query and maps every row.</summary>
    public List<T> Rows<T>(string sql, Func<DbDataReader, T> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        var started = Stopwatch.GetTimestamp();
        using var reader = command.ExecuteReader();
        _queryTicks += Stopwatch.GetTimestamp() - started;
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        _rowsOut += rows.Count;
        return rows;
    }

    /// <summary>
    /// Runs a query and hands its result to <paramref name="visit"/> one data chunk at a time, read from DuckDB's
    /// vectors without a data reader (<see cref="ResultChunk"/>): for scans of a million rows, where converting every
    /// cell through the reader's per-cell calls, and a string per text cell, is a good part of the scan.
    /// </summary>
    public void Chunks(string sql, Action<ResultChunk> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var started = Stopwatch.GetTimestamp();
        var state = NativeMethods.Query.DuckDBQuery(_connection.NativeConnection, sql, out var result);
        _queryTicks += Stopwatch.GetTimestamp() - started;
        if (state != DuckDBState.Success)
        {
            var error = NativeMethods.Query.DuckDBResultError(ref result);
            result.Close();
            throw new InvalidOperationException(error);
        }

        try
        {
            var fields = (int)NativeMethods.Query.DuckDBColumnCount(ref result);
            var types = new DuckDBType[fields];
            var storage = new DuckDBType[fields];
            var scales = new byte[fields];
            for (var field = 0; field < fields; field++)
            {
                types[field] = NativeMethods.Query.DuckDBColumnType(ref result, field);
                if (types[field] == DuckDBType.Decimal)
                {
                    using var logical = NativeMethods.Query.DuckDBColumnLogicalType(ref result, field);
                    scales[field] = NativeMethods.LogicalType.DuckDBDecimalScale(logical);
                    storage[field] = NativeMethods.LogicalType.DuckDBDecimalInternalType(logical);
                }
            }

            var chunk = new ResultChunk(types, storage, scales);
            while (true)
            {
                using var data = NativeMethods.Query.DuckDBFetchChunk(result);
                var count = data.IsInvalid ? 0 : (int)NativeMethods.DataChunks.DuckDBDataChunkGetSize(data);
                if (count == 0)
                {
                    break;
                }

                chunk.Reset(data, count);
                _rowsOut += count;
                visit(chunk);
            }
        }
        finally
        {
            result.Close();
        }
    }

    /// <summary>A SQL string literal.</summary>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A quoted SQL identifier (a column or table name), quotes inside it doubled.</summary>
    public static string Identifier(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A SQL list of string literals, e.g. for <c>read_parquet([...])</c>.</summary>
    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(Literal)) + "]";

    public void Dispose() => _connection.Dispose();
}

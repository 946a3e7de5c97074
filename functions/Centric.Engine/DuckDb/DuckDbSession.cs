using System.Data.Common;
using DuckDB.NET.Data;

namespace Centric.Engine.DuckDb;

/// <summary>An in-memory DuckDB connection with helpers for quoting and reading rows.</summary>
public sealed class DuckDbSession : IDisposable
{
    private readonly DuckDBConnection _connection;

    public DuckDbSession()
    {
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
    }

    public int Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs a query and maps every row.</summary>
    public List<T> Rows<T>(string sql, Func<DbDataReader, T> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>A SQL string literal.</summary>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A SQL list of string literals, e.g. for <c>read_parquet([...])</c>.</summary>
    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(Literal)) + "]";

    public void Dispose() => _connection.Dispose();
}

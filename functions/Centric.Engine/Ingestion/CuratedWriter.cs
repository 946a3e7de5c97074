using Centric.Engine.DuckDb;
using DuckDB.NET.Data;

namespace Centric.Engine.Ingestion;

/// <summary>
/// Collects accepted rows in an in-memory DuckDB table through the appender, then writes it as Parquet with the
/// curated types. Timestamps are appended as microseconds since the Unix epoch and turned into TIMESTAMP by
/// <c>make_timestamp</c> on the way out: appending DateTime values is several times slower.
/// </summary>
internal sealed class CuratedWriter : IDisposable
{
    private readonly DuckDBConnection connection;
    private readonly IReadOnlyList<CuratedColumn> columns;
    private DuckDBAppender? appender;

    public CuratedWriter(IReadOnlyList<CuratedColumn> columns, DuckDbResources resources)
    {
        this.columns = columns;
        connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        foreach (var statement in resources.Statements())
        {
            Execute(statement);
        }

        Execute($"CREATE TABLE staged ({string.Join(", ", columns.Select(c => $"{Quote(c.Name)} {StagedType(c)}"))})");
        appender = connection.CreateAppender("staged");
    }

    public void Append(object?[] values)
    {
        var row = appender!.CreateRow();
        for (var i = 0; i < columns.Count; i++)
        {
            _ = values[i] switch
            {
                null => row.AppendNullValue(),
                string text => row.AppendValue(text),
                decimal number => row.AppendValue(number),
                double number => row.AppendValue(number),
                DateTime time => row.AppendValue((time.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond),
                long number => row.AppendValue(number),
                var other => throw new InvalidOperationException($"unexpected curated value type {other.GetType()}"),
            };
        }

        row.EndRow();
    }

    /// <summary>Writes every appended row to <paramref name="path"/> as Parquet.</summary>
    public void WriteParquet(string path)
    {
        appender?.Dispose();
        appender = null;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var select = string.Join(
            ", ",
            columns.Select(c => c.SqlType == CuratedColumns.Timestamp
                ? $"make_timestamp({Quote(c.Name)}) AS {Quote(c.Name)}"
                : Quote(c.Name)));
        Execute($"COPY (SELECT {select} FROM staged) TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)");
    }

    public void Dispose()
    {
        appender?.Dispose();
        connection.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string StagedType(CuratedColumn column) =>
        column.SqlType == CuratedColumns.Timestamp ? CuratedColumns.BigInt : column.SqlType;

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

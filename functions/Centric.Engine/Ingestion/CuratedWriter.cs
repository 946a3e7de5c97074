using System.Text;
using Centric.Engine.DuckDb;
using DuckDB.NET.Data;

namespace Centric.Engine.Ingestion;

/// <summary>
/// Collects accepted rows in an in-memory DuckDB table through the appender, then writes it as Parquet with the
/// curated types. Timestamps are appended as microseconds since the Unix epoch and turned into TIMESTAMP by
/// <c>make_timestamp</c> on the way out: appending DateTime values is several times slower. Text is encoded as UTF-8
/// into one reused buffer and appended by length, where appending a string would copy it to native memory behind a
/// finalizable handle for every cell.
/// </summary>
internal sealed class CuratedWriter : IDisposable
{
    private readonly DuckDBConnection connection;
    private readonly IReadOnlyList<CuratedColumn> columns;
    private DuckDBAppender? appender;
    private byte[] utf8 = new byte[256];

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
                string text => AppendText(row, text),
                decimal number => row.AppendValue(number),
                double number => row.AppendValue(number),
                DateTime time => row.AppendValue((time.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond),
                long number => row.AppendValue(number),
                var other => throw new InvalidOperationException($"unexpected curated value type {other.GetType()}"),
            };
        }

        row.EndRow();
    }

    /// <summary>
    /// Appends <paramref name="text"/> as its UTF-8 bytes. An empty text (which a byte span cannot tell from null) and a
    /// text holding U+0000 (which DuckDB's string append ends at) take the string path, so every value is stored as before.
    /// </summary>
    private IDuckDBAppenderRow AppendText(IDuckDBAppenderRow row, string text)
    {
        if (text.Length == 0 || text.Contains('\0', StringComparison.Ordinal))
        {
            return row.AppendValue(text);
        }

        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most > utf8.Length)
        {
            utf8 = new byte[Math.Max(most, utf8.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(text, utf8);
        return row.AppendValue(utf8.AsSpan(0, length));
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

using DuckDB.NET.Data;

namespace Centric.Engine.Ingestion;

/// <summary>Collects accepted rows in an in-memory DuckDB table through the appender, then writes it as Parquet.</summary>
internal sealed class CuratedWriter : IDisposable
{
    private readonly DuckDBConnection connection;
    private readonly IReadOnlyList<OutputColumn> columns;
    private DuckDBAppender? appender;

    public CuratedWriter(IReadOnlyList<OutputColumn> columns)
    {
        this.columns = columns;
        connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText =
                $"CREATE TABLE curated ({string.Join(", ", columns.Select(c => $"{Quote(c.Name)} {c.SqlType}"))})";
            command.ExecuteNonQuery();
        }

        appender = connection.CreateAppender("curated");
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
                DateTime time => row.AppendValue(time),
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

        using var command = connection.CreateCommand();
        command.CommandText = $"COPY curated TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)";
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        appender?.Dispose();
        connection.Dispose();
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

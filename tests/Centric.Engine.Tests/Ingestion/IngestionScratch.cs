using System.Text;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Engine.Ingestion;
using DuckDB.NET.Data;

namespace Centric.Engine.Tests.Ingestion;

/// <summary>A temporary folder holding one test's export files, curated Parquet and rejects.</summary>
public sealed class IngestionScratch : IDisposable
{
    public static readonly DateTimeOffset IngestedAt = new(2026, 11, 2, 6, 30, 0, TimeSpan.Zero);

    public IngestionScratch()
    {
        Folder = Path.Combine(Path.GetTempPath(), "centric-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string CuratedPath => Path.Combine(Folder, "out", "curated.parquet");

    public string RejectsPath => Path.Combine(Folder, "out", "rejects.csv");

    public string WriteText(string fileName, string content, Encoding? encoding = null)
    {
        var path = Path.Combine(Folder, fileName);
        var bytes = encoding is null ? Encoding.UTF8.GetBytes(content) : [.. encoding.GetPreamble(), .. encoding.GetBytes(content)];
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string WriteBytes(string fileName, byte[] bytes)
    {
        var path = Path.Combine(Folder, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public IngestionResult Ingest(
        string path,
        ExportKind? kind = null,
        DatasetSettings? settings = null,
        IReadOnlyDictionary<string, string>? mapping = null,
        DateOnly? notAfter = null) =>
        new ExportIngestor().Ingest(new IngestRequest(
            path,
            Path.GetFileName(path),
            kind,
            settings ?? DatasetSettings.Default,
            mapping is null ? null : new DatasetMapping(ExportKinds.All.ToDictionary(k => k, _ => mapping)),
            "ing-1",
            IngestedAt,
            CuratedPath,
            RejectsPath,
            notAfter));

    public IngestionResult IngestText(
        string fileName,
        string content,
        ExportKind? kind = null,
        DatasetSettings? settings = null,
        IReadOnlyDictionary<string, string>? mapping = null,
        DateOnly? notAfter = null,
        Encoding? encoding = null) =>
        Ingest(WriteText(fileName, content, encoding), kind, settings, mapping, notAfter);

    /// <summary>Runs <paramref name="sql"/> where <c>curated</c> is the curated Parquet file.</summary>
    public IReadOnlyList<object?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE VIEW curated AS SELECT * FROM read_parquet('{CuratedPath}'); {sql}";
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Column name to DuckDB type, in file order.</summary>
    public IReadOnlyList<(string Name, string Type)> Schema() =>
        Query("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM curated)")
            .Select(r => ((string)r[0]!, (string)r[1]!))
            .ToArray();

    public string[] RejectLines() => File.ReadAllLines(RejectsPath);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on a slow file system; the temp folder is cleaned eventually
        }
    }
}

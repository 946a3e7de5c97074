using System.Globalization;
using System.Security.Cryptography;
using Centric.Domain.Exports;
using Centric.Engine.DuckDb;
using Centric.Engine.Ingestion;
using Centric.Engine.Settings;

namespace Centric.Engine.Local;

/// <summary>
/// Ingests every export file of a local dataset folder into a curated folder laid out as
/// <see cref="Compute.CuratedFiles.FromFolder"/> reads it (<c>{curatedRoot}/{kind}/{ingestionId}.parquet</c>), with
/// each file's rejected cells in <c>{rejectsRoot}/{ingestionId}.csv</c>.
/// </summary>
/// <remarks>
/// Results are reproducible: files are ingested in <see cref="ExportFolder.Find"/> order, each file's ingestion id is
/// its position and content hash, and its ingestion time is <see cref="IngestedAtBase"/> plus its position in seconds,
/// so a later file's row with the same natural key wins, as a later drop does in the cloud.
/// </remarks>
public static class FolderIngestion
{
    /// <summary>The ingestion time of the first file; the n-th file is ingested n − 1 seconds later.</summary>
    public static readonly DateTimeOffset IngestedAtBase = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Ingests <paramref name="files"/> in order.</summary>
    /// <param name="files">The files, in ingestion order (see <see cref="ExportFolder.Find"/>).</param>
    /// <param name="configuration">The dataset's settings and mapping.</param>
    /// <param name="curatedRoot">Where accepted rows go, one Parquet file per ingestion under the kind's slug.</param>
    /// <param name="rejectsRoot">Where rejected cells go, one CSV per ingestion.</param>
    /// <param name="now">Timestamps after this instant's day in the dataset's time zone are rejected as future; null: no check.</param>
    /// <param name="progress">Told of each file before it is read.</param>
    /// <param name="cancellationToken">Stops between rows.</param>
    /// <param name="resources">DuckDB's memory limit, threads and spill folder while staging (defaults when null).</param>
    public static IReadOnlyList<FileIngestion> Ingest(
        IReadOnlyList<ExportFile> files,
        DatasetConfiguration configuration,
        string curatedRoot,
        string rejectsRoot,
        DateTimeOffset? now = null,
        IProgress<ExportFile>? progress = null,
        DuckDbResources? resources = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(curatedRoot);
        ArgumentException.ThrowIfNullOrWhiteSpace(rejectsRoot);

        var staging = Path.Combine(curatedRoot, ".staging");
        Directory.CreateDirectory(staging);
        Directory.CreateDirectory(rejectsRoot);
        var ingestor = new ExportIngestor(resources);
        var results = new List<FileIngestion>(files.Count);
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                var file = files[i];
                progress?.Report(file);
                var id = IngestionId(i + 1, file.FullPath);
                var request = IngestRequest.ForDataset(
                    file.FullPath,
                    Path.GetFileName(file.RelativePath),
                    file.FolderKind,
                    configuration,
                    id,
                    IngestedAtBase.AddSeconds(i),
                    now,
                    Path.Combine(staging, id + ".parquet"),
                    Path.Combine(rejectsRoot, id + ".csv"),
                    file.Folder);
                var result = ingestor.Ingest(request, cancellationToken);
                results.Add(new FileIngestion(file, id, result, request.RejectsPath, Publish(request.CuratedPath, result, curatedRoot, id)));
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }

        return results;
    }

    /// <summary>The ingestion id of the file at 1-based <paramref name="position"/>: <c>0001-9f86d081</c>.</summary>
    public static string IngestionId(int position, string path)
    {
        using var stream = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        return position.ToString("D4", CultureInfo.InvariantCulture) + "-" + hash[..8];
    }

    private static string? Publish(string staged, IngestionResult result, string curatedRoot, string id)
    {
        if (result.Accepted == 0 || result.Kind is not { } kind || !File.Exists(staged))
        {
            return null;
        }

        var folder = Path.Combine(curatedRoot, kind.ToSlug());
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, id + ".parquet");
        File.Move(staged, target, overwrite: true);
        return target;
    }
}

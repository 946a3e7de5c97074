using System.Globalization;
using Centric.Domain.Exports;
using Centric.Engine.DuckDb;

namespace Centric.Engine.Ingestion;

/// <summary>
/// Ingests one export: detects its encoding, delimiter, kind and conventions, maps its header to the kind's
/// canonical columns, validates every row, writes accepted rows as typed Parquet and rejected cells as CSV.
/// Data problems give a <see cref="IngestionStatus.Failed"/> result or rejected rows, never an exception; only
/// I/O failures throw.
/// </summary>
/// <param name="resources">The DuckDB memory limit, threads and spill folder of the staging connection (defaults when null).</param>
public sealed class ExportIngestor(DuckDbResources? resources = null)
{
    /// <summary>The most rows read for the conventions before the conversion starts; the conversion observes the
    /// rest when these do not settle them.</summary>
    private const int ScanFirst = 10_000;

    public IngestionResult Ingest(IngestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.SourcePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.CuratedPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.RejectsPath);
        ArgumentNullException.ThrowIfNull(request.Settings);

        if (File.Exists(request.CuratedPath))
        {
            File.Delete(request.CuratedPath);
        }

        using var rejects = new RejectsWriter(request.RejectsPath);
        if (request.Kind is null && request.Folder is { } folder && !ExportKinds.TryParse(folder, out _))
        {
            return IngestionResult.Failed(null, ExportKinds.UnknownFolder(folder));
        }

        var hint = request.Kind ?? (ExportKinds.TryFromFileName(request.FileName, out var named) ? named : null);
        if (new FileInfo(request.SourcePath).Length == 0)
        {
            return IngestionResult.Failed(hint, "the file is empty");
        }

        if (!ZoneClock.TryFind(request.Settings.TimeZone, out var clock))
        {
            return IngestionResult.Failed(hint, $"unknown time zone '{request.Settings.TimeZone}' in the dataset settings");
        }

        var opened = SourceOpener.Open(request.SourcePath, request.FileName, hint, request.Limits ?? WorkbookLimits.Default, cancellationToken);
        if (opened.Failure is not null)
        {
            return IngestionResult.Failed(hint, opened.Failure);
        }

        var source = opened.Source!;
        var header = SourceOpener.ReadHeader(source, cancellationToken, out var headerFailure);
        if (header is null)
        {
            return IngestionResult.Failed(hint, headerFailure!);
        }

        var kind = hint ?? KindFromHeader(header, request.Mapping);
        if (kind is null)
        {
            return IngestionResult.Failed(
                null,
                $"cannot tell the export kind of '{request.FileName}' from its folder, name or header (found: {Found(header)})");
        }

        var schema = ExportSchemas.For(kind.Value);
        var mapping = HeaderMapper.Map(schema, header, request.Mapping?.ColumnsOf(kind.Value));
        if (!mapping.IsComplete)
        {
            var plural = mapping.Missing.Count > 1 ? "columns" : "column";
            return IngestionResult.Failed(
                kind,
                $"missing required {plural} {string.Join(", ", mapping.Missing.Select(m => $"'{m}'"))} (found: {Found(header)})");
        }

        // The scan looks at a few columns of the first rows, read as spans (no string is made of a text file's fields).
        // When those rows do not settle the conventions, the rest are observed during the conversion rather than in a
        // pass of their own.
        var evidence = ConventionScanner.Scan(
            SourceOpener.DataFieldRows(source, cancellationToken), schema, mapping, request.Settings, ScanFirst, out var scannedRows, cancellationToken);
        var conventions = evidence.Decide(opened.Delimiter);
        if (Convert(
            source, request, kind.Value, mapping, header.Count, opened.Delimiter, conventions, clock, rejects,
            scannedRows == ScanFirst && !evidence.Settled ? (evidence, scannedRows) : null, cancellationToken) is not { } pass)
        {
            // The later rows changed the conventions: convert the file again, reading it as the full scan decided.
            rejects.Restart();
            conventions = evidence.Decide(opened.Delimiter);
            pass = Convert(
                source, request, kind.Value, mapping, header.Count, opened.Delimiter, conventions, clock, rejects, null, cancellationToken)
                ?? throw new InvalidOperationException("a conversion without observing cannot change its conventions");
        }

        var (read, accepted, rejected, blank) = pass;
        var format = new DetectedFormat(
            opened.EncodingName, opened.Delimiter, conventions.DecimalChar, conventions.DateOrderLabel, opened.HasBom);
        return new IngestionResult(
            kind,
            rejected > 0 ? IngestionStatus.SucceededWithRejects : IngestionStatus.Succeeded,
            read,
            accepted,
            rejected,
            Summary(kind.Value, read, accepted, rejected, blank, mapping),
            [.. rejects.Sample],
            format);
    }

    /// <summary>
    /// Converts every data row with <paramref name="conventions"/>, writing accepted rows as Parquet and rejected
    /// cells to <paramref name="rejects"/>. With <paramref name="observing"/>, the rows after the first
    /// <c>Scanned</c> are added to its evidence as they are read; null (nothing written to the curated path) when
    /// that evidence then decides other conventions.
    /// </summary>
    private (long Read, long Accepted, long Rejected, long Blank)? Convert(
        IRecordSource source, IngestRequest request, ExportKind kind, HeaderMapping mapping, int headerWidth, char delimiter,
        FileConventions conventions, ZoneClock clock, RejectsWriter rejects,
        (ConventionScanner.Evidence Evidence, long Scanned)? observing, CancellationToken cancellationToken)
    {
        var converter = new RowConverter(
            ExportSchemas.For(kind), mapping, headerWidth, delimiter, conventions, clock, request.NotAfter, request.Mapping?.ValuesOf(kind));
        long read = 0, accepted = 0, rejected = 0, blank = 0, index = 0;
        var ingestedAt = DateTime.SpecifyKind(request.IngestedAt.UtcDateTime, DateTimeKind.Unspecified);
        using var curated = new CuratedWriter(converter.Columns, resources ?? DuckDbResources.Default, Derived(kind, request, ingestedAt, clock));
        var errors = new List<RejectedRow>();
        using (var appending = new BatchedAppend(curated, converter.Columns, cancellationToken))
        {
            foreach (var record in SourceOpener.DataFieldRows(source, cancellationToken))
            {
                if (observing is { } watch && index++ >= watch.Scanned)
                {
                    watch.Evidence.Observe(record);
                }

                if (record.IsBlank)
                {
                    blank++;
                    continue;
                }

                read++;
                var (batch, row) = appending.Next();
                if (converter.TryConvert(record, batch, row, errors))
                {
                    // _ingestion_id and _ingested_at are the same on every row: the writer adds them (Derived).
                    batch.SetLong(row, converter.MetadataAt + 1, record.Line);
                    appending.Keep();
                    accepted++;
                    continue;
                }

                rejected++;
                foreach (var error in errors)
                {
                    rejects.Write(error);
                }
            }

            appending.Complete();
        }

        if (observing is { } observed && observed.Evidence.Decide(delimiter) != conventions)
        {
            return null;
        }

        curated.WriteParquet(request.CuratedPath);
        return (read, accepted, rejected, blank);
    }

    /// <summary>
    /// The curated columns not staged row by row: the ingestion's id and time, the same on every row, and, in a
    /// dataset kept in UTC, each timestamp's <c>_utc</c> twin, equal to its local time on every row.
    /// </summary>
    private static Dictionary<string, string> Derived(ExportKind kind, IngestRequest request, DateTime ingestedAt, ZoneClock clock)
    {
        var derived = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["_ingestion_id"] = DuckDbSession.Literal(request.IngestionId),
            ["_ingested_at"] = CuratedWriter.TimestampLiteral(ingestedAt),
        };
        if (clock.IsUtc)
        {
            foreach (var column in ExportSchemas.For(kind).Columns.Where(c => c.Type == ColumnType.Timestamp))
            {
                derived[column.Name + "_utc"] = CuratedWriter.TimestampOf(column.Name);
            }
        }

        return derived;
    }

    private static ExportKind? KindFromHeader(IReadOnlyList<string> header, DatasetMapping? explicitMapping)
    {
        ExportKind? best = null;
        var bestScore = 0.0;
        foreach (var kind in ExportKinds.All)
        {
            var schema = ExportSchemas.For(kind);
            var mapping = HeaderMapper.Map(schema, header, explicitMapping?.ColumnsOf(kind));
            if (!mapping.IsComplete)
            {
                continue;
            }

            var score = mapping.ColumnIndexes.Count + (mapping.ColumnIndexes.Count / (double)schema.Columns.Count);
            if (score > bestScore)
            {
                best = kind;
                bestScore = score;
            }
        }

        return best;
    }

    private static string Found(IReadOnlyList<string> header) =>
        string.Join(", ", header.Select(h => h.Trim()).Where(h => h.Length > 0));

    private static string Summary(
        ExportKind kind, long read, long accepted, long rejected, long blank, HeaderMapping mapping)
    {
        var parts = new List<string>
        {
            string.Create(
                CultureInfo.InvariantCulture,
                $"{kind.ToSlug()}: {read} rows read, {accepted} accepted, {rejected} rejected"),
        };
        if (read == 0)
        {
            parts.Add("the file has a header but no rows");
        }

        if (blank > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{blank} blank rows skipped"));
        }

        var ignored = mapping.Ignored.Where(h => !string.IsNullOrWhiteSpace(h)).ToArray();
        if (ignored.Length > 0)
        {
            parts.Add($"ignored columns: {string.Join(", ", ignored)}");
        }

        return string.Join("; ", parts);
    }
}

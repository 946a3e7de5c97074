using System.Text.Json;
using Centric.Cli.Output;
using Centric.Domain.Families;
using Centric.Domain.Families.Cohorts;
using Centric.Domain.Families.CustomerLists;
using Centric.Domain.Snapshots;
using Centric.Engine.Compute;
using Centric.Engine.Ingestion;
using Centric.Engine.Local;

namespace Centric.Cli.Commands;

/// <summary>Writes the files of <c>centric compute</c> into the output folder.</summary>
internal static class ComputeOutputs
{
    /// <summary>
    /// Writes every file. The customer lists (the active customers' list alone is about 140 MB at a million orders) are
    /// written on a thread of their own beside the other files: each file is written by one thread and only read from
    /// the result, so the files are the same as written one after another.
    /// </summary>
    public static void Write(string folder, IReadOnlyList<SnapshotRow> rows, IReadOnlyList<FileIngestion> ingestions, ComputeResult result)
    {
        Directory.CreateDirectory(folder);
        var lists = Task.Run(() => WriteCustomerLists(Path.Combine(folder, "customers"), result));
        try
        {
            WriteFiles(folder, rows, ingestions, result);
        }
        catch
        {
            // No write goes on after the command ends: the lists are waited for (WaitAny does not raise their own
            // failure), and this first failure is the one raised.
            Task.WaitAny(lists);
            throw;
        }

        lists.GetAwaiter().GetResult();
    }

    private static void WriteFiles(string folder, IReadOnlyList<SnapshotRow> rows, IReadOnlyList<FileIngestion> ingestions, ComputeResult result)
    {
        WriteJson(Path.Combine(folder, "snapshots.json"), rows, CliJsonContext.Default.IReadOnlyListSnapshotRow);
        SnapshotsCsv.Write(Path.Combine(folder, "snapshots.csv"), rows);
        WriteJson(
            Path.Combine(folder, "ingestions.json"),
            [.. ingestions.Select(Entry)],
            CliJsonContext.Default.IReadOnlyListIngestionEntry);
        RejectsCsv.Write(Path.Combine(folder, "rejects.csv"), ingestions);
        ScoresCsv.Write(Path.Combine(folder, "scores.csv"), result.Scores);
        File.WriteAllText(Path.Combine(folder, "cohorts.csv"), CohortCsv.Write(result.Cohorts));
        var clv = Path.Combine(folder, "clv.json");
        if (result.Clv is { } report)
        {
            WriteJson(clv, report, CliJsonContext.Default.ClvReport);
        }
        else if (File.Exists(clv))
        {
            File.Delete(clv);
        }
    }

    /// <summary>
    /// <c>customers/{metric}.csv</c> for every listable metric of the families computed: the customers behind each
    /// period's count or MRR movement, every grain, the <c>*</c> segment. Lists of metrics no longer computed are removed.
    /// </summary>
    private static void WriteCustomerLists(string folder, ComputeResult result)
    {
        var computed = MetricFamilies.All.Where(f => result.Families.Contains(f.Name)).SelectMany(f => f.Definitions).Select(d => d.Id).ToHashSet();
        Directory.CreateDirectory(folder);
        foreach (var metric in CustomerLists.Metrics)
        {
            var path = Path.Combine(folder, metric + ".csv");
            if (!computed.Contains(metric))
            {
                File.Delete(path);
                continue;
            }

            using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
            if (result.CustomerLists.Rows is CustomerListTable table)
            {
                CustomerLists.WriteCsv(writer, table, metric);
            }
            else
            {
                CustomerLists.WriteCsv(writer, result.CustomerLists.Rows.Where(r => r.Metric == metric));
            }
        }
    }

    public static string StatusName(IngestionStatus status) => status switch
    {
        IngestionStatus.Succeeded => "succeeded",
        IngestionStatus.SucceededWithRejects => "succeeded-with-rejects",
        _ => "rejected",
    };

    private static IngestionEntry Entry(FileIngestion ingestion)
    {
        var r = ingestion.Result;
        var format = r.Format is { } f
            ? new FormatEntry(f.Encoding, f.Delimiter == '\0' ? null : f.Delimiter.ToString(), f.DecimalSeparator.ToString(), f.DateOrder, f.HasBom)
            : null;
        return new IngestionEntry(
            ingestion.File.RelativePath,
            ingestion.IngestionId,
            r.Kind is { } kind ? Domain.Exports.ExportKinds.ToSlug(kind) : null,
            r.RowsRead,
            r.Accepted,
            r.Rejected,
            StatusName(r.Status),
            r.Message,
            format);
    }

    private static void WriteJson<T>(string path, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, value, type);
    }
}

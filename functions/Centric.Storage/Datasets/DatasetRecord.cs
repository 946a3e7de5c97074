using System.Globalization;
using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace Centric.Storage.Datasets;

/// <summary>
/// A dataset's entry in table <c>datasets</c> (PartitionKey <c>datasets</c>, RowKey the dataset): the current
/// generation pointer and what it was computed from.
/// </summary>
public sealed class DatasetRecord : ITableEntity
{
    public const string Partition = "datasets";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? CurrentGeneration { get; set; }

    /// <summary>The generation before the current one, kept for readers that started on it.</summary>
    public string? PreviousGeneration { get; set; }

    /// <summary>yyyy-MM-dd, as stored; readers use <see cref="AsOfDate"/>.</summary>
    public string? AsOf { get; set; }

    /// <summary>The as-of date of the current generation (not a column of its own: the table keeps <see cref="AsOf"/>).</summary>
    [IgnoreDataMember]
    public DateOnly? AsOfDate => AsOf is null ? null : DateOnly.ParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public DateTimeOffset? ComputedAt { get; set; }

    /// <summary>The input the current generation saw (latest completion | count of finished ingestions): a recompute that saw less loses.</summary>
    public string? InputWatermark { get; set; }

    /// <summary>Ingestion ids the current generation was computed from, comma separated (its lineage).</summary>
    public string? Lineage { get; set; }

    public int Customers { get; set; }

    public long Orders { get; set; }

    public long Rows { get; set; }

    /// <summary>The export kinds the current generation was computed from (slugs, comma separated).</summary>
    public string? Kinds { get; set; }

    /// <summary>The metric families the current generation computed (names, comma separated).</summary>
    public string? Families { get; set; }

    /// <summary>Warnings of the last computation, one per line.</summary>
    public string? Warnings { get; set; }

    public DateTimeOffset? LastIngestionAt { get; set; }

    /// <summary>The dataset's default churn preset (settings.json), used when a request names none.</summary>
    public string? ChurnPreset { get; set; }

    public string? ReportingCurrency { get; set; }

    /// <summary>When the last compute that failed started (a later success leaves it, for the record).</summary>
    public DateTimeOffset? LastFailedComputeAt { get; set; }

    /// <summary>How long, in seconds, the last failed compute ran before it stopped.</summary>
    public double? LastFailedComputeSeconds { get; set; }

    /// <summary>Why the last failed compute stopped, and what became of its message.</summary>
    public string? LastFailedComputeReason { get; set; }

    /// <summary>Which delivery of its queue message the last failed compute was (1 = first).</summary>
    public int? LastFailedComputeAttempt { get; set; }

    /// <summary>The predictive CLV fit of the current generation (model, parameters, statuses, holdout check) as JSON.</summary>
    public string? Clv { get; set; }
}

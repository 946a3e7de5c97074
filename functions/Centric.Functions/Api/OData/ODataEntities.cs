namespace Centric.Functions.Api.OData;

// The entity types of the OData feed (names are camel-cased in $metadata). Each has a single string key so that
// BI tools can address and de-duplicate rows without composite keys.

/// <summary>A snapshot row of a dataset's current generation (docs/contract.md, "Snapshot row").</summary>
public sealed class Snapshot
{
    /// <summary><c>{dataset}|{metric}|{grain}|{period}|{segment}|{preset}</c>, the parts percent-encoded as in the table.</summary>
    public required string Id { get; init; }

    public required string Dataset { get; init; }

    public required string Metric { get; init; }

    public required string Grain { get; init; }

    public required string Period { get; init; }

    public DateOnly PeriodStart { get; init; }

    public DateOnly PeriodEnd { get; init; }

    public required string Segment { get; init; }

    public decimal? Value { get; init; }

    public decimal? Numerator { get; init; }

    public decimal? Denominator { get; init; }

    public required string Unit { get; init; }

    public string? Preset { get; init; }

    public int DefinitionVersion { get; init; }

    public required string Generation { get; init; }

    public DateTimeOffset ComputedAt { get; init; }

    public DateOnly AsOf { get; init; }

    public bool Partial { get; init; }

    public bool LowSample { get; init; }
}

/// <summary>A metric of the catalogue.</summary>
public sealed class Metric
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Unit { get; init; }

    public required string Definition { get; init; }

    public required IReadOnlyList<string> Presets { get; init; }

    public string? DefaultPreset { get; init; }

    public int Version { get; init; }
}

/// <summary>A dataset and its current generation.</summary>
public sealed class Dataset
{
    public required string Id { get; init; }

    public string? Generation { get; init; }

    public DateOnly? AsOf { get; init; }

    public DateTimeOffset? ComputedAt { get; init; }

    public DateTimeOffset? LastIngestionAt { get; init; }

    public int Customers { get; init; }

    public long Orders { get; init; }

    public string? ReportingCurrency { get; init; }

    public string? ChurnPreset { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }
}

/// <summary>An entry of the ingestion ledger.</summary>
public sealed class Ingestion
{
    /// <summary><c>{dataset}|{ingestionId}</c>.</summary>
    public required string Id { get; init; }

    public required string Dataset { get; init; }

    public required string IngestionId { get; init; }

    public required string Blob { get; init; }

    public string? Kind { get; init; }

    public required string Status { get; init; }

    public long RowsRead { get; init; }

    public long Accepted { get; init; }

    public long Rejected { get; init; }

    public string? Message { get; init; }

    public string? Format { get; init; }

    public DateTimeOffset QueuedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public int Attempts { get; init; }
}

/// <summary>A customer's predictive CLV scores in a dataset's current generation.</summary>
public sealed class Customer
{
    /// <summary><c>{dataset}|{customerId}</c>.</summary>
    public required string Id { get; init; }

    public required string Dataset { get; init; }

    public required string CustomerId { get; init; }

    public decimal? Clv { get; init; }

    public double? PAlive { get; init; }

    public double? ExpectedPurchases { get; init; }

    public decimal? ExpectedSpend { get; init; }

    public string? Tier { get; init; }

    public int Frequency { get; init; }

    /// <summary>Weeks from first to last purchase.</summary>
    public double Recency { get; init; }

    /// <summary>Weeks from first purchase to the as-of date.</summary>
    public double Age { get; init; }

    public decimal MonetaryValue { get; init; }

    public required string Generation { get; init; }

    public DateOnly AsOf { get; init; }
}

/// <summary>A cell of the cohort retention matrix of a dataset's current generation.</summary>
public sealed class Cohort
{
    /// <summary><c>{dataset}|{cohort}|{monthsAfter}</c>.</summary>
    public required string Id { get; init; }

    public required string Dataset { get; init; }

    public required string Name { get; init; }

    public DateOnly CohortStart { get; init; }

    public int MonthsAfter { get; init; }

    public int Customers { get; init; }

    public int CohortSize { get; init; }

    public decimal? Value { get; init; }

    public bool Partial { get; init; }

    public required string Generation { get; init; }
}

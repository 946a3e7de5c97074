using Centric.Domain.Metrics;
using Centric.Storage.Ingestions;
using Centric.Storage.Datasets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Query;

namespace Centric.Functions.Api.OData;

/// <summary><c>/api/odata/Metrics</c>: the metric catalogue.</summary>
public sealed class MetricsController(ODataPaging paging) : FeedController(paging)
{
    private static readonly string CatalogTag = Tag("metrics", MetricCatalog.All.Select(m => m.Id + "|" + m.Version));

    public Task<IActionResult> Get(ODataQueryOptions<Metric> options) =>
        AnswerAsync(options, () => Task.FromResult(NotModified(CatalogTag, null) ? NotModifiedResult() : Page(options, MetricCatalog.All.Select(m => new Metric
        {
            Id = m.Id,
            Title = m.Title,
            Unit = m.Unit.ToString().ToLowerInvariant(),
            Definition = m.Definition,
            Presets = m.Presets,
            DefaultPreset = m.DefaultPreset,
            Version = m.Version,
        }))));
}

/// <summary><c>/api/odata/Datasets</c>: every dataset the caller may read and its current generation.</summary>
public sealed class DatasetsController(DatasetRegistry datasets, ODataPaging paging) : FeedController(paging)
{
    public Task<IActionResult> Get(ODataQueryOptions<Dataset> options, CancellationToken cancellationToken) =>
        AnswerAsync(options, async () =>
        {
            var records = (await ReadableAsync(datasets, cancellationToken)).OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
            if (NotModified(Tag("datasets", records.Select(r => r.RowKey + "|" + r.ETag)), records.Max(r => r.Timestamp)))
            {
                return NotModifiedResult();
            }

            return Page(options, records.Select(r => new Dataset
            {
                Id = r.RowKey,
                Generation = r.CurrentGeneration,
                AsOf = r.AsOfDate,
                ComputedAt = r.ComputedAt,
                LastIngestionAt = r.LastIngestionAt,
                Customers = r.Customers,
                Orders = r.Orders,
                ReportingCurrency = r.ReportingCurrency,
                ChurnPreset = r.ChurnPreset,
                Warnings = r.Warnings?.Split('\n') ?? [],
            }));
        });
}

/// <summary><c>/api/odata/Ingestions</c>: the ingestion ledger of every dataset.</summary>
public sealed class IngestionsController(DatasetRegistry datasets, IngestionLedger ledger, ODataPaging paging) : FeedController(paging)
{
    public Task<IActionResult> Get(ODataQueryOptions<Ingestion> options, CancellationToken cancellationToken) =>
        AnswerAsync(options, async () =>
        {
            var records = new List<IngestionRecord>();
            foreach (var dataset in (await ReadableAsync(datasets, cancellationToken)).Select(d => d.RowKey).Order(StringComparer.Ordinal))
            {
                records.AddRange((await ledger.ListAsync(dataset, cancellationToken)).OrderBy(r => r.RowKey, StringComparer.Ordinal));
            }

            if (NotModified(Tag("ingestions", records.Select(r => r.PartitionKey + "|" + r.RowKey + "|" + r.ETag)), records.Max(r => r.Timestamp)))
            {
                return NotModifiedResult();
            }

            return Page(options, records.Select(r => new Ingestion
            {
                Id = r.PartitionKey + "|" + r.RowKey,
                Dataset = r.PartitionKey,
                IngestionId = r.RowKey,
                Blob = r.Blob,
                Kind = r.Kind,
                Status = r.Status,
                RowsRead = r.RowsRead,
                Accepted = r.Accepted,
                Rejected = r.Rejected,
                Message = r.Message,
                Format = r.Format,
                QueuedAt = r.QueuedAt,
                CompletedAt = r.CompletedAt,
                Attempts = r.Attempts,
            }));
        });
}

/// <summary><c>/api/odata/Customers</c>: per-customer CLV scores of every dataset's current generation, held in memory per generation.</summary>
public sealed class CustomersController(ODataPaging paging) : FeedController(paging)
{
    public Task<IActionResult> Get(ODataQueryOptions<Customer> options, CancellationToken cancellationToken) =>
        AnswerPublishedAsync(options, "customers", async published =>
        {
            var customers = new List<Customer[]>();
            foreach (var d in published)
            {
                customers.Add((await Rows.CustomersAsync(d, cancellationToken)).Rows);
            }

            return Page(options, customers.SelectMany(c => c));
        }, cancellationToken);
}

/// <summary><c>/api/odata/Cohorts</c>: the cohort retention cells of every dataset's current generation, held in memory per generation.</summary>
public sealed class CohortsController(ODataPaging paging) : FeedController(paging)
{
    public Task<IActionResult> Get(ODataQueryOptions<Cohort> options, CancellationToken cancellationToken) =>
        AnswerPublishedAsync(options, "cohorts", async published =>
        {
            var cells = new List<Cohort[]>();
            foreach (var d in published)
            {
                cells.Add((await Rows.CohortsAsync(d, cancellationToken)).Rows);
            }

            return Page(options, cells.SelectMany(c => c));
        }, cancellationToken);
}

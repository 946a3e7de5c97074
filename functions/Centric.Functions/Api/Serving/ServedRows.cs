using System.Globalization;
using Centric.Domain.Families.Cohorts;
using Centric.Domain.Families.CustomerLists;
using Centric.Domain.Snapshots;
using Centric.Engine.Clv;
using Centric.Functions.Api.OData;
using Centric.Storage.Scores;
using Centric.Storage.Snapshots;

namespace Centric.Functions.Api.Serving;

/// <summary>
/// The rows the read routes serve, per dataset and generation, from <see cref="GenerationRows"/>: read from the
/// snapshots table or the scores blobs the first time a generation is asked for, from memory after that.
/// </summary>
internal sealed class ServedRows(GenerationRows cache, SnapshotStore snapshots, ScoresStore scores)
{
    // Rough sizes of what a row holds besides its strings: object headers, references, decimals, dates.
    private const long SnapshotBytes = 224;
    private const long CustomerBytes = 160;
    private const long CohortBytes = 96;
    private const long ListRowBytes = 144;

    /// <summary>
    /// Every snapshot row of <paramref name="generation"/> of <paramref name="source"/>'s dataset, in RowKey order (the
    /// table's order). <paramref name="generation"/> is the source's current one, or the one a nextLink started on.
    /// </summary>
    public ValueTask<SnapshotSet> SnapshotsAsync(PublishedDataset source, string generation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return cache.GetAsync(new RowsKey("snapshots", source.Name, generation), async ct =>
        {
            var rows = new List<(string Key, Snapshot Row)>();
            long bytes = 0;
            await foreach (var row in snapshots.ScanAsync(
                source.Name, generation, source.ComputedAt ?? DateTimeOffset.MinValue, source.AsOf, new SnapshotScan(), ct).ConfigureAwait(false))
            {
                var key = RowKeys.Row(row.Metric, row.Grain, row.Period, row.Segment, row.Preset);
                var entity = Entity(row, key);
                rows.Add((key, entity));
                bytes += SnapshotBytes + Text(key) + Text(entity.Id) + Text(row.Metric) + Text(row.Grain) + Text(row.Period)
                    + Text(row.Segment) + Text(row.Unit) + Text(row.Preset) + Text(row.Dataset) + Text(row.Generation);
            }

            rows.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            return new Sized<SnapshotSet>(new SnapshotSet([.. rows.Select(r => r.Key)], [.. rows.Select(r => r.Row)]), bytes);
        }, cancellationToken);
    }

    /// <summary>Every customer's scores of the dataset's current generation, in customer-id order, and by id.</summary>
    public ValueTask<CustomerSet> CustomersAsync(PublishedDataset source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return cache.GetAsync(new RowsKey("customers", source.Name, source.Generation), async ct =>
        {
            var read = await scores.ReadAllAsync(source.Name, source.Generation, ct).ConfigureAwait(false);
            var customers = new Customer[read.Count];
            var byId = new Dictionary<string, Customer>(read.Count, StringComparer.Ordinal);
            long bytes = 0;
            for (var i = 0; i < read.Count; i++)
            {
                var s = read[i];
                var customer = new Customer
                {
                    Id = source.Name + "|" + s.CustomerId,
                    Dataset = source.Name,
                    CustomerId = s.CustomerId,
                    Clv = s.Clv,
                    PAlive = s.PAlive,
                    ExpectedPurchases = s.ExpectedPurchases,
                    ExpectedSpend = s.ExpectedSpend,
                    Tier = s.Tier,
                    Frequency = s.Frequency,
                    Recency = s.Recency,
                    Age = s.Age,
                    MonetaryValue = s.MonetaryValue,
                    Generation = source.Generation,
                    AsOf = source.AsOf,
                };
                customers[i] = customer;

                // A customer id is unique in a generation's scores; the first row is the one a lookup by id finds.
                byId.TryAdd(s.CustomerId, customer);
                bytes += CustomerBytes + Text(customer.Id) + Text(s.CustomerId) + Text(s.Tier);
            }

            return new Sized<CustomerSet>(new CustomerSet(customers, byId), bytes);
        }, cancellationToken);
    }

    /// <summary>The cohort cells of the dataset's current generation (<see cref="CohortSet.Cells"/> null when it has none).</summary>
    public ValueTask<CohortSet> CohortsAsync(PublishedDataset source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return cache.GetAsync(new RowsKey("cohorts", source.Name, source.Generation), async ct =>
        {
            var cells = await scores.ReadCohortsAsync(source.Name, source.Generation, ct).ConfigureAwait(false);
            var entities = (cells ?? []).Select(c => new Cohort
            {
                Id = source.Name + "|" + c.Cohort + "|" + c.MonthsAfter.ToString(CultureInfo.InvariantCulture),
                Dataset = source.Name,
                Name = c.Cohort,
                CohortStart = c.CohortStart,
                MonthsAfter = c.MonthsAfter,
                Customers = c.Customers,
                CohortSize = c.CohortSize,
                Value = c.Value,
                Partial = c.Partial,
                Generation = source.Generation,
            }).ToArray();
            var bytes = entities.Sum(e => (2 * CohortBytes) + Text(e.Id) + (2 * Text(e.Name)));
            return new Sized<CohortSet>(new CohortSet(cells, entities), bytes);
        }, cancellationToken);
    }

    /// <summary>The dataset's customers per P(alive) bin and tier (<see cref="PAliveSet.Counts"/> null when it has no scores).</summary>
    public ValueTask<PAliveSet> PAliveAsync(PublishedDataset source, int bins, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return cache.GetAsync(new RowsKey("p-alive-" + bins.ToString(CultureInfo.InvariantCulture), source.Name, source.Generation), async ct =>
        {
            var counts = await scores.PAliveHistogramAsync(source.Name, source.Generation, bins, ct).ConfigureAwait(false);
            return new Sized<PAliveSet>(new PAliveSet(counts), 64 + ((counts?.Count ?? 0) * 64));
        }, cancellationToken);
    }

    /// <summary>
    /// The customer lists of the dataset's current generation (<see cref="CustomerListsHeld.Lists"/> null when it was
    /// computed before lists were kept).
    /// </summary>
    public ValueTask<CustomerListsHeld> CustomerListsAsync(PublishedDataset source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return cache.GetAsync(new RowsKey("customer-lists", source.Name, source.Generation), async ct =>
        {
            var lists = await scores.ReadCustomerListsAsync(source.Name, source.Generation, ct).ConfigureAwait(false);
            // The lists are read into the compact table (ScoresStore); the index adds four bytes a row.
            long bytes = 64 + (lists?.Rows is CustomerListTable table
                ? table.EstimatedBytes() + (table.Count * sizeof(int))
                : (lists?.Rows.Count ?? 0) * (ListRowBytes + sizeof(int)));
            foreach (var (customer, keys) in lists?.Segments ?? new Dictionary<string, IReadOnlyList<string>>())
            {
                bytes += 64 + Text(customer) + keys.Sum(k => 8 + Text(k));
            }

            return new Sized<CustomerListsHeld>(new CustomerListsHeld(lists is null ? null : new CustomerListIndex(lists)), bytes);
        }, cancellationToken);
    }

    private static long Text(string? text) => text is null ? 0 : 24 + (2L * text.Length);

    private static Snapshot Entity(SnapshotRow r, string rowKey) => new()
    {
        Id = r.Dataset + "|" + rowKey,
        Dataset = r.Dataset,
        Metric = r.Metric,
        Grain = r.Grain,
        Period = r.Period,
        PeriodStart = r.PeriodStart,
        PeriodEnd = r.PeriodEnd,
        Segment = r.Segment,
        Value = r.Value,
        Numerator = r.Numerator,
        Denominator = r.Denominator,
        Unit = r.Unit,
        Preset = r.Preset,
        DefinitionVersion = r.DefinitionVersion,
        Generation = r.Generation,
        ComputedAt = r.ComputedAt,
        AsOf = r.AsOf,
        Partial = r.Partial,
        LowSample = r.LowSample,
    };
}

/// <summary>A generation's snapshot rows in RowKey order, with their RowKeys (<see cref="Keys"/>[i] is <see cref="Rows"/>[i]'s).</summary>
internal sealed record SnapshotSet(string[] Keys, Snapshot[] Rows)
{
    /// <summary>
    /// The rows whose RowKey starts with <paramref name="prefix"/> and comes after <paramref name="after"/>, that meet
    /// every condition as the table evaluates it (an ordinal comparison of the stored text; a column the row does not
    /// store, a null preset, matches nothing), in RowKey order.
    /// </summary>
    public IEnumerable<Snapshot> Range(string? prefix, string? after, IReadOnlyList<SnapshotCondition> conditions)
    {
        var start = prefix is null ? 0 : LowerBound(prefix, inclusive: true);
        if (after is not null)
        {
            start = Math.Max(start, LowerBound(after, inclusive: false));
        }

        var end = prefix is null ? Keys.Length : LowerBound(prefix + "~", inclusive: true);
        for (var i = start; i < end; i++)
        {
            if (Meets(Rows[i], conditions))
            {
                yield return Rows[i];
            }
        }
    }

    /// <summary>The first index whose key is ≥ <paramref name="key"/> (or &gt; it when not inclusive).</summary>
    private int LowerBound(string key, bool inclusive)
    {
        int low = 0, high = Keys.Length;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            var compared = string.CompareOrdinal(Keys[mid], key);
            if (compared < 0 || (!inclusive && compared == 0))
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static bool Meets(Snapshot row, IReadOnlyList<SnapshotCondition> conditions)
    {
        foreach (var condition in conditions)
        {
            var stored = condition.Column switch
            {
                SnapshotColumn.Metric => row.Metric,
                SnapshotColumn.Grain => row.Grain,
                SnapshotColumn.Period => row.Period,
                SnapshotColumn.PeriodStart => row.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                SnapshotColumn.Segment => row.Segment,
                _ => row.Preset,
            };
            if (stored is null)
            {
                return false;
            }

            var compared = string.CompareOrdinal(stored, condition.Value);
            var meets = condition.Comparison switch
            {
                SnapshotComparison.Equal => compared == 0,
                SnapshotComparison.NotEqual => compared != 0,
                SnapshotComparison.GreaterThan => compared > 0,
                SnapshotComparison.GreaterThanOrEqual => compared >= 0,
                SnapshotComparison.LessThan => compared < 0,
                _ => compared <= 0,
            };
            if (!meets)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A generation's customer scores as OData entities, in customer-id order, and by customer id.</summary>
internal sealed record CustomerSet(Customer[] Rows, IReadOnlyDictionary<string, Customer> ById);

/// <summary>A generation's cohort cells as stored (null when it has none) and as OData entities.</summary>
internal sealed record CohortSet(IReadOnlyList<CohortCell>? Cells, Cohort[] Rows);

/// <summary>A generation's P(alive) histogram (null when it has no scores).</summary>
internal sealed record PAliveSet(IReadOnlyList<PAliveCount>? Counts);

/// <summary>A generation's customer lists, indexed by list (null when it was computed before lists were kept).</summary>
internal sealed record CustomerListsHeld(CustomerListIndex? Lists);

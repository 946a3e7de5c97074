using Centric.Domain.Activity;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Domain.Families;
using Centric.Domain.Families.CustomerLists;
using Centric.Domain.Families.Fanout;
using Centric.Domain.Metrics;
using Centric.Domain.Segments;
using Centric.Domain.Time;
using Centric.Engine.Clv;
using Centric.Engine.DuckDb;

namespace Centric.Engine.Compute;

/// <summary>
/// Computes a dataset from its curated files: loads the inputs the metric families share (orders as customer-days,
/// customer segments, the CLV fit at the as-of date), then runs every family whose export kinds are present, for every
/// grain, period and segment. The as-of date A is the latest event day over every kind unless given; <c>notBefore</c>
/// keeps it from moving back (the service passes the published as-of date). Given <c>familyComputed</c>, each family's
/// values are handed over as soon as the family ends, so the service writes them while the next family computes.
/// </summary>
public static class DatasetComputer
{
    /// <summary>
    /// The fewest customer-days and purchase days let go at once that are worth a full compacting collection: below
    /// it they are tens of megabytes, and the heap the collection would trace may be far larger.
    /// </summary>
    public const long CollectAfterRows = 1 << 20;

    public static IReadOnlyList<Grain> AllGrains { get; } = [Grain.Month, Grain.Quarter, Grain.Year];

    public static ComputeResult Compute(
        CuratedFiles files,
        DatasetSettings settings,
        DateOnly? asOf = null,
        IReadOnlyCollection<Grain>? grains = null,
        DateOnly? notBefore = null,
        IProgress<string>? progress = null,
        ICollection<ComputeStep>? profile = null,
        DuckDbResources? resources = null,
        Action<FamilyValues>? familyComputed = null) =>
        Run(files, settings, asOf, grains, notBefore, progress, profile, resources, partition: null, merge: null, familyComputed).Result;

    /// <summary>
    /// One partition of a fanned-out compute: the partial sums of every family that splits by customer
    /// (<see cref="IMetricFamily.SplitsByCustomer"/>) over the customers of <paramref name="partition"/>, at the as-of
    /// date the whole data gives (the same in every partition and in the merge). The shared inputs (orders, segments, the
    /// CLV fit whose tiers are segments) are loaded whole.
    /// </summary>
    public static PartitionResult ComputePartition(
        CuratedFiles files,
        DatasetSettings settings,
        CustomerPartition partition,
        DateOnly? asOf = null,
        DateOnly? notBefore = null,
        IProgress<string>? progress = null,
        DuckDbResources? resources = null)
    {
        ArgumentNullException.ThrowIfNull(partition);
        var (result, partials) = Run(files, settings, asOf, null, notBefore, progress, null, resources, partition, merge: null);
        return new PartitionResult(result.AsOf, partials ?? []);
    }

    /// <summary>
    /// The merge of a fanned-out compute: the same result as <see cref="Compute"/>, with the values of every family that
    /// splits by customer merged from <paramref name="partials"/> (every partition's) instead of computed, and every other
    /// family computed over the whole data.
    /// </summary>
    public static ComputeResult ComputeMerged(
        CuratedFiles files,
        DatasetSettings settings,
        IReadOnlyList<PartialValue> partials,
        DateOnly? asOf = null,
        DateOnly? notBefore = null,
        IProgress<string>? progress = null,
        DuckDbResources? resources = null)
    {
        ArgumentNullException.ThrowIfNull(partials);
        return Run(files, settings, asOf, null, notBefore, progress, null, resources, partition: null, partials).Result;
    }

    private static (ComputeResult Result, List<PartialValue>? Partials) Run(
        CuratedFiles files,
        DatasetSettings settings,
        DateOnly? asOf,
        IReadOnlyCollection<Grain>? grains,
        DateOnly? notBefore,
        IProgress<string>? progress,
        ICollection<ComputeStep>? profile,
        DuckDbResources? resources,
        CustomerPartition? partition,
        IReadOnlyList<PartialValue>? merge,
        Action<FamilyValues>? familyComputed = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(settings);
        grains ??= AllGrains;
        var kinds = files.Kinds;
        var kindList = ExportKinds.All.Where(kinds.Contains).ToArray();
        using var db = new DuckDbSession(resources);
        // The shared inputs are loaded by Prepare and reached only through this holder, never through a local of this
        // method: what the holder lets go of below is then free, where a local (or the JIT's copy of one) would keep
        // the customer-days and the purchase history alive to the end (about 600 MiB at 10M orders).
        var inputs = Prepare(db, files, kinds, settings, asOf, grains, notBefore, progress, profile, partition);
        if (inputs.Context is null)
        {
            return (new ComputeResult(null, [], 0, 0, inputs.Warnings, [], null, [], kindList, [], inputs.ReportingCurrency, CustomerListSet.Empty), null);
        }

        var day = inputs.Context.AsOf;
        var output = new FamilyOutput();
        var families = MetricFamilies.For(kinds);
        // The families that read the customer-days go first and those that read the purchase history next, so that each
        // is let go as early as it can be: at 10M orders the predicted-CLV fits then run without the customer-days.
        var order = families.OrderBy(f => f.ReadsCustomerDays ? 0 : f.ReadsPurchaseHistory ? 1 : 2).ToArray();
        var lastReadingDays = Array.FindLastIndex(order, f => f.ReadsCustomerDays);
        var lastReadingHistory = Math.Max(lastReadingDays, Array.FindLastIndex(order, f => f.ReadsPurchaseHistory));
        for (var index = 0; index < order.Length; index++)
        {
            var family = order[index];
            // Before the first family nothing has been read: without a family that reads them the days and the history are
            // empty (no orders), and a full collection there only costs time.
            var (daysGo, historyGoes) = (index == lastReadingDays + 1, index == lastReadingHistory + 1);
            if (index > 0 && (daysGo || historyGoes))
            {
                var letGo = StepTimer.Start(profile, db);
                var released = (daysGo ? inputs.LetGoOfDays() : 0) + (historyGoes ? inputs.LetGoOfHistory() : 0);

                // The heap is never smaller than now, and what comes next may be DuckDB's largest sort (the fulfilment
                // read) or the predicted-CLV fits: hand the freed memory back first (at 10M orders the compute's peak
                // fell from 3.9 GB to 3.4 GB when this was first done). A full compacting collection costs time in
                // proportion to what is still held, not to what was let go: with fewer rows let go than
                // CollectAfterRows, the next ordinary collection finds them (at a million subscriptions and no orders
                // it took 0.45 s and freed nothing of the inputs).
                if (released >= CollectAfterRows)
                {
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                }

                letGo.Stop(daysGo && historyGoes ? "let go of the customer-days and the purchase history"
                    : daysGo ? "let go of the customer-days" : "let go of the purchase history", released);
            }

            var step = StepTimer.Start(profile, db);
            var before = output.Values.Count;
            if (partition is not null && !family.SplitsByCustomer)
            {
                continue;
            }

            if (merge is not null && family.SplitsByCustomer)
            {
                progress?.Report($"merging the {family.Name} metrics");
                var ids = family.Definitions.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
                output.Add(PartialValues.Merge(merge.Where(p => ids.Contains(p.Metric)), day));
            }
            else
            {
                progress?.Report($"computing the {family.Name} metrics");
                family.Compute(inputs.Context, output);
            }

            step.Stop($"family {family.Name}", output.Values.Count - before);
            if (familyComputed is not null && output.Values.Count > before)
            {
                familyComputed(new FamilyValues(family.Name, day, inputs.ReportingCurrency, [.. output.Values.Skip(before)]));
            }
        }

        var context = inputs.Context;
        inputs.Warnings.AddRange(output.Warnings);
        return (new ComputeResult(
            day,
            output.Values,
            context.Subscriptions?.CustomerIds.Count ?? context.Orders.CustomerIds.Count,
            context.Orders.Orders,
            inputs.Warnings,
            output.Clv is { } outcome ? ClvReports.Rows(outcome.Fit, outcome.Tiers) : [],
            output.Clv is { } report ? ClvReports.Report(report.Fit, report.Holdout) : null,
            output.Cohorts,
            kindList,
            [.. families.Select(f => f.Name)],
            inputs.ReportingCurrency,
            ListsWithSegments(output.CustomerLists, context.Segments)), inputs.Partials);
    }

    /// <summary>
    /// Loads what the families share — the orders as customer-days, the CLV fit at the as-of date, the customer
    /// segments — into a new context; none when there are no events (the holder then carries the warning).
    /// </summary>
    private static SharedInputs Prepare(
        DuckDbSession db,
        CuratedFiles files,
        IReadOnlySet<ExportKind> kinds,
        DatasetSettings settings,
        DateOnly? asOf,
        IReadOnlyCollection<Grain> grains,
        DateOnly? notBefore,
        IProgress<string>? progress,
        ICollection<ComputeStep>? profile,
        CustomerPartition? partition)
    {
        progress?.Report("loading orders");
        var step = StepTimer.Start(profile, db);
        // Every kind's keys are checked here, as part of loading: the orders are read first.
        files = files.WithKeysChecked(db);
        var orders = OrdersLoader.Load(db, files, OrdersLoader.ReportingCurrency(db, files, settings));
        step.Stop("load orders", orders.Days.Count);
        var inputs = new SharedInputs(orders.ReportingCurrency, partition is null ? null : []);
        if (ConversionWarnings.For(orders.Unconverted, orders.ReportingCurrency) is { } unconverted)
        {
            inputs.Warnings.Add($"Revenue, AOV, ARPA and CLV are null in the periods these amounts fall in (counts are unaffected): {unconverted}");
        }

        var lastDay = Later(orders.LastDay, EventDays.Latest(db, files, kinds.Where(k => k != ExportKind.Orders)));
        var effectiveAsOf = asOf ?? (lastDay is { } last && notBefore is { } floor && floor > last ? floor : lastDay);
        if (effectiveAsOf is not { } day)
        {
            inputs.Warnings.Add("There are no events yet (orders, subscriptions, tickets, surveys, communications, onboarding or mentions): nothing to compute.");
            return inputs;
        }

        if (kinds.Contains(ExportKind.Orders))
        {
            progress?.Report("fitting the CLV models at the as-of date");
        }

        step = StepTimer.Start(profile, db);
        var clv = kinds.Contains(ExportKind.Orders) ? ClvInputs.FitAt(orders, day, settings.Clv) : null;
        step.Stop("fit clv at the as-of date", clv?.Fit.Summaries.Count ?? 0);
        if (clv is not null)
        {
            inputs.Warnings.AddRange(FitWarnings(clv.Fit));
        }

        step = StepTimer.Start(profile, db);
        var attributes = CustomerSegmentsLoader.Load(db, files);
        step.Stop("load customer segments", attributes.Count);
        var segments = new CustomerSegments(attributes, clv?.Tiers, ClvTiers.Attribute);
        IExportReader reader = new CuratedExportReader(db, files);
        inputs.Context = new FamilyContext(
            settings, new PeriodCalendar(settings.FiscalYearStartMonth), day, grains, kinds, orders, segments, clv,
            partition is null
                ? reader
                : new PartitionExportReader(reader, partition, MetricFamilies.All.Where(f => f.SplitsByCustomer).SelectMany(f => f.Reads).ToHashSet()))
        {
            Partials = inputs.Partials,
        };
        return inputs;
    }

    /// <summary>The lists with the segment keys of every listed customer that has any.</summary>
    private static CustomerListSet ListsWithSegments(IReadOnlyList<CustomerListRow> rows, CustomerSegments segments)
    {
        // A table names each listed customer once; other rows are looked at one by one.
        var customerIds = rows is CustomerListTable table ? table.CustomerIds : rows.Select(r => r.CustomerId);
        var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var customerId in customerIds)
        {
            if (!keys.ContainsKey(customerId) && segments.Of(customerId) is { Count: > 0 } own)
            {
                keys[customerId] = own;
            }
        }

        return new CustomerListSet(rows, keys);
    }

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static IEnumerable<string> FitWarnings(ClvFit fit)
    {
        if (fit.Summaries.Count == 0)
        {
            yield break;
        }

        if (!fit.Status.Converged)
        {
            yield return $"Predictive CLV: the purchase model did not fit ({fit.Status.Outcome}): {fit.Status.Message}";
        }

        if (fit.SpendStatus is { Converged: false } spend)
        {
            yield return $"Predictive CLV: the spend model did not fit ({spend.Outcome}): {spend.Message}";
        }
    }

    /// <summary>Times one step into the profile when there is one; costs nothing otherwise.</summary>
    private readonly struct StepTimer
    {
        private readonly ICollection<ComputeStep>? _profile;
        private readonly DuckDbSession? _db;
        private readonly long _started;
        private readonly long _allocated;
        private readonly TimeSpan _cpu;
        private readonly (TimeSpan InDuckDb, long RowsOut) _work;

        private StepTimer(ICollection<ComputeStep> profile, DuckDbSession db)
        {
            _profile = profile;
            _db = db;
            _work = db.Work;
            _allocated = GC.GetTotalAllocatedBytes();
            _cpu = Environment.CpuUsage.TotalTime;
            _started = System.Diagnostics.Stopwatch.GetTimestamp();
        }

        public static StepTimer Start(ICollection<ComputeStep>? profile, DuckDbSession db) => profile is null ? default : new StepTimer(profile, db);

        public void Stop(string name, long rows)
        {
            if (_profile is null)
            {
                return;
            }

            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(_started);
            var cpu = Environment.CpuUsage.TotalTime - _cpu;
            var allocated = GC.GetTotalAllocatedBytes() - _allocated;
            var work = _db!.Work;
            var duckDb = _db.Rows("SELECT CAST(coalesce(sum(memory_usage_bytes), 0) AS BIGINT) FROM duckdb_memory()", r => r.GetInt64(0))[0];
            // The committed memory is read before the heap in it: a collection on another thread in between can only
            // lower the heap, so the heap reported is never above the committed memory reported with it.
            var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
            var heap = GC.GetTotalMemory(forceFullCollection: false);
            _profile.Add(new ComputeStep(
                name,
                (long)elapsed.TotalMilliseconds,
                (long)cpu.TotalMilliseconds,
                rows,
                Mb(allocated),
                Mb(heap),
                Mb(committed),
                Mb(duckDb),
                Mb(Environment.WorkingSet),
                (long)(work.InDuckDb - _work.InDuckDb).TotalMilliseconds,
                work.RowsOut - _work.RowsOut));
        }

        private static double Mb(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 1);
    }

    /// <summary>What the families share, reached through this one object so that letting go of part of it frees it.</summary>
    private sealed class SharedInputs(string reportingCurrency, List<PartialValue>? partials)
    {
        public List<string> Warnings { get; } = [];

        /// <summary>Where a partition's families collect their partial sums; null outside a partition.</summary>
        public List<PartialValue>? Partials { get; } = partials;

        public string ReportingCurrency { get; } = reportingCurrency;

        /// <summary>The families' context; null when there are no events to compute.</summary>
        public FamilyContext? Context { get; set; }

        /// <summary>Replaces the context with one without the customer-days; returns how many there were.</summary>
        public long LetGoOfDays()
        {
            var rows = Context!.Orders.Days.Count;
            Context = Context with { Orders = Context.Orders.WithoutDays() };
            return rows;
        }

        /// <summary>Replaces the context with one without the CLV purchase history; returns its purchase days.</summary>
        public long LetGoOfHistory()
        {
            var rows = Context!.Clv?.History.PurchaseDays ?? 0;
            Context = Context with { Clv = Context.Clv?.WithoutHistory() };
            return rows;
        }
    }
}

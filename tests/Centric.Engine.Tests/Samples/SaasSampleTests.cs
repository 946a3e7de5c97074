using System.Globalization;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Domain.Families.Subscriptions;
using Centric.Engine.Compute;
using Centric.Engine.Ingestion;
using Centric.Engine.Samples;
using Centric.Engine.Settings;

namespace Centric.Engine.Tests.Samples;

/// <summary>
/// The SaaS sample (the <c>saas</c> dataset of ./run.sh) loads without a rejected row, holds every shape of
/// subscription life it claims, and its MRR movements add up to the change in MRR in every period, exactly.
/// </summary>
public sealed class SaasSampleTests : IDisposable
{
    private static readonly SampleOptions Options = SampleSaas.For(new SampleOptions());
    private readonly string _folder = Directory.CreateTempSubdirectory("centric-saas-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Csv(ExportKind kind, SampleOptions options)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        _ = kind switch
        {
            ExportKind.Subscriptions => SampleSaas.WriteSubscriptionsCsv(writer, options),
            ExportKind.Customers => SampleSaas.WriteCustomersCsv(writer, options),
            ExportKind.FxRates => SampleExports.WriteFxRatesCsv(writer, options),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return writer.ToString();
    }

    private IngestionResult Ingest(ExportKind kind)
    {
        // Ingested the day after the last scheduled cancellation, so none of them is refused as future.
        var now = new DateTimeOffset(Options.End.AddDays(60).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var source = Path.Combine(_folder, kind.ToSlug() + ".csv");
        File.WriteAllText(source, Csv(kind, Options));
        var curated = Directory.CreateDirectory(Path.Combine(_folder, "curated", kind.ToSlug())).FullName;
        return new ExportIngestor().Ingest(IngestRequest.ForDataset(
            source, Path.GetFileName(source), kind, DatasetConfiguration.Default, "0001-" + kind.ToSlug(), now, now,
            Path.Combine(curated, "0001.parquet"), Path.Combine(_folder, kind.ToSlug() + "-rejects.csv")));
    }

    private ComputeResult Compute()
    {
        foreach (var kind in new[] { ExportKind.Subscriptions, ExportKind.Customers, ExportKind.FxRates })
        {
            var result = Ingest(kind);
            Assert.True(result.Status == IngestionStatus.Succeeded && result.Rejected == 0, $"{kind.ToSlug()}: {result.Status}, {result.Rejected} rejected: {result.Message}");
        }

        return DatasetComputer.Compute(CuratedFiles.FromFolder(Path.Combine(_folder, "curated")), DatasetSettings.Default);
    }

    [Fact]
    public void EveryPeriod_NewExpansionReactivationContractionAndChurn_AddUpToTheChangeInMrr_Exactly()
    {
        var result = Compute();

        Assert.Equal(Options.End, result.AsOf);
        Assert.Equal("EUR", result.ReportingCurrency);
        // The customer base and its cohorts follow the subscriptions (the orders family's counts, on subscription spells).
        Assert.Equal(["orders", "cohorts", "subscriptions"], result.Families);
        var all = result.Values.Where(v => v.Segment == "*").ToArray();
        foreach (var grain in all.Select(v => v.Period.Grain).Distinct())
        {
            var periods = all.Where(v => v.Period.Grain == grain && v.Metric == SubscriptionsFamily.Mrr).OrderBy(v => v.Period.Start).ToArray();
            Assert.True(periods.Length > 1);
            for (var p = 0; p < periods.Length; p++)
            {
                var period = periods[p].Period;
                decimal Value(string metric) => all.Single(v => v.Metric == metric && v.Period == period).Value!.Value;
                var start = p == 0 ? 0m : periods[p - 1].Value!.Value;
                var movements = Value(SubscriptionsFamily.NewMrr) + Value(SubscriptionsFamily.ExpansionMrr) + Value(SubscriptionsFamily.ReactivationMrr)
                    + Value(SubscriptionsFamily.ContractionMrr) + Value(SubscriptionsFamily.ChurnMrr);
                Assert.True(movements == periods[p].Value - start, $"{period.Label}: movements {movements}, MRR {start} → {periods[p].Value}");
            }
        }

        // Every movement of the last full year happened, and the customer lists sum to each month's value.
        var months = all.Where(v => v.Period.Grain == Domain.Time.Grain.Month && v.Period.End <= Options.End).ToArray();
        foreach (var metric in new[] { SubscriptionsFamily.NewMrr, SubscriptionsFamily.ExpansionMrr, SubscriptionsFamily.ContractionMrr, SubscriptionsFamily.ChurnMrr, SubscriptionsFamily.ReactivationMrr })
        {
            Assert.Contains(months, v => v.Metric == metric && v.Value != 0);
            foreach (var value in months.Where(v => v.Metric == metric))
            {
                var listed = result.CustomerLists.Select(metric, "month", value.Period.Label, "*").Sum(r => r.Movement!.Value);
                Assert.True(listed == value.Value, $"{metric} {value.Period.Label}: list {listed}, value {value.Value}");
            }
        }
    }

    [Fact]
    public void TheSample_HoldsEveryShape_AndIsTheSameForTheSameSeed()
    {
        var customers = SampleSaas.Customers(Options);
        var subscriptions = customers.SelectMany(c => c.Subscriptions).ToArray();
        Assert.InRange(subscriptions.Length, 2000, 6000);
        Assert.Contains(subscriptions, s => s.Plan.EndsWith("-monthly", StringComparison.Ordinal));
        Assert.Contains(subscriptions, s => s.Plan.EndsWith("-annual", StringComparison.Ordinal));
        Assert.Contains(customers, c => c.Currency == "USD");
        Assert.Contains(customers, c => c.Currency == "EUR");

        // Consecutive subscriptions of one customer: the next starting the day the last ends is an upgrade or a
        // downgrade; a gap of at most three months with the same plan is a pause; a longer gap is a comeback.
        var pairs = customers.SelectMany(c => c.Subscriptions.Zip(c.Subscriptions.Skip(1))).ToArray();
        Assert.Contains(pairs, p => p.First.End == p.Second.Start && p.Second.Mrr > p.First.Mrr);
        Assert.Contains(pairs, p => p.First.End == p.Second.Start && p.Second.Mrr < p.First.Mrr);
        Assert.Contains(pairs, p => p.First.End < p.Second.Start && p.Second.Start <= p.First.End!.Value.AddMonths(3) && p.Second.Plan == p.First.Plan);
        Assert.Contains(pairs, p => p.First.End!.Value.AddMonths(3) < p.Second.Start);
        Assert.All(pairs, p => Assert.True(p.First.End <= p.Second.Start));
        Assert.Contains(subscriptions, s => s.End > Options.End);
        Assert.All(subscriptions, s => Assert.True(s.Start <= Options.End && (s.End is null || s.End > s.Start)));

        Assert.Equal(Csv(ExportKind.Subscriptions, Options), Csv(ExportKind.Subscriptions, Options));
        Assert.NotEqual(Csv(ExportKind.Subscriptions, Options), Csv(ExportKind.Subscriptions, Options with { Seed = 8 }));
    }

    [Fact]
    public void EachAttribute_SplitsEveryAmountAmongItsValues_WithoutLosingOrRepeatingACustomer()
    {
        // Every sample customer has a country, a segment and a plan, so the amounts of one attribute's values add up to
        // the whole base's in every period (up to the rounding of each row to six places).
        var result = Compute();
        string[] metrics =
        [
            SubscriptionsFamily.Mrr, SubscriptionsFamily.NewMrr, SubscriptionsFamily.ExpansionMrr, SubscriptionsFamily.ContractionMrr,
            SubscriptionsFamily.ChurnMrr, SubscriptionsFamily.ReactivationMrr,
        ];
        var checkedRows = 0;
        foreach (var metric in metrics)
        {
            foreach (var whole in result.Values.Where(v => v.Metric == metric && v.Segment == "*" && v.Value is not null))
            {
                foreach (var attribute in new[] { "country:", "segment:", "plan:" })
                {
                    var parts = result.Values
                        .Where(v => v.Metric == metric && v.Period == whole.Period && v.Segment.StartsWith(attribute, StringComparison.Ordinal))
                        .ToList();
                    Assert.All(parts, part => Assert.NotNull(part.Value));
                    var sum = parts.Sum(part => part.Value!.Value);
                    Assert.True(
                        Math.Abs(sum - whole.Value!.Value) <= parts.Count * 0.000001m,
                        $"{metric} {whole.Period.Label} by {attribute}: the values add up to {sum}, the whole base is {whole.Value}");
                    checkedRows += parts.Count;
                }
            }
        }

        Assert.True(checkedRows > 1000, $"{checkedRows} rows checked");
    }

    /// <summary>
    /// Every snapshot row and every listed customer of the SaaS sample, pinned as SHA-256 hashes (the rows in the canonical
    /// form of <see cref="Tests.Compute.SnapshotChecksumTests"/>, the list rows in the order they are served). The hashes were
    /// computed before the subscriptions' customers, MRR movements and lists were made faster, and compared line by line
    /// with the output of the engine before them.
    /// </summary>
    [Fact]
    public void EverySnapshotRowAndListedCustomer_IsUnchanged()
    {
        var result = Compute();

        var rows = Tests.Compute.SnapshotChecksumTests.Hash(result.Values);
        var listed = result.CustomerLists.Rows.Select(r => string.Join(
            '|', r.Metric, r.Grain, r.Period, r.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.CustomerId,
            r.Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", Text(r.MrrBefore), Text(r.MrrAfter), Text(r.Movement),
            string.Join(',', r.Subscriptions ?? [])));
        var lists = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', listed))));

        Assert.True(rows == RowsHash, $"The SaaS sample's snapshot rows hash to {rows}.");
        Assert.True(lists == ListsHash, $"The SaaS sample's customer lists hash to {lists}.");
    }

    private const string RowsHash = "4369d93ff4038f77c630ad5874093aa426d24f066d0f5db8ed1c9c0f6da82d37";
    private const string ListsHash = "e3124b58b25c4d41b6d47a550bba89113a5e7f35f280ffee3c6a21596cb0106a";

    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";
}

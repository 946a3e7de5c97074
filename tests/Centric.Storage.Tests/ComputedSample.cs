using System.Globalization;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Domain.Families.CustomerLists;
using Centric.Engine.Compute;
using Centric.Engine.Ingestion;
using Centric.Engine.Samples;
using Centric.Engine.Settings;

namespace Centric.Storage.Tests;

/// <summary>
/// The customer lists of the shop sample's orders with the SaaS sample's subscriptions and customers, ingested and
/// computed as the pipeline does: every shape the stored lists hold (count lists with days, MRR movements with amounts
/// and subscriptions, segments). Computed once for the test run.
/// </summary>
internal static class ComputedSample
{
    private static readonly Lazy<CustomerListSet> Computed = new(Compute);

    public static CustomerListSet Lists => Computed.Value;

    private static CustomerListSet Compute()
    {
        var folder = Directory.CreateTempSubdirectory("centric-lists-sample-").FullName;
        try
        {
            var shop = new SampleOptions(Customers: 600);
            var saas = SampleSaas.For(shop);
            var now = new DateTimeOffset(saas.End.AddDays(60).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            foreach (var kind in new[] { ExportKind.Orders, ExportKind.Subscriptions, ExportKind.Customers, ExportKind.FxRates })
            {
                var source = Path.Combine(folder, kind.ToSlug() + ".csv");
                using (var writer = new StreamWriter(source))
                {
                    _ = kind switch
                    {
                        ExportKind.Orders => SampleExports.WriteOrdersCsv(writer, shop),
                        ExportKind.Subscriptions => SampleSaas.WriteSubscriptionsCsv(writer, saas),
                        ExportKind.Customers => SampleSaas.WriteCustomersCsv(writer, saas),
                        _ => SampleExports.WriteFxRatesCsv(writer, shop),
                    };
                }

                var curated = Directory.CreateDirectory(Path.Combine(folder, "curated", kind.ToSlug())).FullName;
                var result = new ExportIngestor().Ingest(IngestRequest.ForDataset(
                    source, Path.GetFileName(source), kind, DatasetConfiguration.Default, "0001-" + kind.ToSlug(), now, now,
                    Path.Combine(curated, "0001.parquet"), Path.Combine(folder, kind.ToSlug() + "-rejects.csv")));
                Assert.True(result.Status == IngestionStatus.Succeeded, string.Create(CultureInfo.InvariantCulture, $"{kind.ToSlug()}: {result.Status}: {result.Message}"));
            }

            return DatasetComputer.Compute(CuratedFiles.FromFolder(Path.Combine(folder, "curated")), DatasetSettings.Default).CustomerLists;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

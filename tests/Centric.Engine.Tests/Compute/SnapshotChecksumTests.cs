using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Domain.Metrics;
using Centric.Engine.Compute;
using Centric.Engine.Ingestion;
using Centric.Engine.Samples;

namespace Centric.Engine.Tests.Compute;

/// <summary>
/// Every snapshot row of the generated sample (all export kinds) and of the CDNOW 1/10 sample, pinned as a SHA-256 of
/// the rows in a canonical text form. The hashes were computed by the engine before its loading and fitting were made
/// faster; a change of any value, warning or flag of any row changes them. A deliberate change of a metric's
/// definition updates the hash together with the definition's version; so does a value that was wrong under its
/// definition, with a test of its own: two onboarding-time-avg numerators of the sample that lie on a rounding midpoint
/// (38.8571875 and 450.3384375 days) rounded down while their days were summed one by one, and round up as the exact sum
/// of their times (<see cref="OnboardingTimeMidpointTests"/>).
/// </summary>
public sealed class SnapshotChecksumTests : IDisposable
{
    private const string SampleHash = "45d7d41ec02b91e0f231ecd8bde170d27ca2c9b1dae28ae0ba4ceb0e207e8431";
    private const string CdnowHash = "5b956691529a82174191a7ed8db9c8985d4aec322d2bf8a4ccc35b0ba3b74283";

    private static readonly DateTimeOffset IngestedAt = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("centric-checksum-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Sample_EverySnapshotRow_IsUnchanged()
    {
        var options = new SampleOptions(Customers: 600, Years: 2);
        Ingest(ExportKind.Customers, w => SampleExports.WriteCustomersCsv(w, options));
        Ingest(ExportKind.FxRates, w => SampleExports.WriteFxRatesCsv(w, options));
        Ingest(ExportKind.Orders, w => SampleExports.WriteOrdersCsv(w, options));
        Ingest(ExportKind.Surveys, w => SampleExperience.WriteSurveysCsv(w, options));
        Ingest(ExportKind.Tickets, w => SampleExperience.WriteTicketsCsv(w, options));
        Ingest(ExportKind.Onboarding, w => SampleExperience.WriteOnboardingCsv(w, options));
        Ingest(ExportKind.Communications, w => SampleExperience.WriteCommunicationsCsv(w, options));
        Ingest(ExportKind.Mentions, w => SampleExperience.WriteMentionsCsv(w, options));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(Path.Combine(_folder, "curated")), DatasetSettings.Default);

        Assert.True(result.Values.Count > 1000, $"{result.Values.Count} rows");
        var hash = Hash(result.Values);
        Assert.True(hash == SampleHash, $"The sample's snapshot rows hash to {hash}.");
    }

    [Fact]
    public void Cdnow_EverySnapshotRow_IsUnchanged()
    {
        // The CDNOW 1/10 sample as an orders export: customer id, purchase day (yyyymmdd), CDs, dollar amount.
        Ingest(ExportKind.Orders, writer =>
        {
            writer.WriteLine("order_id,customer_id,order_date,amount,currency");
            var line = 0;
            foreach (var text in File.ReadLines(CdnowPath("CDNOW_sample.txt")))
            {
                var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 5)
                {
                    continue;
                }

                var day = DateOnly.ParseExact(fields[2], "yyyyMMdd", CultureInfo.InvariantCulture);
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"o{++line},{fields[0]},{day:yyyy-MM-dd},{fields[4]},USD"));
            }
        });

        var result = DatasetComputer.Compute(
            CuratedFiles.FromFolder(Path.Combine(_folder, "curated")), DatasetSettings.Default, asOf: new DateOnly(1997, 9, 30));

        Assert.Equal(2357, result.Scores.Count);
        var hash = Hash(result.Values);
        Assert.True(hash == CdnowHash, $"The CDNOW snapshot rows hash to {hash}.");
    }

    /// <summary>SHA-256 of the rows, one canonical line each (every field, invariant culture), sorted ordinally.</summary>
    internal static string Hash(IEnumerable<MetricValue> values)
    {
        var lines = values.Select(v => string.Join('|',
                v.Metric, v.Preset ?? "", v.Period.Grain, v.Period.Label, v.Period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                v.Period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v.Segment, Text(v.Value), Text(v.Numerator), Text(v.Denominator),
                v.Unit, v.DefinitionVersion.ToString(CultureInfo.InvariantCulture), v.Partial, v.LowSample, v.Warning ?? ""))
            .Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
    }

    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private void Ingest(ExportKind kind, Action<TextWriter> write)
    {
        var source = Path.Combine(_folder, kind.ToSlug() + ".csv");
        using (var writer = new StreamWriter(source))
        {
            write(writer);
        }

        var curated = Directory.CreateDirectory(Path.Combine(_folder, "curated", kind.ToSlug())).FullName;
        var result = new ExportIngestor().Ingest(new IngestRequest(
            source, Path.GetFileName(source), kind, DatasetSettings.Default, null, "0001-" + kind.ToSlug(),
            IngestedAt, Path.Combine(curated, "0001.parquet"), Path.Combine(_folder, kind.ToSlug() + "-rejects.csv")));
        Assert.Equal(IngestionStatus.Succeeded, result.Status);
    }

    private static string CdnowPath(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "data", "cdnow", fileName);
            }
        }

        throw new FileNotFoundException($"No Serverless.sln above {AppContext.BaseDirectory}.", fileName);
    }
}

using System.Globalization;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Engine.Compute;
using Centric.Engine.Ingestion;
using Centric.Engine.Samples;
using Centric.Engine.Settings;

namespace Centric.Engine.Tests.Samples;

/// <summary>The sample's experience exports load without a rejected row and feed their metric families.</summary>
public sealed class SampleExperienceTests : IDisposable
{
    private static readonly SampleOptions Options = new(Customers: 300, Years: 2);
    private readonly string _folder = Directory.CreateTempSubdirectory("centric-sample-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly ExportKind[] ExperienceKinds =
        [ExportKind.Surveys, ExportKind.Tickets, ExportKind.Onboarding, ExportKind.Communications, ExportKind.Mentions];

    public static TheoryData<ExportKind> Kinds() => [.. ExperienceKinds];

    private static string Csv(ExportKind kind, SampleOptions options)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        _ = kind switch
        {
            ExportKind.Surveys => SampleExperience.WriteSurveysCsv(writer, options),
            ExportKind.Tickets => SampleExperience.WriteTicketsCsv(writer, options),
            ExportKind.Onboarding => SampleExperience.WriteOnboardingCsv(writer, options),
            ExportKind.Communications => SampleExperience.WriteCommunicationsCsv(writer, options),
            ExportKind.Mentions => SampleExperience.WriteMentionsCsv(writer, options),
            ExportKind.Customers => WriteCustomers(writer, options),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return writer.ToString();
    }

    private static long WriteCustomers(TextWriter writer, SampleOptions options)
    {
        SampleExports.WriteCustomersCsv(writer, options);
        return options.Customers;
    }

    private IngestionResult Ingest(ExportKind kind, DateTimeOffset now)
    {
        var source = Path.Combine(_folder, kind.ToSlug() + ".csv");
        File.WriteAllText(source, Csv(kind, Options));
        var curated = Directory.CreateDirectory(Path.Combine(_folder, "curated", kind.ToSlug())).FullName;
        return new ExportIngestor().Ingest(IngestRequest.ForDataset(
            source, Path.GetFileName(source), kind, DatasetConfiguration.Default, "0001-" + kind.ToSlug(), now, now,
            Path.Combine(curated, "0001.parquet"), Path.Combine(_folder, kind.ToSlug() + "-rejects.csv")));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryRow_IsAccepted_AndTheFileIsTheSameForTheSameSeed(ExportKind kind)
    {
        var result = Ingest(kind, new DateTimeOffset(Options.End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

        Assert.Equal(IngestionStatus.Succeeded, result.Status);
        Assert.Equal(0, result.Rejected);
        Assert.True(result.Accepted >= 100, $"{kind.ToSlug()}: only {result.Accepted} rows");
        Assert.Equal(Csv(kind, Options), Csv(kind, Options));
        Assert.NotEqual(Csv(kind, Options), Csv(kind, Options with { Seed = 8 }));
    }

    [Fact]
    public void ExperienceFamilies_ComputeFromTheSample()
    {
        var now = new DateTimeOffset(Options.End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        foreach (var kind in ExperienceKinds.Append(ExportKind.Customers))
        {
            Assert.NotEqual(IngestionStatus.Failed, Ingest(kind, now).Status);
        }

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(Path.Combine(_folder, "curated")), DatasetSettings.Default);

        Assert.Equal(Options.End, result.AsOf);
        var nps = result.Values.Where(v => v.Metric == "nps" && v.Segment == "*" && v.Period.Grain == Domain.Time.Grain.Month).ToArray();
        Assert.True(nps.Length >= 20, $"{nps.Length} months of NPS");
        Assert.All(nps, v => Assert.InRange(v.Value!.Value, -100m, 100m));
        Assert.Contains(result.Values, v => v.Segment == "touchpoint:support");
    }
}

using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Domain.Families.Mentions;
using Centric.Domain.Families.Tickets;
using Centric.Domain.Metrics;
using Centric.Domain.Time;
using Centric.Engine.Compute;
using Centric.Engine.Tests.Ingestion;

namespace Centric.Engine.Tests.Compute;

/// <summary>
/// Experience metrics from export text, through real ingestion (time zone, sentiment labels) and the family, with
/// expectations worked out by hand.
/// </summary>
public sealed class ExperienceFromExportsTests : IDisposable
{
    private readonly IngestionScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private IReadOnlyList<MetricValue> Compute(ExportKind kind, string csv, DatasetSettings settings)
    {
        var result = _scratch.IngestText(kind.ToSlug() + ".csv", csv, kind, settings);
        Assert.True(result.Rejected == 0, string.Join("; ", result.SampleRejects));
        var files = new CuratedFiles(new Dictionary<string, IReadOnlyList<string>> { [kind.ToSlug()] = [_scratch.CuratedPath] });
        return DatasetComputer.Compute(files, settings).Values;
    }

    private static MetricValue Month(IReadOnlyList<MetricValue> values, string metric, string period, string segment = "*") =>
        values.Single(v => v.Metric == metric && v.Period.Label == period && v.Segment == segment && v.Period.Grain == Grain.Month);

    [Fact]
    public void ATicketResolvedAcrossTheEndOfSummerTimeInMadrid_TookTheExactHours()
    {
        // On 26 October 2025 Madrid's clocks go back from 03:00 to 02:00. t1: 01:00 CEST (23:00 UTC on the 25th) to
        // 04:00 CET (03:00 UTC) is 4 h, not the 3 h the wall clock shows. t2 stays within winter time: 10:00 to 12:30, 2.5 h.
        // Both are opened and resolved on the 26th in Madrid, though t1 opened on the 25th in UTC.
        var values = Compute(ExportKind.Tickets,
            "ticket_id,opened_at,resolved_at\n" +
            "t1,2025-10-26 01:00,2025-10-26 04:00\n" +
            "t2,2025-10-26 10:00,2025-10-26 12:30\n",
            DatasetSettings.Default with { TimeZone = "Europe/Madrid" });

        var october = Month(values, TicketsFamily.ResolutionTimeAvg, "2025-10");
        Assert.Equal((3.25m, 6.5m, 2m), (october.Value, october.Numerator, october.Denominator));
        Assert.Equal(4m, Month(values, TicketsFamily.ResolutionTimeWorst, "2025-10").Value);
        // Nothing is open at the end of October: both were resolved on the day they were opened.
        Assert.Equal(0m, Month(values, TicketsFamily.OpenTickets, "2025-10").Value);
    }

    [Fact]
    public void TheLabelNeutral_AndTheScore005_AreNeutral_WhileTheScore006IsPositive()
    {
        // Polarity: neutral (label), neutral (0.05 is not above the band), positive (0.06), neutral (−0.05 is not below it).
        // Brand sentiment 100 × (1 − 0) ÷ 4 = 25; the score is the mean of the numbers only: (0.05 + 0.06 − 0.05) ÷ 3 = 0.02.
        var values = Compute(ExportKind.Mentions,
            "mention_id,mentioned_at,source,sentiment\n" +
            "n1,2025-05-01 10:00,reviews,neutral\n" +
            "n2,2025-05-02 10:00,twitter,0.05\n" +
            "n3,2025-05-03 10:00,twitter,0.06\n" +
            "n4,2025-05-04 10:00,twitter,-0.05\n",
            DatasetSettings.Default);

        var sentiment = Month(values, MentionsFamily.BrandSentiment, "2025-05");
        Assert.Equal((25m, 1m, 4m), (sentiment.Value, sentiment.Numerator, sentiment.Denominator));
        var score = Month(values, MentionsFamily.BrandSentimentScore, "2025-05");
        Assert.Equal((0.02m, 0.06m, 3m), (score.Value, score.Numerator, score.Denominator));
        // Reviews held only the label: a sentiment row of 0, no score row.
        Assert.Equal(0m, Month(values, MentionsFamily.BrandSentiment, "2025-05", "mention-source:reviews").Value);
        Assert.DoesNotContain(values, v => v.Metric == MentionsFamily.BrandSentimentScore && v.Segment == "mention-source:reviews");
    }
}

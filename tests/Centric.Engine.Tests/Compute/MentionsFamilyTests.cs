using Centric.Domain.Datasets;
using Centric.Domain.Families.Mentions;
using Centric.Domain.Metrics;
using Centric.Domain.Time;
using Centric.Engine.Compute;

namespace Centric.Engine.Tests.Compute;

/// <summary>Brand sentiment over curated mentions, with expectations counted by hand.</summary>
public sealed class MentionsFamilyTests : IDisposable
{
    private readonly CuratedFolder _curated = new CuratedFolder()
        .Customers(("c1", "ES", null))
        .Mentions(
            // February: one labelled mention only, so no numeric score.
            ("m0", "2025-02-10 10:00:00", "news", 1, "positive"),
            // March: positive 0.8 and the label positive; negative -0.3, -0.06 and the label negative; neutral 0.05 and
            // the label neutral. 7 mentions: 100 × (2 − 3) ÷ 7. Numeric scores 0.8, 0.05, -0.3, -0.06: mean 0.49 ÷ 4.
            ("m1", "2025-03-01 10:00:00", "twitter", 0.8, null),
            ("m2", "2025-03-02 10:00:00", "twitter", 0.05, null),
            ("m3", "2025-03-03 10:00:00", "twitter", -0.3, null),
            ("m4", "2025-03-04 10:00:00", "news", 1, "positive"),
            ("m5", "2025-03-05 10:00:00", "news", -1, "negative"),
            ("m6", "2025-03-06 10:00:00", null, 0, "neutral"),
            ("m7", "2025-03-07 10:00:00", "news", -0.06, null),
            ("m8", "2025-04-02 10:00:00", "news", 0.5, null));

    private readonly ComputeResult _result;

    public MentionsFamilyTests() => _result = DatasetComputer.Compute(CuratedFiles.FromFolder(_curated.Root), DatasetSettings.Default);

    public void Dispose() => _curated.Dispose();

    private MetricValue? Row(string metric, string period, string segment = "*", Grain grain = Grain.Month) =>
        _result.Values.SingleOrDefault(v => v.Metric == metric && v.Period.Label == period && v.Segment == segment && v.Period.Grain == grain);

    private static (decimal?, decimal?, decimal?) Parts(MetricValue? row) => (row?.Value, row?.Numerator, row?.Denominator);

    [Fact]
    public void BrandSentiment_IsPositiveMinusNegativeOverMentions_LabelsCountingAsThemselves()
    {
        var march = Row(MentionsFamily.BrandSentiment, "2025-03")!;
        Assert.Equal((-14.285714m, -1m, 7m), Parts(march));
        Assert.Equal(MetricUnit.Score, march.Unit);
        Assert.Equal(1, march.DefinitionVersion);
        Assert.False(march.Partial);
        Assert.Equal((100m, 1m, 1m), Parts(Row(MentionsFamily.BrandSentiment, "2025-02")));
        var april = Row(MentionsFamily.BrandSentiment, "2025-04")!;
        Assert.Equal(100m, april.Value);
        Assert.True(april.Partial);
    }

    [Fact]
    public void BrandSentimentScore_IsTheMeanOfNumericScoresOnly()
    {
        Assert.Equal((0.1225m, 0.49m, 4m), Parts(Row(MentionsFamily.BrandSentimentScore, "2025-03")));
        Assert.Equal(0.5m, Row(MentionsFamily.BrandSentimentScore, "2025-04")!.Value);
        // February's only mention is a label: no score row.
        Assert.Null(Row(MentionsFamily.BrandSentimentScore, "2025-02"));
    }

    [Fact]
    public void Mentions_AreCutBySource_AndCountInStarAndTheirSourceOnly()
    {
        // twitter: 0.8 positive, 0.05 neutral, -0.3 negative. news: label positive, label negative, -0.06 negative.
        var twitter = Row(MentionsFamily.BrandSentiment, "2025-03", "mention-source:twitter")!;
        Assert.Equal((0m, 0m, 3m), Parts(twitter));
        Assert.True(twitter.LowSample);
        Assert.Equal(0.183333m, Row(MentionsFamily.BrandSentimentScore, "2025-03", "mention-source:twitter")!.Value);
        Assert.Equal((-33.333333m, -1m, 3m), Parts(Row(MentionsFamily.BrandSentiment, "2025-03", "mention-source:news")));
        Assert.Equal((-0.06m, -0.06m, 1m), Parts(Row(MentionsFamily.BrandSentimentScore, "2025-03", "mention-source:news")));
        Assert.DoesNotContain(_result.Values, v => v.Metric.StartsWith("brand-sentiment", StringComparison.Ordinal)
            && v.Segment != "*" && !v.Segment.StartsWith("mention-source:", StringComparison.Ordinal));
    }

    [Fact]
    public void Quarters_AndTheAsOfDate_FollowTheMentions()
    {
        // Q1: February's positive label and March's seven mentions: positive 3, negative 3, 8 mentions.
        Assert.Equal((0m, 0m, 8m), Parts(Row(MentionsFamily.BrandSentiment, "2025-Q1", grain: Grain.Quarter)));
        Assert.Equal(new DateOnly(2025, 4, 2), _result.AsOf);
        Assert.Contains("mentions", _result.Families);
        Assert.DoesNotContain("tickets", _result.Families);
    }
}

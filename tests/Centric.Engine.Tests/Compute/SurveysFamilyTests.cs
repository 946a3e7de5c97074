using Centric.Domain.Datasets;
using Centric.Domain.Families.Surveys;
using Centric.Domain.Metrics;
using Centric.Domain.Time;
using Centric.Engine.Compute;

namespace Centric.Engine.Tests.Compute;

/// <summary>Survey metrics over curated answers, with expectations counted by hand.</summary>
public sealed class SurveysFamilyTests : IDisposable
{
    private readonly CuratedFolder _curated = new CuratedFolder()
        .Customers(("c1", "ES", null), ("c2", "IT", null))
        .Surveys(
            ("r01", "c1", "2025-01-15 10:00:00", "nps", 10, "checkout"),
            // March NPS: 10, 9, 0 at checkout; 8, 6 at support; 7 without touchpoint: promoters 2, detractors 2.
            ("r02", "c1", "2025-03-01 10:00:00", "nps", 10, "checkout"),
            ("r03", "c2", "2025-03-02 10:00:00", "nps", 9, "checkout"),
            ("r04", null, "2025-03-03 10:00:00", "nps", 0, "checkout"),
            ("r05", "c1", "2025-03-04 10:00:00", "nps", 8, "support"),
            ("r06", "c2", "2025-03-05 10:00:00", "nps", 6, "support"),
            ("r07", null, "2025-03-31 23:30:00", "nps", 7, null),
            // April NPS (partial, as of April 20): 9, 9, 3.
            ("r08", "c1", "2025-04-01 10:00:00", "nps", 9, "checkout"),
            ("r09", "c1", "2025-04-02 10:00:00", "nps", 9, "checkout"),
            ("r10", "c2", "2025-04-20 10:00:00", "nps", 3, "support"),
            ("r11", "c1", "2025-03-10 10:00:00", "csat", 5, null),
            ("r12", "c1", "2025-03-11 10:00:00", "csat", 4, null),
            ("r13", "c2", "2025-03-12 10:00:00", "csat", 3, null),
            ("r14", "c2", "2025-03-13 10:00:00", "csat", 1, null),
            ("r15", "c1", "2025-03-10 10:00:00", "ces", 2, null),
            ("r16", "c1", "2025-03-11 10:00:00", "ces", 3, null),
            ("r17", "c2", "2025-03-12 10:00:00", "ces", 7, null),
            ("r18", null, "2025-03-10 10:00:00", "brand-awareness", 1, null),
            ("r19", null, "2025-03-11 10:00:00", "brand-awareness", 0, null),
            ("r20", null, "2025-03-12 10:00:00", "brand-awareness", 1, null),
            ("r21", null, "2025-03-13 10:00:00", "brand-awareness", 1, null));

    private readonly ComputeResult _result;

    public SurveysFamilyTests() => _result = DatasetComputer.Compute(CuratedFiles.FromFolder(_curated.Root), DatasetSettings.Default);

    public void Dispose() => _curated.Dispose();

    private MetricValue? Row(string metric, string period, string segment = "*", Grain grain = Grain.Month) =>
        _result.Values.SingleOrDefault(v => v.Metric == metric && v.Period.Label == period && v.Segment == segment && v.Period.Grain == grain);

    [Fact]
    public void Nps_IsPromotersMinusDetractorsOverResponses()
    {
        var march = Row(SurveysFamily.Nps, "2025-03")!;
        Assert.Equal((0m, 0m, 6m), (march.Value!.Value, march.Numerator!.Value, march.Denominator!.Value));
        var april = Row(SurveysFamily.Nps, "2025-04")!;
        Assert.Equal(33.333333m, april.Value);
        Assert.Equal((1m, 3m), (april.Numerator!.Value, april.Denominator!.Value));
        Assert.True(april.Partial);
        Assert.False(march.Partial);
        Assert.Equal(MetricUnit.Score, march.Unit);
    }

    [Fact]
    public void Nps_IsCutByTouchpoint_AndByTheCustomersSegments()
    {
        var checkout = Row(SurveysFamily.Nps, "2025-03", "touchpoint:checkout")!;
        Assert.Equal((33.333333m, 1m, 3m), (checkout.Value!.Value, checkout.Numerator!.Value, checkout.Denominator!.Value));
        Assert.True(checkout.LowSample);
        Assert.Equal(-50m, Row(SurveysFamily.Nps, "2025-03", "touchpoint:support")!.Value);
        // c1 in March: 10 and 8 → one promoter of two.
        Assert.Equal(50m, Row(SurveysFamily.Nps, "2025-03", "country:ES")!.Value);
        Assert.Equal(0m, Row(SurveysFamily.Nps, "2025-03", "country:IT")!.Value);
    }

    [Fact]
    public void PeriodWithoutAnswers_HasNoRow()
    {
        Assert.NotNull(Row(SurveysFamily.Nps, "2025-01"));
        Assert.Null(Row(SurveysFamily.Nps, "2025-02"));
        Assert.Null(Row(SurveysFamily.Csat, "2025-04"));
    }

    [Fact]
    public void Csat_Ces_AndBrandAwareness_FollowTheirScales()
    {
        Assert.Equal(50m, Row(SurveysFamily.Csat, "2025-03")!.Value);
        var ces = Row(SurveysFamily.Ces, "2025-03")!;
        Assert.Equal((4m, 12m, 3m), (ces.Value!.Value, ces.Numerator!.Value, ces.Denominator!.Value));
        Assert.Equal(75m, Row(SurveysFamily.BrandAwareness, "2025-03")!.Value);
    }

    [Fact]
    public void Quarters_AndTheAsOfDate_FollowTheAnswers()
    {
        Assert.Equal(new DateOnly(2025, 4, 20), _result.AsOf);
        // Q1: January's 10 and March's six answers: promoters 3, detractors 2, 7 responses.
        var q1 = Row(SurveysFamily.Nps, "2025-Q1", grain: Grain.Quarter)!;
        Assert.Equal((1m, 7m), (q1.Numerator!.Value, q1.Denominator!.Value));
        Assert.Contains("surveys", _result.Families);
    }

    [Fact]
    public void Nps_ScoresOfExactlySixSevenAndNine_AreADetractorAPassiveAndPromoters()
    {
        // 6, 7, 9, 9: promoters 2, detractors 1, 4 responses → 25. Counting 6 as passive gives 50, 7 as a detractor 0,
        // 7 as a promoter 50, 9 as passive −25: every misplaced boundary shows.
        using var curated = new CuratedFolder().Surveys(
            ("b1", null, "2025-06-02 10:00:00", "nps", 6, "checkout"),
            ("b2", null, "2025-06-03 10:00:00", "nps", 7, "checkout"),
            ("b3", null, "2025-06-04 10:00:00", "nps", 9, "checkout"),
            ("b4", null, "2025-06-05 10:00:00", "nps", 9, "support"));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), DatasetSettings.Default);

        var june = result.Values.Single(v => v.Metric == SurveysFamily.Nps && v.Period.Label == "2025-06" && v.Segment == "*");
        Assert.Equal((25m, 1m, 4m), (june.Value!.Value, june.Numerator!.Value, june.Denominator!.Value));
        var checkout = result.Values.Single(v => v.Metric == SurveysFamily.Nps && v.Period.Label == "2025-06" && v.Segment == "touchpoint:checkout");
        Assert.Equal((0m, 0m, 3m), (checkout.Value!.Value, checkout.Numerator!.Value, checkout.Denominator!.Value));
    }
}

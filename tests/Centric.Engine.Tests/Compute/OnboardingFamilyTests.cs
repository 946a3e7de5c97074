using Centric.Domain.Datasets;
using Centric.Domain.Families.Onboarding;
using Centric.Domain.Metrics;
using Centric.Domain.Time;
using Centric.Engine.Compute;

namespace Centric.Engine.Tests.Compute;

/// <summary>Onboarding completion and time over curated onboardings in Europe/Madrid, counted by hand.</summary>
public sealed class OnboardingFamilyTests : IDisposable
{
    private readonly CuratedFolder _curated = new CuratedFolder()
        .InZone("Europe/Madrid")
        .Customers(("c1", "ES", null), ("c2", "IT", null))
        .Onboardings(
            // 2.5 days.
            ("c1", "2025-03-10T09:00:00+01:00", "2025-03-12T21:00:00+01:00"),
            // Midnight of March 20 in Madrid (19th 23:00 UTC) to April 1 10:00 UTC, across the change to summer time:
            // 12 days and 11 hours, 299/24 days (12.5 on the wall clock).
            ("c2", "2025-03-20", "2025-04-01T12:00:00+02:00"),
            ("c3", "2025-03-25T10:00:00+01:00", null),
            ("c4", "2025-03-28T10:00:00+01:00", null),
            // 3 days.
            ("c5", "2025-04-02T10:00:00+02:00", "2025-04-05T10:00:00+02:00"),
            ("c6", "2025-04-10T10:00:00+02:00", null),
            // 0.25 days.
            ("c7", "2025-04-11T10:00:00+02:00", "2025-04-11T16:00:00+02:00"));

    private readonly ComputeResult _result;

    public OnboardingFamilyTests() =>
        _result = DatasetComputer.Compute(CuratedFiles.FromFolder(_curated.Root), new DatasetSettings { TimeZone = "Europe/Madrid" });

    public void Dispose() => _curated.Dispose();

    private MetricValue? Row(string metric, string period, string segment = "*", Grain grain = Grain.Month) =>
        _result.Values.SingleOrDefault(v => v.Metric == metric && v.Period.Label == period && v.Segment == segment && v.Period.Grain == grain);

    private static (decimal Value, decimal Numerator, decimal Denominator) Of(MetricValue? row) =>
        (row!.Value!.Value, row.Numerator!.Value, row.Denominator!.Value);

    [Fact]
    public void CompletionRate_IsOfTheOnboardingsStartedInThePeriod()
    {
        // March: c1..c4 started, c1 and c2 completed (c2 in April).
        var march = Row(OnboardingFamily.CompletionRate, "2025-03")!;
        Assert.Equal((50m, 2m, 4m), Of(march));
        Assert.Equal(MetricUnit.Percent, march.Unit);
        Assert.False(march.Partial);
        // April, partial (as of April 11): c5, c6, c7 started, c5 and c7 completed.
        var april = Row(OnboardingFamily.CompletionRate, "2025-04")!;
        Assert.Equal((66.666667m, 2m, 3m), Of(april));
        Assert.True(april.Partial);
        Assert.Equal(new DateOnly(2025, 4, 11), _result.AsOf);
    }

    [Fact]
    public void TimeAvg_IsExactDays_OfTheOnboardingsCompletedInThePeriod()
    {
        var march = Row(OnboardingFamily.TimeAvg, "2025-03")!;
        Assert.Equal((2.5m, 2.5m, 1m), Of(march));
        Assert.Equal(MetricUnit.Days, march.Unit);
        // April: 299/24 + 3 + 0.25 = 377/24 days over 3 onboardings = 377/72.
        Assert.Equal((5.236111m, 15.708333m, 3m), Of(Row(OnboardingFamily.TimeAvg, "2025-04")));
    }

    [Fact]
    public void Segments_AreTheCustomersAttributes_WithFewOnboardingsMarkedAsALowSample()
    {
        var es = Row(OnboardingFamily.CompletionRate, "2025-03", "country:ES")!;
        Assert.Equal((100m, 1m, 1m), Of(es));
        Assert.True(es.LowSample);
        Assert.Equal((12.458333m, 12.458333m, 1m), Of(Row(OnboardingFamily.TimeAvg, "2025-04", "country:IT")));
        Assert.False(Row(OnboardingFamily.CompletionRate, "2025-03")!.LowSample);
        // The year: seven started, four completed.
        Assert.Equal((57.142857m, 4m, 7m), Of(Row(OnboardingFamily.CompletionRate, "2025", grain: Grain.Year)));
    }
}

/// <summary>
/// The sum of days of onboarding-time-avg is the exact sum of the onboardings' times rounded once: three onboardings of
/// 8 hours (a third of a day, which a decimal holds only to its 28th digit) and one of 216 ms (0.0000025 days) add up to
/// exactly 1.0000025 days, a rounding midpoint, which rounds away from zero to 1.000003. Adding the days one by one
/// gives 0.9999999999999999999999999999 + 0.0000025, which rounds to 1.000002.
/// </summary>
public sealed class OnboardingTimeMidpointTests : IDisposable
{
    private readonly CuratedFolder _curated = new CuratedFolder()
        .Onboardings(
            ("c1", "2025-03-03T00:00:00+00:00", "2025-03-03T08:00:00+00:00"),
            ("c2", "2025-03-04T00:00:00+00:00", "2025-03-04T08:00:00+00:00"),
            ("c3", "2025-03-05T00:00:00+00:00", "2025-03-05T08:00:00+00:00"),
            ("c4", "2025-03-06T10:00:00+00:00", "2025-03-06T10:00:00.216+00:00"));

    public void Dispose() => _curated.Dispose();

    [Fact]
    public void TheSumOfDays_IsTheExactSumRoundedOnce()
    {
        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(_curated.Root), DatasetSettings.Default, asOf: new DateOnly(2025, 3, 31));

        var march = result.Values.Single(v => v.Metric == OnboardingFamily.TimeAvg && v.Period.Label == "2025-03" && v.Segment == "*");
        Assert.Equal(1.000003m, march.Numerator);
        Assert.Equal(4m, march.Denominator);
        // 1.0000025 ÷ 4 = 0.250000625.
        Assert.Equal(0.250001m, march.Value);
    }
}

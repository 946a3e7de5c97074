using Centric.Domain.Datasets;
using Centric.Domain.Families.Engagement;
using Centric.Domain.Metrics;
using Centric.Domain.Time;
using Centric.Engine.Compute;

namespace Centric.Engine.Tests.Compute;

/// <summary>Engagement rates over curated communications, counted by hand.</summary>
public sealed class EngagementFamilyTests : IDisposable
{
    private readonly CuratedFolder _curated = new CuratedFolder()
        .Customers(("c1", "ES", null), ("c2", "IT", null))
        .Messages(
            // March: delivered m1, m2, m3, m5, m6 (m4 bounced); opened m1, m2, m5; clicked m1, m5; unsubscribed m5.
            ("m1", "c1", "2025-03-01 10:00:00", "email", "2025-03-01 10:01:00", "2025-03-01 11:00:00", "2025-03-01 11:05:00", null),
            ("m2", "c1", "2025-03-02 10:00:00", "email", "2025-03-02 10:01:00", "2025-03-03 08:00:00", null, null),
            ("m3", "c2", "2025-03-03 10:00:00", "email", "2025-03-03 10:01:00", null, null, null),
            ("m4", "c2", "2025-03-04 10:00:00", "email", null, null, null, null),
            ("m5", null, "2025-03-05 10:00:00", "sms", "2025-03-05 10:00:05", "2025-03-05 10:02:00", "2025-03-05 10:03:00", "2025-03-05 10:04:00"),
            ("m6", null, "2025-03-31 23:00:00", "sms", "2025-04-01 00:10:00", null, null, null),
            // April, partial (as of April 2): delivered, not opened.
            ("m7", "c1", "2025-04-02 10:00:00", "email", "2025-04-02 10:01:00", null, null, null));

    private readonly ComputeResult _result;

    public EngagementFamilyTests() => _result = DatasetComputer.Compute(CuratedFiles.FromFolder(_curated.Root), DatasetSettings.Default);

    public void Dispose() => _curated.Dispose();

    private static MetricValue? Row(ComputeResult result, string metric, string period, string segment = "*") =>
        result.Values.SingleOrDefault(v => v.Metric == metric && v.Period.Label == period && v.Segment == segment && v.Period.Grain == Grain.Month);

    private MetricValue? Row(string metric, string period, string segment = "*") => Row(_result, metric, period, segment);

    private static (decimal Value, decimal Numerator, decimal Denominator) Of(MetricValue? row) =>
        (row!.Value!.Value, row.Numerator!.Value, row.Denominator!.Value);

    [Fact]
    public void Rates_AreOfTheMessagesSentInThePeriod_OverThoseDelivered()
    {
        Assert.Equal((60m, 3m, 5m), Of(Row(EngagementFamily.OpenRate, "2025-03")));
        Assert.Equal((40m, 2m, 5m), Of(Row(EngagementFamily.ClickRate, "2025-03")));
        Assert.Equal((66.666667m, 2m, 3m), Of(Row(EngagementFamily.ClickToOpen, "2025-03")));
        Assert.Equal((20m, 1m, 5m), Of(Row(EngagementFamily.UnsubscribeRate, "2025-03")));
        Assert.Equal(MetricUnit.Percent, Row(EngagementFamily.OpenRate, "2025-03")!.Unit);
        var april = Row(EngagementFamily.OpenRate, "2025-04")!;
        Assert.Equal((0m, 0m, 1m), Of(april));
        Assert.True(april.Partial);
        // Nothing opened in April: click-to-open has no denominator, so no value.
        var cto = Row(EngagementFamily.ClickToOpen, "2025-04")!;
        Assert.Null(cto.Value);
        Assert.Equal(0m, cto.Denominator);
    }

    [Fact]
    public void Rates_AreCutByMessageChannel_AndByTheCustomersSegments()
    {
        var email = Row(EngagementFamily.OpenRate, "2025-03", "message-channel:email")!;
        Assert.Equal((66.666667m, 2m, 3m), Of(email));
        Assert.True(email.LowSample);
        Assert.Equal((50m, 1m, 2m), Of(Row(EngagementFamily.OpenRate, "2025-03", "message-channel:sms")));
        Assert.Equal((50m, 1m, 2m), Of(Row(EngagementFamily.UnsubscribeRate, "2025-03", "message-channel:sms")));
        Assert.Equal((100m, 2m, 2m), Of(Row(EngagementFamily.OpenRate, "2025-03", "country:ES")));
        // c2: m3 delivered and not opened, m4 bounced.
        Assert.Equal((0m, 0m, 1m), Of(Row(EngagementFamily.OpenRate, "2025-03", "country:IT")));
        Assert.False(Row(EngagementFamily.OpenRate, "2025-03")!.LowSample);
    }

    [Fact]
    public void WhenNoMessageHasADeliveredAt_EveryMessageSentCountsAsDelivered()
    {
        using var curated = new CuratedFolder().Messages(
            ("m1", null, "2025-03-01 10:00:00", "email", null, "2025-03-01 11:00:00", null, null),
            ("m2", null, "2025-03-02 10:00:00", "email", null, null, null, null),
            ("m3", null, "2025-03-03 10:00:00", "email", null, "2025-03-03 11:00:00", "2025-03-03 11:01:00", null),
            ("m4", null, "2025-03-04 10:00:00", "sms", null, null, null, null));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), DatasetSettings.Default);

        Assert.Equal((50m, 2m, 4m), Of(Row(result, EngagementFamily.OpenRate, "2025-03")));
        Assert.Equal((25m, 1m, 4m), Of(Row(result, EngagementFamily.ClickRate, "2025-03")));
        Assert.Equal((50m, 1m, 2m), Of(Row(result, EngagementFamily.ClickToOpen, "2025-03")));
        Assert.Equal((0m, 0m, 4m), Of(Row(result, EngagementFamily.UnsubscribeRate, "2025-03")));
        Assert.Equal((0m, 0m, 1m), Of(Row(result, EngagementFamily.OpenRate, "2025-03", "message-channel:sms")));
        Assert.Equal(["engagement"], result.Families);
    }
}

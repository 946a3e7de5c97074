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
    [Fact]
    public void AClickWithoutAnOpenTimestamp_CountsAsOpened_AndAnOpenWithoutADeliveredAt_AsDelivered_SoNoRateExceeds100()
    {
        using var curated = new CuratedFolder().Messages(
            // a1 opened, never clicked; a2 and a6 clicked with no opened_at (the mail client blocked the tracking pixel);
            // a3 a push opened with no delivery receipt; a4 a push neither delivered nor opened; a5 delivered only.
            ("a1", null, "2025-05-01 09:00:00", "email", "2025-05-01 09:01:00", "2025-05-01 12:00:00", null, null),
            ("a2", null, "2025-05-02 09:00:00", "email", "2025-05-02 09:01:00", null, "2025-05-02 13:00:00", null),
            ("a3", null, "2025-05-03 09:00:00", "push", null, "2025-05-03 09:30:00", null, null),
            ("a4", null, "2025-05-04 09:00:00", "push", null, null, null, null),
            ("a5", null, "2025-05-05 09:00:00", "email", "2025-05-05 09:01:00", null, null, null),
            ("a6", null, "2025-05-06 09:00:00", "email", "2025-05-06 09:01:00", null, "2025-05-06 10:00:00", null));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), DatasetSettings.Default);

        // Delivered a1 a2 a3 a5 a6; opened a1 a2 a3 a6; clicked a2 a6.
        Assert.Equal((80m, 4m, 5m), Of(Row(result, EngagementFamily.OpenRate, "2025-05")));
        Assert.Equal((40m, 2m, 5m), Of(Row(result, EngagementFamily.ClickRate, "2025-05")));
        Assert.Equal((50m, 2m, 4m), Of(Row(result, EngagementFamily.ClickToOpen, "2025-05")));

        // E-mail: counting opens by opened_at alone gave click-to-open 2 ÷ 1 = 200%.
        Assert.Equal((75m, 3m, 4m), Of(Row(result, EngagementFamily.OpenRate, "2025-05", "message-channel:email")));
        Assert.Equal((66.666667m, 2m, 3m), Of(Row(result, EngagementFamily.ClickToOpen, "2025-05", "message-channel:email")));

        // Push: counting deliveries by delivered_at alone gave 1 opened ÷ 0 delivered.
        Assert.Equal((100m, 1m, 1m), Of(Row(result, EngagementFamily.OpenRate, "2025-05", "message-channel:push")));

        Assert.All(result.Values, v => Assert.InRange(v.Value ?? 0m, 0m, 100m));
        Assert.All(EngagementFamily.Metrics, m => Assert.Equal(2, m.Version));
    }
}

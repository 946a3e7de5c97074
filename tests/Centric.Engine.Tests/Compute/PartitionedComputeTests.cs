using Centric.Domain.Datasets;
using Centric.Domain.Families.Engagement;
using Centric.Domain.Families.Fanout;
using Centric.Domain.Families.Onboarding;
using Centric.Engine.Compute;

namespace Centric.Engine.Tests.Compute;

/// <summary>
/// A compute fanned out by customer partition (each partition's partial sums, then the merge) gives the single run's
/// values, row for row, in any number of partitions.
/// </summary>
public class PartitionedComputeTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Engagement_WhereOnlyOneCustomerHasDeliveryReceipts_MergesToTheSingleRun(int partitions)
    {
        // Only c1's messages have a delivered_at, so deliveries are recorded: c1's undelivered message is not delivered,
        // and every other message counts as delivered only if opened, clicked or followed by an unsubscribe. A partition
        // without c1 must count by that rule too, not as if no delivery were recorded (every message delivered).
        var messages = new List<(string, string?, string, string?, string?, string?, string?, string?)>
        {
            ("m1", "c1", "2025-03-01 09:00:00", "email", "2025-03-01 09:01:00", "2025-03-01 10:00:00", null, null),
            ("m2", "c1", "2025-03-02 09:00:00", "email", null, null, null, null),
        };
        for (var c = 2; c <= 12; c++)
        {
            var id = "c" + c;
            messages.Add(("m" + c + "a", id, "2025-03-0" + (1 + (c % 9)) + " 09:00:00", c % 2 == 0 ? "email" : "sms", null, c % 3 == 0 ? "2025-03-10 08:00:00" : null, c % 4 == 0 ? "2025-03-11 08:00:00" : null, null));
            messages.Add(("m" + c + "b", id, "2025-04-0" + (1 + (c % 9)) + " 09:00:00", "email", null, null, null, c % 5 == 0 ? "2025-04-12 08:00:00" : null));
        }

        using var curated = new CuratedFolder()
            .Customers([.. Enumerable.Range(1, 12).Select(c => ("c" + c, (string?)(c % 2 == 0 ? "ES" : "IT"), (string?)null))])
            .Messages([.. messages]);
        var files = CuratedFiles.FromFolder(curated.Root);
        var settings = new DatasetSettings();
        Assert.Contains(Enumerable.Range(0, partitions), k => !new CustomerPartition(k, partitions).Contains("c1"));

        var single = DatasetComputer.Compute(files, settings).Values.Where(v => v.Metric.StartsWith("engagement-", StringComparison.Ordinal)).ToList();
        var partials = Enumerable.Range(0, partitions)
            .SelectMany(k => DatasetComputer.ComputePartition(files, settings, new CustomerPartition(k, partitions)).Partials)
            .ToList();
        var merged = DatasetComputer.ComputeMerged(files, settings, partials).Values.Where(v => v.Metric.StartsWith("engagement-", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(single);
        Assert.Equal(Keyed(single), Keyed(merged));
        // The open rate of March at *: c1 delivered 1 of 2, 6 of the others' 11 messages count as delivered (opened or
        // clicked: c3, c4, c6, c8, c9, c12), so 7 delivered and 7 opened.
        var march = Assert.Single(single, v => v.Metric == EngagementFamily.OpenRate && v.Period.Label == "2025-03" && v.Segment == "*");
        Assert.Equal((7m, 7m), (march.Numerator, march.Denominator));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Onboarding_ComputedByPartition_MergesToTheSingleRun_WithTimesSummedAsWholeTicks(int partitions)
    {
        // Three onboardings of 8 hours (a third of a day, which a decimal holds only to its 28th digit) and one of 216 ms
        // add up to exactly 1.0000025 days in March, a rounding midpoint: the merge must give the single run's 1.000003,
        // which it does only if each partition's sum stays whole ticks until the one division (divided into days per
        // partition, 7 partitions give 1.000002).
        using var curated = new CuratedFolder()
            .Customers([.. Enumerable.Range(1, 6).Select(c => ("c" + c, (string?)(c % 2 == 0 ? "ES" : "IT"), (string?)null))])
            .Onboardings(
                ("c1", "2025-03-03T00:00:00+00:00", "2025-03-03T08:00:00+00:00"),
                ("c2", "2025-03-04T00:00:00+00:00", "2025-03-04T08:00:00+00:00"),
                ("c3", "2025-03-05T00:00:00+00:00", "2025-03-05T08:00:00+00:00"),
                ("c4", "2025-03-06T10:00:00+00:00", "2025-03-06T10:00:00.216+00:00"),
                ("c5", "2025-03-20T10:00:00+00:00", null),
                ("c6", "2025-04-01T10:00:00+00:00", "2025-04-03T22:00:00+00:00"));
        var files = CuratedFiles.FromFolder(curated.Root);
        var settings = new DatasetSettings();
        var asOf = new DateOnly(2025, 4, 30);

        var single = DatasetComputer.Compute(files, settings, asOf: asOf).Values
            .Where(v => v.Metric.StartsWith("onboarding-", StringComparison.Ordinal)).ToList();
        var partials = Enumerable.Range(0, partitions)
            .SelectMany(k => DatasetComputer.ComputePartition(files, settings, new CustomerPartition(k, partitions), asOf: asOf).Partials)
            .ToList();
        var merged = DatasetComputer.ComputeMerged(files, settings, partials, asOf: asOf).Values
            .Where(v => v.Metric.StartsWith("onboarding-", StringComparison.Ordinal)).ToList();

        // The family runs in the partitions, its times kept in ticks until the merge.
        Assert.Contains(partials, p => p.Metric == OnboardingFamily.TimeAvg && p.Divisor == TimeSpan.TicksPerDay);
        Assert.Contains(partials, p => p.Metric == OnboardingFamily.CompletionRate);
        Assert.Equal(Keyed(single), Keyed(merged));
        var march = Assert.Single(merged, v => v.Metric == OnboardingFamily.TimeAvg && v.Period.Label == "2025-03" && v.Segment == "*");
        Assert.Equal((0.250001m, 1.000003m, 4m), (march.Value, march.Numerator, march.Denominator));
        // March: five started, four completed.
        var rate = Assert.Single(merged, v => v.Metric == OnboardingFamily.CompletionRate && v.Period.Label == "2025-03" && v.Segment == "*");
        Assert.Equal((80m, 4m, 5m), (rate.Value, rate.Numerator, rate.Denominator));
    }

    private static List<string> Keyed(IEnumerable<Domain.Metrics.MetricValue> values) =>
        [.. values.Select(v => $"{v.Metric}|{v.Preset}|{v.Period.Label}|{v.Segment}|{v.Value}|{v.Numerator}|{v.Denominator}|{v.Partial}|{v.LowSample}").Order(StringComparer.Ordinal)];
}

using Centric.Domain.Datasets;
using Centric.Domain.Families.Fulfilment;
using Centric.Domain.Metrics;
using Centric.Domain.Time;
using Centric.Engine.Compute;

namespace Centric.Engine.Tests.Compute;

/// <summary>Order-to-ship and order-to-delivery times over curated orders in Europe/Madrid, with hours counted by hand.</summary>
public sealed class FulfilmentFamilyTests : IDisposable
{
    private static readonly DatasetSettings Madrid = new() { TimeZone = "Europe/Madrid" };

    private readonly CuratedFolder _curated = new CuratedFolder()
        .InZone("Europe/Madrid")
        .Customers(
            ("e01", "ES", null), ("e03", "ES", null), ("e04", "ES", null), ("e05", "ES", null), ("e06", "ES", null), ("e07", "ES", null), ("e12", "ES", null), ("e14", "ES", null),
            ("i02", "IT", null), ("i08", "IT", null), ("i09", "IT", null), ("i10", "IT", null), ("i11", "IT", null), ("i13", "IT", null), ("i15", "IT", null))
        .Shipments(
            // Summer time starts on 2025-03-30 (02:00 → 03:00): 24 wall-clock hours are 23 exact hours. The delivery,
            // a date alone, is midnight of March 31 in Madrid (2025-03-30 22:00 UTC): 37 hours after 09:00 UTC on the 29th.
            ("o01", "e01", "2025-03-29T10:00:00+01:00", null, "2025-03-30T10:00:00+02:00", "2025-03-31"),
            // Cancelled: neither its 24 hours to ship nor its 48 to deliver count.
            ("o02", "i02", "2025-03-01T08:00:00+01:00", "cancelled", "2025-03-02T08:00:00+01:00", "2025-03-03T08:00:00+01:00"),
            // Placed on March 31, shipped on April 2: 34.5 hours, in April; delivered a day later: 58.5 hours.
            ("o03", "e03", "2025-03-31T22:00:00+02:00", null, "2025-04-02T08:30:00+02:00", "2025-04-03T08:30:00+02:00"),
            ("o04", "e04", "2025-04-05T10:00:00+02:00", null, "2025-04-05T11:00:00+02:00", "2025-04-06T10:00:00+02:00"),
            ("o05", "e05", "2025-04-06T10:00:00+02:00", null, "2025-04-06T12:00:00+02:00", null),
            ("o06", "e06", "2025-04-07T10:00:00+02:00", null, "2025-04-07T13:00:00+02:00", null),
            ("o07", "e07", "2025-04-08T10:00:00+02:00", null, "2025-04-08T14:00:00+02:00", null),
            ("o08", "i08", "2025-04-09T10:00:00+02:00", null, "2025-04-09T15:00:00+02:00", null),
            ("o09", "i09", "2025-04-10T10:00:00+02:00", null, "2025-04-10T16:00:00+02:00", null),
            ("o10", "i10", "2025-04-11T10:00:00+02:00", null, "2025-04-11T17:00:00+02:00", null),
            ("o11", "i11", "2025-04-12T10:00:00+02:00", null, "2025-04-14T10:00:00+02:00", null),
            // Offsets in UTC: 08:00Z on the 13th to 12:00Z on the 17th is 100 hours.
            ("o12", "e12", "2025-04-13T08:00:00Z", "refunded", "2025-04-17T12:00:00Z", null),
            ("o13", "i13", "2025-04-01T10:00:00+02:00", "cancelled", "2025-04-22T10:00:00+02:00", "2025-04-23T10:00:00+02:00"),
            // Shipped at 23:30 UTC on April 30, which is 01:30 on May 1 in Madrid: 3.5 hours, in May.
            ("o14", "e14", "2025-04-30T20:00:00Z", null, "2025-04-30T23:30:00Z", null),
            // Not shipped yet; its order day makes May 10 the as-of date.
            ("o15", "i15", "2025-05-10T09:00:00+02:00", null, null, null));

    private readonly ComputeResult _result;

    public FulfilmentFamilyTests() => _result = DatasetComputer.Compute(CuratedFiles.FromFolder(_curated.Root), Madrid);

    public void Dispose() => _curated.Dispose();

    private MetricValue? Row(string metric, string period, string segment = "*", Grain grain = Grain.Month) =>
        _result.Values.SingleOrDefault(v => v.Metric == metric && v.Period.Label == period && v.Segment == segment && v.Period.Grain == grain);

    private static (decimal Value, decimal Numerator, decimal Denominator) Of(MetricValue? row) =>
        (row!.Value!.Value, row.Numerator!.Value, row.Denominator!.Value);

    [Fact]
    public void OrderToShip_AcrossTheChangeToSummerTime_IsExactHours()
    {
        Assert.Equal((23m, 23m, 1m), Of(Row(FulfilmentFamily.OrderToShipAvg, "2025-03")));
        Assert.Equal((23m, 23m, 1m), Of(Row(FulfilmentFamily.OrderToShipWorst, "2025-03")));
    }

    [Fact]
    public void OrderToDelivery_OfADateAlone_IsFromMidnightInTheDatasetsZone_AndCancelledOrdersAreLeftOut()
    {
        Assert.Equal((37m, 37m, 1m), Of(Row(FulfilmentFamily.OrderToDeliveryAvg, "2025-03")));
        // April: o03 58.5 and o04 24 hours; o13 is cancelled.
        Assert.Equal((41.25m, 82.5m, 2m), Of(Row(FulfilmentFamily.OrderToDeliveryAvg, "2025-04")));
        Assert.Equal((58.5m, 58.5m, 2m), Of(Row(FulfilmentFamily.OrderToDeliveryP90, "2025-04")));
        Assert.Equal((58.5m, 58.5m, 2m), Of(Row(FulfilmentFamily.OrderToDeliveryWorst, "2025-04")));
        Assert.Equal(MetricUnit.Hours, Row(FulfilmentFamily.OrderToDeliveryAvg, "2025-04")!.Unit);
        Assert.Equal(1, Row(FulfilmentFamily.OrderToDeliveryAvg, "2025-04")!.DefinitionVersion);
    }

    [Fact]
    public void April_CountsTheOrderPlacedInMarch_AndTakesTheNearestRankP90OfTenOrders()
    {
        // 34.5, 1, 2, 3, 4, 5, 6, 7, 48, 100 (refunded is not cancelled: it shipped); o13 is cancelled.
        Assert.Equal((21.05m, 210.5m, 10m), Of(Row(FulfilmentFamily.OrderToShipAvg, "2025-04")));
        // ⌈0.9 × 10⌉ = 9th smallest of 1, 2, 3, 4, 5, 6, 7, 34.5, 48, 100.
        Assert.Equal((48m, 48m, 10m), Of(Row(FulfilmentFamily.OrderToShipP90, "2025-04")));
        Assert.Equal((100m, 100m, 10m), Of(Row(FulfilmentFamily.OrderToShipWorst, "2025-04")));
        Assert.False(Row(FulfilmentFamily.OrderToShipAvg, "2025-04")!.Partial);
    }

    [Fact]
    public void OrderToShip_IsCutByTheCustomersSegments_WithFewOrdersMarkedAsALowSample()
    {
        // Customers in Spain: 34.5, 1, 2, 3, 4, 100 → 144.5 ÷ 6; p90 is the ⌈5.4⌉ = 6th smallest.
        var es = Row(FulfilmentFamily.OrderToShipAvg, "2025-04", "country:ES")!;
        Assert.Equal((24.083333m, 144.5m, 6m), Of(es));
        Assert.False(es.LowSample);
        Assert.Equal(100m, Row(FulfilmentFamily.OrderToShipP90, "2025-04", "country:ES")!.Value);
        // Customers in Italy: 5, 6, 7, 48 → 66 ÷ 4; p90 is the ⌈3.6⌉ = 4th smallest.
        var it = Row(FulfilmentFamily.OrderToShipAvg, "2025-04", "country:IT")!;
        Assert.Equal((16.5m, 66m, 4m), Of(it));
        Assert.True(it.LowSample);
        Assert.Equal(48m, Row(FulfilmentFamily.OrderToShipP90, "2025-04", "country:IT")!.Value);
        Assert.DoesNotContain(_result.Values, v => v.Metric == FulfilmentFamily.OrderToShipAvg && v.Segment.StartsWith("order:", StringComparison.Ordinal));
    }

    [Fact]
    public void AShipmentBelongsToItsDayInMadrid_AndThePeriodOfTheAsOfDateIsPartial()
    {
        Assert.Equal(new DateOnly(2025, 5, 10), _result.AsOf);
        var may = Row(FulfilmentFamily.OrderToShipAvg, "2025-05")!;
        Assert.Equal((3.5m, 3.5m, 1m), Of(may));
        Assert.True(may.Partial);
        Assert.Null(Row(FulfilmentFamily.OrderToDeliveryAvg, "2025-05"));
        // Q2: April's ten and May's one.
        Assert.Equal((214m, 11m), (Row(FulfilmentFamily.OrderToShipAvg, "2025-Q2", grain: Grain.Quarter)!.Numerator!.Value,
            Row(FulfilmentFamily.OrderToShipAvg, "2025-Q2", grain: Grain.Quarter)!.Denominator!.Value));
        Assert.Contains("fulfilment", _result.Families);
    }

    [Fact]
    public void OrdersWithoutShipping_HaveNoFulfilmentRows()
    {
        using var curated = new CuratedFolder().Orders(("o1", "c1", "2025-03-01 10:00:00", 10m, null, null));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), DatasetSettings.Default);

        Assert.DoesNotContain(result.Values, v => v.Metric.StartsWith("order-to-", StringComparison.Ordinal));
    }
}

using Centric.Domain.Exports;
using Centric.Domain.Metrics;

namespace Centric.Domain.Families.Fulfilment;

/// <summary>
/// How long customers wait for what they ordered: hours from order to shipping (by the day it shipped) and from order to
/// delivery (by the day it arrived), as the mean, the nearest-rank p90 and the worst case, for orders not cancelled, cut
/// by the customer's segments.
/// </summary>
public sealed class FulfilmentFamily : IMetricFamily
{
    public const string OrderToShipAvg = "order-to-ship-avg";
    public const string OrderToShipP90 = "order-to-ship-p90";
    public const string OrderToShipWorst = "order-to-ship-worst";
    public const string OrderToDeliveryAvg = "order-to-delivery-avg";
    public const string OrderToDeliveryP90 = "order-to-delivery-p90";
    public const string OrderToDeliveryWorst = "order-to-delivery-worst";

    /// <summary>Orders have no event dimension of their own: they are cut by customer segments only.</summary>
    private const string NoDimension = "order";

    private const string Shipped = "Orders not cancelled and shipped in the period (by the day of shipped_at in the dataset's time zone): ";
    private const string Delivered = "Orders not cancelled and delivered in the period (by the day of delivered_at in the dataset's time zone): ";
    private const string Exact = " Exact elapsed hours between the two instants; a date without a time is midnight in the dataset's time zone.";

    public static IReadOnlyList<MetricDefinition> Metrics { get; } =
    [
        new(OrderToShipAvg, "Order to ship time (average)", MetricUnit.Hours,
            Shipped + "the mean of the hours from order_date to shipped_at (numerator: sum of hours; denominator: orders)." + Exact, 1, []),
        new(OrderToShipP90, "Order to ship time (p90)", MetricUnit.Hours,
            Shipped + "the nearest-rank 90th percentile of the hours from order_date to shipped_at, the ⌈0.9 n⌉-th smallest " +
            "(numerator: that value; denominator: orders)." + Exact, 1, []),
        new(OrderToShipWorst, "Order to ship time (worst)", MetricUnit.Hours,
            Shipped + "the longest hours from order_date to shipped_at (numerator: that value; denominator: orders)." + Exact, 1, []),
        new(OrderToDeliveryAvg, "Order to delivery time (average)", MetricUnit.Hours,
            Delivered + "the mean of the hours from order_date to delivered_at, the time from purchase to receipt " +
            "(numerator: sum of hours; denominator: orders)." + Exact, 1, []),
        new(OrderToDeliveryP90, "Order to delivery time (p90)", MetricUnit.Hours,
            Delivered + "the nearest-rank 90th percentile of the hours from order_date to delivered_at, the ⌈0.9 n⌉-th smallest " +
            "(numerator: that value; denominator: orders)." + Exact, 1, []),
        new(OrderToDeliveryWorst, "Order to delivery time (worst)", MetricUnit.Hours,
            Delivered + "the longest hours from order_date to delivered_at (numerator: that value; denominator: orders)." + Exact, 1, []),
    ];

    /// <summary>The waits of every order not cancelled from its order date to its shipping and to its delivery.</summary>
    private static readonly ElapsedQuery Waits = new("customer_id", "order_date", ["shipped_at", "delivered_at"], "status", OrderStatuses.Cancelled);

    public string Name => "fulfilment";

    public IReadOnlyList<MetricDefinition> Definitions => Metrics;

    public IReadOnlyList<ExportKind> Reads { get; } = [ExportKind.Orders];

    public void Compute(FamilyContext context, FamilyOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        // Each wait in ticks, not below zero (Durations.Ticks), dated by the day it ended, in any order, as
        // columns: only the waits and a number per customer are held, not every order's customer, status and three
        // timestamps, and the reader may work them out without handing over each order.
        // Each wait kind's columns are let go once its rows are made, before the next kind's are worked through.
        ElapsedTimes?[] waits = [.. context.Exports.Elapsed(ExportKind.Orders, Waits)];
        output.Add(HoursMetrics.Compute(context, Take(waits, 0), NoDimension, Metrics[0], Metrics[1], Metrics[2]));
        output.Add(HoursMetrics.Compute(context, Take(waits, 1), NoDimension, Metrics[3], Metrics[4], Metrics[5]));
    }

    private static ElapsedTimes Take(ElapsedTimes?[] waits, int index)
    {
        var times = waits[index]!;
        waits[index] = null;
        return times;
    }
}

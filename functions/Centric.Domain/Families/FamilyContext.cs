using Centric.Domain.Activity;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Domain.Families.Fanout;
using Centric.Domain.Families.Subscriptions;
using Centric.Domain.Metrics;
using Centric.Domain.Segments;
using Centric.Domain.Time;

namespace Centric.Domain.Families;

/// <summary>
/// What every family computes from: the dataset's settings and calendar, the as-of date A, the grains asked for, the
/// export kinds present, and the inputs shared between families — orders reduced to customer-days (empty without an
/// orders export), each customer's segment keys (customer attributes and CLV tier, for any event with a customer_id)
/// and the predictive CLV fitted at A (null without purchases to fit) — and a reader of any kind's current rows.
/// With a subscriptions export, the customer base follows subscriptions (<see cref="Subscriptions"/>, read once).
/// </summary>
public sealed record FamilyContext(
    DatasetSettings Settings,
    PeriodCalendar Calendar,
    DateOnly AsOf,
    IReadOnlyCollection<Grain> Grains,
    IReadOnlySet<ExportKind> Kinds,
    LoadedOrders Orders,
    CustomerSegments Segments,
    ClvInputs? Clv,
    IExportReader Exports)
{
    /// <summary>The currency money is reported in: settings' reportingCurrency, else the data's single currency, else EUR.</summary>
    public string ReportingCurrency => Orders.ReportingCurrency;

    private SubscriptionCustomers? _subscriptions;

    private readonly Dictionary<IReadOnlyList<string>, IReadOnlyList<string>[]> _segmentsOf = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Set when this context computes one partition of a fanned-out compute: event metrics then collect their partial
    /// sums here instead of values (<see cref="EventMetrics"/>).
    /// </summary>
    public ICollection<PartialValue>? Partials { get; init; }

    /// <summary><c>subscriptions</c> or <c>orders</c>: which definition of an active customer this dataset follows.</summary>
    public string ActivityModel => ActivityModelKind.For(Kinds);

    /// <summary>
    /// Each customer's segment keys (<see cref="CustomerSegments.Of"/>) by a family's numbering of its customers, looked
    /// up once per numbering: the orders and subscriptions families over subscriptions both cut every customer by its
    /// segments, and the second reads them from this array instead of looking each id up again.
    /// </summary>
    public IReadOnlyList<string>[] SegmentsOf(IReadOnlyList<string> customerIds)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        if (!_segmentsOf.TryGetValue(customerIds, out var segments))
        {
            _segmentsOf[customerIds] = segments = [.. customerIds.Select(Segments.Of)];
        }

        return segments;
    }

    /// <summary>The customers with their subscription spells and MRR; null in the orders model (no subscriptions export).</summary>
    public SubscriptionCustomers? Subscriptions => Kinds.Contains(ExportKind.Subscriptions)
        ? _subscriptions ??= SubscriptionCustomers.Build(Orders.CustomerIds, SubscriptionExport.Load(Exports), Exports, ReportingCurrency)
        : null;
}

using Centric.Domain.Exports;
using Centric.Domain.Families.CustomerLists;
using Lists = Centric.Domain.Families.CustomerLists.CustomerLists;
using Centric.Domain.Metrics;
using Centric.Domain.Segments;
using Centric.Domain.Time;

namespace Centric.Domain.Families.Subscriptions;

/// <summary>
/// MRR and its movements from the subscriptions export: MRR on the period's last day, new, expansion, contraction,
/// churn and reactivation MRR (signed: they sum to the change in MRR), NRR, GRR and the quick ratio. A customer's MRR
/// on a day is the sum of the MRR of its subscriptions active that day, converted to the reporting currency at that
/// day's rate (the latest on or before it).
/// </summary>
public sealed class SubscriptionsFamily : IMetricFamily
{
    public const string Mrr = "mrr";
    public const string NewMrr = "mrr-new";
    public const string ExpansionMrr = "mrr-expansion";
    public const string ContractionMrr = "mrr-contraction";
    public const string ChurnMrr = "mrr-churn";
    public const string ReactivationMrr = "mrr-reactivation";
    public const string Nrr = "nrr";
    public const string Grr = "grr";
    public const string QuickRatio = "quick-ratio";

    public static IReadOnlyList<MetricDefinition> Metrics { get; } =
    [
        new(Mrr, "Monthly recurring revenue", MetricUnit.Currency,
            "Sum of the MRR of the subscriptions active on the period's last day e − 1 (the as-of date for the partial period); active on d when " +
            "start_date ≤ d < end_date (open end: always) and mrr > 0. Converted at that day's rate.", 1, []),
        new(NewMrr, "New MRR", MetricUnit.Currency,
            "Per customer, MRR on s − 1 is 0 and on e − 1 above 0, and the customer's first active day ever is in the period: its MRR on e − 1.", 1, []),
        new(ExpansionMrr, "Expansion MRR", MetricUnit.Currency,
            "Per customer with MRR above 0 on both s − 1 and e − 1 and more on e − 1: the increase.", 1, []),
        new(ContractionMrr, "Contraction MRR", MetricUnit.Currency,
            "Per customer with MRR above 0 on both s − 1 and e − 1 and less on e − 1: the decrease, negative.", 1, []),
        new(ChurnMrr, "Churned MRR", MetricUnit.Currency,
            "Per customer with MRR above 0 on s − 1 and 0 on e − 1: minus its MRR on s − 1. New + expansion + reactivation + contraction + churn = MRR(e − 1) − MRR(s − 1).", 1, []),
        new(ReactivationMrr, "Reactivation MRR", MetricUnit.Currency,
            "Per customer, MRR on s − 1 is 0 and on e − 1 above 0, having been active before the period: its MRR on e − 1.", 1, []),
        new(Nrr, "Net revenue retention", MetricUnit.Percent,
            "(MRR on s − 1 of the customers active then + their expansion + contraction + churn) ÷ their MRR on s − 1 × 100.", 1, []),
        new(Grr, "Gross revenue retention", MetricUnit.Percent,
            "(MRR on s − 1 of the customers active then + their contraction + churn) ÷ their MRR on s − 1 × 100 (expansion left out).", 1, []),
        new(QuickRatio, "SaaS quick ratio", MetricUnit.Ratio,
            "(new + expansion + reactivation MRR) ÷ |contraction + churn MRR|; null when nothing was lost.", 1, []),
    ];

    public string Name => "subscriptions";

    public IReadOnlyList<MetricDefinition> Definitions => Metrics;

    public IReadOnlyList<ExportKind> Reads { get; } = [ExportKind.Subscriptions];

    public void Compute(FamilyContext context, FamilyOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var subscriptions = Load(context);
        if (subscriptions.Count == 0)
        {
            return;
        }

        var rates = FxRates.Load(context.Exports);
        var byCustomer = subscriptions.GroupBy(s => s.CustomerId, StringComparer.Ordinal).ToArray();
        var firstActive = byCustomer.ToDictionary(
            g => g.Key, g => g.Where(s => s.Mrr > 0 && (s.End is not { } end || end > s.Start)).Select(s => (DateOnly?)s.Start).Min(), StringComparer.Ordinal);
        var first = subscriptions.Min(s => s.Start);
        if (first > context.AsOf)
        {
            return;
        }

        var unconverted = new HashSet<string>(StringComparer.Ordinal);
        decimal MrrOn(IEnumerable<Subscription> own, DateOnly day)
        {
            var total = 0m;
            foreach (var s in own.Where(s => s.IsActiveOn(day)))
            {
                if (rates.Convert(s.Mrr, s.Currency, context.ReportingCurrency, day) is { } converted)
                {
                    total += converted;
                }
                else
                {
                    unconverted.Add(s.Currency ?? "");
                }
            }

            return total;
        }

        foreach (var grain in context.Grains)
        {
            foreach (var period in context.Calendar.PeriodsBetween(grain, first, context.AsOf))
            {
                var last = period.LastDay < context.AsOf ? period.LastDay : context.AsOf;
                var before = period.Start.AddDays(-1);
                var groups = new Dictionary<string, MrrMovements>(StringComparer.Ordinal) { [SegmentKeys.All] = new() };
                var customers = new Dictionary<string, int>(StringComparer.Ordinal) { [SegmentKeys.All] = 0 };
                foreach (var customer in byCustomer)
                {
                    var start = MrrOn(customer, before);
                    var end = MrrOn(customer, last);
                    if (start == 0 && end == 0)
                    {
                        continue;
                    }

                    var isNew = firstActive[customer.Key] is { } f && f >= period.Start && f <= last;
                    if (MrrMovements.Classify(start, end, isNew) is ({ } metric, var amount and not 0))
                    {
                        var involved = customer.Where(s => s.IsActiveOn(before) || s.IsActiveOn(last)).Select(s => s.Id).Distinct().Order(StringComparer.Ordinal);
                        output.List(new CustomerListRow(
                            metric,
                            grain.ToName(),
                            period.Label,
                            period.Start,
                            customer.Key,
                            null,
                            Lists.Trim(start),
                            Lists.Trim(end),
                            Lists.Trim(amount),
                            [.. involved]));
                    }

                    foreach (var key in context.Segments.Of(customer.Key).Prepend(SegmentKeys.All))
                    {
                        if (!groups.TryGetValue(key, out var movements))
                        {
                            groups[key] = movements = new MrrMovements();
                        }

                        movements.Add(start, end, isNew);
                        customers[key] = customers.GetValueOrDefault(key) + 1;
                    }
                }

                foreach (var (segment, m) in groups.OrderBy(g => g.Key == SegmentKeys.All ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal))
                {
                    var partial = period.LastDay > context.AsOf;
                    var lowSample = segment != SegmentKeys.All && customers[segment] < SegmentKeys.LowSampleThreshold;
                    MetricValue Row(MetricDefinition definition, Reduction r) => new(
                        definition.Id, null, period, segment, Ratio.Round(r.Value), Ratio.Round(r.Numerator), Ratio.Round(r.Denominator),
                        definition.Unit, definition.Version, partial, lowSample);
                    Reduction Amount(decimal value) => new(value, value, null);
                    output.Add(
                    [
                        Row(Metrics[0], Amount(m.End)),
                        Row(Metrics[1], Amount(m.New)),
                        Row(Metrics[2], Amount(m.Expansion)),
                        Row(Metrics[3], Amount(m.Contraction)),
                        Row(Metrics[4], Amount(m.Churn)),
                        Row(Metrics[5], Amount(m.Reactivation)),
                        Row(Metrics[6], Reduction.Divide(m.Retained, m.Start, 100m)),
                        Row(Metrics[7], Reduction.Divide(m.Retained - m.Expansion, m.Start, 100m)),
                        Row(Metrics[8], m.QuickRatio),
                    ]);
                }
            }
        }

        if (unconverted.Count > 0)
        {
            output.Warn($"Subscriptions in {string.Join(", ", unconverted.Order(StringComparer.Ordinal))} have no fx-rates row on or before a day they count: their MRR is left out of that day.");
        }
    }

    private static List<Subscription> Load(FamilyContext context)
    {
        var rows = context.Exports.Read(ExportKind.Subscriptions, ["subscription_id", "customer_id", "start_date", "end_date", "mrr", "currency"]);
        var ids = rows.Text("subscription_id");
        var customers = rows.Text("customer_id");
        var starts = rows.Time("start_date");
        var ends = rows.Time("end_date");
        var mrr = rows.Money("mrr");
        var currencies = rows.Text("currency");
        var list = new List<Subscription>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (ids[i] is { } id && customers[i] is { } customer && starts[i] is { } start && mrr[i] is { } amount)
            {
                list.Add(new Subscription(id, customer, start.Day, ends[i]?.Day, amount, currencies[i]));
            }
        }

        return list;
    }
}

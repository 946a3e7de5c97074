using Centric.Domain.Activity;

namespace Centric.Domain.Families.Subscriptions;

/// <summary>
/// A subscriptions dataset's customers, numbered so the orders' customers keep their numbers (0..orders − 1) and
/// customers found only in subscriptions follow; per customer its activity spells (<see cref="SubscriptionsActivityModel"/>)
/// and its MRR on any day (<see cref="Revenue"/>). The customer-base metrics, cohorts and MRR movements all read these.
/// </summary>
public sealed class SubscriptionCustomers
{
    private SubscriptionCustomers(IReadOnlyList<string> customerIds, IReadOnlyList<ActivitySpell[]> spells, RecurringRevenue revenue, DateOnly? firstStart)
    {
        CustomerIds = customerIds;
        Spells = spells;
        Revenue = revenue;
        FirstStart = firstStart;
    }

    public IReadOnlyList<string> CustomerIds { get; }

    /// <summary>Per customer, its spells of activity (empty when none of its subscriptions is ever active).</summary>
    public IReadOnlyList<ActivitySpell[]> Spells { get; }

    public RecurringRevenue Revenue { get; }

    /// <summary>The earliest subscription start; null without subscriptions.</summary>
    public DateOnly? FirstStart { get; }

    public static SubscriptionCustomers Build(IReadOnlyList<string> orderCustomerIds, IReadOnlyList<Subscription> subscriptions, IExportReader exports, string reportingCurrency)
    {
        ArgumentNullException.ThrowIfNull(orderCustomerIds);
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentNullException.ThrowIfNull(exports);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>(orderCustomerIds.Count);
        foreach (var id in orderCustomerIds)
        {
            index.TryAdd(id, ids.Count);
            ids.Add(id);
        }

        foreach (var id in subscriptions.Select(s => s.CustomerId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (index.TryAdd(id, ids.Count))
            {
                ids.Add(id);
            }
        }

        var own = new List<Subscription>[ids.Count];
        for (var c = 0; c < own.Length; c++)
        {
            own[c] = [];
        }

        foreach (var s in subscriptions)
        {
            own[index[s.CustomerId]].Add(s);
        }

        return new SubscriptionCustomers(
            ids,
            [.. own.Select(SubscriptionsActivityModel.Spells)],
            new RecurringRevenue([.. own.Select(o => o.ToArray())], FxRates.Load(exports), reportingCurrency),
            subscriptions.Count == 0 ? null : subscriptions.Min(s => s.Start));
    }
}

using System.Runtime.InteropServices;
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

    /// <summary>
    /// Numbers the customers: those of <paramref name="orderCustomerIds"/> first, in their order, then the other customers
    /// of <paramref name="subscriptions"/> in ordinal order of their ids; and gives each its subscriptions in export order.
    /// </summary>
    /// <remarks>
    /// Each subscription's customer id is looked up once: a customer met for the first time gets a provisional number,
    /// the new ids are sorted once, and the provisional numbers are then mapped to their place. Each customer's
    /// subscriptions go straight into an array of its count. At a million subscriptions (333,333 customers) numbering and
    /// grouping take 0.36–0.42 s instead of 0.97 s, when every id was hashed three times (distinct, numbering, grouping)
    /// and a list grown per customer.
    /// </remarks>
    public static SubscriptionCustomers Build(IReadOnlyList<string> orderCustomerIds, IReadOnlyList<Subscription> subscriptions, IExportReader exports, string reportingCurrency)
    {
        ArgumentNullException.ThrowIfNull(orderCustomerIds);
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentNullException.ThrowIfNull(exports);
        var index = new Dictionary<string, int>(orderCustomerIds.Count, StringComparer.Ordinal);
        var ids = new List<string>(orderCustomerIds.Count);
        foreach (var id in orderCustomerIds)
        {
            index.TryAdd(id, ids.Count);
            ids.Add(id);
        }

        // Customers only in subscriptions are numbered from `known` on, first provisionally in the order they are met.
        var known = ids.Count;
        var met = new List<string>();
        var customerOf = new int[subscriptions.Count];
        for (var i = 0; i < customerOf.Length; i++)
        {
            var id = subscriptions[i].CustomerId;
            ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(index, id, out var exists);
            if (!exists)
            {
                number = known + met.Count;
                met.Add(id);
            }

            customerOf[i] = number;
        }

        var sorted = met.ToArray();
        var provisional = new int[sorted.Length];
        for (var k = 0; k < provisional.Length; k++)
        {
            provisional[k] = k;
        }

        Array.Sort(sorted, provisional, StringComparer.Ordinal);
        var final = new int[sorted.Length];
        for (var rank = 0; rank < sorted.Length; rank++)
        {
            final[provisional[rank]] = known + rank;
        }

        ids.AddRange(sorted);
        var counts = new int[ids.Count];
        for (var i = 0; i < customerOf.Length; i++)
        {
            if (customerOf[i] >= known)
            {
                customerOf[i] = final[customerOf[i] - known];
            }

            counts[customerOf[i]]++;
        }

        var own = new Subscription[ids.Count][];
        for (var c = 0; c < own.Length; c++)
        {
            own[c] = counts[c] == 0 ? [] : new Subscription[counts[c]];
            counts[c] = 0;
        }

        for (var i = 0; i < customerOf.Length; i++)
        {
            var c = customerOf[i];
            own[c][counts[c]++] = subscriptions[i];
        }

        return new SubscriptionCustomers(
            ids,
            [.. own.Select(SubscriptionsActivityModel.Spells)],
            new RecurringRevenue(own, FxRates.Load(exports), reportingCurrency),
            subscriptions.Count == 0 ? null : subscriptions.Min(s => s.Start));
    }
}

using Centric.Domain.Activity;


namespace Centric.Domain.Families.Orders;

/// <summary>One customer's purchase days, churn-model spells and day totals, as day numbers.</summary>
internal sealed record CustomerHistory(int Customer, int[] PurchaseDays, ActivitySpell[] Spells, CustomerDay[] Days)
{
    public int FirstPurchase => PurchaseDays.Length > 0 ? PurchaseDays[0] : int.MaxValue;

    public bool IsActiveOn(int day)
    {
        foreach (var spell in Spells)
        {
            if (spell.IsActiveOn(day))
            {
                return true;
            }

            if (spell.Start > day)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The first day that matters: its first day with orders or its first active day.</summary>
    public int FirstDay => Math.Min(Days.Length > 0 ? Days[0].Day.DayNumber : int.MaxValue, Spells.Length > 0 ? Spells[0].Start : int.MaxValue);

    /// <summary>
    /// Histories of the subscriptions model: activity from <paramref name="spells"/> (per customer number), purchase days
    /// and day totals from orders. Spells starting after the as-of date are unknown yet and left out.
    /// </summary>
    public static IReadOnlyList<CustomerHistory> Build(IReadOnlyList<CustomerDay> days, IReadOnlyList<ActivitySpell[]> spells, DateOnly asOf)
    {
        var cutoff = asOf.DayNumber;
        var byCustomer = days.Where(d => d.Day.DayNumber <= cutoff).ToLookup(d => d.Customer);
        var histories = new List<CustomerHistory>();
        for (var c = 0; c < spells.Count; c++)
        {
            var own = MergeSameDay([.. byCustomer[c].OrderBy(d => d.Day)]);
            var known = spells[c].Where(s => s.Start <= cutoff).ToArray();
            if (own.Length == 0 && known.Length == 0)
            {
                continue;
            }

            histories.Add(new CustomerHistory(c, [.. own.Where(d => d.IsPurchaseDay).Select(d => d.Day.DayNumber)], known, own));
        }

        return histories;
    }

    public static IReadOnlyList<CustomerHistory> Build(IReadOnlyList<CustomerDay> days, DateOnly asOf, int inactivityDays)
    {
        var cutoff = asOf.DayNumber;
        var ordered = days.Where(d => d.Day.DayNumber <= cutoff)
            .OrderBy(d => d.Customer).ThenBy(d => d.Day).ToArray();
        var histories = new List<CustomerHistory>();
        var i = 0;
        while (i < ordered.Length)
        {
            var customer = ordered[i].Customer;
            var start = i;
            while (i < ordered.Length && ordered[i].Customer == customer)
            {
                i++;
            }

            var own = MergeSameDay(ordered.AsSpan(start, i - start));
            var purchaseDays = own.Where(d => d.IsPurchaseDay).Select(d => d.Day.DayNumber).ToArray();
            histories.Add(new CustomerHistory(customer, purchaseDays, OrdersActivityModel.Spells(purchaseDays, inactivityDays), own));
        }

        return histories;
    }

    private static CustomerDay[] MergeSameDay(ReadOnlySpan<CustomerDay> days)
    {
        var merged = new List<CustomerDay>(days.Length);
        foreach (var day in days)
        {
            if (merged.Count > 0 && merged[^1].Day == day.Day)
            {
                var last = merged[^1];
                merged[^1] = last with
                {
                    ValidOrders = last.ValidOrders + day.ValidOrders,
                    ValidAmount = last.ValidAmount + day.ValidAmount,
                    Credits = last.Credits + day.Credits,
                };
            }
            else
            {
                merged.Add(day);
            }
        }

        return [.. merged];
    }
}

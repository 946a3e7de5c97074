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

using Centric.Domain.Activity;

namespace Centric.Domain.Families.Orders;

/// <summary>
/// One customer's purchase days, churn-model spells and day totals (day numbers), read from the columns of
/// <see cref="CustomerHistories"/>: a view, not a copy, so a customer costs a few ints rather than three arrays and an object.
/// </summary>
internal readonly struct CustomerHistory(CustomerHistories all, int index)
{
    public int Customer => all.CustomerOf(index);

    public ReadOnlySpan<int> PurchaseDays => all.PurchaseDaysOf(index);

    public ReadOnlySpan<ActivitySpell> Spells => all.SpellsOf(index);

    /// <summary>The customer-days (merged by date, up to the as-of date) behind the day totals.</summary>
    public CustomerDays Days => all.Days;

    /// <summary>The first of this customer's rows in <see cref="Days"/>.</summary>
    public int FirstRow => all.FirstRowOf(index);

    /// <summary>One past the last of this customer's rows in <see cref="Days"/>.</summary>
    public int EndRow => all.EndRowOf(index);

    public int FirstPurchase
    {
        get
        {
            var days = PurchaseDays;
            return days.Length > 0 ? days[0] : int.MaxValue;
        }
    }

    /// <summary>The first day that matters: its first day with orders or its first active day.</summary>
    public int FirstDay
    {
        get
        {
            var spells = Spells;
            return Math.Min(EndRow > FirstRow ? Days.DayAt(FirstRow) : int.MaxValue, spells.Length > 0 ? spells[0].Start : int.MaxValue);
        }
    }

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
}

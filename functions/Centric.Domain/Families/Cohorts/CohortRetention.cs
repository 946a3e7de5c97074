using System.Globalization;
using Centric.Domain.Activity;

using Centric.Domain.Metrics;

namespace Centric.Domain.Families.Cohorts;

/// <summary>
/// <c>cohort-retention</c> (docs/metrics.md). Orders model: cohort = month of a customer's first purchase day; the value for
/// (cohort, k) = customers of the cohort with a purchase day in month cohort + k ÷ cohort size × 100. Subscriptions model:
/// cohort = month of the first active day, and a customer counts in month cohort + k when it is active on any day of it.
/// Every cell up to the month holding the as-of date is reported, zeros included, so the matrix is complete.
/// </summary>
public static class CohortRetention
{
    public static string MetricId => CohortsFamily.Retention;

    public static int DefinitionVersion => CohortsFamily.Metrics[0].Version;

    public static IReadOnlyList<CohortCell> Compute(IReadOnlyList<CustomerDay> days, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days is CustomerDays { IsOrdered: true } columns)
        {
            return FromColumns(columns, asOf);
        }

        var byCustomer = days.Where(d => d.IsPurchaseDay && d.Day <= asOf)
            .GroupBy(d => d.Customer)
            .Select(g => g.Select(d => MonthIndex(d.Day)).Distinct().Order().ToArray());
        return Cells(byCustomer, asOf);
    }

    /// <summary>
    /// The subscriptions model's matrix from each customer's activity spells (days after the as-of date are unknown). A
    /// customer's months are gathered in one list kept for all customers and counted per cohort in an array, instead of a
    /// set, a sorted copy and a tuple-keyed count per customer and month (at a million subscriptions, 394 MB allocated).
    /// </summary>
    public static IReadOnlyList<CohortCell> Compute(IReadOnlyList<ActivitySpell[]> spells, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(spells);
        var cutoff = asOf.DayNumber;
        var lastMonth = MonthIndex(asOf);
        var cohortSize = new Dictionary<int, int>();
        var activeOfCohort = new Dictionary<int, int[]>();
        var months = new List<int>();
        foreach (var own in spells)
        {
            months.Clear();
            foreach (var spell in own)
            {
                if (spell.Start > cutoff)
                {
                    continue;
                }

                var last = MonthIndex(DateOnly.FromDayNumber(Math.Min(spell.End - 1, cutoff)));
                for (var month = MonthIndex(DateOnly.FromDayNumber(spell.Start)); month <= last; month++)
                {
                    months.Add(month);
                }
            }

            if (months.Count == 0)
            {
                continue;
            }

            // Spells come in order, so the months mostly do; a month two spells share is counted once.
            months.Sort();
            var cohort = months[0];
            cohortSize[cohort] = cohortSize.GetValueOrDefault(cohort) + 1;
            if (!activeOfCohort.TryGetValue(cohort, out var active))
            {
                activeOfCohort[cohort] = active = new int[lastMonth - cohort + 1];
            }

            var previous = cohort - 1;
            foreach (var month in months)
            {
                if (month != previous)
                {
                    active[month - cohort]++;
                    previous = month;
                }
            }
        }

        var counts = new Dictionary<(int Cohort, int K), int>();
        foreach (var (cohort, active) in activeOfCohort)
        {
            for (var k = 0; k < active.Length; k++)
            {
                if (active[k] > 0)
                {
                    counts[(cohort, k)] = active[k];
                }
            }
        }

        return Cells(cohortSize, counts, asOf);
    }

    /// <summary>
    /// The same matrix read straight from customer-days in (customer, day) order: each customer's purchase months come
    /// in order, so a month is counted when it differs from the one before, without grouping a copy of the days (at
    /// 10M orders the grouping held about 400 MB).
    /// </summary>
    private static List<CohortCell> FromColumns(CustomerDays days, DateOnly asOf)
    {
        var cutoff = asOf.DayNumber;
        var cohortSize = new Dictionary<int, int>();
        var active = new Dictionary<(int Cohort, int K), int>();
        var (customer, cohort, month) = (-1, 0, 0);
        var (monthStart, monthEnd) = (0, -1);
        for (var r = 0; r < days.Count; r++)
        {
            var day = days.DayAt(r);
            if (days.ValidOrdersAt(r) <= 0 || day > cutoff)
            {
                continue;
            }

            var first = days.CustomerAt(r) != customer;
            if (first || day < monthStart || day > monthEnd)
            {
                var date = DateOnly.FromDayNumber(day);
                (monthStart, monthEnd) = (day - date.Day + 1, day - date.Day + DateTime.DaysInMonth(date.Year, date.Month));
                month = MonthIndex(date);
                if (first)
                {
                    (customer, cohort) = (days.CustomerAt(r), month);
                    cohortSize[cohort] = cohortSize.GetValueOrDefault(cohort) + 1;
                }

                active[(cohort, month - cohort)] = active.GetValueOrDefault((cohort, month - cohort)) + 1;
            }
        }

        return Cells(cohortSize, active, asOf);
    }

    private static List<CohortCell> Cells(IEnumerable<int[]> byCustomer, DateOnly asOf)
    {
        var cohortSize = new Dictionary<int, int>();
        var active = new Dictionary<(int Cohort, int K), int>();
        foreach (var months in byCustomer)
        {
            var cohort = months[0];
            cohortSize[cohort] = cohortSize.GetValueOrDefault(cohort) + 1;
            foreach (var month in months)
            {
                active[(cohort, month - cohort)] = active.GetValueOrDefault((cohort, month - cohort)) + 1;
            }
        }

        return Cells(cohortSize, active, asOf);
    }

    private static List<CohortCell> Cells(Dictionary<int, int> cohortSize, Dictionary<(int Cohort, int K), int> active, DateOnly asOf)
    {
        var lastMonth = MonthIndex(asOf);
        var cells = new List<CohortCell>();
        foreach (var (cohort, size) in cohortSize.OrderBy(c => c.Key))
        {
            var start = new DateOnly(cohort / 12, (cohort % 12) + 1, 1);
            var label = start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            for (var k = 0; cohort + k <= lastMonth; k++)
            {
                var customers = active.GetValueOrDefault((cohort, k));
                cells.Add(new CohortCell(label, start, k, customers, size, Ratio.Round(Ratio.Of(customers, size, 100m)), cohort + k == lastMonth
                    && asOf.AddDays(1).Day != 1));
            }
        }

        return cells;
    }

    private static int MonthIndex(DateOnly day) => (day.Year * 12) + day.Month - 1;
}

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
        var byCustomer = days.Where(d => d.IsPurchaseDay && d.Day <= asOf)
            .GroupBy(d => d.Customer)
            .Select(g => g.Select(d => MonthIndex(d.Day)).Distinct().Order().ToArray());
        return Cells(byCustomer, asOf);
    }

    /// <summary>The subscriptions model's matrix from each customer's activity spells (days after the as-of date are unknown).</summary>
    public static IReadOnlyList<CohortCell> Compute(IReadOnlyList<ActivitySpell[]> spells, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(spells);
        var cutoff = asOf.DayNumber;
        var byCustomer = spells
            .Select(own => own.Where(s => s.Start <= cutoff)
                .SelectMany(s => Enumerable.Range(
                    MonthIndex(DateOnly.FromDayNumber(s.Start)),
                    MonthIndex(DateOnly.FromDayNumber(Math.Min(s.End - 1, cutoff))) - MonthIndex(DateOnly.FromDayNumber(s.Start)) + 1))
                .Distinct().Order().ToArray())
            .Where(months => months.Length > 0);
        return Cells(byCustomer, asOf);
    }

    private static List<CohortCell> Cells(IEnumerable<int[]> byCustomer, DateOnly asOf)
    {
        var lastMonth = MonthIndex(asOf);
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

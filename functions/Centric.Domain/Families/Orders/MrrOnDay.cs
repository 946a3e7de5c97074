using Centric.Domain.Activity;
using Centric.Domain.Families.Subscriptions;
using Centric.Domain.Metrics;

namespace Centric.Domain.Families.Orders;

/// <summary>
/// MRR on a day per segment, summed over the customers active that day (subscriptions model), with the warning of the
/// subscriptions whose MRR could not be converted; each day is summed once and kept (period ends repeat across grains).
/// </summary>
internal sealed class MrrOnDay(IReadOnlyList<CustomerHistory> histories, RecurringRevenue revenue, SegmentIndex segments)
{
    private readonly Dictionary<int, (decimal[] Totals, List<UnconvertedAmounts>[] Unconverted)> _byDay = [];

    /// <summary>The MRR of segment <paramref name="bin"/> on <paramref name="day"/>, or a warning when some of it did not convert.</summary>
    public (decimal Total, string? Warning) On(int day, int bin)
    {
        if (!_byDay.TryGetValue(day, out var sums))
        {
            sums = (new decimal[segments.Count], new List<UnconvertedAmounts>[segments.Count]);
            var date = DateOnly.FromDayNumber(day);
            var missing = new List<UnconvertedAmounts>();
            foreach (var h in histories.Where(h => h.IsActiveOn(day)))
            {
                missing.Clear();
                var mrr = revenue.MrrOn(h.Customer, date, missing);
                foreach (var b in segments.BinsOf(h.Customer))
                {
                    sums.Totals[b] += mrr;
                    if (missing.Count > 0)
                    {
                        (sums.Unconverted[b] ??= []).AddRange(missing);
                    }
                }
            }

            _byDay[day] = sums;
        }

        var unconverted = sums.Unconverted[bin];
        return (sums.Totals[bin], unconverted is null ? null : ConversionWarnings.For(unconverted, revenue.ReportingCurrency));
    }
}

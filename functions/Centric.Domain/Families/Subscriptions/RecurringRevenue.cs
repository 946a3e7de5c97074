using Centric.Domain.Activity;

namespace Centric.Domain.Families.Subscriptions;

/// <summary>
/// Each customer's MRR on a day in the reporting currency: the sum of the MRR of its subscriptions active that day,
/// converted at that day's rate (the latest on or before it). A subscription whose currency has no rate on or before
/// the day is not added: it is reported as an <see cref="UnconvertedAmounts"/> so the money metrics it feeds become
/// unknown rather than short. Customers are numbered like the rest of the compute (0..Count − 1).
/// </summary>
/// <remarks>
/// A customer whose subscriptions are all in the reporting currency has an MRR that only changes on the days one of
/// them starts or ends, so it is kept as a step function: the sorted change days and the MRR from each one on, summed in
/// export order like the per-day sum. Its MRR on a day is then one binary search. Customers with another currency are
/// summed per day, since their rate moves.
/// </remarks>
public sealed class RecurringRevenue
{
    private readonly IReadOnlyList<Subscription[]> _byCustomer;
    private readonly FxRates _rates;
    private readonly MrrSteps?[] _steps;

    internal RecurringRevenue(IReadOnlyList<Subscription[]> byCustomer, FxRates rates, string reportingCurrency)
    {
        _byCustomer = byCustomer;
        _rates = rates;
        ReportingCurrency = reportingCurrency;
        _steps = new MrrSteps?[byCustomer.Count];
        for (var c = 0; c < _steps.Length; c++)
        {
            _steps[c] = MrrSteps.Of(byCustomer[c], reportingCurrency);
        }
    }

    public string ReportingCurrency { get; }

    public int Count => _byCustomer.Count;

    /// <summary>Customer <paramref name="customer"/>'s subscriptions, as exported.</summary>
    public IReadOnlyList<Subscription> Of(int customer) => _byCustomer[customer];

    /// <summary>Customer <paramref name="customer"/>'s subscriptions as exported, as the span of the array it keeps.</summary>
    public ReadOnlySpan<Subscription> SpanOf(int customer) => _byCustomer[customer];

    /// <summary>
    /// The customer's MRR on <paramref name="day"/> from the subscriptions that converted; each one that did not is added
    /// to <paramref name="unconverted"/>.
    /// </summary>
    public decimal MrrOn(int customer, DateOnly day, List<UnconvertedAmounts> unconverted)
    {
        ArgumentNullException.ThrowIfNull(unconverted);
        if (_steps[customer] is { } steps)
        {
            return steps.On(day.DayNumber);
        }

        var total = 0m;
        foreach (var s in _byCustomer[customer])
        {
            if (!s.IsActiveOn(day))
            {
                continue;
            }

            if (_rates.Convert(s.Mrr, s.Currency, ReportingCurrency, day) is { } converted)
            {
                total += converted;
            }
            else
            {
                unconverted.Add(new UnconvertedAmounts(customer, day, s.Currency!.ToUpperInvariant(), 1));
            }
        }

        return total;
    }

    /// <summary>
    /// The MRR of subscriptions that need no conversion as a step function: <see cref="Amounts"/>[i] from
    /// <see cref="Days"/>[i] (a day number) until the next change day; 0 before the first.
    /// </summary>
    private sealed class MrrSteps(int[] days, decimal[] amounts)
    {
        private int[] Days { get; } = days;

        private decimal[] Amounts { get; } = amounts;

        public decimal On(int day)
        {
            var index = Array.BinarySearch(Days, day);
            index = index >= 0 ? index : ~index - 1;
            return index < 0 ? 0m : Amounts[index];
        }

        /// <summary>The steps of <paramref name="subscriptions"/>; null when one that can be active needs a conversion.</summary>
        public static MrrSteps? Of(Subscription[] subscriptions, string reporting)
        {
            // Every start and end, sorted and each kept once: a customer has a few subscriptions, so a small array sorted
            // in place rather than a sorted set per customer (every customer's steps at a million subscriptions: 0.30–0.35 s
            // instead of 0.53 s).
            var changes = new int[subscriptions.Length * 2];
            var count = 0;
            foreach (var s in subscriptions)
            {
                if (s.Mrr <= 0 || s.End is { } never && never <= s.Start)
                {
                    continue;
                }

                if (s.Currency is not null && !string.Equals(s.Currency, reporting, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                changes[count++] = s.Start.DayNumber;
                if (s.End is { } end)
                {
                    changes[count++] = end.DayNumber;
                }
            }

            Array.Sort(changes, 0, count);
            var distinct = 0;
            for (var i = 0; i < count; i++)
            {
                if (distinct == 0 || changes[i] != changes[distinct - 1])
                {
                    changes[distinct++] = changes[i];
                }
            }

            var days = changes[..distinct];
            var amounts = new decimal[days.Length];
            for (var i = 0; i < days.Length; i++)
            {
                var day = DateOnly.FromDayNumber(days[i]);
                var total = 0m;
                foreach (var s in subscriptions)
                {
                    if (s.IsActiveOn(day))
                    {
                        total += s.Mrr;
                    }
                }

                amounts[i] = total;
            }

            return new MrrSteps(days, amounts);
        }
    }
}

using Centric.Domain.Activity;
using Centric.Domain.Exports;
using Centric.Domain.Metrics;
using Centric.Domain.Segments;
using Centric.Domain.Time;

namespace Centric.Domain.Families.Subscriptions;

/// <summary>
/// MRR and its movements from the subscriptions export: MRR on the period's last day, new, expansion, contraction,
/// churn and reactivation MRR (signed: they sum to the change in MRR), NRR, GRR and the quick ratio. A customer's MRR
/// on a day is the sum of the MRR of its subscriptions active that day, converted to the reporting currency at that
/// day's rate (the latest on or before it). A subscription in a currency with no rate on or before a day it counts makes
/// the money metrics it feeds null, with a warning on the row naming the currency and the number of subscriptions.
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
        if (context.Subscriptions is not { FirstStart: { } first } subscriptions || first > context.AsOf)
        {
            return;
        }

        var revenue = subscriptions.Revenue;
        var customers = Enumerable.Range(0, revenue.Count).Where(c => revenue.Of(c).Count > 0).ToArray();

        // Each customer's groups, resolved once: the * segment, then its segments as the segment lookup gives them.
        // Customers share their lists of segment keys, so a customer's groups are those of its list (its combination),
        // and each period sums its customers per combination before adding each combination to its groups: 8.3M
        // customer-periods at a million subscriptions, five groups each, were 41M additions of three amounts. The sums
        // are exact (amounts in the reporting currency have a few decimals), so adding them in another order gives the
        // same rows. SegmentSets numbers the segments (* is 0) and gives customers of the same segments one set, here a
        // combination; this family has no event dimension.
        var sets = new SegmentSets(context, dimension: "", dimensionOnly: false);
        var combinationOf = new int[revenue.Count];
        var segmentsOf = context.SegmentsOf(subscriptions.CustomerIds);
        foreach (var customer in customers)
        {
            combinationOf[customer] = sets.Of(segmentsOf[customer], value: null);
        }

        var keys = sets.Names;
        var combinations = Enumerable.Range(0, sets.MemberStart.Length - 1)
            .Select(c => sets.Members[sets.MemberStart[c]..sets.MemberStart[c + 1]])
            .ToArray();

        // Each customer's first active day and the end of its last spell, side by side: the check that a customer is
        // active on neither day of a period runs for every customer in every period, and reading them from each
        // customer's own spells array cost a cache miss each time.
        var firstActive = new int[revenue.Count];
        var lastEnd = new int[revenue.Count];
        for (var c = 0; c < revenue.Count; c++)
        {
            var spellsOf = subscriptions.Spells[c];
            (firstActive[c], lastEnd[c]) = spellsOf.Length == 0 ? (int.MaxValue, int.MinValue) : (spellsOf[0].Start, spellsOf[^1].End);
        }

        var lister = new MoverLister(output, revenue, output.ListedCustomers(subscriptions.CustomerIds));
        var order = Enumerable.Range(0, keys.Count).OrderBy(k => k == 0 ? 0 : 1).ThenBy(k => keys[k], StringComparer.Ordinal).ToArray();
        var unconvertedAnywhere = new List<UnconvertedAmounts>();
        var missingBefore = new List<UnconvertedAmounts>();
        var missingAfter = new List<UnconvertedAmounts>();
        foreach (var grain in context.Grains)
        {
            foreach (var period in context.Calendar.PeriodsBetween(grain, first, context.AsOf))
            {
                var last = period.LastDayBy(context.AsOf);
                var before = period.Start.AddDays(-1);
                var groups = new Group?[keys.Count];
                groups[0] = new Group();
                var sums = new Group?[combinations.Length];
                foreach (var customer in customers)
                {
                    // Active on neither day (before its first spell or after its last, or never): MRR 0 and nothing
                    // unconverted on both.
                    if (last.DayNumber < firstActive[customer] || before.DayNumber >= lastEnd[customer])
                    {
                        continue;
                    }

                    missingBefore.Clear();
                    missingAfter.Clear();
                    var start = revenue.MrrOn(customer, before, missingBefore);
                    var end = revenue.MrrOn(customer, last, missingAfter);
                    if (start == 0 && end == 0 && missingBefore.Count == 0 && missingAfter.Count == 0)
                    {
                        continue;
                    }

                    var isNew = firstActive[customer] >= period.Start.DayNumber && firstActive[customer] <= last.DayNumber;

                    // The movement is classified once and added to each of the customer's groups (five on average in the
                    // bench's million subscriptions: 41M additions); the rare unconverted amounts are added only when there
                    // are some.
                    var movement = MrrMovement.Of(start, end, isNew);
                    lister.List(grain, period, customer, before, last, start, end, movement);
                    var unconverted = missingBefore.Count > 0 || missingAfter.Count > 0;
                    if (unconverted)
                    {
                        unconvertedAnywhere.AddRange(missingBefore);
                        unconvertedAnywhere.AddRange(missingAfter);
                    }

                    var sum = sums[combinationOf[customer]] ??= new Group();
                    sum.Movements.Add(start, end, movement);
                    sum.Customers++;
                    if (unconverted)
                    {
                        // The rare amounts that did not convert go to the groups at once, in customer order.
                        foreach (var key in combinations[combinationOf[customer]])
                        {
                            var group = groups[key] ??= new Group();
                            group.UnconvertedAtEnd.AddRange(missingAfter);
                            group.Unconverted.AddRange(missingBefore);
                            group.Unconverted.AddRange(missingAfter);
                        }
                    }
                }

                for (var c = 0; c < sums.Length; c++)
                {
                    if (sums[c] is not { } sum)
                    {
                        continue;
                    }

                    foreach (var key in combinations[c])
                    {
                        var group = groups[key] ??= new Group();
                        group.Movements.Add(sum.Movements);
                        group.Customers += sum.Customers;
                    }
                }

                foreach (var key in order)
                {
                    if (groups[key] is { } group)
                    {
                        output.Add(Rows(context, period, keys[key], group));
                    }
                }
            }
        }

        if (ConversionWarnings.For(unconvertedAnywhere.DistinctBy(u => (u.Customer, u.Day, u.Currency)), context.ReportingCurrency) is { } warning)
        {
            output.Warn($"MRR, its movements, NRR, GRR, the quick ratio and subscription ARPA are null in the periods these subscriptions count in: {warning}");
        }
    }

    /// <summary>
    /// Lists the customer behind its movement in the period, from the same classification the sums use
    /// (<see cref="MrrMovement.Of"/>): MRR on s − 1 and on e − 1, the signed movement and the subscriptions active on
    /// either day. A customer whose MRR did not move is in no list.
    /// </summary>
    private sealed class MoverLister
    {
        /// <summary>The most distinct subscription ids a customer can have for its involved ones to be kept as bits.</summary>
        private const int MaskRuns = 64;

        private readonly FamilyOutput _output;
        private readonly ListedCustomers _listed;
        private readonly List<string> _involved = [];

        /// <summary>
        /// Every customer's subscriptions as their active days and ids, in ordinal order of the ids, customer after
        /// customer in one array: customer c's are <c>_terms[_firstTerm[c].._firstTerm[c + 1]]</c>. Movements are listed
        /// period by period in customer order, so the terms are read in the order they lie. Each customer's own array
        /// spread over the heap cost a cache miss or two per movement: at a million subscriptions, 2.7M movements
        /// spent about 1.1 s finding the involved ids.
        /// </summary>
        private readonly Term[] _terms;

        private readonly int[] _firstTerm;

        /// <summary>Each customer's last listed subscriptions, shared by its next rows while they do not change.</summary>
        private readonly string[]?[] _lastInvolved;

        /// <summary>The runs (distinct ids) of <see cref="_lastInvolved"/> as bits, for a customer with at most <see cref="MaskRuns"/>.</summary>
        private readonly ulong[] _lastMask;

        public MoverLister(FamilyOutput output, RecurringRevenue revenue, ListedCustomers listed)
        {
            _output = output;
            _listed = listed;
            _firstTerm = new int[revenue.Count + 1];
            for (var c = 0; c < revenue.Count; c++)
            {
                _firstTerm[c + 1] = _firstTerm[c] + Term.CountOf(revenue.SpanOf(c));
            }

            _terms = new Term[_firstTerm[^1]];
            for (var c = 0; c < revenue.Count; c++)
            {
                Term.Fill(revenue.SpanOf(c), _terms.AsSpan(_firstTerm[c], _firstTerm[c + 1] - _firstTerm[c]));
            }

            _lastInvolved = new string[revenue.Count][];
            _lastMask = new ulong[revenue.Count];
        }

        /// <summary>Lists the customer with its amounts and subscriptions, without building a row object first.</summary>
        public void List(
            Grain grain, Period period, int customer, DateOnly before, DateOnly last, decimal start, decimal end, MrrMovement movement)
        {
            var metric = movement.Kind switch
            {
                MrrMovementKind.New => NewMrr,
                MrrMovementKind.Expansion => ExpansionMrr,
                MrrMovementKind.Contraction => ContractionMrr,
                MrrMovementKind.Churn => ChurnMrr,
                MrrMovementKind.Reactivation => ReactivationMrr,
                _ => null,
            };
            if (metric is null)
            {
                return;
            }

            var terms = _terms.AsSpan(_firstTerm[customer], _firstTerm[customer + 1] - _firstTerm[customer]);
            var involved = terms.Length == 0 || terms[^1].Run < MaskRuns
                ? ByMask(customer, terms, before.DayNumber, last.DayNumber)
                : ByList(customer, terms, before.DayNumber, last.DayNumber);
            _output.List(
                metric,
                grain.ToName(),
                period.Label,
                period.Start,
                _listed.Of(customer),
                CustomerLists.CustomerLists.Trim(start),
                CustomerLists.CustomerLists.Trim(end),
                CustomerLists.CustomerLists.Trim(movement.Amount),
                involved);
        }

        /// <summary>
        /// The ids of the terms active on either day, each once, in order; found as bits of the customer's runs, so that
        /// rows whose subscriptions did not change share the array without comparing ids.
        /// </summary>
        private string[] ByMask(int customer, ReadOnlySpan<Term> terms, int beforeDay, int lastDay)
        {
            var mask = 0UL;
            foreach (ref readonly var term in terms)
            {
                if (term.IsActiveOn(beforeDay) || term.IsActiveOn(lastDay))
                {
                    mask |= 1UL << term.Run;
                }
            }

            if (_lastInvolved[customer] is { } kept && _lastMask[customer] == mask)
            {
                return kept;
            }

            var involved = new string[System.Numerics.BitOperations.PopCount(mask)];
            var (next, lastRun) = (0, -1);
            foreach (ref readonly var term in terms)
            {
                // Terms of one id are neighbours and share a run number: the id is added once, without reading its text.
                if ((mask & (1UL << term.Run)) != 0 && term.Run != lastRun)
                {
                    involved[next++] = term.Id;
                    lastRun = term.Run;
                }
            }

            _lastMask[customer] = mask;
            return _lastInvolved[customer] = involved;
        }

        /// <summary>As <see cref="ByMask"/>, for a customer with more distinct ids than bits: compared id by id with its last.</summary>
        private string[] ByList(int customer, ReadOnlySpan<Term> terms, int beforeDay, int lastDay)
        {
            _involved.Clear();
            var lastRun = -1;
            foreach (ref readonly var term in terms)
            {
                if ((term.IsActiveOn(beforeDay) || term.IsActiveOn(lastDay)) && term.Run != lastRun)
                {
                    _involved.Add(term.Id);
                    lastRun = term.Run;
                }
            }

            if (_lastInvolved[customer] is not { } involved || !involved.AsSpan().SequenceEqual(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_involved)))
            {
                _lastInvolved[customer] = involved = [.. _involved];
            }

            return involved;
        }

        /// <summary>
        /// A subscription's days of activity (<see cref="Subscription.IsActiveOn"/>), its id and the number of its id
        /// among the customer's distinct ids (<paramref name="Run"/>), so that telling two terms' ids apart needs no
        /// comparison of their text.
        /// </summary>
        private readonly record struct Term(int Start, int End, string Id, int Run)
        {
            public bool IsActiveOn(int day) => day >= Start && day < End;

            /// <summary>The terms <see cref="Fill"/> makes of <paramref name="subscriptions"/>.</summary>
            public static int CountOf(ReadOnlySpan<Subscription> subscriptions)
            {
                var count = 0;
                foreach (var s in subscriptions)
                {
                    count += HasTerm(s) ? 1 : 0;
                }

                return count;
            }

            /// <summary>
            /// Fills <paramref name="terms"/> with the terms of <paramref name="subscriptions"/> in ordinal order of their
            /// ids; a subscription never active has none (the span holds <see cref="CountOf"/> terms).
            /// </summary>
            public static void Fill(ReadOnlySpan<Subscription> subscriptions, Span<Term> terms)
            {
                var count = 0;
                foreach (var s in subscriptions)
                {
                    if (HasTerm(s))
                    {
                        terms[count++] = new Term(s.Start.DayNumber, s.End?.DayNumber ?? int.MaxValue, s.Id, 0);
                    }
                }

                terms.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
                var run = 0;
                for (var i = 0; i < terms.Length; i++)
                {
                    if (i > 0 && !string.Equals(terms[i].Id, terms[i - 1].Id, StringComparison.Ordinal))
                    {
                        run++;
                    }

                    terms[i] = terms[i] with { Run = run };
                }
            }

            /// <summary>Whether a subscription is ever active, and so has a term: active on d when mrr &gt; 0 and start ≤ d &lt; end (an open end never ends).</summary>
            private static bool HasTerm(Subscription s) => s.Mrr > 0;
        }
    }

    private static IEnumerable<MetricValue> Rows(FamilyContext context, Period period, string segment, Group group)
    {
        var m = group.Movements;
        var partial = period.LastDay > context.AsOf;
        var lowSample = segment != SegmentKeys.All && group.Customers < SegmentKeys.LowSampleThreshold;
        var endWarning = ConversionWarnings.For(group.UnconvertedAtEnd, context.ReportingCurrency);
        var warning = ConversionWarnings.For(group.Unconverted, context.ReportingCurrency);
        MetricValue Row(MetricDefinition definition, Reduction r, string? unknown)
        {
            var row = new MetricValue(
                definition.Id, null, period, segment, Ratio.Round(r.Value), Ratio.Round(r.Numerator), Ratio.Round(r.Denominator),
                definition.Unit, definition.Version, partial, lowSample);
            return unknown is null ? row : row with { Value = null, Numerator = null, Denominator = null, Warning = unknown };
        }

        static Reduction Amount(decimal value) => new(value, value, null);
        return
        [
            Row(Metrics[0], Amount(m.End), endWarning),
            Row(Metrics[1], Amount(m.New), warning),
            Row(Metrics[2], Amount(m.Expansion), warning),
            Row(Metrics[3], Amount(m.Contraction), warning),
            Row(Metrics[4], Amount(m.Churn), warning),
            Row(Metrics[5], Amount(m.Reactivation), warning),
            Row(Metrics[6], Reduction.Divide(m.Retained, m.Start, 100m), warning),
            Row(Metrics[7], Reduction.Divide(m.Retained - m.Expansion, m.Start, 100m), warning),
            Row(Metrics[8], m.QuickRatio, warning),
        ];
    }

    /// <summary>One segment's movements in one period, its customer count and the subscriptions whose MRR did not convert.</summary>
    private sealed class Group
    {
        public MrrMovements Movements { get; } = new();

        public int Customers { get; set; }

        public List<UnconvertedAmounts> UnconvertedAtEnd { get; } = [];

        public List<UnconvertedAmounts> Unconverted { get; } = [];
    }
}

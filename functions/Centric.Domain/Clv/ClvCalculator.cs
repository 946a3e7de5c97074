namespace Centric.Domain.Clv;

/// <summary>
/// Per-customer predicted CLV from any transaction model and the Gamma-Gamma spend model, as lifetimes'
/// <c>customer_lifetime_value</c>: CLV = E[spend] × Σ_{m=1..H} (E[Y(m·u)] − E[Y((m−1)·u)]) / (1 + d)^m, where
/// u = 30.4375 days expressed in the model's time unit (4.348 weeks) and E[Y(t)] is the conditional expectation
/// given (x, t_x, T). Customers with identical (x, t_x, T) share the purchase computation.
/// </summary>
public static class ClvCalculator
{
    /// <summary>Largest money value reported; beyond it a prediction is treated as undefined.</summary>
    private const double MaxMoney = 1e15;
    private const double MaxPurchases = 1e12;

    /// <summary>Every customer, in input order, with no number: without a transaction model nothing can be predicted.</summary>
    public static CustomerScore[] Unscored(IReadOnlyList<CustomerSummary> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        return [.. customers.Select(c => new CustomerScore(c.CustomerId, null, null, null, null))];
    }

    /// <summary>Scores every customer, in input order.</summary>
    public static IReadOnlyList<CustomerScore> Score(
        IReadOnlyList<CustomerSummary> customers,
        ITransactionModel transactions,
        GammaGammaModel? spend,
        ClvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(customers);
        return Score(customers, RfmGroups.From(customers), transactions, spend, options);
    }

    /// <summary>
    /// <see cref="Score(IReadOnlyList{CustomerSummary}, ITransactionModel, GammaGammaModel?, ClvOptions?)"/> with the
    /// customers' (x, t_x, T) groups already built (by the fit of the same summaries): each group's purchase outlook is
    /// computed once, in an array indexed by group instead of a table keyed by the history.
    /// </summary>
    internal static IReadOnlyList<CustomerScore> Score(
        IReadOnlyList<CustomerSummary> customers,
        RfmGroups groups,
        ITransactionModel transactions,
        GammaGammaModel? spend,
        ClvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var scores = new ScoreArray(customers);
        Score(customers, groups, transactions, spend, scores, options);
        return scores.Scores;
    }

    /// <summary>
    /// The scores of <see cref="Score(IReadOnlyList{CustomerSummary}, RfmGroups, ITransactionModel, GammaGammaModel?, ClvOptions?)"/>,
    /// the same numbers in the same order, handed to <paramref name="sink"/> instead of kept.
    /// </summary>
    internal static void Score(
        IReadOnlyList<CustomerSummary> customers,
        RfmGroups groups,
        ITransactionModel transactions,
        GammaGammaModel? spend,
        IClvScoreSink sink,
        ClvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(sink);
        options ??= ClvOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(options.HorizonMonths);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MonthlyDiscountRate, -1m);

        var month = TimeUnits.UnitsPerMonth(options.Unit);
        var discount = (double)options.MonthlyDiscountRate;
        var byGroup = new PurchaseOutlook[groups.Count];
        var known = new bool[groups.Count];
        var numerators = new Dictionary<(int, double), double[][]>();
        var bgNbd = transactions as BgNbdModel;
        var shapes = bgNbd?.ConditionalShapes() ?? [];
        var growth = Growth(options.HorizonMonths, discount);
        for (var i = 0; i < customers.Count; i++)
        {
            var c = customers[i];
            var group = groups.GroupOf[i];
            PurchaseOutlook outlook;
            if (group >= 0 && known[group])
            {
                outlook = byGroup[group];
            }
            else
            {
                // A customer left out of the groups (an impossible history) is scored on its own.
                outlook = bgNbd is not null
                    ? BgNbdOutlook(bgNbd, shapes, c, options.HorizonMonths, month, growth, numerators)
                    : Outlook(transactions, c, options.HorizonMonths, month, growth);
                if (group >= 0)
                {
                    byGroup[group] = outlook;
                    known[group] = true;
                }
            }

            decimal? expectedSpend = null, clv = null;
            if (spend is not null)
            {
                var perPurchase = spend.ConditionalExpectedAverageSpend(c.Frequency, (double)c.MonetaryValue);
                expectedSpend = Money(perPurchase);
                clv = outlook.DiscountedPurchases is { } d ? Money(perPurchase * d) : null;
            }

            sink.Add(i, outlook.PAlive, outlook.Purchases, expectedSpend, clv);
        }
    }

    /// <summary>(1 + d)^m for m = 0..months, worked out once per scoring instead of once per history and month.</summary>
    private static double[] Growth(int months, double discount)
    {
        var growth = new double[months + 1];
        for (var m = 0; m <= months; m++)
        {
            growth[m] = Math.Pow(1.0 + discount, m);
        }

        return growth;
    }

    private static PurchaseOutlook Outlook(
        ITransactionModel model, CustomerSummary c, int months, double month, double[] growth)
    {
        // Pareto/NBD's P(alive) (an A0 series) does not depend on the horizon: computed once, not once per month.
        var pareto = model as ParetoNbdModel;
        var alive = model.ProbabilityAlive(c.Frequency, c.Recency, c.Age);
        var previous = 0.0;
        var discounted = 0.0;
        for (var m = 1; m <= months; m++)
        {
            var cumulative = pareto is null
                ? model.ConditionalExpectedPurchases(m * month, c.Frequency, c.Recency, c.Age)
                : pareto.ConditionalExpectedPurchasesGivenAlive(m * month, c.Frequency, c.Age, alive);
            discounted += (cumulative - previous) / growth[m];
            previous = cumulative;
        }

        return new PurchaseOutlook(
            Finite(alive),
            Plausible(previous),
            Plausible(discounted));
    }

    /// <summary>
    /// <see cref="Outlook"/> for BG/NBD with equation (10)'s numerators shared by the customers of equal (x, T): the
    /// same operations in the same order, so the same numbers, with one series evaluation per (x, T) and month instead of
    /// one per (x, t_x, T) and month.
    /// </summary>
    private static PurchaseOutlook BgNbdOutlook(
        BgNbdModel model, double[] shapes, CustomerSummary c, int months, double month, double[] growth, Dictionary<(int, double), double[][]> numerators)
    {
        if (!numerators.TryGetValue((c.Frequency, c.Age), out var byShape))
        {
            byShape = new double[shapes.Length][];
            for (var j = 0; j < shapes.Length; j++)
            {
                byShape[j] = new double[months + 1];
                for (var m = 1; m <= months; m++)
                {
                    byShape[j][m] = model.ConditionalNumerator(m * month, c.Frequency, c.Age, shapes[j]);
                }
            }

            numerators.Add((c.Frequency, c.Age), byShape);
        }

        var first = model.ConditionalDenominator(c.Frequency, c.Recency, c.Age, shapes[0]);
        var second = shapes.Length == 1 ? 0.0 : model.ConditionalDenominator(c.Frequency, c.Recency, c.Age, shapes[1]);

        var previous = 0.0;
        var discounted = 0.0;
        for (var m = 1; m <= months; m++)
        {
            var cumulative = shapes.Length == 1
                ? byShape[0][m] / first
                : 0.5 * ((byShape[0][m] / first) + (byShape[1][m] / second));
            discounted += (cumulative - previous) / growth[m];
            previous = cumulative;
        }

        return new PurchaseOutlook(
            Finite(model.ProbabilityAlive(c.Frequency, c.Recency, c.Age)),
            Plausible(previous),
            Plausible(discounted));
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>
    /// A purchase count a fitted model can mean: finite and below <see cref="MaxPurchases"/>. A degenerate fit on a
    /// handful of customers can expect 10^30 purchases; such a number is undefined (null), not a value to add up.
    /// </summary>
    private static double? Plausible(double value) => double.IsFinite(value) && Math.Abs(value) < MaxPurchases ? value : null;

    private static decimal? Money(double value) =>
        double.IsFinite(value) && Math.Abs(value) < MaxMoney ? (decimal)value : null;

    /// <summary>Keeps every score as a <see cref="CustomerScore"/>, for callers that serve them per customer.</summary>
    private sealed class ScoreArray(IReadOnlyList<CustomerSummary> customers) : IClvScoreSink
    {
        public CustomerScore[] Scores { get; } = new CustomerScore[customers.Count];

        public void Add(int index, double? pAlive, double? expectedPurchases, decimal? expectedSpend, decimal? clv) =>
            Scores[index] = new CustomerScore(customers[index].CustomerId, pAlive, expectedPurchases, expectedSpend, clv);
    }

    /// <summary>
    /// A group's P(alive), expected purchases and discounted expected purchases, null where undefined. Null is held as
    /// NaN (<see cref="Finite"/> and <see cref="Plausible"/> never give NaN as a value), so that the outlook of every
    /// group of an end takes 24 bytes instead of 56 with nullable numbers.
    /// </summary>
    private readonly struct PurchaseOutlook(double? pAlive, double? purchases, double? discountedPurchases)
    {
        private readonly double _pAlive = pAlive ?? double.NaN;
        private readonly double _purchases = purchases ?? double.NaN;
        private readonly double _discountedPurchases = discountedPurchases ?? double.NaN;

        public double? PAlive => double.IsNaN(_pAlive) ? null : _pAlive;

        public double? Purchases => double.IsNaN(_purchases) ? null : _purchases;

        public double? DiscountedPurchases => double.IsNaN(_discountedPurchases) ? null : _discountedPurchases;
    }
}

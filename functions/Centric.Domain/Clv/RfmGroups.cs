namespace Centric.Domain.Clv;

/// <summary>
/// Customers grouped by identical (x, t_x, T) with a weight per group, plus an index of the distinct
/// frequencies so that terms depending only on x are computed once per frequency.
/// </summary>
internal sealed class RfmGroups
{
    private RfmGroups(int[] x, double[] recency, double[] age, double[] weight, int skipped, int[] groupOf)
    {
        Skipped = skipped;
        GroupOf = groupOf;
        X = x;
        Recency = recency;
        Age = age;
        Weight = weight;
        (DistinctX, XIndex) = FrequencyIndex.Of(x);
        (DistinctAge, AgeIndex) = DistinctValues(age);
        (DistinctRecency, RecencyIndex) = DistinctValues(recency);
        (FrequencyAgeCount, FrequencyAgeIndex) = DistinctPairs(XIndex, DistinctX.Length, AgeIndex, DistinctAge.Length);
        (FrequencyRecencyCount, FrequencyRecencyIndex) = DistinctPairs(XIndex, DistinctX.Length, RecencyIndex, DistinctRecency.Length);
        TotalWeight = weight.Sum();
        RepeatBuyers = x.Any(value => value > 0);
    }

    public int[] X { get; }

    public double[] Recency { get; }

    public double[] Age { get; }

    public double[] Weight { get; }

    public int[] DistinctX { get; }

    public int[] XIndex { get; }

    /// <summary>The distinct T values (there are at most as many as days of history) and each group's position among them.</summary>
    public double[] DistinctAge { get; }

    public int[] AgeIndex { get; }

    /// <summary>The distinct t_x values and each group's position among them.</summary>
    public double[] DistinctRecency { get; }

    public int[] RecencyIndex { get; }

    /// <summary>How many distinct (x, T) pairs there are, and each group's position among them.</summary>
    public int FrequencyAgeCount { get; }

    public int[] FrequencyAgeIndex { get; }

    /// <summary>How many distinct (x, t_x) pairs there are, and each group's position among them.</summary>
    public int FrequencyRecencyCount { get; }

    public int[] FrequencyRecencyIndex { get; }

    public double TotalWeight { get; }

    public bool RepeatBuyers { get; }

    public int Count => X.Length;

    /// <summary>Each customer's group, in the order the customers were given; −1 for a customer left out.</summary>
    public int[] GroupOf { get; }

    /// <summary>Customers left out because their history is impossible (x &lt; 0, t_x &lt; 0, t_x &gt; T or not finite).</summary>
    public int Skipped { get; }

    public static RfmGroups From(IReadOnlyList<CustomerSummary> customers)
    {
        // Sized for every customer at once: most histories of a long log are distinct, and growing the table step by
        // step would copy it a dozen times.
        var index = new Dictionary<(int, double, double), int>(customers.Count);
        var weights = new List<double>(customers.Count);
        var groupOf = new int[customers.Count];
        var skipped = 0;
        for (var c = 0; c < customers.Count; c++)
        {
            var customer = customers[c];
            if (!IsValid(customer))
            {
                skipped++;
                groupOf[c] = -1;
                continue;
            }

            var key = (customer.Frequency, customer.Recency, customer.Age);
            if (index.TryGetValue(key, out var slot))
            {
                weights[slot] += 1.0;
            }
            else
            {
                slot = weights.Count;
                index.Add(key, slot);
                weights.Add(1.0);
            }

            groupOf[c] = slot;
        }

        var x = new int[weights.Count];
        var recency = new double[weights.Count];
        var age = new double[weights.Count];
        foreach (var ((frequency, tx, t), slot) in index)
        {
            (x[slot], recency[slot], age[slot]) = (frequency, tx, t);
        }

        return new RfmGroups(x, recency, age, [.. weights], skipped, groupOf);
    }

    private static (double[] Distinct, int[] Index) DistinctValues(double[] values)
    {
        var position = new Dictionary<double, int>();
        var index = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!position.TryGetValue(values[i], out var slot))
            {
                position[values[i]] = slot = position.Count;
            }

            index[i] = slot;
        }

        var distinct = new double[position.Count];
        foreach (var (value, slot) in position)
        {
            distinct[slot] = value;
        }

        return (distinct, index);
    }

    /// <summary>
    /// The distinct (first, second) pairs numbered in the order they first come. Both are positions among distinct values,
    /// so when there are no more possible pairs than groups (a few dozen frequencies by some thousand days) a table of
    /// every pair numbers them, instead of a hash table grown step by step to tens of thousands of pairs.
    /// </summary>
    private static (int Count, int[] Index) DistinctPairs(int[] first, int firstCount, int[] second, int secondCount)
    {
        var index = new int[first.Length];
        if ((long)firstCount * secondCount <= first.Length)
        {
            // Each cell holds its pair's number + 1; 0 for a pair not seen yet.
            var cells = new int[firstCount * secondCount];
            var count = 0;
            for (var i = 0; i < first.Length; i++)
            {
                ref var cell = ref cells[(first[i] * secondCount) + second[i]];
                if (cell == 0)
                {
                    cell = ++count;
                }

                index[i] = cell - 1;
            }

            return (count, index);
        }

        var position = new Dictionary<(int, int), int>();
        for (var i = 0; i < first.Length; i++)
        {
            if (!position.TryGetValue((first[i], second[i]), out var slot))
            {
                position[(first[i], second[i])] = slot = position.Count;
            }

            index[i] = slot;
        }

        return (position.Count, index);
    }

    /// <summary>Appends the number of customers left out to a status message.</summary>
    public string Annotate(string message) => Skipped == 0
        ? message
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{message}; {Skipped} customers with an impossible history (x < 0 or t_x outside [0, T]) were left out");

    private static bool IsValid(CustomerSummary c) =>
        c.Frequency >= 0 && double.IsFinite(c.Recency) && double.IsFinite(c.Age)
        && c.Recency >= 0 && c.Recency <= c.Age && c.CustomerId is not null;
}

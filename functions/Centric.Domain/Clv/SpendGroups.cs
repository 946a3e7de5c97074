namespace Centric.Domain.Clv;

/// <summary>Repeat customers with positive spend, grouped by identical (x, z̄) with weights.</summary>
internal sealed class SpendGroups
{
    private SpendGroups(int[] x, double[] spend, double[] weight)
    {
        X = x;
        Spend = spend;
        LogSpend = [.. spend.Select(v => Math.Log(v))];
        Weight = weight;
        (DistinctX, XIndex) = FrequencyIndex.Of(x);
        TotalWeight = weight.Sum();
    }

    public int[] X { get; }

    public double[] Spend { get; }

    public double[] LogSpend { get; }

    public double[] Weight { get; }

    public int[] DistinctX { get; }

    public int[] XIndex { get; }

    public double TotalWeight { get; }

    public int Count => X.Length;

    public static SpendGroups From(IReadOnlyList<CustomerSummary> customers)
    {
        // Sized for every customer at once, as RfmGroups: most repeat customers' mean spends are distinct.
        var index = new Dictionary<(int, decimal), int>(customers.Count);
        var weights = new List<double>(customers.Count);
        foreach (var customer in customers)
        {
            if (customer.Frequency <= 0 || customer.MonetaryValue <= 0)
            {
                continue;
            }

            var key = (customer.Frequency, customer.MonetaryValue);
            if (index.TryGetValue(key, out var slot))
            {
                weights[slot] += 1.0;
            }
            else
            {
                index.Add(key, weights.Count);
                weights.Add(1.0);
            }
        }

        var x = new int[weights.Count];
        var spend = new double[weights.Count];
        foreach (var ((frequency, value), slot) in index)
        {
            (x[slot], spend[slot]) = (frequency, (double)value);
        }

        return new SpendGroups(x, spend, [.. weights]);
    }
}

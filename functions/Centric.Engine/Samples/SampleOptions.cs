namespace Centric.Engine.Samples;

/// <summary>
/// Shape of a generated sample dataset. The same options always give the same files.
/// </summary>
public sealed record SampleOptions
{
    /// <summary>The default last day of the generated history.</summary>
    public static readonly DateOnly DefaultEnd = new(2026, 10, 31);

    /// <param name="Customers">Customers acquired over the history (at least 1).</param>
    /// <param name="End">Last day of the history; defaults to <see cref="DefaultEnd"/>.</param>
    /// <param name="Years">Length of the history in years (at least 1).</param>
    /// <param name="Seed">Random seed: the same seed gives byte-identical files.</param>
    /// <param name="Orders">
    /// Approximate number of order rows wanted; null keeps the natural purchase behaviour
    /// (about four rows per customer over three years). Used for large synthetic sets.
    /// </param>
#pragma warning disable CA1707, IDE1006 // Parameter names match the properties so callers can write SampleOptions(Customers: 1000).
    public SampleOptions(int Customers = 3000, DateOnly? End = null, int Years = 3, int Seed = 7, int? Orders = null)
#pragma warning restore CA1707, IDE1006
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Customers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Years, 1);
        if (Orders is { } orders)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(orders, 1, nameof(Orders));
        }

        this.Customers = Customers;
        this.End = End ?? DefaultEnd;
        this.Years = Years;
        this.Seed = Seed;
        this.Orders = Orders;
    }

    public int Customers { get; init; }

    public DateOnly End { get; init; }

    public int Years { get; init; }

    public int Seed { get; init; }

    public int? Orders { get; init; }

    /// <summary>First day of the history: <see cref="Years"/> years before <see cref="End"/>, plus one day.</summary>
    public DateOnly Start => End.AddYears(-Years).AddDays(1);
}

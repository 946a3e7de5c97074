namespace Centric.Domain.Families.PredictedClv;

/// <summary>One segment's sums of a calibration end's scores, and how many customers each sum counts.</summary>
internal sealed class SegmentTotals
{
    public int Customers { get; private set; }

    public decimal Clv { get; private set; }

    public int WithClv { get; private set; }

    public decimal PAlive { get; private set; }

    public int WithPAlive { get; private set; }

    public decimal Purchases { get; private set; }

    public int WithPurchases { get; private set; }

    public void Add(decimal? clv, decimal? alive, decimal? purchases)
    {
        Customers++;
        if (clv is { } c)
        {
            Clv += c;
            WithClv++;
        }

        if (alive is { } a)
        {
            PAlive += a;
            WithPAlive++;
        }

        if (purchases is { } p)
        {
            Purchases += p;
            WithPurchases++;
        }
    }
}

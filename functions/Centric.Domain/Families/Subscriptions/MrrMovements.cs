namespace Centric.Domain.Families.Subscriptions;

/// <summary>
/// The MRR of a group of customers over one period P = [s, e): MRR on s − 1 and on e − 1 (the as-of date for the
/// partial period), and each customer's movement between the two, signed so that
/// new + expansion + reactivation + contraction + churn = MRR(e − 1) − MRR(s − 1) exactly.
/// </summary>
public sealed class MrrMovements
{
    public decimal Start { get; private set; }

    public decimal End { get; private set; }

    public decimal New { get; private set; }

    public decimal Expansion { get; private set; }

    public decimal Contraction { get; private set; }

    public decimal Churn { get; private set; }

    public decimal Reactivation { get; private set; }

    /// <summary>MRR on s − 1 plus the expansion, contraction and churn of the customers active then (NRR's numerator).</summary>
    public decimal Retained => Start + Expansion + Contraction + Churn;

    /// <summary>Adds one customer: its MRR on s − 1 and on e − 1, and whether its first active day ever is in P.</summary>
    public void Add(decimal before, decimal after, bool firstActiveInPeriod)
    {
        Start += before;
        End += after;
        var (metric, amount) = Classify(before, after, firstActiveInPeriod);
        switch (metric)
        {
            case SubscriptionsFamily.NewMrr:
                New += amount;
                break;
            case SubscriptionsFamily.ReactivationMrr:
                Reactivation += amount;
                break;
            case SubscriptionsFamily.ChurnMrr:
                Churn += amount;
                break;
            case SubscriptionsFamily.ExpansionMrr:
                Expansion += amount;
                break;
            case SubscriptionsFamily.ContractionMrr:
                Contraction += amount;
                break;
        }
    }

    /// <summary>
    /// Which movement one customer's change from <paramref name="before"/> (MRR on s − 1) to <paramref name="after"/>
    /// (MRR on e − 1) is, and its signed amount: the one rule both the sums and the customer lists use. A customer
    /// with the same MRR on both days is a contraction of 0; one with none on either is no movement (null metric).
    /// </summary>
    public static (string? Metric, decimal Amount) Classify(decimal before, decimal after, bool firstActiveInPeriod)
    {
        if (before == 0 && after == 0)
        {
            return (null, 0);
        }

        if (before == 0 && after > 0)
        {
            return (firstActiveInPeriod ? SubscriptionsFamily.NewMrr : SubscriptionsFamily.ReactivationMrr, after);
        }

        if (before > 0 && after == 0)
        {
            return (SubscriptionsFamily.ChurnMrr, -before);
        }

        return (after > before ? SubscriptionsFamily.ExpansionMrr : SubscriptionsFamily.ContractionMrr, after - before);
    }

    /// <summary>(new + expansion + reactivation) ÷ |contraction + churn|; null when nothing was lost.</summary>
    public Reduction QuickRatio
    {
        get
        {
            var lost = -(Contraction + Churn);
            var gained = New + Expansion + Reactivation;
            return lost == 0 ? new(null, gained, 0) : Reduction.Divide(gained, lost);
        }
    }
}

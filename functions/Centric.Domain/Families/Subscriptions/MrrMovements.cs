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

    /// <summary>Adds the customers summed in <paramref name="other"/>: each amount is added to its own.</summary>
    public void Add(MrrMovements other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Start += other.Start;
        End += other.End;
        New += other.New;
        Expansion += other.Expansion;
        Contraction += other.Contraction;
        Churn += other.Churn;
        Reactivation += other.Reactivation;
    }

    /// <summary>
    /// Adds one customer: its MRR on s − 1 and on e − 1, and its movement between them (<see cref="MrrMovement.Of"/> of
    /// the same amounts, with whether its first active day ever is in P).
    /// </summary>
    public void Add(decimal before, decimal after, MrrMovement movement)
    {
        Start += before;
        End += after;
        switch (movement.Kind)
        {
            case MrrMovementKind.New:
                New += movement.Amount;
                break;
            case MrrMovementKind.Reactivation:
                Reactivation += movement.Amount;
                break;
            case MrrMovementKind.Churn:
                Churn += movement.Amount;
                break;
            case MrrMovementKind.Expansion:
                Expansion += movement.Amount;
                break;
            case MrrMovementKind.Contraction:
                Contraction += movement.Amount;
                break;
            case MrrMovementKind.None:
            default:
                break;
        }
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

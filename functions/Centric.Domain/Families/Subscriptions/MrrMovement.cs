namespace Centric.Domain.Families.Subscriptions;

/// <summary>The kinds of change in one customer's MRR over a period (docs/metrics.md).</summary>
public enum MrrMovementKind
{
    None,
    New,
    Expansion,
    Contraction,
    Churn,
    Reactivation,
}

/// <summary>
/// One customer's MRR movement over a period P = [s, e), from its MRR on s − 1 and on e − 1: 0 → above 0 is new (its
/// first active day ever is in P) or reactivation; above 0 → 0 is churn; up is expansion; down is contraction.
/// <see cref="Amount"/> is signed: churn and contraction are negative, so it always equals after − before.
/// </summary>
public readonly record struct MrrMovement(MrrMovementKind Kind, decimal Amount)
{
    public static MrrMovement Of(decimal before, decimal after, bool firstActiveInPeriod)
    {
        if (before == 0 && after > 0)
        {
            return new(firstActiveInPeriod ? MrrMovementKind.New : MrrMovementKind.Reactivation, after);
        }

        if (before > 0 && after == 0)
        {
            return new(MrrMovementKind.Churn, -before);
        }

        return after == before ? new(MrrMovementKind.None, 0m)
            : new(after > before ? MrrMovementKind.Expansion : MrrMovementKind.Contraction, after - before);
    }
}

namespace Centric.Domain.Clv;

/// <summary>
/// A fitted model of repeat-purchase counts (BG/NBD or Pareto/NBD). Times are in the unit of the summaries the
/// model was fitted on; all results are finite for valid inputs (t ≥ 0, x ≥ 0, 0 ≤ t_x ≤ T).
/// </summary>
public interface ITransactionModel
{
    /// <summary>E[X(t)]: expected purchases in (0, t] for a customer picked at random, unconditionally.</summary>
    double ExpectedPurchases(double t);

    /// <summary>E[Y(t) | x, t_x, T]: expected purchases in (T, T + t] for a customer with this history.</summary>
    double ConditionalExpectedPurchases(double t, int frequency, double recency, double age);

    /// <summary>P(alive | x, t_x, T): probability the customer is still active at T.</summary>
    double ProbabilityAlive(int frequency, double recency, double age);
}

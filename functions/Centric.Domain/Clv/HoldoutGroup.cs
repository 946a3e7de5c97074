namespace Centric.Domain.Clv;

/// <summary>Predicted and actual holdout repeat purchases of the customers with one calibration frequency.</summary>
/// <param name="Frequency">Calibration x; the last group holds x ≥ this value.</param>
/// <param name="Label">"0", "1", …, "7+".</param>
/// <param name="Customers">Customers in the group.</param>
/// <param name="Predicted">Sum of E[Y(holdout) | x, t_x, T]; null without a fitted model.</param>
/// <param name="Actual">Repeat purchase days observed in the holdout.</param>
public sealed record HoldoutGroup(int Frequency, string Label, int Customers, double? Predicted, int Actual)
{
    /// <summary>Predicted purchases per customer.</summary>
    public double? PredictedPerCustomer => Customers == 0 ? null : Predicted / Customers;

    /// <summary>Actual purchases per customer.</summary>
    public double? ActualPerCustomer => Customers == 0 ? null : (double)Actual / Customers;
}

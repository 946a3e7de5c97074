namespace Centric.Domain.Clv;

/// <summary>
/// The recency-frequency-monetary summary of one customer at the calibration end
/// (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way", section 2).
/// </summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Frequency">x: repeat purchase days (purchase days − 1).</param>
/// <param name="Recency">t_x: time from the first to the last purchase day.</param>
/// <param name="Age">T: time from the first purchase day to the calibration end (inclusive).</param>
/// <param name="MonetaryValue">Mean spend of the repeat purchase days (first day excluded); 0 when x = 0.</param>
public readonly record struct CustomerSummary(
    string CustomerId,
    int Frequency,
    double Recency,
    double Age,
    decimal MonetaryValue);

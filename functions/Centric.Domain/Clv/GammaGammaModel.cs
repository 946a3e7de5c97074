namespace Centric.Domain.Clv;

/// <summary>
/// Gamma-Gamma predictions of a customer's mean transaction value (Fader, Hardie &amp; Lee 2005, "RFM and CLV";
/// Fader &amp; Hardie 2013, "The Gamma-Gamma model of monetary value", conditional expectation of M).
/// Valid for q &gt; 1, which the fitter guarantees.
/// </summary>
public sealed record GammaGammaModel(GammaGammaParameters Parameters)
{
    /// <summary>E[M] = γp/(q − 1): the mean spend per transaction of a customer picked at random.</summary>
    public double PopulationMeanSpend => Parameters.Gamma * Parameters.P / (Parameters.Q - 1.0);

    /// <summary>
    /// E[M | x, z̄] = (q−1)/(px+q−1) · γp/(q−1) + px/(px+q−1) · z̄ = p(γ + x z̄)/(px + q − 1): a weighted mean of
    /// the population mean and the customer's observed repeat mean z̄; the population mean when x = 0.
    /// </summary>
    public double ConditionalExpectedAverageSpend(int frequency, double monetaryValue)
    {
        var (p, q, gamma) = Parameters;
        return frequency <= 0
            ? PopulationMeanSpend
            : p * (gamma + (frequency * monetaryValue)) / ((p * frequency) + q - 1.0);
    }
}

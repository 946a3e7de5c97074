namespace Centric.Functions.Api;

/// <summary>The RFM summary the CLV model saw: repeat purchases, recency and age in <see cref="TimeUnit"/>s, mean spend.</summary>
public sealed record CustomerSummary(int Frequency, double Recency, double Age, decimal MonetaryValue, string TimeUnit);

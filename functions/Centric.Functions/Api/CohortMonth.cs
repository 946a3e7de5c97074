namespace Centric.Functions.Api;

/// <summary>A cohort's customers buying again <see cref="MonthsAfter"/> months later, and that as a percent of the cohort.</summary>
public sealed record CohortMonth(int MonthsAfter, int Customers, decimal? Value, bool Partial);

namespace Centric.Functions.Api;

/// <summary>One cohort (customers whose first purchase fell in <see cref="Cohort"/>) and its months after.</summary>
public sealed record CohortRow(string Cohort, DateOnly CohortStart, int Size, IReadOnlyList<CohortMonth> Months);

namespace Centric.Domain.Families.Cohorts;

/// <summary>
/// One cell of the cohort retention matrix: of the <see cref="CohortSize"/> customers whose first purchase was in
/// month <see cref="Cohort"/>, <see cref="Customers"/> made a purchase in month cohort + <see cref="MonthsAfter"/>.
/// <see cref="Value"/> is that share in percent; <see cref="Partial"/> marks the month holding the as-of date.
/// </summary>
public sealed record CohortCell(string Cohort, DateOnly CohortStart, int MonthsAfter, int Customers, int CohortSize, decimal? Value, bool Partial);

using System.Globalization;
using System.Text;


namespace Centric.Domain.Families.Cohorts;

/// <summary>The cohort matrix as CSV, one cell per line (the shape BI tools pivot): invariant numbers, empty when null.</summary>
public static class CohortCsv
{
    public const string Header = "cohort,cohortStart,monthsAfter,customers,cohortSize,value,partial";

    public static string Write(IEnumerable<CohortCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var c in cells)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{c.Cohort},{c.CohortStart:yyyy-MM-dd},{c.MonthsAfter},{c.Customers},{c.CohortSize},{c.Value?.ToString(CultureInfo.InvariantCulture)},{(c.Partial ? "true" : "false")}\r\n");
        }

        return csv.ToString();
    }
}

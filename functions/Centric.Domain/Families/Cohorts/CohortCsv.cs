using System.Globalization;
using Centric.Domain.Csv;


namespace Centric.Domain.Families.Cohorts;

/// <summary>
/// The cohort matrix as CSV, one cell per line (the shape BI tools pivot), written by <see cref="CsvWriter"/>:
/// invariant numbers, empty when null.
/// </summary>
public static class CohortCsv
{
    public const string Header = "cohort,cohortStart,monthsAfter,customers,cohortSize,value,partial";

    public static string Write(IEnumerable<CohortCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new CsvWriter(writer).Header(Header.Split(','));
        foreach (var c in cells)
        {
            csv.Text(c.Cohort).Day(c.CohortStart).Number(c.MonthsAfter).Number(c.Customers).Number(c.CohortSize)
                .Number(c.Value).Boolean(c.Partial)
                .EndRecord();
        }

        return writer.ToString();
    }
}

using System.Globalization;
using Centric.Domain.Clv;

namespace Centric.Domain.Tests.Clv;

/// <summary>The CDNOW files in tests/data/cdnow under the folder holding Serverless.sln.</summary>
internal static class CdnowData
{
    public static readonly DateOnly CalibrationEnd = new(1997, 9, 30);
    public static readonly DateOnly HoldoutEnd = new(1998, 6, 30);

    private static readonly Lazy<IReadOnlyList<Transaction>> SampleTransactions = new(() => LoadSample());

    public static IReadOnlyList<Transaction> Sample => SampleTransactions.Value;

    public static IReadOnlyList<CustomerSummary> CalibrationSummary() =>
        RfmSummarizer.Summarize(Sample, CalibrationEnd);

    public static string PathOf(string fileName)
    {
        var searched = new List<string>();
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            searched.Add(dir.FullName);
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                var path = Path.Combine(dir.FullName, "tests", "data", "cdnow", fileName);
                return File.Exists(path)
                    ? path
                    : throw new FileNotFoundException(
                        $"CDNOW test data '{fileName}' is missing: expected it at {path} (tests/data/cdnow in the repository).",
                        path);
            }
        }

        throw new FileNotFoundException(
            $"CDNOW test data '{fileName}' not found: no folder holding Serverless.sln above {AppContext.BaseDirectory} (searched {string.Join(", ", searched)}).");
    }

    private static List<Transaction> LoadSample()
    {
        var rows = new List<Transaction>();
        foreach (var line in File.ReadLines(PathOf("CDNOW_sample.txt")))
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 5)
            {
                continue;
            }

            rows.Add(new Transaction(
                fields[1],
                DateOnly.ParseExact(fields[2], "yyyyMMdd", CultureInfo.InvariantCulture),
                decimal.Parse(fields[4], NumberStyles.Number, CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    /// <summary>Rows of cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar (weeks, 2 dp).</summary>
    public static IReadOnlyList<(int Id, int X, decimal Recency, decimal Age, decimal Spend)> PublishedSummary() =>
        [.. File.ReadLines(PathOf("cdnow_customers_summary_with_transactions.csv"))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .Select(f => (
                int.Parse(f[0], CultureInfo.InvariantCulture),
                int.Parse(f[1], CultureInfo.InvariantCulture),
                decimal.Parse(f[2], CultureInfo.InvariantCulture),
                decimal.Parse(f[3], CultureInfo.InvariantCulture),
                decimal.Parse(f[4], CultureInfo.InvariantCulture)))];
}

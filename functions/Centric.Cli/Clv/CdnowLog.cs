using System.Globalization;
using Centric.Domain.Clv;

namespace Centric.Cli.Clv;

/// <summary>
/// Reads the published CDNOW transaction logs (whitespace separated, <c>YYYYMMDD</c> dates): the 1/10 sample
/// <c>master_id sample_id date cds dollars</c> (no header) and the master file <c>customer_id date cds dollars</c>
/// (one header line). The customer is the first column.
/// </summary>
internal static class CdnowLog
{
    public static IReadOnlyList<Transaction>? Read(string path, out string? problem)
    {
        var transactions = new List<Transaction>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            var dateAt = fields.Length >= 5 ? 2 : 1;
            if (fields.Length >= 4
                && DateOnly.TryParseExact(fields[dateAt], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && decimal.TryParse(fields[^1], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
            {
                transactions.Add(new Transaction(fields[0], day, amount));
            }
            else if (transactions.Count > 0 || lineNumber > 1)
            {
                problem = $"line {lineNumber} of '{path}' is not a CDNOW transaction (customer [sample id] YYYYMMDD cds dollars): '{line.Trim()}'.";
                return null;
            }
        }

        problem = transactions.Count == 0 ? $"'{path}' holds no CDNOW transactions." : null;
        return problem is null ? transactions : null;
    }
}

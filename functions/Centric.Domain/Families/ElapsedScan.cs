using Centric.Domain.Exports;
using Centric.Domain.Families.Fulfilment;

namespace Centric.Domain.Families;

/// <summary>
/// The elapsed times of <see cref="IExportReader.Elapsed"/> found by scanning the rows one at a time: the rule every
/// reader's answer must equal, and the answer of a reader that has no cheaper way.
/// </summary>
public static class ElapsedScan
{
    /// <summary>The times to each of <see cref="ElapsedQuery.To"/>, in that order, each in the rows' order.</summary>
    public static IReadOnlyList<ElapsedTimes> Of(IExportReader reader, ExportKind kind, ElapsedQuery query)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(query);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var customers = new List<string>();
        var targets = query.To.Count;
        var customer = new List<int>[targets];
        var day = new List<int>[targets];
        var ticks = new List<long>[targets];
        for (var j = 0; j < targets; j++)
        {
            (customer[j], day[j], ticks[j]) = ([], [], []);
        }

        reader.Scan(kind, query.Columns, row =>
        {
            if (row.Time(1) is not { } from || row.Text(2) == query.Excluded)
            {
                return;
            }

            var id = row.Text(0);
            var number = -1;
            if (id is not null && !numbers.TryGetValue(id, out number))
            {
                numbers[id] = number = customers.Count;
                customers.Add(id);
            }

            for (var j = 0; j < targets; j++)
            {
                if (row.Time(3 + j) is { } to)
                {
                    customer[j].Add(number);
                    day[j].Add(to.Day.DayNumber);
                    ticks[j].Add(Durations.Ticks(from, to));
                }
            }
        });
        return [.. Enumerable.Range(0, targets).Select(j => new ElapsedTimes(customers, [.. customer[j]], [.. day[j]], [.. ticks[j]]))];
    }
}


namespace Centric.Domain.Families;

/// <summary>
/// Which elapsed times to read (<see cref="IExportReader.Elapsed"/>): from the timestamp <see cref="From"/> to each of
/// <see cref="To"/>, on the current rows whose <see cref="From"/> is set and whose <see cref="Status"/> is not
/// <see cref="Excluded"/> (a row without a status counts), each with its <see cref="Customer"/>.
/// </summary>
/// <param name="Customer">The column of the row's customer (<c>customer_id</c>).</param>
/// <param name="From">The timestamp the times start at (<c>order_date</c>).</param>
/// <param name="To">The timestamps they end at (<c>shipped_at</c>, <c>delivered_at</c>); a row counts for each that is set.</param>
/// <param name="Status">The text column that excludes rows (<c>status</c>).</param>
/// <param name="Excluded">The value of <see cref="Status"/> whose rows do not count (<c>cancelled</c>).</param>
public sealed record ElapsedQuery(string Customer, string From, IReadOnlyList<string> To, string Status, string Excluded)
{
    /// <summary>The columns a scan reads, in the order <see cref="ElapsedScan"/> reads them.</summary>
    internal IReadOnlyList<string> Columns => [Customer, From, Status, .. To];
}

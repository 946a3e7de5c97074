using Centric.Domain.Exports;
using Centric.Domain.Families;
using Centric.Domain.Families.Fanout;

namespace Centric.Engine.Compute;

/// <summary>
/// The rows of one customer partition: the <paramref name="split"/> kinds (those the families computed by partition read)
/// keep only the rows whose <c>customer_id</c> falls in <paramref name="partition"/> (rows without a customer belong to
/// partition 0) and must be read with <c>customer_id</c>; any other kind (fx rates, subscriptions behind the shared
/// inputs) is read whole. A rule of the whole export (<see cref="AnyTimeSet"/>) is answered over every row.
/// </summary>
internal sealed class PartitionExportReader(IExportReader inner, CustomerPartition partition, IReadOnlySet<ExportKind> split) : IExportReader
{
    public ExportRows Read(ExportKind kind, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (!split.Contains(kind))
        {
            return inner.Read(kind, columns);
        }

        _ = CustomerColumn(kind, columns);
        var rows = inner.Read(kind, columns);
        var customers = rows.Text("customer_id");
        return rows.Where(i => partition.Contains(customers[i]));
    }

    /// <summary>
    /// The partition's rows of a split kind handed to <paramref name="visit"/> as the inner reader scans the whole export,
    /// in the same order <see cref="Read"/> keeps them: no column of the whole export is gathered first.
    /// </summary>
    public void Scan(ExportKind kind, IReadOnlyList<string> columns, Action<IExportRow> visit)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(visit);
        if (!split.Contains(kind))
        {
            inner.Scan(kind, columns, visit);
            return;
        }

        var customer = CustomerColumn(kind, columns);
        inner.Scan(kind, columns, row =>
        {
            if (partition.Contains(row.Text(customer)))
            {
                visit(row);
            }
        });
    }

    public bool AnyTimeSet(ExportKind kind, string column) => inner.AnyTimeSet(kind, column);

    /// <summary>Where <c>customer_id</c> is among the columns read; refused when it is not, since the rows could not be split.</summary>
    private static int CustomerColumn(ExportKind kind, IReadOnlyList<string> columns)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], "customer_id", StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidOperationException(
            $"The {kind.ToSlug()} export is read by partition without its customer_id column: the rows cannot be split by customer.");
    }
}

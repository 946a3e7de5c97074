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

        if (!columns.Contains("customer_id", StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"The {kind.ToSlug()} export is read by partition without its customer_id column: the rows cannot be split by customer.");
        }

        var rows = inner.Read(kind, columns);
        var customers = rows.Text("customer_id");
        return rows.Where(i => partition.Contains(customers[i]));
    }

    public bool AnyTimeSet(ExportKind kind, string column) => inner.AnyTimeSet(kind, column);
}

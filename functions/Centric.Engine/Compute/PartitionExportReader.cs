using Centric.Domain.Exports;
using Centric.Domain.Families;
using Centric.Domain.Families.Fanout;

namespace Centric.Engine.Compute;

/// <summary>
/// The rows of one customer partition: every kind read through it keeps only the rows whose <c>customer_id</c> falls in
/// <paramref name="partition"/> (rows without a customer belong to partition 0). A family computed by partition must
/// read <c>customer_id</c>.
/// </summary>
internal sealed class PartitionExportReader(IExportReader inner, CustomerPartition partition) : IExportReader
{
    public ExportRows Read(ExportKind kind, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (!columns.Contains("customer_id", StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"The {kind.ToSlug()} export is read by partition without its customer_id column: the rows cannot be split by customer.");
        }

        var rows = inner.Read(kind, columns);
        var customers = rows.Text("customer_id");
        return rows.Where(i => partition.Contains(customers[i]));
    }
}

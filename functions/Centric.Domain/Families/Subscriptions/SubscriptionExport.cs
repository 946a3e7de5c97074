using Centric.Domain.Exports;

namespace Centric.Domain.Families.Subscriptions;

/// <summary>The subscriptions export's current rows as <see cref="Subscription"/>s (rows missing a required column are left out).</summary>
public static class SubscriptionExport
{
    public static IReadOnlyList<Subscription> Load(IExportReader exports)
    {
        ArgumentNullException.ThrowIfNull(exports);
        // Each subscription is made from its row as the rows are scanned, in the order a read gives them, instead of
        // from columns gathered first (two timestamps of 32 bytes and an amount a row) and held beside the subscriptions.
        var list = new List<Subscription>();
        exports.Scan(ExportKind.Subscriptions, ["subscription_id", "customer_id", "start_date", "end_date", "mrr", "currency"], row =>
        {
            if (row.Text(0) is { } id && row.Text(1) is { } customer && row.Time(2) is { } start && row.Money(4) is { } amount)
            {
                list.Add(new Subscription(id, customer, start.Day, row.Time(3)?.Day, amount, row.Text(5)));
            }
        });

        return list;
    }
}

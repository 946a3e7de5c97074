using Centric.Domain.Exports;

namespace Centric.Domain.Families.Subscriptions;

/// <summary>The subscriptions export's current rows as <see cref="Subscription"/>s (rows missing a required column are left out).</summary>
public static class SubscriptionExport
{
    public static IReadOnlyList<Subscription> Load(IExportReader exports)
    {
        ArgumentNullException.ThrowIfNull(exports);
        var rows = exports.Read(ExportKind.Subscriptions, ["subscription_id", "customer_id", "start_date", "end_date", "mrr", "currency"]);
        var ids = rows.Text("subscription_id");
        var customers = rows.Text("customer_id");
        var starts = rows.Time("start_date");
        var ends = rows.Time("end_date");
        var mrr = rows.Money("mrr");
        var currencies = rows.Text("currency");
        var list = new List<Subscription>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (ids[i] is { } id && customers[i] is { } customer && starts[i] is { } start && mrr[i] is { } amount)
            {
                list.Add(new Subscription(id, customer, start.Day, ends[i]?.Day, amount, currencies[i]));
            }
        }

        return list;
    }
}

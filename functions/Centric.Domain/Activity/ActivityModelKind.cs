using Centric.Domain.Exports;

namespace Centric.Domain.Activity;

/// <summary>
/// Which definition of "active" a dataset's customer base follows (docs/metrics.md): <c>subscriptions</c> when the
/// dataset has a subscriptions export, else <c>orders</c> (a purchase in the last inactivityDays).
/// </summary>
public static class ActivityModelKind
{
    public const string Orders = "orders";
    public const string Subscriptions = "subscriptions";

    public static string For(IReadOnlySet<ExportKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return kinds.Contains(ExportKind.Subscriptions) ? Subscriptions : Orders;
    }
}

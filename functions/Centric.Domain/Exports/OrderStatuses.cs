namespace Centric.Domain.Exports;

/// <summary>Order statuses: <c>completed</c>, <c>cancelled</c>, <c>refunded</c>; empty means completed, and common
/// English, Spanish and Italian words are accepted as synonyms.</summary>
public static class OrderStatuses
{
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Refunded = "refunded";

    /// <summary>
    /// The valid-order rule (docs/metrics.md): an order whose status is one of these is not a purchase; any other status
    /// (no status reads as completed) with an amount ≥ 0 is a valid order, and a negative amount that is not cancelled
    /// is a credit.
    /// </summary>
    public static IReadOnlyList<string> NotPurchases { get; } = [Cancelled, Refunded];

    /// <summary>A valid order: a status other than cancelled or refunded, and an amount ≥ 0 (a free order still counts).</summary>
    public static bool IsValidOrder(string status, decimal amount) => !NotPurchases.Contains(status) && amount >= 0;

    /// <summary>A credit: a negative amount that was not cancelled; it reduces revenue but is not a purchase.</summary>
    public static bool IsCredit(string status, decimal amount) => amount < 0 && status != Cancelled;

    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["completed"] = Completed, ["complete"] = Completed, ["paid"] = Completed, ["shipped"] = Completed,
        ["delivered"] = Completed, ["completado"] = Completed, ["completada"] = Completed, ["pagado"] = Completed,
        ["completato"] = Completed, ["pagato"] = Completed, ["enviado"] = Completed, ["entregado"] = Completed,
        ["spedito"] = Completed, ["consegnato"] = Completed,
        ["cancelled"] = Cancelled, ["canceled"] = Cancelled, ["cancelado"] = Cancelled, ["cancelada"] = Cancelled,
        ["anulado"] = Cancelled, ["annullato"] = Cancelled, ["cancellato"] = Cancelled,
        ["refunded"] = Refunded, ["refund"] = Refunded, ["reembolsado"] = Refunded, ["devuelto"] = Refunded,
        ["rimborsato"] = Refunded,
    };

    /// <summary>The canonical status, or a reason such as "status 'pending' is not one of completed, cancelled,
    /// refunded".</summary>
    public static bool TryNormalize(string? raw, out string status, out string? reason)
    {
        reason = null;
        status = Completed;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return true;
        }

        if (Synonyms.TryGetValue(HeaderNormalizer.Normalize(raw), out var found))
        {
            status = found;
            return true;
        }

        reason = $"status '{raw.Trim()}' is not one of {Completed}, {Cancelled}, {Refunded}";
        return false;
    }
}

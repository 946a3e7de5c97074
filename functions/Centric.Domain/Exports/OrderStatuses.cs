namespace Centric.Domain.Exports;

/// <summary>Order statuses: <c>completed</c>, <c>cancelled</c>, <c>refunded</c>; empty means completed, and common
/// English, Spanish and Italian words are accepted as synonyms.</summary>
public static class OrderStatuses
{
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Refunded = "refunded";

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

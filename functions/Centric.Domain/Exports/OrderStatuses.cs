namespace Centric.Domain.Exports;

/// <summary>
/// Order statuses: <c>completed</c>, <c>cancelled</c>, <c>refunded</c> and <c>pending</c>; empty means completed. The
/// words real exports use — in English, Spanish, Italian and Portuguese — read as one of the four (docs/metrics.md);
/// any other word is rejected unless mapping.json maps it.
/// </summary>
public static class OrderStatuses
{
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Refunded = "refunded";

    /// <summary>Not a purchase yet (created, awaiting payment): a later export of the same order_id corrects it.</summary>
    public const string Pending = "pending";

    public static IReadOnlyList<string> All { get; } = [Completed, Cancelled, Refunded, Pending];

    /// <summary>
    /// The valid-order rule (docs/metrics.md): an order whose status is one of these is not a purchase; any other status
    /// (no status reads as completed) with an amount ≥ 0 is a valid order.
    /// </summary>
    public static IReadOnlyList<string> NotPurchases { get; } = [Cancelled, Refunded, Pending];

    /// <summary>
    /// Statuses whose negative amount is not a credit: a cancelled order never happened and a pending one has not
    /// happened yet.
    /// </summary>
    public static IReadOnlyList<string> NeverCredits { get; } = [Cancelled, Pending];

    /// <summary>A valid order: a status other than cancelled, refunded or pending, and an amount ≥ 0 (a free order still counts).</summary>
    public static bool IsValidOrder(string status, decimal amount) => !NotPurchases.Contains(status) && amount >= 0;

    /// <summary>A credit: a negative amount neither cancelled nor pending; it reduces revenue but is not a purchase.</summary>
    public static bool IsCredit(string status, decimal amount) => amount < 0 && !NeverCredits.Contains(status);

    /// <summary>The words read as each status (normalised as headers are: case, accents, spaces, '_' and '-' ignored).</summary>
    private static readonly (string Status, string[] Words)[] Words =
    [
        (Completed, [
            "completed", "complete", "paid", "shipped", "delivered", "invoiced", "processing", "approved", "fulfilled", "closed",
            "completado", "completada", "pagado", "pagada", "enviado", "enviada", "entregado", "entregada", "facturado",
            "facturada", "procesando", "enproceso", "aprobado", "aprobada", "cerrado", "cerrada",
            "completato", "completata", "pagato", "pagata", "spedito", "spedita", "consegnato", "consegnata", "fatturato",
            "fatturata", "inelaborazione", "approvato", "approvata", "evaso", "evasa", "chiuso", "chiusa",
            "concluido", "concluida", "completo", "pago", "entregue", "faturado", "faturada", "processando",
            "emprocessamento", "aprovado", "fechado", "fechada",
        ]),
        (Cancelled, [
            "cancelled", "canceled", "voided", "void", "failed", "unavailable", "declined",
            "cancelado", "cancelada", "anulado", "anulada", "fallido", "fallida", "nodisponible", "rechazado", "rechazada",
            "annullato", "annullata", "cancellato", "cancellata", "fallito", "fallita", "nondisponibile", "rifiutato", "rifiutata",
            "falhou", "falhado", "indisponivel", "recusado", "recusada",
        ]),
        (Refunded, [
            "refunded", "refund", "returned", "chargeback",
            "reembolsado", "reembolsada", "devuelto", "devuelta", "contracargo",
            "rimborsato", "rimborsata", "reso", "restituito", "stornato",
            "devolvido", "devolvida", "estornado", "estornada",
        ]),
        (Pending, [
            "pending", "created", "onhold", "awaitingpayment",
            "pendiente", "creado", "creada", "enespera", "esperandopago",
            "inattesa", "creato", "creata", "insospeso", "inattesapagamento",
            "pendente", "criado", "criada", "aguardandopagamento", "emespera",
        ]),
    ];

    private static readonly Dictionary<string, string> Synonyms = Words
        .SelectMany(w => w.Words.Select(word => (word, w.Status)))
        .ToDictionary(p => p.word, p => p.Status, StringComparer.Ordinal);

    /// <summary>
    /// The canonical status, or a reason naming the accepted words and how to map a new one in mapping.json.
    /// </summary>
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

        var word = raw.Trim();
        reason = $"status '{word}' is not a known order status: use {Completed} (delivered, shipped, paid, invoiced, processing, approved, " +
                 $"fulfilled, closed), {Cancelled} (canceled, voided, failed, unavailable, declined), {Refunded} (returned, chargeback) " +
                 $"or {Pending} (created, on-hold, awaiting-payment), or their Spanish, Italian or Portuguese words; to read '{word}' as one " +
                 $"of them, map it in mapping.json: {{\"orders\": {{\"values\": {{\"status\": {{\"{word}\": \"{Completed}\"}}}}}}}}";
        return false;
    }
}

namespace Centric.Domain.Exports;

/// <summary>Slugs (<c>fx-rates</c>) and file-name prefixes of the export kinds.</summary>
public static class ExportKinds
{
    private static readonly (ExportKind Kind, string Slug, string[] Prefixes)[] Table =
    [
        (ExportKind.Customers, "customers", ["customers", "customer", "clientes", "clienti"]),
        (ExportKind.Orders, "orders", ["orders", "order", "pedidos", "ordini"]),
        (ExportKind.Subscriptions, "subscriptions", ["subscriptions", "subscription", "suscripciones", "abbonamenti"]),
        (ExportKind.Tickets, "tickets", ["tickets", "ticket"]),
        (ExportKind.Surveys, "surveys", ["surveys", "survey", "encuestas", "sondaggi"]),
        (ExportKind.Communications, "communications", ["communications", "comunicaciones", "comunicazioni"]),
        (ExportKind.Onboarding, "onboarding", ["onboarding"]),
        (ExportKind.Mentions, "mentions", ["mentions", "menciones", "menzioni"]),
        (ExportKind.FxRates, "fx-rates", ["fx-rates", "fx_rates", "fxrates", "fx-rate", "fx_rate"]),
    ];

    public static IReadOnlyList<ExportKind> All { get; } = Table.Select(t => t.Kind).ToArray();

    /// <summary>
    /// Why a file in folder <paramref name="folder"/> that names no kind is refused rather than guessed from its header:
    /// the folder says what the file is meant to be, and a wrong guess would put invoices into revenue.
    /// </summary>
    public static string UnknownFolder(string folder) =>
        $"folder '{folder}' is not an export kind: put the file in one of {string.Join(", ", Table.Select(t => t.Slug))}, " +
        "or at the top of the dataset where its name or header tells the kind";

    public static string ToSlug(this ExportKind kind) =>
        Table.FirstOrDefault(t => t.Kind == kind).Slug
        ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown export kind");

    /// <summary>Parses a slug (<c>orders</c>, <c>fx-rates</c>); case, <c>_</c>/<c>-</c> and spaces are ignored.</summary>
    public static bool TryParse(string? value, out ExportKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var key = HeaderNormalizer.Normalize(value);
        foreach (var (k, slug, _) in Table)
        {
            if (HeaderNormalizer.Normalize(slug) == key)
            {
                kind = k;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The kind named by a file name's prefix (<c>orders_2026-10.csv</c>, <c>fx-rates.csv</c>): the prefix must be
    /// followed by the end of the name or by a character that is not a letter.
    /// </summary>
    public static bool TryFromFileName(string? fileName, out ExportKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return false;
        }

        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var best = -1;
        foreach (var (k, _, prefixes) in Table)
        {
            foreach (var prefix in prefixes)
            {
                if (prefix.Length > best && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                    && (name.Length == prefix.Length || !char.IsLetter(name[prefix.Length])))
                {
                    kind = k;
                    best = prefix.Length;
                }
            }
        }

        return best > 0;
    }
}

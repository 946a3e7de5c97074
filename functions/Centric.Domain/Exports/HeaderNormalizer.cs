using System.Text;

namespace Centric.Domain.Exports;

/// <summary>
/// Reduces a header to the form headers are compared in: lower-case ASCII letters and digits only, accents
/// folded (<c>"Código Cliente"</c> and <c>codigo_cliente</c> both become <c>codigocliente</c>).
/// </summary>
public static class HeaderNormalizer
{
    private const string Accented = "àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿžźż";
    private const string Folded = "aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorrssstuuuuuuuuyyzzz";

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "de", "del", "la", "las", "los", "el", "di", "da", "dell", "della", "dello", "delle", "dei", "degli", "of", "the",
    };

    /// <remarks>Connecting words of multi-word headers (<c>de</c>, <c>di</c>, <c>dell'</c>, <c>of</c>) are dropped,
    /// so <c>Fecha de pedido</c> matches <c>fecha_pedido</c> and <c>Data dell'ordine</c> matches
    /// <c>data_ordine</c>.</remarks>
    public static string Normalize(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return string.Empty;
        }

        var words = new List<string>();
        var word = new StringBuilder(header.Length);
        foreach (var raw in header)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                word.Append(c);
                continue;
            }

            var accented = Accented.IndexOf(c, StringComparison.Ordinal);
            if (accented >= 0)
            {
                word.Append(Folded[accented]);
            }
            else if (c == 'ß')
            {
                word.Append("ss");
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words.Count > 1
            ? string.Concat(words.Where(w => !Connectors.Contains(w)))
            : string.Concat(words);
    }
}

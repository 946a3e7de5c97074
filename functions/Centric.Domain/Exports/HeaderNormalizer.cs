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

    public static string Normalize(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(header.Length);
        foreach (var raw in header)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
                continue;
            }

            var accented = Accented.IndexOf(c, StringComparison.Ordinal);
            if (accented >= 0)
            {
                builder.Append(Folded[accented]);
            }
            else if (c == 'ß')
            {
                builder.Append("ss");
            }
        }

        return builder.ToString();
    }
}

namespace Centric.Domain.Exports;

/// <summary>ISO 4217 currency codes: upper-cased; the symbols €, $, £ and ¥ read as EUR, USD, GBP and JPY.</summary>
public static class CurrencyCodes
{
    public static bool TryNormalize(string? raw, out string code)
    {
        code = (raw ?? string.Empty).Trim().ToUpperInvariant();
        code = code switch
        {
            "€" => "EUR",
            "$" or "US$" => "USD",
            "£" => "GBP",
            "¥" => "JPY",
            _ => code,
        };
        return code.Length == 3 && code.All(char.IsAsciiLetterUpper);
    }
}

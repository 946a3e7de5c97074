using System.Globalization;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;

namespace Centric.Engine.Ingestion;

/// <summary>
/// Parses one non-empty, trimmed, non-timestamp cell into its curated value(s), or gives the reason.
/// Codes, statuses and currencies repeat a few distinct texts down a file, so their outcome per text is remembered
/// (up to <see cref="RememberedTexts"/> texts per column): normalising them is pure, and a file of a million orders
/// otherwise folds and cases the same handful of words a million times.
/// </summary>
internal sealed class CellParser(ExportKind kind)
{
    /// <summary>The most distinct texts whose outcome is remembered per column; later ones are parsed every time.</summary>
    public const int RememberedTexts = 256;

    private const decimal MoneyLimit = 100_000_000_000_000m;
    private const decimal RateLimit = 10_000_000_000m;

    private readonly Dictionary<string, Dictionary<string, (string? Value, string? Reason)>> remembered = new(StringComparer.Ordinal);

    public bool TryParse(
        CanonicalColumn column, string raw, DecimalSeparator separator, object?[] values, int output, out string? reason)
    {
        reason = null;
        if (column.Type is not (ColumnType.Code or ColumnType.Currency))
        {
            return TryParseOnce(column, raw, separator, values, output, out reason);
        }

        if (!remembered.TryGetValue(column.Name, out var outcomes))
        {
            outcomes = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
            remembered.Add(column.Name, outcomes);
        }

        if (outcomes.TryGetValue(raw, out var known))
        {
            values[output] = known.Value;
            reason = known.Reason;
            return known.Reason is null;
        }

        var parsed = TryParseOnce(column, raw, separator, values, output, out reason);
        if (outcomes.Count < RememberedTexts)
        {
            outcomes.Add(raw, parsed ? ((string?)values[output], null) : (null, reason));
        }

        return parsed;
    }

    private bool TryParseOnce(
        CanonicalColumn column, string raw, DecimalSeparator separator, object?[] values, int output, out string? reason)
    {
        reason = null;
        var name = column.Name;
        switch (column.Type)
        {
            case ColumnType.Code when kind == ExportKind.Orders && name == "status":
                if (!OrderStatuses.TryNormalize(raw, out var status, out reason))
                {
                    return false;
                }

                values[output] = status;
                return true;

            case ColumnType.Code when kind == ExportKind.Surveys && name == "survey":
                if (SurveyScale.Find(raw) is not { } scale)
                {
                    reason = $"survey '{raw}' is not one of {string.Join(", ", SurveyScale.All.Select(s => s.Survey))}";
                    return false;
                }

                values[output] = scale.Survey;
                return true;

            case ColumnType.Code:
                values[output] = raw.ToLowerInvariant();
                return true;

            case ColumnType.Currency:
                if (!CurrencyCodes.TryNormalize(raw, out var code))
                {
                    reason = $"{name} '{raw}' is not an ISO 4217 currency code";
                    return false;
                }

                values[output] = code;
                return true;

            case ColumnType.Money:
            case ColumnType.Rate:
                return TryDecimal(column, raw, separator, values, output, out reason);

            case ColumnType.Number:
                if (!NumberParser.TryParse(raw, separator, out var number))
                {
                    reason = $"{name} '{raw}' is not a number";
                    return false;
                }

                if (kind == ExportKind.Onboarding && (number < 0 || decimal.Truncate(number) != number))
                {
                    reason = $"{name} {raw} is not a whole number of steps";
                    return false;
                }

                values[output] = (double)number;
                return true;

            case ColumnType.Sentiment:
                if (!Sentiments.TryParse(raw, separator, out var score, out var label, out reason))
                {
                    return false;
                }

                values[output] = score;
                values[output + 1] = label;
                return true;

            default:
                values[output] = raw;
                return true;
        }
    }

    private static bool TryDecimal(
        CanonicalColumn column, string raw, DecimalSeparator separator, object?[] values, int output, out string? reason)
    {
        reason = null;
        if (!NumberParser.TryParse(raw, separator, out var value))
        {
            reason = $"{column.Name} '{raw}' is not a number (decimal separator '{(separator == DecimalSeparator.Comma ? ',' : '.')}')";
            return false;
        }

        var isRate = column.Type == ColumnType.Rate;
        if (Math.Abs(value) >= (isRate ? RateLimit : MoneyLimit))
        {
            reason = $"{column.Name} {raw} is out of range";
            return false;
        }

        if (isRate && value <= 0)
        {
            reason = $"{column.Name} {value.ToString(CultureInfo.InvariantCulture)} is not positive";
            return false;
        }

        values[output] = Math.Round(value, isRate ? 8 : 4, MidpointRounding.AwayFromZero);
        return true;
    }
}

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

    /// <summary>The remembered outcomes of each code or currency column, by the column's place in the curated row
    /// (one column, one place), so that finding them costs an array read per cell, not a lookup by name.</summary>
    private Dictionary<string, (string? Value, string? Reason)>?[] remembered = new Dictionary<string, (string?, string?)>?[16];

    /// <summary>Stores the cell's value(s) in <paramref name="batch"/>'s <paramref name="row"/> from column
    /// <paramref name="output"/>; false with the reason when the cell is rejected. The cell is made a string only when
    /// it is rejected or its outcome is first remembered.</summary>
    public bool TryParse(
        CanonicalColumn column, ReadOnlySpan<char> raw, DecimalSeparator separator, CuratedBatch batch, int row, int output, out string? reason)
    {
        reason = null;
        if (column.Type is not (ColumnType.Code or ColumnType.Currency))
        {
            return TryParseOnce(column, raw, separator, batch, row, output, out reason, out _);
        }

        if (output >= remembered.Length)
        {
            Array.Resize(ref remembered, Math.Max(output + 1, remembered.Length * 2));
        }

        var outcomes = remembered[output] ??= new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);

        if (outcomes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(raw, out var known))
        {
            if (known.Value is { } value)
            {
                batch.SetText(row, output, value);
            }

            reason = known.Reason;
            return known.Reason is null;
        }

        var parsed = TryParseOnce(column, raw, separator, batch, row, output, out reason, out var text);
        if (outcomes.Count < RememberedTexts)
        {
            outcomes.Add(raw.ToString(), parsed ? (text, null) : (null, reason));
        }

        return parsed;
    }

    private bool TryParseOnce(
        CanonicalColumn column, ReadOnlySpan<char> raw, DecimalSeparator separator, CuratedBatch batch, int row, int output,
        out string? reason, out string? text)
    {
        text = null;
        reason = null;
        var name = column.Name;
        switch (column.Type)
        {
            case ColumnType.Code when kind == ExportKind.Orders && name == "status":
                if (!OrderStatuses.TryNormalize(raw.ToString(), out var status, out reason))
                {
                    return false;
                }

                text = status;
                batch.SetText(row, output, status);
                return true;

            case ColumnType.Code when kind == ExportKind.Surveys && name == "survey":
                if (SurveyScale.Find(raw.ToString()) is not { } scale)
                {
                    reason = $"survey '{raw}' is not one of {string.Join(", ", SurveyScale.All.Select(s => s.Survey))}";
                    return false;
                }

                text = scale.Survey;
                batch.SetText(row, output, text);
                return true;

            case ColumnType.Code:
                text = raw.ToString().ToLowerInvariant();
                batch.SetText(row, output, text);
                return true;

            case ColumnType.Currency:
                if (!CurrencyCodes.TryNormalize(raw.ToString(), out var code))
                {
                    reason = $"{name} '{raw}' is not an ISO 4217 currency code";
                    return false;
                }

                text = code;
                batch.SetText(row, output, code);
                return true;

            case ColumnType.Money:
            case ColumnType.Rate:
                return TryDecimal(column, raw, separator, batch, row, output, out reason);

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

                batch.SetDouble(row, output, (double)number);
                return true;

            case ColumnType.Sentiment:
                if (!Sentiments.TryParse(raw.ToString(), separator, out var score, out var label, out reason))
                {
                    return false;
                }

                batch.SetDouble(row, output, score);
                if (label is null)
                {
                    batch.SetNull(row, output + 1);
                }
                else
                {
                    batch.SetText(row, output + 1, label);
                }

                return true;

            default:
                batch.SetText(row, output, raw);
                return true;
        }
    }

    private static bool TryDecimal(
        CanonicalColumn column, ReadOnlySpan<char> raw, DecimalSeparator separator, CuratedBatch batch, int row, int output, out string? reason)
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

        batch.SetDecimal(row, output, Math.Round(value, isRate ? 8 : 4, MidpointRounding.AwayFromZero));
        return true;
    }
}

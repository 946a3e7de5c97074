using Centric.Domain.Datasets;

namespace Centric.Domain.Exports;

/// <summary>Mention sentiment: a score in [-1, 1], or a label <c>positive</c>/<c>neutral</c>/<c>negative</c>
/// (also Spanish and Italian) read as 1, 0 and -1.</summary>
public static class Sentiments
{
    private static readonly Dictionary<string, (double Score, string Label)> Labels = new(StringComparer.Ordinal)
    {
        ["positive"] = (1, "positive"), ["positivo"] = (1, "positive"), ["positiva"] = (1, "positive"),
        ["neutral"] = (0, "neutral"), ["neutro"] = (0, "neutral"), ["neutra"] = (0, "neutral"),
        ["neutrale"] = (0, "neutral"),
        ["negative"] = (-1, "negative"), ["negativo"] = (-1, "negative"), ["negativa"] = (-1, "negative"),
    };

    /// <summary>The score and, for a label, its canonical English label; or the reason it is not a sentiment.</summary>
    public static bool TryParse(
        string raw, DecimalSeparator separator, out double score, out string? label, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(raw);
        label = null;
        reason = null;
        score = 0;
        if (Labels.TryGetValue(HeaderNormalizer.Normalize(raw), out var known))
        {
            (score, label) = known;
            return true;
        }

        if (!NumberParser.TryParse(raw, separator, out var number))
        {
            reason = $"sentiment '{raw.Trim()}' is neither a score in [-1, 1] nor positive, neutral or negative";
            return false;
        }

        if (number is < -1m or > 1m)
        {
            reason = $"sentiment {raw.Trim()} is outside [-1, 1]";
            return false;
        }

        score = (double)number;
        return true;
    }
}

using System.Globalization;

namespace Centric.Domain.Exports;

/// <summary>The score scale of a survey (docs/metrics.md, "Customer experience").</summary>
public sealed record SurveyScale(string Survey, string Title, int Min, int Max)
{
    public static SurveyScale Nps { get; } = new("nps", "NPS", 0, 10);

    public static SurveyScale Csat { get; } = new("csat", "CSAT", 1, 5);

    public static SurveyScale Ces { get; } = new("ces", "CES", 1, 7);

    public static SurveyScale BrandAwareness { get; } = new("brand-awareness", "brand-awareness", 0, 1);

    public static IReadOnlyList<SurveyScale> All { get; } = [Nps, Csat, Ces, BrandAwareness];

    /// <summary>The scale of a survey name (<c>NPS</c>, <c>brand awareness</c>, ...), matched like headers.</summary>
    public static SurveyScale? Find(string? survey)
    {
        var key = HeaderNormalizer.Normalize(survey);
        return All.FirstOrDefault(s => HeaderNormalizer.Normalize(s.Survey) == key);
    }

    /// <summary>Null when <paramref name="score"/> is a whole number on the scale, else the reason
    /// ("score 11 is outside the NPS scale 0-10").</summary>
    public string? Check(double score)
    {
        var text = score.ToString(CultureInfo.InvariantCulture);
        if (score < Min || score > Max)
        {
            return $"score {text} is outside the {Title} scale {Min}-{Max}";
        }

        return Math.Floor(score) != score ? $"score {text} is not a whole number on the {Title} scale {Min}-{Max}" : null;
    }
}

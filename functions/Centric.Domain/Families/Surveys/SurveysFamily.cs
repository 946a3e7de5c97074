using Centric.Domain.Exports;
using Centric.Domain.Metrics;

namespace Centric.Domain.Families.Surveys;

/// <summary>
/// Survey scores by period of the day they were answered: NPS, CSAT, CES and brand awareness, each from the responses of
/// its own survey, cut by customer segments and by the touchpoint where the answer was collected.
/// </summary>
public sealed class SurveysFamily : IMetricFamily
{
    public const string Nps = "nps";

    /// <summary>Every value is a count or a sum of scores over answers, each answer its customer's: computed by partition.</summary>
    public bool SplitsByCustomer => true;
    public const string Csat = "csat";
    public const string Ces = "ces";
    public const string BrandAwareness = "brand-awareness";

    /// <summary>The event dimension of survey answers (<c>touchpoint:checkout</c>).</summary>
    public const string Touchpoint = "touchpoint";

    public static IReadOnlyList<MetricDefinition> Metrics { get; } =
    [
        new(Nps, "Net Promoter Score", MetricUnit.Score,
            "Responses of survey nps answered in the period, whole scores 0-10: 100 × (promoters 9-10 − detractors 0-6) ÷ responses. " +
            "Numerator: promoters − detractors; denominator: responses.", 1, []),
        new(Csat, "Customer satisfaction", MetricUnit.Percent,
            "Responses of survey csat answered in the period, scores 1-5: 100 × responses scoring 4 or 5 ÷ responses.", 1, []),
        new(Ces, "Customer effort score", MetricUnit.Score,
            "Responses of survey ces answered in the period, scores 1-7: the mean score (numerator: sum of scores; denominator: responses).", 1, []),
        new(BrandAwareness, "Brand awareness", MetricUnit.Percent,
            "Responses of survey brand-awareness answered in the period, 1 (aware) or 0: 100 × aware ÷ responses.", 1, []),
    ];

    public string Name => "surveys";

    public IReadOnlyList<MetricDefinition> Definitions => Metrics;

    public IReadOnlyList<ExportKind> Reads { get; } = [ExportKind.Surveys];

    public void Compute(FamilyContext context, FamilyOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        // Each answer is taken from its row as the rows are scanned, in the order a read gives them, instead of from
        // columns gathered first and held beside the answers.
        var bySurvey = new Dictionary<string, List<DatedEvent<decimal>>>(StringComparer.Ordinal);
        context.Exports.Scan(ExportKind.Surveys, ["survey", "score", "answered_at", "customer_id", "touchpoint"], row =>
        {
            if (row.Text(0) is not { } name || row.Number(1) is not { } value || row.Time(2) is not { } at)
            {
                return;
            }

            if (!bySurvey.TryGetValue(name, out var events))
            {
                bySurvey[name] = events = [];
            }

            events.Add(new DatedEvent<decimal>(at.Day, row.Text(3), row.Text(4), (decimal)value));
        });

        Add(output, context, bySurvey, SurveyScale.Nps, Metrics[0], s => NetPromoterScore(s), 100m);
        Add(output, context, bySurvey, SurveyScale.Csat, Metrics[1], s => Share(s, 4m, decimal.MaxValue), 100m);
        Add(output, context, bySurvey, SurveyScale.Ces, Metrics[2], s => Reduction.Mean(EventMetrics.Items(s)), 1m);
        Add(output, context, bySurvey, SurveyScale.BrandAwareness, Metrics[3], s => Share(s, 1m, 1m), 100m);
    }

    /// <summary>100 × (promoters, 9 and 10, − detractors, 0 to 6) ÷ answers, counted in one pass.</summary>
    private static Reduction NetPromoterScore(IReadOnlyList<decimal> scores)
    {
        var (promoters, detractors) = (0, 0);
        foreach (var score in EventMetrics.Items(scores))
        {
            promoters += score >= 9 ? 1 : 0;
            detractors += score <= 6 ? 1 : 0;
        }

        return Reduction.Divide(promoters - detractors, scores.Count, 100m);
    }

    /// <summary>100 × the answers from <paramref name="low"/> to <paramref name="high"/> ÷ answers.</summary>
    private static Reduction Share(IReadOnlyList<decimal> scores, decimal low, decimal high)
    {
        var count = 0;
        foreach (var score in EventMetrics.Items(scores))
        {
            count += score >= low && score <= high ? 1 : 0;
        }

        return Reduction.Divide(count, scores.Count, 100m);
    }

    private static void Add(
        FamilyOutput output, FamilyContext context, Dictionary<string, List<DatedEvent<decimal>>> bySurvey, SurveyScale scale,
        MetricDefinition definition, Func<IReadOnlyList<decimal>, Reduction?> reduce, decimal factor)
    {
        if (bySurvey.TryGetValue(scale.Survey, out var events))
        {
            output.Add(EventMetrics.Compute(context, events, Touchpoint, [new EventMetrics.Measure<decimal>(definition, reduce, Scale: factor)]));
        }
    }
}

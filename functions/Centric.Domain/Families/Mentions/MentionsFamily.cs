using Centric.Domain.Exports;
using Centric.Domain.Metrics;

namespace Centric.Domain.Families.Mentions;

/// <summary>
/// Brand sentiment from mentions, by period of the day they were made: the net share of positive over negative mentions
/// and the mean numeric score, cut by the mention's source. Mentions have no customer, so they count in <c>*</c> and
/// their source only.
/// </summary>
public sealed class MentionsFamily : IMetricFamily
{
    public const string BrandSentiment = "brand-sentiment";
    public const string BrandSentimentScore = "brand-sentiment-score";

    /// <summary>The event dimension of mentions (<c>mention-source:twitter</c>).</summary>
    public const string Source = "mention-source";

    /// <summary>A numeric sentiment above this is positive, below its negation negative; a label counts as itself.</summary>
    public const decimal NeutralBand = 0.05m;

    public static IReadOnlyList<MetricDefinition> Metrics { get; } =
    [
        new(BrandSentiment, "Brand sentiment", MetricUnit.Score,
            "Mentions made in the period (by the day of mentioned_at): 100 × (positive − negative) ÷ mentions, from −100 to 100. " +
            "A numeric sentiment above 0.05 is positive and below −0.05 negative; a label (positive, neutral, negative) counts as " +
            "itself. Numerator: positive − negative; denominator: mentions.", 1, []),
        new(BrandSentimentScore, "Brand sentiment score", MetricUnit.Score,
            "Mentions made in the period with a numeric sentiment (labels left out): the mean score, from −1 to 1. " +
            "Numerator: the sum of scores; denominator: mentions with a numeric sentiment.", 1, []),
    ];

    public string Name => "mentions";

    public IReadOnlyList<MetricDefinition> Definitions => Metrics;

    public IReadOnlyList<ExportKind> Reads { get; } = [ExportKind.Mentions];

    public void Compute(FamilyContext context, FamilyOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        // Each mention is taken from its row as the rows are scanned, in the order a read gives them, instead of from
        // columns gathered first and held beside the mentions.
        var events = new List<DatedEvent<Mention>>();
        context.Exports.Scan(ExportKind.Mentions, ["mentioned_at", "source", "sentiment", "sentiment_label"], row =>
        {
            if (row.Time(0) is not { } at || row.Number(2) is not { } score)
            {
                return;
            }

            events.Add(new DatedEvent<Mention>(at.Day, null, row.Text(1), new Mention((decimal)score, row.Text(3))));
        });

        output.Add(EventMetrics.Compute(context, events, Source,
        [
            new(Metrics[0], m => NetSentiment(m)),
            new(Metrics[1], m => MeanScore(m)),
        ]));
    }

    /// <summary>100 × (positive − negative) ÷ mentions, counted in one pass over the group.</summary>
    private static Reduction NetSentiment(IReadOnlyList<Mention> mentions)
    {
        var net = 0;
        foreach (var mention in EventMetrics.Items(mentions))
        {
            net += mention.Polarity;
        }

        return Reduction.Divide(net, mentions.Count, 100m);
    }

    /// <summary>The mean of the numeric scores (labels left out), summed in the group's order; null when there are none.</summary>
    private static Reduction? MeanScore(IReadOnlyList<Mention> mentions)
    {
        var (sum, count) = (0m, 0);
        foreach (var mention in EventMetrics.Items(mentions))
        {
            if (mention.Label is null)
            {
                sum += mention.Score;
                count++;
            }
        }

        return count > 0 ? Reduction.Divide(sum, count) : null;
    }

    /// <summary>A mention's sentiment: its score (a label is stored as 1, 0 or −1) and its label when it was given as one.</summary>
    private readonly record struct Mention(decimal Score, string? Label)
    {
        /// <summary>1 positive, −1 negative, 0 neutral.</summary>
        public int Polarity => Label switch
        {
            "positive" => 1,
            "negative" => -1,
            "neutral" => 0,
            _ => Score > NeutralBand ? 1 : Score < -NeutralBand ? -1 : 0,
        };
    }
}

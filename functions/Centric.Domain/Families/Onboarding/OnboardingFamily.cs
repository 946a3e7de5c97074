using Centric.Domain.Exports;
using Centric.Domain.Families.Fulfilment;
using Centric.Domain.Metrics;

namespace Centric.Domain.Families.Onboarding;

/// <summary>
/// How new customers get going: the share of onboardings started in a period that were completed, and the mean days
/// an onboarding completed in a period took, cut by the customer's segments.
/// </summary>
public sealed class OnboardingFamily : IMetricFamily
{
    public const string CompletionRate = "onboarding-completion-rate";
    public const string TimeAvg = "onboarding-time-avg";

    /// <summary>Onboardings have no event dimension of their own: they are cut by customer segments only.</summary>
    private const string NoDimension = "onboarding";

    public static IReadOnlyList<MetricDefinition> Metrics { get; } =
    [
        new(CompletionRate, "Onboarding completion rate", MetricUnit.Percent,
            "Onboardings started in the period (by the day of started_at in the dataset's time zone): 100 × those with a " +
            "completed_at ÷ onboardings started. Numerator: completed; denominator: started.", 1, []),
        new(TimeAvg, "Onboarding time (average)", MetricUnit.Days,
            "Onboardings completed in the period (by the day of completed_at in the dataset's time zone): the mean of the " +
            "days from started_at to completed_at (numerator: sum of days; denominator: onboardings completed). Exact elapsed " +
            "days between the two instants; a date without a time is midnight in the dataset's time zone.", 1, []),
    ];

    public string Name => "onboarding";

    public IReadOnlyList<MetricDefinition> Definitions => Metrics;

    public IReadOnlyList<ExportKind> Reads { get; } = [ExportKind.Onboarding];

    /// <summary>Every value is a count or a sum of whole ticks over onboardings, each one customer's: they add up across partitions.</summary>
    public bool SplitsByCustomer => true;

    public void Compute(FamilyContext context, FamilyOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        // Each start and completion is taken from its row as the rows are scanned, in the order a read gives them,
        // instead of from columns gathered first and held beside them.
        var starts = new List<DatedEvent<bool>>();
        var completions = new List<DatedEvent<long>>();
        context.Exports.Scan(ExportKind.Onboarding, ["customer_id", "started_at", "completed_at"], row =>
        {
            if (row.Time(1) is not { } start)
            {
                return;
            }

            var customer = row.Text(0);
            var completed = row.Time(2);
            starts.Add(new DatedEvent<bool>(start.Day, customer, null, completed is not null));
            if (completed is { } done)
            {
                completions.Add(new DatedEvent<long>(done.Day, customer, null, Durations.Ticks(start, done)));
            }
        });

        output.Add(EventMetrics.Compute(context, starts, NoDimension,
            [new EventMetrics.Measure<bool>(Metrics[0], s => ShareCompleted(s), Scale: 100m)]));
        output.Add(EventMetrics.Compute(context, completions, NoDimension,
            [new EventMetrics.Measure<long>(Metrics[1], ticks => SumOfTicks(ticks), Scale: 1m, Divisor: TimeSpan.TicksPerDay)]));
    }

    /// <summary>
    /// The onboardings of a group as the exact sum of their ticks over their count; <see cref="EventMetrics"/> divides
    /// the sum once by the ticks of a day into the sum of days, then by the count. Whole numbers add up the same in any
    /// order and across partitions, where a sum of days (7 h is 0.291666… of a day, rounded at the 28th digit) can move
    /// in its last digits with the order of the onboardings and tip a mean that lies on a rounding midpoint.
    /// </summary>
    private static Reduction SumOfTicks(IReadOnlyList<long> ticks)
    {
        Int128 sum = 0;
        foreach (var t in EventMetrics.Items(ticks))
        {
            sum += t;
        }

        return new Reduction(null, (decimal)sum, ticks.Count);
    }

    /// <summary>100 × the onboardings started in the group that completed ÷ those started, counted in one pass.</summary>
    private static Reduction ShareCompleted(IReadOnlyList<bool> started)
    {
        var completed = 0;
        foreach (var done in EventMetrics.Items(started))
        {
            completed += done ? 1 : 0;
        }

        return Reduction.Divide(completed, started.Count, 100m);
    }
}

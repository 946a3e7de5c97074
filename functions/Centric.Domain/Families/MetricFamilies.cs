using Centric.Domain.Exports;
using Centric.Domain.Families.Cohorts;
using Centric.Domain.Families.Engagement;
using Centric.Domain.Families.Fulfilment;
using Centric.Domain.Families.Onboarding;
using Centric.Domain.Families.Orders;
using Centric.Domain.Families.PredictedClv;
using Centric.Domain.Families.Subscriptions;
using Centric.Domain.Families.Surveys;

namespace Centric.Domain.Families;

/// <summary>Every metric family, in the order their values are computed and listed. A new family is one line here.</summary>
public static class MetricFamilies
{
    public static IReadOnlyList<IMetricFamily> All { get; } =
    [
        new OrdersFamily(),
        new PredictedClvFamily(),
        new CohortsFamily(),
        new SurveysFamily(),
        new SubscriptionsFamily(),
        new FulfilmentFamily(),
        new OnboardingFamily(),
        new EngagementFamily(),
    ];

    /// <summary>The families a dataset holding <paramref name="kinds"/> can compute, in <see cref="All"/> order.</summary>
    public static IReadOnlyList<IMetricFamily> For(IReadOnlySet<ExportKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return [.. All.Where(f => f.Reads.Any(kinds.Contains))];
    }
}

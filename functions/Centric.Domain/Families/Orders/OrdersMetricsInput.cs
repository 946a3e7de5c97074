using Centric.Domain.Activity;
using Centric.Domain.Datasets;
using Centric.Domain.Families.Subscriptions;


namespace Centric.Domain.Families.Orders;

/// <summary>
/// What the orders model needs: customer-days (customers numbered 0..CustomerCount − 1) and, per customer,
/// the segment keys it belongs to besides <c>*</c> (e.g. <c>country:ES</c>, <c>clv-tier:high</c>), and the amounts that
/// could not be converted to <see cref="ReportingCurrency"/> (they make the money metrics of their windows unknown).
/// With <see cref="Spells"/> (the subscriptions model), activity follows those spells instead of purchase days, and
/// <see cref="Recurring"/> gives the MRR behind ARPA; revenue, orders and AOV still come from <see cref="Days"/>, and
/// are left out when <see cref="HasOrders"/> is false (a dataset without an orders export).
/// </summary>
public sealed record OrdersMetricsInput(
    int CustomerCount,
    IReadOnlyList<CustomerDay> Days,
    IReadOnlyList<IReadOnlyList<string>>? CustomerSegments = null,
    IReadOnlyList<UnconvertedAmounts>? Unconverted = null,
    string ReportingCurrency = DatasetSettings.FallbackCurrency,
    IReadOnlyList<ActivitySpell[]>? Spells = null,
    RecurringRevenue? Recurring = null,
    bool HasOrders = true);

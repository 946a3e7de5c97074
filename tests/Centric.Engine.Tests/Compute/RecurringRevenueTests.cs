using Centric.Domain.Activity;
using Centric.Domain.Families.Subscriptions;
using Centric.Engine.Compute;
using Centric.Engine.DuckDb;

namespace Centric.Engine.Tests.Compute;

/// <summary>
/// A customer's MRR on a day, read from curated subscriptions in EUR with one GBP customer (rate 1.2 from Feb 1):
/// a pays 10 from Jan 1 (open), 5 from Jan 15 until Feb 1 (an add-on that ends), 7 from Feb 1 until Mar 1 (starting the
/// day the add-on ends), nothing for a0 (mrr 0) and for a9 (it ends before it starts); b pays 20 GBP from Jan 10.
/// Every day from mid-December to April is checked against the definition applied directly to the rows.
/// </summary>
public sealed class RecurringRevenueTests : IDisposable
{
    private static readonly (string Id, string Customer, string Start, string? End, decimal Mrr, string? Currency)[] Rows =
    [
        ("a1", "a", "2025-01-01 00:00:00", null, 10m, "EUR"),
        ("a2", "a", "2025-01-15 00:00:00", "2025-02-01 00:00:00", 5m, "eur"),
        ("a3", "a", "2025-02-01 00:00:00", "2025-03-01 00:00:00", 7m, null),
        ("a0", "a", "2025-01-05 00:00:00", null, 0m, "EUR"),
        ("a9", "a", "2025-02-10 00:00:00", "2025-02-05 00:00:00", 100m, "EUR"),
        ("b1", "b", "2025-01-10 00:00:00", null, 20m, "GBP"),
    ];

    private readonly CuratedFolder _curated = new CuratedFolder().Subscriptions(Rows).FxRates(("2025-02-01", "GBP", 1.2m));

    public void Dispose() => _curated.Dispose();

    [Fact]
    public void MrrOnEachDay_IsTheSumOfTheSubscriptionsActiveThatDay_StepsAndConversionsAlike()
    {
        using var db = new DuckDbSession();
        var exports = new CuratedExportReader(db, CuratedFiles.FromFolder(_curated.Root));
        var customers = SubscriptionCustomers.Build([], SubscriptionExport.Load(exports), exports, "EUR");
        var a = customers.CustomerIds.ToList().IndexOf("a");
        var b = customers.CustomerIds.ToList().IndexOf("b");
        var missing = new List<UnconvertedAmounts>();

        // By hand: the add-on's days, the day it ends and the next plan starts, the day that plan ends.
        Assert.Equal(0m, customers.Revenue.MrrOn(a, new DateOnly(2024, 12, 31), missing));
        Assert.Equal(10m, customers.Revenue.MrrOn(a, new DateOnly(2025, 1, 14), missing));
        Assert.Equal(15m, customers.Revenue.MrrOn(a, new DateOnly(2025, 1, 31), missing));
        Assert.Equal(17m, customers.Revenue.MrrOn(a, new DateOnly(2025, 2, 1), missing));
        Assert.Equal(17m, customers.Revenue.MrrOn(a, new DateOnly(2025, 2, 28), missing));
        Assert.Equal(10m, customers.Revenue.MrrOn(a, new DateOnly(2025, 3, 1), missing));
        Assert.Empty(missing);

        for (var day = new DateOnly(2024, 12, 15); day <= new DateOnly(2025, 4, 15); day = day.AddDays(1))
        {
            missing.Clear();
            Assert.Equal(Expected("a", day), customers.Revenue.MrrOn(a, day, missing));
            Assert.Empty(missing);

            // b's GBP has no rate before Feb 1: from Jan 10 it is reported as unconverted instead of added.
            missing.Clear();
            var converted = customers.Revenue.MrrOn(b, day, missing);
            var beforeRate = day >= new DateOnly(2025, 1, 10) && day < new DateOnly(2025, 2, 1);
            Assert.Equal(beforeRate ? 0m : Expected("b", day) * 1.2m, converted);
            Assert.Equal(beforeRate ? [new UnconvertedAmounts(b, day, "GBP", 1)] : [], missing);
        }
    }

    /// <summary>The definition applied to the rows: the MRR of the customer's subscriptions with start ≤ d &lt; end and mrr &gt; 0.</summary>
    private static decimal Expected(string customer, DateOnly day) => Rows
        .Where(r => r.Customer == customer && r.Mrr > 0)
        .Where(r => DateOnly.FromDateTime(DateTime.Parse(r.Start, System.Globalization.CultureInfo.InvariantCulture)) <= day)
        .Where(r => r.End is null || day < DateOnly.FromDateTime(DateTime.Parse(r.End, System.Globalization.CultureInfo.InvariantCulture)))
        .Sum(r => r.Mrr);
}

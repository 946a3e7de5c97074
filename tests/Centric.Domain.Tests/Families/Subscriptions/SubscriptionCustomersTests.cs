using Centric.Domain.Activity;
using Centric.Domain.Exports;
using Centric.Domain.Families;
using Centric.Domain.Families.Subscriptions;
using FsCheck;
using FsCheck.Xunit;

namespace Centric.Domain.Tests.Families.Subscriptions;

/// <summary>
/// The subscriptions' customers against the rule written plainly: the orders' customers keep their numbers, the others
/// follow in ordinal order of their ids; each customer's subscriptions are its rows in export order, its spells their
/// union, and its MRR on a day the sum of its subscriptions active that day.
/// </summary>
public sealed class SubscriptionCustomersTests
{
    /// <summary>Ids whose ordinal order differs from a culture's: case, accents, a surrogate pair, a prefix.</summary>
    private static readonly string[] Pool = ["a", "B", "b", "aa", "A", "é", "e", "Z", "z1", "\uD83D\uDE00", "\uFF21", "10", "9"];

    private static readonly DateOnly Origin = new(2025, 1, 1);

    [Property(MaxTest = 300)]
    public bool Customers_AreNumberedGroupedAndSummedAsTheRuleSays(byte[] orderPicks, (byte Customer, byte Start, byte Length, byte Mrr)[] rows)
    {
        var orderIds = orderPicks.Select(p => Pool[p % Pool.Length]).Distinct(StringComparer.Ordinal).ToList();
        var subscriptions = rows.Select((r, i) => new Subscription(
            "s" + i,
            Pool[r.Customer % Pool.Length],
            Origin.AddDays(r.Start % 60),
            r.Length % 5 == 0 ? null : Origin.AddDays((r.Start % 60) + (r.Length % 40) - 5),
            (r.Mrr % 4) switch { 0 => 0m, 1 => 9.5m, 2 => 20m, _ => 0.125m },
            (r.Mrr / 4 % 3) switch { 0 => null, 1 => "EUR", _ => "eur" })).ToList();

        var built = SubscriptionCustomers.Build(orderIds, subscriptions, new NoRates(), "EUR");

        var expectedIds = orderIds
            .Concat(subscriptions.Select(s => s.CustomerId).Distinct(StringComparer.Ordinal)
                .Where(id => !orderIds.Contains(id, StringComparer.Ordinal)).Order(StringComparer.Ordinal))
            .ToList();
        if (!built.CustomerIds.SequenceEqual(expectedIds, StringComparer.Ordinal))
        {
            return false;
        }

        var missing = new List<UnconvertedAmounts>();
        for (var c = 0; c < expectedIds.Count; c++)
        {
            var own = subscriptions.Where(s => s.CustomerId == expectedIds[c]).ToList();
            if (!built.Revenue.Of(c).SequenceEqual(own)
                || !built.Spells[c].SequenceEqual(SubscriptionsActivityModel.Spells(own)))
            {
                return false;
            }

            for (var day = Origin.AddDays(-2); day <= Origin.AddDays(110); day = day.AddDays(1))
            {
                var expected = own.Where(s => s.IsActiveOn(day)).Sum(s => s.Mrr);
                if (built.Revenue.MrrOn(c, day, missing) != expected)
                {
                    return false;
                }
            }
        }

        return missing.Count == 0
            && built.FirstStart == (subscriptions.Count == 0 ? null : subscriptions.Min(s => s.Start));
    }

    [Fact]
    public void CustomersOnlyInSubscriptions_FollowTheOrders_InOrdinalOrder_EachWithItsRowsInExportOrder()
    {
        Subscription Row(string id, string customer) => new(id, customer, Origin, null, 10m, "EUR");
        List<Subscription> rows = [Row("1", "b"), Row("2", "x"), Row("3", "B"), Row("4", "b"), Row("5", "a"), Row("6", "x")];

        var built = SubscriptionCustomers.Build(["x", "c"], rows, new NoRates(), "EUR");

        // By hand: x and c keep 0 and 1; then B, a, b (upper case first in ordinal order).
        Assert.Equal(["x", "c", "B", "a", "b"], built.CustomerIds);
        Assert.Equal(["2", "6"], built.Revenue.Of(0).Select(s => s.Id));
        Assert.Empty(built.Revenue.Of(1));
        Assert.Equal(["3"], built.Revenue.Of(2).Select(s => s.Id));
        Assert.Equal(["5"], built.Revenue.Of(3).Select(s => s.Id));
        Assert.Equal(["1", "4"], built.Revenue.Of(4).Select(s => s.Id));
        Assert.Equal(20m, built.Revenue.MrrOn(4, Origin, []));
    }

    /// <summary>An fx-rates export without rows: every subscription here is in the reporting currency.</summary>
    private sealed class NoRates : IExportReader
    {
        public ExportRows Read(ExportKind kind, IReadOnlyList<string> columns) => new(
            kind,
            0,
            columns.ToDictionary(
                c => c,
                c => c switch { "date" => (Array)Array.Empty<EventTime?>(), "rate" => Array.Empty<decimal?>(), _ => Array.Empty<string?>() },
                StringComparer.Ordinal));
    }
}

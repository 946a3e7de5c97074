using Centric.Domain.Exports;
using Centric.Domain.Families;
using Centric.Domain.Families.Orders;
using Centric.Domain.Families.Subscriptions;
using Centric.Domain.Metrics;
using FsCheck.Xunit;

namespace Centric.Domain.Tests.Families.Orders;

/// <summary>
/// MRR per segment on the days summed together in one pass over the customers is the definition applied to the rows: the
/// converted MRR of the segment's subscriptions active that day, with a warning exactly when one of them did not
/// convert. USD has a rate (0.5) only from day 40 on, so a USD subscription active before it is unconverted.
/// </summary>
public sealed class MrrOnDayTests
{
    private static readonly DateOnly Origin = new(2025, 1, 1);

    [Property(MaxTest = 200)]
    public bool DaysSummedTogether_AreTheDefinitionPerSegment(
        (byte Customer, byte Start, byte Length, byte Mrr, bool Usd)[] rows, byte[] dayOffsets, bool[] planB)
    {
        var subscriptions = rows.Select((r, i) => new Subscription(
            "s" + i,
            "c" + (r.Customer % 6),
            Origin.AddDays(r.Start % 90),
            r.Length % 4 == 0 ? null : Origin.AddDays((r.Start % 90) + (r.Length % 50) - 3),
            (r.Mrr % 5) switch { 0 => 0m, 1 => 12.5m, 2 => 30m, 3 => 0.01m, _ => 7m },
            r.Usd ? "USD" : "EUR")).ToList();
        var customers = SubscriptionCustomers.Build([], subscriptions, new UsdFromDay40(), "EUR");
        var asOf = Origin.AddDays(150);
        var histories = CustomerHistories.Build([], customers.Spells, asOf);
        var segments = new SegmentIndex(
            customers.CustomerIds.Count,
            [.. Enumerable.Range(0, customers.CustomerIds.Count).Select(c => (IReadOnlyList<string>)[planB.Length > c && planB[c] ? "plan:b" : "plan:a"])]);
        var days = dayOffsets.Select(d => Origin.DayNumber + (d % 160) - 5).ToArray();

        var mrr = new MrrOnDay(histories, customers.Revenue, segments, days);

        foreach (var day in days)
        {
            // The definition: the subscriptions active that day, of the segment's customers, converted at the day's rate.
            var date = DateOnly.FromDayNumber(day);
            var usdRated = day >= Origin.DayNumber + 40;
            for (var bin = 0; bin < segments.Count; bin++)
            {
                var active = subscriptions
                    .Where(s => s.IsActiveOn(date) && segments.BinsOf(customers.CustomerIds.ToList().IndexOf(s.CustomerId)).Contains(bin))
                    .ToList();
                var expected = active.Sum(s => s.Currency == "USD" ? (usdRated ? s.Mrr * 0.5m : 0m) : s.Mrr);
                var unconverted = !usdRated && active.Any(s => s.Currency == "USD");
                var (total, warning) = mrr.On(day, bin);
                if (total != expected || (warning is not null) != unconverted)
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Fact]
    public void ADayNotGivenUpFront_IsRefused_NotSummedAsZero()
    {
        List<Subscription> subscriptions = [new("s1", "c1", Origin, null, 10m, "EUR")];
        var customers = SubscriptionCustomers.Build([], subscriptions, new UsdFromDay40(), "EUR");
        var histories = CustomerHistories.Build([], customers.Spells, Origin.AddDays(30));
        var mrr = new MrrOnDay(histories, customers.Revenue, new SegmentIndex(1, null), [Origin.DayNumber + 9]);

        Assert.Equal((10m, null), mrr.On(Origin.DayNumber + 9, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => mrr.On(Origin.DayNumber + 10, 0));
    }

    /// <summary>An fx-rates export with one row: USD at 0.5 from day 40.</summary>
    private sealed class UsdFromDay40 : IExportReader
    {
        public ExportRows Read(ExportKind kind, IReadOnlyList<string> columns) => new(
            kind,
            1,
            columns.ToDictionary(
                c => c,
                c => c switch
                {
                    "date" => (Array)new EventTime?[] { new EventTime(Origin.AddDays(40), new DateTimeOffset(Origin.AddDays(40), TimeOnly.MinValue, TimeSpan.Zero)) },
                    "rate" => new decimal?[] { 0.5m },
                    _ => new string?[] { "USD" },
                },
                StringComparer.Ordinal));
    }
}

using Centric.Domain.Exports;
using Centric.Domain.Families;
using Centric.Domain.Families.Orders;
using Centric.Domain.Families.Subscriptions;
using Centric.Domain.Metrics;
using FsCheck.Xunit;

namespace Centric.Domain.Tests.Families.Orders;

/// <summary>
/// MRR per segment on the days summed together in one pass over the customers equals, to the last digit and with the same
/// warnings, each day summed alone over every customer; and the whole base's MRR is the definition applied to the rows:
/// the converted MRR of the subscriptions active that day. USD has a rate (0.5) only from day 40 on, so a USD
/// subscription active before it is unconverted.
/// </summary>
public sealed class MrrOnDayTests
{
    private static readonly DateOnly Origin = new(2025, 1, 1);

    [Property(MaxTest = 200)]
    public bool DaysSummedTogether_AreEachDaySummedAlone(
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

        var together = new MrrOnDay(histories, customers.Revenue, segments, days);
        var alone = new MrrOnDay(histories, customers.Revenue, segments, []);

        foreach (var day in days)
        {
            for (var bin = 0; bin < segments.Count; bin++)
            {
                if (together.On(day, bin) != alone.On(day, bin))
                {
                    return false;
                }
            }

            var date = DateOnly.FromDayNumber(day);
            var active = subscriptions.Where(s => s.IsActiveOn(date)).ToList();
            var (total, warning) = together.On(day, 0);
            var unconverted = active.Any(s => s.Currency == "USD" && day < Origin.DayNumber + 40);
            var expected = active.Sum(s => s.Currency == "USD" ? (day < Origin.DayNumber + 40 ? 0m : s.Mrr * 0.5m) : s.Mrr);
            if (total != expected || (warning is not null) != unconverted)
            {
                return false;
            }
        }

        return true;
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

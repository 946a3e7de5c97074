using Centric.Domain.Datasets;
using Centric.Domain.Families.Tickets;
using Centric.Domain.Metrics;
using Centric.Domain.Time;
using Centric.Engine.Compute;

namespace Centric.Engine.Tests.Compute;

/// <summary>Ticket metrics over curated tickets, with expectations worked out by hand in the comments.</summary>
public sealed class TicketsFamilyTests : IDisposable
{
    // As of 2025-04-20 (the last ticket opened). Hours to first response and to resolution in brackets.
    private readonly CuratedFolder _curated = new CuratedFolder()
        .Customers(("c1", "ES", null), ("c2", "IT", null))
        .Tickets(
            // January: resolved the day it was opened (8 h), never answered.
            ("t0", "c2", "2025-01-10 09:00:00", null, "2025-01-10 17:00:00", "email", "low"),
            // March: resolved 4 h, 48 h and 274 h after opening; answered after 1.5 h, 0.25 h, 24 h.
            ("t1", "c1", "2025-03-03 09:00:00", "2025-03-03 10:30:00", "2025-03-03 13:00:00", "email", "high"),
            ("t2", "c2", "2025-03-10 08:00:00", "2025-03-10 08:15:00", "2025-03-12 08:00:00", "chat", "low"),
            ("t3", null, "2025-03-20 12:00:00", "2025-03-21 12:00:00", "2025-03-31 22:00:00", "email", "low"),
            // Opened and answered (1 h) in March, resolved in April after 120 h: open at the end of March.
            ("t4", "c1", "2025-03-28 10:00:00", "2025-03-28 11:00:00", "2025-04-02 10:00:00", "email", "high"),
            // April: opened at midnight (a date without a time), answered 6 h later, still open.
            ("t5", "c2", "2025-04-01 00:00:00", "2025-04-01 06:00:00", null, "chat", "high"),
            ("t6", "c1", "2025-04-15 09:00:00", null, "2025-04-15 09:45:00", "phone", "low"),
            // Resolved after the as-of date: not in April's resolution times, open on the as-of date.
            ("t8", "c2", "2025-04-18 10:00:00", null, "2025-04-25 10:00:00", "email", "low"),
            ("t7", null, "2025-04-20 10:00:00", null, null, null, null));

    private readonly ComputeResult _result;

    public TicketsFamilyTests() => _result = DatasetComputer.Compute(CuratedFiles.FromFolder(_curated.Root), DatasetSettings.Default);

    public void Dispose() => _curated.Dispose();

    private MetricValue? Row(string metric, string period, string segment = "*", Grain grain = Grain.Month) =>
        _result.Values.SingleOrDefault(v => v.Metric == metric && v.Period.Label == period && v.Segment == segment && v.Period.Grain == grain);

    private static (decimal?, decimal?, decimal?) Parts(MetricValue? row) => (row?.Value, row?.Numerator, row?.Denominator);

    [Fact]
    public void ResolutionTimes_AreTheMeanP90AndWorst_OfTheHoursOfTicketsResolvedInThePeriod()
    {
        // March: 4, 48, 274 h. Mean 326 ÷ 3; p90 is the ⌈2.7⌉ = 3rd smallest.
        Assert.Equal((108.666667m, 326m, 3m), Parts(Row(TicketsFamily.ResolutionTimeAvg, "2025-03")));
        Assert.Equal((274m, 274m, 3m), Parts(Row(TicketsFamily.ResolutionTimeP90, "2025-03")));
        Assert.Equal((274m, 274m, 3m), Parts(Row(TicketsFamily.ResolutionTimeWorst, "2025-03")));
        // April: t4 (opened in March) 120 h and t6 0.75 h; t8 is resolved after the as-of date. p90: the ⌈1.8⌉ = 2nd.
        var april = Row(TicketsFamily.ResolutionTimeAvg, "2025-04")!;
        Assert.Equal((60.375m, 120.75m, 2m), Parts(april));
        Assert.True(april.Partial);
        Assert.Equal(MetricUnit.Hours, april.Unit);
        Assert.Equal(1, april.DefinitionVersion);
        Assert.Equal(120m, Row(TicketsFamily.ResolutionTimeP90, "2025-04")!.Value);
        Assert.Equal(8m, Row(TicketsFamily.ResolutionTimeWorst, "2025-01")!.Value);
        Assert.False(Row(TicketsFamily.ResolutionTimeAvg, "2025-03")!.Partial);
    }

    [Fact]
    public void FirstResponseTimes_CountTicketsByTheDayOfTheirFirstResponse()
    {
        // March: 1.5, 0.25, 24, 1 h. April: 6 h from a date-only opening (midnight).
        Assert.Equal((6.6875m, 26.75m, 4m), Parts(Row(TicketsFamily.FirstResponseTimeAvg, "2025-03")));
        Assert.Equal((24m, 24m, 4m), Parts(Row(TicketsFamily.FirstResponseTimeWorst, "2025-03")));
        Assert.Equal((6m, 6m, 1m), Parts(Row(TicketsFamily.FirstResponseTimeAvg, "2025-04")));
        // January's ticket was never answered: no row, not a zero.
        Assert.Null(Row(TicketsFamily.FirstResponseTimeAvg, "2025-01"));
        Assert.Null(Row(TicketsFamily.ResolutionTimeAvg, "2025-02"));
    }

    [Fact]
    public void OpenTickets_IsTheStockAtThePeriodsEnd_WithZeros_AndOnTheAsOfDateForThePartialPeriod()
    {
        // Jan 31 and Feb 28: none open (zeros, a stock). Mar 31: t4 (t3 was resolved on the 31st). Apr 20: t5, t7, t8.
        Assert.Equal((0m, 0m, null), Parts(Row(TicketsFamily.OpenTickets, "2025-01")));
        Assert.Equal(0m, Row(TicketsFamily.OpenTickets, "2025-02")!.Value);
        Assert.Equal((1m, 1m, null), Parts(Row(TicketsFamily.OpenTickets, "2025-03")));
        var april = Row(TicketsFamily.OpenTickets, "2025-04")!;
        Assert.Equal(3m, april.Value);
        Assert.True(april.Partial);
        Assert.Equal(MetricUnit.Count, april.Unit);
        Assert.Null(Row(TicketsFamily.OpenTickets, "2024-12"));
        Assert.Null(Row(TicketsFamily.OpenTickets, "2025-05"));
    }

    [Fact]
    public void OpenTickets_PerSegment_StartsWithTheSegmentsFirstTicket()
    {
        // chat: t2 (March, resolved) then t5 (April, open); phone: t6 (April, resolved).
        Assert.Null(Row(TicketsFamily.OpenTickets, "2025-02", "ticket-channel:chat"));
        Assert.Equal(0m, Row(TicketsFamily.OpenTickets, "2025-03", "ticket-channel:chat")!.Value);
        Assert.Equal(1m, Row(TicketsFamily.OpenTickets, "2025-04", "ticket-channel:chat")!.Value);
        Assert.Equal(0m, Row(TicketsFamily.OpenTickets, "2025-04", "ticket-channel:phone")!.Value);
        Assert.Equal(0m, Row(TicketsFamily.OpenTickets, "2025-02", "ticket-channel:email")!.Value);
        Assert.Equal(1m, Row(TicketsFamily.OpenTickets, "2025-03", "ticket-priority:high")!.Value);
        Assert.Equal(1m, Row(TicketsFamily.OpenTickets, "2025-04", "ticket-priority:low")!.Value);
        // Customer segments: c1 (ES) from March, c2 (IT) from January; t7 has no customer and counts in * only.
        Assert.Null(Row(TicketsFamily.OpenTickets, "2025-02", "country:ES"));
        Assert.Equal(1m, Row(TicketsFamily.OpenTickets, "2025-03", "country:ES")!.Value);
        Assert.Equal(2m, Row(TicketsFamily.OpenTickets, "2025-04", "country:IT")!.Value);
        Assert.True(Row(TicketsFamily.OpenTickets, "2025-04", "country:IT")!.LowSample);
    }

    [Fact]
    public void ResolutionTime_IsCutByChannel_Priority_AndTheCustomersSegments()
    {
        // March: email 4 and 274 h, chat 48 h; high 4 h, low 48 and 274 h; c1 (ES) 4 h, c2 (IT) 48 h.
        var email = Row(TicketsFamily.ResolutionTimeAvg, "2025-03", "ticket-channel:email")!;
        Assert.Equal((139m, 278m, 2m), Parts(email));
        Assert.True(email.LowSample);
        Assert.Equal(48m, Row(TicketsFamily.ResolutionTimeAvg, "2025-03", "ticket-channel:chat")!.Value);
        Assert.Equal(4m, Row(TicketsFamily.ResolutionTimeAvg, "2025-03", "ticket-priority:high")!.Value);
        Assert.Equal((161m, 322m, 2m), Parts(Row(TicketsFamily.ResolutionTimeAvg, "2025-03", "ticket-priority:low")));
        Assert.Equal(120m, Row(TicketsFamily.ResolutionTimeAvg, "2025-04", "ticket-priority:high")!.Value);
        Assert.Equal(0.75m, Row(TicketsFamily.ResolutionTimeWorst, "2025-04", "ticket-priority:low")!.Value);
        Assert.Equal(4m, Row(TicketsFamily.ResolutionTimeAvg, "2025-03", "country:ES")!.Value);
        Assert.Equal(48m, Row(TicketsFamily.ResolutionTimeAvg, "2025-03", "country:IT")!.Value);
        // One row per period and segment: * and the customer segments are not repeated by the priority pass.
        Assert.Single(_result.Values, v => v.Metric == TicketsFamily.ResolutionTimeAvg && v.Segment == "*"
            && v.Period.Label == "2025-03" && v.Period.Grain == Grain.Month);
        Assert.DoesNotContain(_result.Values, v => v.Segment.StartsWith("ticket-", StringComparison.Ordinal) && v.Segment.EndsWith(':'));
    }

    [Fact]
    public void Quarters_AddUpTheirMonths_AndTheFamilyIsListed()
    {
        // Q1: 8, 4, 48, 274 h; p90 is the ⌈3.6⌉ = 4th. Open at the end of Q1: t4; on the as-of date in Q2: 3.
        Assert.Equal((83.5m, 334m, 4m), Parts(Row(TicketsFamily.ResolutionTimeAvg, "2025-Q1", grain: Grain.Quarter)));
        Assert.Equal(274m, Row(TicketsFamily.ResolutionTimeP90, "2025-Q1", grain: Grain.Quarter)!.Value);
        Assert.Equal(1m, Row(TicketsFamily.OpenTickets, "2025-Q1", grain: Grain.Quarter)!.Value);
        Assert.Equal(3m, Row(TicketsFamily.OpenTickets, "2025-Q2", grain: Grain.Quarter)!.Value);
        Assert.Equal(3m, Row(TicketsFamily.OpenTickets, "2025", grain: Grain.Year)!.Value);
        Assert.Equal(new DateOnly(2025, 4, 20), _result.AsOf);
        Assert.Contains("tickets", _result.Families);
    }

    [Fact]
    public void FiscalQuarters_FollowTheFiscalYear()
    {
        // Fiscal year from February: FY2026-Q1 is Feb-Apr 2025 (partial): 4, 48, 274, 120 and 0.75 h; FY2025-Q4 holds January.
        var settings = DatasetSettings.Default with { FiscalYearStartMonth = 2 };
        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(_curated.Root), settings);
        var q1 = result.Values.Single(v => v.Metric == TicketsFamily.ResolutionTimeAvg && v.Period.Label == "FY2026-Q1" && v.Segment == "*");
        Assert.Equal((89.35m, 446.75m, 5m), Parts(q1));
        Assert.True(q1.Partial);
        Assert.Equal(new DateOnly(2025, 2, 1), q1.Period.Start);
        var p90 = result.Values.Single(v => v.Metric == TicketsFamily.ResolutionTimeP90 && v.Period.Label == "FY2026-Q1" && v.Segment == "*");
        Assert.Equal(274m, p90.Value);
        Assert.Equal(8m, result.Values.Single(v => v.Metric == TicketsFamily.ResolutionTimeAvg && v.Period.Label == "FY2025-Q4" && v.Segment == "*").Value);
        Assert.Equal(3m, result.Values.Single(v => v.Metric == TicketsFamily.OpenTickets && v.Period.Label == "FY2026-Q1" && v.Segment == "*").Value);
    }

    [Fact]
    public void Durations_AreExactBetweenInstants_AndDatedByTheLocalDay()
    {
        // Europe/Madrid. t1 crosses the change to summer time: 01:00 (+01:00) to 04:00 (+02:00) is 2 h, not 3.
        // t2 is resolved at 00:30 local on 1 June (22:30 UTC on 31 May): it counts in June.
        using var curated = new CuratedFolder().Tickets(
            ("t1", null, "2025-03-30 01:00:00|2025-03-30 00:00:00", null, "2025-03-30 04:00:00|2025-03-30 02:00:00", null, null),
            ("t2", null, "2025-05-31 22:00:00|2025-05-31 20:00:00", null, "2025-06-01 00:30:00|2025-05-31 22:30:00", null, null),
            ("t3", null, "2025-06-02 09:00:00|2025-06-02 07:00:00", null, null, null, null));
        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), DatasetSettings.Default with { TimeZone = "Europe/Madrid" });

        MetricValue? Month(string period) => result.Values.SingleOrDefault(v =>
            v.Metric == TicketsFamily.ResolutionTimeAvg && v.Period.Label == period && v.Segment == "*" && v.Period.Grain == Grain.Month);
        Assert.Equal(2m, Month("2025-03")!.Value);
        Assert.Null(Month("2025-05"));
        Assert.Equal(2.5m, Month("2025-06")!.Value);
        // Open at the end of May: t2, resolved on 1 June local.
        Assert.Equal(1m, result.Values.Single(v => v.Metric == TicketsFamily.OpenTickets && v.Period.Label == "2025-05"
            && v.Segment == "*" && v.Period.Grain == Grain.Month).Value);
    }

    [Fact]
    public void ResolutionTimeP90_PerPriorityAndChannel_IsTheNearestRankOfThatGroupsHours()
    {
        // March, low: 48 and 274 h, p90 the ⌈1.8⌉ = 2nd; high: 4 h alone; email: 4 and 274 h.
        Assert.Equal((274m, 274m, 2m), Parts(Row(TicketsFamily.ResolutionTimeP90, "2025-03", "ticket-priority:low")));
        Assert.Equal((4m, 4m, 1m), Parts(Row(TicketsFamily.ResolutionTimeP90, "2025-03", "ticket-priority:high")));
        Assert.Equal((274m, 274m, 2m), Parts(Row(TicketsFamily.ResolutionTimeP90, "2025-03", "ticket-channel:email")));

        // Q1, low: 8, 48 and 274 h, the ⌈2.7⌉ = 3rd; Q2, low: t6's 0.75 h alone (t8 is resolved after the as-of date).
        Assert.Equal(274m, Row(TicketsFamily.ResolutionTimeP90, "2025-Q1", "ticket-priority:low", Grain.Quarter)!.Value);
        Assert.Equal(0.75m, Row(TicketsFamily.ResolutionTimeP90, "2025-Q2", "ticket-priority:low", Grain.Quarter)!.Value);

        // The priority rows come from a pass of their own, which adds no second * row or customer-segment rows.
        Assert.Single(_result.Values, v => v.Metric == TicketsFamily.ResolutionTimeP90 && v.Period.Label == "2025-03"
            && v.Segment == "*" && v.Period.Grain == Grain.Month);
    }

    [Theory]
    // Ten tickets of 1..10 h: ⌈0.9 × 10⌉ = 9th smallest, 9 h (interpolating would give 9.1).
    [InlineData(10, 9)]
    // Eleven tickets of 1..11 h: ⌈0.9 × 11⌉ = ⌈9.9⌉ = 10th smallest, 10 h (interpolating would give 10).
    [InlineData(11, 10)]
    public void ResolutionTimeP90_IsTheNearestRank_OfTenAndOfElevenTickets(int tickets, int expected)
    {
        // Opened in reverse order of their hours, so the answer cannot come from the rows' order.
        var rows = Enumerable.Range(1, tickets)
            .Select(h => ($"t{h}", (string?)null, $"2025-07-{31 - h:D2} 00:00:00", (string?)null,
                (string?)$"2025-07-{31 - h:D2} {h:D2}:00:00", (string?)null, (string?)null))
            .Reverse()
            .ToArray();
        using var curated = new CuratedFolder().Tickets(rows);

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), DatasetSettings.Default);

        var p90 = result.Values.Single(v =>
            v.Metric == TicketsFamily.ResolutionTimeP90 && v.Period.Label == "2025-07" && v.Segment == "*" && v.Period.Grain == Grain.Month);
        Assert.Equal(((decimal)expected, (decimal)expected, (decimal)tickets), (p90.Value!.Value, p90.Numerator!.Value, p90.Denominator!.Value));
    }

    [Fact]
    public void OpenTickets_CountsTheUnresolvedTicketAtThePeriodsEnd_NotOneResolvedThatDay_NorOneResolvedBeforeItWasOpened()
    {
        // As of July 20 (the last ticket opened). tz is resolved on the as-of day itself, tx's resolution precedes its
        // opening (left out of the times, never open), ty is unresolved: one ticket open on July 20; on June 30 only tz.
        using var curated = new CuratedFolder().Tickets(
            ("tz", null, "2025-06-25 09:00:00", null, "2025-07-20 08:00:00", null, null),
            ("tx", null, "2025-07-10 09:00:00", null, "2025-07-05 09:00:00", null, null),
            ("ty", null, "2025-07-20 09:00:00", null, null, null, null));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), DatasetSettings.Default);

        MetricValue Open(string period) => result.Values.Single(v =>
            v.Metric == TicketsFamily.OpenTickets && v.Period.Label == period && v.Segment == "*" && v.Period.Grain == Grain.Month);
        Assert.Equal(1m, Open("2025-06").Value);
        Assert.Equal(1m, Open("2025-07").Value);
        Assert.True(Open("2025-07").Partial);
        Assert.Contains(result.Warnings, w => w.StartsWith("1 ticket time(s) end before the ticket was opened", StringComparison.Ordinal));
    }
}

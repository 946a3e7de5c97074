using System.Globalization;

namespace Centric.Engine.Samples;

/// <summary>
/// The customer-experience exports of the sample shop, for the same customers as <see cref="SampleExports"/>: survey
/// answers (NPS at checkout, support and onboarding; CSAT after support; CES; a brand-awareness panel), support
/// tickets, onboarding, e-mail/SMS/push engagement and brand mentions. Deterministic per seed; every timestamp is UTC
/// and on or before <see cref="SampleOptions.End"/>; every duration is positive. Canonical headers (docs/contract.md).
/// </summary>
public static class SampleExperience
{
    private static readonly string[] Touchpoints = ["checkout", "support", "onboarding"];
    private static readonly string[] TicketChannels = ["email", "chat", "phone"];
    private static readonly int[] TicketChannelWeights = [50, 35, 15];
    private static readonly string[] Priorities = ["low", "normal", "high", "urgent"];
    private static readonly int[] PriorityWeights = [30, 45, 20, 5];
    private static readonly string[] MessageChannels = ["email", "sms", "push"];
    private static readonly int[] MessageChannelWeights = [70, 10, 20];
    private static readonly string[] Sources = ["twitter", "reviews", "news", "forum"];
    private static readonly int[] SourceWeights = [45, 30, 10, 15];
    private static readonly string[] Labels = ["positive", "neutral", "negative"];

    /// <summary>Writes <c>surveys.csv</c>; returns the rows written.</summary>
    public static long WriteSurveysCsv(TextWriter writer, SampleOptions options) => Write(writer, options, "response_id,customer_id,answered_at,survey,score,touchpoint", 101, (r, c, end, emit) =>
    {
        // Happier customers (low dropout) promote; the score drifts with how the shop treats them.
        var mood = 1.0 - c.DropoutPerPurchase;
        for (var day = c.CreatedAt.AddDays(r.Next(30)); day <= end; day = day.AddDays(60 + r.Next(240)))
        {
            var touchpoint = Touchpoints[r.Next(Touchpoints.Length)];
            var nps = Math.Clamp((int)Math.Round((mood * 10.5) + (r.Normal() * 2.2)), 0, 10);
            emit($"S{c.Id}-{day:yyyyMMdd}-N,{c.Id},{Instant(day, ref r)},nps,{nps},{touchpoint}");
            if (touchpoint == "support")
            {
                var csat = Math.Clamp((int)Math.Round((mood * 5.2) + r.Normal()), 1, 5);
                emit($"S{c.Id}-{day:yyyyMMdd}-C,{c.Id},{Instant(day, ref r)},csat,{csat},support");
                var ces = Math.Clamp((int)Math.Round(7.5 - (mood * 5) + r.Normal()), 1, 7);
                emit($"S{c.Id}-{day:yyyyMMdd}-E,{c.Id},{Instant(day, ref r)},ces,{ces},support");
            }
        }
    }, (r, start, end, emit) =>
    {
        // A monthly brand-awareness panel of 40 people who are not customers; awareness grows with the shop.
        for (var month = new DateOnly(start.Year, start.Month, 1); month <= end; month = month.AddMonths(1))
        {
            var share = 0.2 + (0.3 * (month.DayNumber - start.DayNumber) / Math.Max(1.0, end.DayNumber - start.DayNumber));
            for (var i = 0; i < 40; i++)
            {
                var day = month.AddDays(r.Next(28));
                if (day <= end)
                {
                    emit($"P{month:yyyyMM}-{i:D2},,{Instant(day, ref r)},brand-awareness,{(r.Chance(share) ? 1 : 0)},panel");
                }
            }
        }
    });

    /// <summary>Writes <c>tickets.csv</c>; returns the rows written. Tickets opened in the last days may be unresolved.</summary>
    public static long WriteTicketsCsv(TextWriter writer, SampleOptions options) => Write(writer, options, "ticket_id,customer_id,opened_at,first_response_at,resolved_at,channel,priority", 102, (r, c, end, emit) =>
    {
        var perYear = 0.3 + (c.PurchasesPerYear * 0.15);
        for (var day = c.CreatedAt.AddDays((int)r.Exponential(365 / perYear)); day <= end; day = day.AddDays(1 + (int)r.Exponential(365 / perYear)))
        {
            var opened = day.ToDateTime(new TimeOnly(7 + r.Next(12), r.Next(60)), DateTimeKind.Utc);
            var priority = r.Pick(PriorityWeights);
            var responseHours = r.LogNormal(priority >= 2 ? 1.0 : 4.0, 0.8);
            var resolutionHours = responseHours + r.LogNormal(priority >= 2 ? 6.0 : 20.0, 0.9);
            var limit = end.ToDateTime(new TimeOnly(23, 59), DateTimeKind.Utc);
            var response = opened.AddHours(responseHours);
            var resolved = opened.AddHours(resolutionHours);
            emit(string.Create(CultureInfo.InvariantCulture,
                $"T{c.Id}-{day:yyyyMMdd},{c.Id},{opened:yyyy-MM-ddTHH:mm:ssZ},{(response <= limit ? response.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "")},{(resolved <= limit ? resolved.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "")},{TicketChannels[r.Pick(TicketChannelWeights)]},{Priorities[priority]}"));
        }
    });

    /// <summary>Writes <c>onboarding.csv</c>: one onboarding per customer from the day it signed up; returns the rows written.</summary>
    public static long WriteOnboardingCsv(TextWriter writer, SampleOptions options) => Write(writer, options, "customer_id,started_at,completed_at,steps_completed,steps_total", 103, (r, c, end, emit) =>
    {
        var started = c.CreatedAt.ToDateTime(new TimeOnly(8 + r.Next(10), r.Next(60)), DateTimeKind.Utc);
        var completes = r.Chance(0.8 - (c.DropoutPerPurchase * 0.5));
        var completed = started.AddDays(r.LogNormal(4, 0.9));
        var done = completes && DateOnly.FromDateTime(completed) <= end;
        var steps = done ? 5 : r.Next(5);
        emit(string.Create(CultureInfo.InvariantCulture,
            $"{c.Id},{started:yyyy-MM-ddTHH:mm:ssZ},{(done ? completed.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "")},{steps},5"));
    });

    /// <summary>Writes <c>communications.csv</c>: a monthly newsletter to the customers who opted in; returns the rows written.</summary>
    public static long WriteCommunicationsCsv(TextWriter writer, SampleOptions options) => Write(writer, options, "message_id,customer_id,sent_at,channel,delivered_at,opened_at,clicked_at,unsubscribed_at", 104, (r, c, end, emit) =>
    {
        if (!r.Chance(0.4))
        {
            return;
        }

        var channel = MessageChannels[r.Pick(MessageChannelWeights)];
        var interest = 0.15 + (0.4 * r.NextDouble());
        var first = new DateOnly(c.CreatedAt.Year, c.CreatedAt.Month, 1).AddMonths(1);
        for (var month = first; month.AddDays(2) <= end; month = month.AddMonths(1))
        {
            var sent = month.AddDays(2).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            var delivered = r.Chance(0.96) ? sent.AddMinutes(1 + r.Next(30)) : (DateTime?)null;
            var opened = delivered is { } d && r.Chance(interest) ? d.AddHours(r.Exponential(10)) : (DateTime?)null;
            var clicked = opened is { } o && r.Chance(0.3) ? o.AddMinutes(1 + r.Next(20)) : (DateTime?)null;
            var unsubscribed = delivered is { } u && r.Chance(0.004) ? u.AddHours(1 + r.Next(48)) : (DateTime?)null;
            var limit = end.ToDateTime(new TimeOnly(23, 59), DateTimeKind.Utc);
            emit($"M{c.Id}-{month:yyyyMM},{c.Id},{Format(sent, limit)},{channel},{Format(delivered, limit)},{Format(opened, limit)},{Format(clicked, limit)},{Format(unsubscribed, limit)}");
            if (unsubscribed is not null)
            {
                break;
            }
        }
    });

    /// <summary>Writes <c>mentions.csv</c>: a few mentions a day, scored or labelled by the listening tool; returns the rows written.</summary>
    public static long WriteMentionsCsv(TextWriter writer, SampleOptions options) => Write(writer, options, "mention_id,mentioned_at,source,sentiment", 105, null, (r, start, end, emit) =>
    {
        var n = 0;
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            for (var k = r.Next(4); k > 0; k--)
            {
                var source = r.Pick(SourceWeights);
                var score = Math.Clamp(0.15 + (r.Normal() * 0.45), -1, 1);
                var sentiment = source == 1
                    ? Labels[score > 0.3 ? 0 : score < -0.2 ? 2 : 1]
                    : score.ToString("0.00", CultureInfo.InvariantCulture);
                emit($"N{++n:D7},{Instant(day, ref r)},{Sources[source]},{sentiment}");
            }
        }
    });

    private static long Write(
        TextWriter writer, SampleOptions options, string header, int stream, CustomerRows? perCustomer, DatasetRows? perDataset = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        writer.Write(header);
        writer.Write('\n');
        long rows = 0;
        void Emit(string line)
        {
            writer.Write(line);
            writer.Write('\n');
            rows++;
        }

        var days = SampleExports.HistoryDays(options);
        if (perCustomer is not null)
        {
            for (var i = 0; i < options.Customers; i++)
            {
                var random = SampleRandom.For(options.Seed, i);
                var customer = SampleCustomer.Create(ref random, i, options.Start, days, 1.0);
                var own = SampleRandom.For(options.Seed * 1000 + stream, i);
                perCustomer(own, customer, options.End, Emit);
            }
        }

        if (perDataset is not null)
        {
            perDataset(SampleRandom.For(options.Seed * 1000 + stream, -1), options.Start, options.End, Emit);
        }

        return rows;
    }

    private static string Instant(DateOnly day, ref SampleRandom random) =>
        day.ToDateTime(new TimeOnly(random.Next(24), random.Next(60)), DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Format(DateTime? instant, DateTime limit) =>
        instant is { } t && t <= limit ? t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "";

    private delegate void CustomerRows(SampleRandom random, SampleCustomer customer, DateOnly end, Action<string> emit);

    private delegate void DatasetRows(SampleRandom random, DateOnly start, DateOnly end, Action<string> emit);
}

using System.Globalization;
using Centric.Domain.Exports;

namespace Centric.Engine.Samples;

/// <summary>
/// Large synthetic exports for timing the pipeline: exactly the number of rows asked for, of one kind, with the shapes
/// of real exports (events growing over a three-year history, a customer behind most events, log-normal support times,
/// unresolved recent tickets, open and click funnels, labelled and numeric sentiment, churned subscriptions).
/// Deterministic: row i is drawn from its own random stream, so the same size and seed give byte-identical files.
/// Every timestamp is UTC and on or before <see cref="SampleOptions.End"/>; every duration is positive. The customer ids
/// are those of <see cref="SampleExports.WriteCustomersCsv"/> for <see cref="CustomersFor"/> customers.
/// </summary>
public static class BenchExports
{
    /// <summary>The experience kinds (and subscriptions) this class writes.</summary>
    public static IReadOnlyList<ExportKind> Kinds { get; } =
    [
        ExportKind.Subscriptions, ExportKind.Tickets, ExportKind.Surveys, ExportKind.Communications, ExportKind.Onboarding,
        ExportKind.Mentions,
    ];

    private static readonly string[] Touchpoints = ["checkout", "support", "onboarding", "delivery"];
    private static readonly int[] TouchpointWeights = [40, 25, 20, 15];
    private static readonly string[] TicketChannels = ["email", "chat", "phone"];
    private static readonly int[] TicketChannelWeights = [50, 35, 15];
    private static readonly string[] Priorities = ["low", "normal", "high", "urgent"];
    private static readonly int[] PriorityWeights = [30, 45, 20, 5];
    private static readonly string[] MessageChannels = ["email", "sms", "push"];
    private static readonly int[] MessageChannelWeights = [70, 10, 20];
    private static readonly string[] Sources = ["twitter", "reviews", "news", "forum"];
    private static readonly int[] SourceWeights = [45, 30, 10, 15];
    private static readonly string[] Labels = ["positive", "neutral", "negative"];
    private static readonly string[] Plans = ["basic", "plus", "pro"];
    private static readonly int[] PlanWeights = [55, 30, 15];
    private static readonly decimal[] PlanPrices = [19m, 49m, 199m];

    /// <summary>
    /// The customers behind <paramref name="rows"/> rows of <paramref name="kind"/>: one per onboarding (its natural key),
    /// one per three subscriptions, one per ten events of the other kinds.
    /// </summary>
    public static int CustomersFor(ExportKind kind, int rows) => Math.Max(1, kind switch
    {
        ExportKind.Onboarding => rows,
        ExportKind.Subscriptions => rows / 3,
        _ => rows / 10,
    });

    /// <summary>Writes <paramref name="rows"/> rows of <paramref name="kind"/> with canonical headers; returns the rows written.</summary>
    public static long Write(TextWriter writer, ExportKind kind, int rows, SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        var customers = CustomersFor(kind, rows);
        var days = SampleExports.HistoryDays(options);
        var limit = options.End.ToDateTime(new TimeOnly(23, 59), DateTimeKind.Utc);
        Func<int, SampleRandom, string> row = kind switch
        {
            ExportKind.Surveys => (i, r) => Survey(i, r, customers, options, days),
            ExportKind.Tickets => (i, r) => Ticket(i, r, customers, options, days, limit),
            ExportKind.Communications => (i, r) => Message(i, r, customers, options, days, limit),
            ExportKind.Onboarding => (i, r) => Onboarding(i, r, options, days, limit),
            ExportKind.Mentions => (i, r) => Mention(i, r, options, days),
            ExportKind.Subscriptions => (i, r) => Subscription(i, r, customers, options, days),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only subscriptions and the experience kinds are generated here."),
        };
        writer.Write(Header(kind));
        writer.Write('\n');
        for (var i = 0; i < rows; i++)
        {
            writer.Write(row(i, SampleRandom.For(options.Seed * 1000 + 200 + (int)kind, i)));
            writer.Write('\n');
        }

        return rows;
    }

    private static string Header(ExportKind kind) => kind switch
    {
        ExportKind.Surveys => "response_id,customer_id,answered_at,survey,score,touchpoint",
        ExportKind.Tickets => "ticket_id,customer_id,opened_at,first_response_at,resolved_at,channel,priority",
        ExportKind.Communications => "message_id,customer_id,sent_at,channel,delivered_at,opened_at,clicked_at,unsubscribed_at",
        ExportKind.Onboarding => "customer_id,started_at,completed_at,steps_completed,steps_total",
        ExportKind.Mentions => "mention_id,mentioned_at,source,sentiment",
        _ => "subscription_id,customer_id,start_date,mrr,end_date,plan,currency,status",
    };

    private static string Survey(int i, SampleRandom r, int customers, SampleOptions options, int days)
    {
        var at = Instant(ref r, options, days);
        var pick = r.Next(100);
        if (pick < 5)
        {
            // The brand-awareness panel: people who are not customers.
            return Invariant($"R{i + 1:D8},,{at},brand-awareness,{(r.Chance(0.35) ? 1 : 0)},panel");
        }

        var customer = CustomerId(ref r, customers);
        var mood = r.NextDouble();
        var touchpoint = Touchpoints[r.Pick(TouchpointWeights)];
        return pick switch
        {
            < 65 => Invariant($"R{i + 1:D8},{customer},{at},nps,{Math.Clamp((int)Math.Round(4 + (mood * 6.5) + r.Normal()), 0, 10)},{touchpoint}"),
            < 85 => Invariant($"R{i + 1:D8},{customer},{at},csat,{Math.Clamp((int)Math.Round(1.5 + (mood * 3.6) + r.Normal()), 1, 5)},{touchpoint}"),
            _ => Invariant($"R{i + 1:D8},{customer},{at},ces,{Math.Clamp((int)Math.Round(6.5 - (mood * 5) + r.Normal()), 1, 7)},{touchpoint}"),
        };
    }

    private static string Ticket(int i, SampleRandom r, int customers, SampleOptions options, int days, DateTime limit)
    {
        var customer = CustomerId(ref r, customers);
        var opened = Time(ref r, options, days);
        var priority = r.Pick(PriorityWeights);
        var responseHours = r.LogNormal(priority >= 2 ? 1.0 : 4.0, 0.8);
        var resolutionHours = responseHours + r.LogNormal(priority >= 2 ? 6.0 : 20.0, 0.9);
        var channel = TicketChannels[r.Pick(TicketChannelWeights)];
        return Invariant(
            $"T{i + 1:D8},{customer},{Format(opened)},{Upto(opened.AddHours(responseHours), limit)},{Upto(opened.AddHours(resolutionHours), limit)},{channel},{Priorities[priority]}");
    }

    private static string Message(int i, SampleRandom r, int customers, SampleOptions options, int days, DateTime limit)
    {
        var customer = CustomerId(ref r, customers);
        var sent = Time(ref r, options, days);
        var channel = MessageChannels[r.Pick(MessageChannelWeights)];
        var delivered = r.Chance(0.96) ? sent.AddMinutes(1 + r.Next(30)) : (DateTime?)null;
        var opened = delivered is { } d && r.Chance(0.35) ? d.AddHours(r.Exponential(10)) : (DateTime?)null;
        var clicked = opened is { } o && r.Chance(0.3) ? o.AddMinutes(1 + r.Next(20)) : (DateTime?)null;
        var unsubscribed = delivered is { } u && r.Chance(0.004) ? u.AddHours(1 + r.Next(48)) : (DateTime?)null;
        return Invariant(
            $"M{i + 1:D8},{customer},{Format(sent)},{channel},{Upto(delivered, limit)},{Upto(opened, limit)},{Upto(clicked, limit)},{Upto(unsubscribed, limit)}");
    }

    private static string Onboarding(int i, SampleRandom r, SampleOptions options, int days, DateTime limit)
    {
        var started = Time(ref r, options, days);
        var completes = r.Chance(0.7);
        var completed = started.AddDays(r.LogNormal(4, 0.9));
        var done = completes && completed <= limit;
        var steps = done ? 5 : r.Next(5);
        return Invariant($"{CustomerId(i)},{Format(started)},{(done ? Format(completed) : "")},{steps},5");
    }

    private static string Mention(int i, SampleRandom r, SampleOptions options, int days)
    {
        var at = Instant(ref r, options, days);
        var source = r.Pick(SourceWeights);
        var score = Math.Clamp(0.15 + (r.Normal() * 0.45), -1, 1);
        var sentiment = source == 1
            ? Labels[score > 0.3 ? 0 : score < -0.2 ? 2 : 1]
            : score.ToString("0.00", CultureInfo.InvariantCulture);
        return Invariant($"N{i + 1:D8},{at},{Sources[source]},{sentiment}");
    }

    private static string Subscription(int i, SampleRandom r, int customers, SampleOptions options, int days)
    {
        var customer = CustomerId(ref r, customers);
        var start = Day(ref r, options, days);
        var plan = r.Pick(PlanWeights);
        var seats = 1 + (int)r.Exponential(plan == 2 ? 6 : 1.5);
        var mrr = PlanPrices[plan] * seats;

        // About 3% of subscriptions churn a month; the rest are still running at the end of the history.
        var end = start.AddDays((int)r.Exponential(1000));
        var ended = end <= options.End;
        return Invariant(
            $"S{i + 1:D8},{customer},{start:yyyy-MM-dd},{mrr},{(ended ? end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")},{Plans[plan]},EUR,{(ended ? "cancelled" : "active")}");
    }

    /// <summary>A customer, the earlier ones (acquired first, as in <see cref="SampleExports"/>) a little more often.</summary>
    private static string CustomerId(ref SampleRandom r, int customers) => CustomerId((int)(customers * Math.Pow(r.NextDouble(), 1.3)));

    private static string CustomerId(int index) => "C" + (index + 1).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>A day of the history, later days more likely: the shop grows.</summary>
    private static DateOnly Day(ref SampleRandom r, SampleOptions options, int days) =>
        options.Start.AddDays(Math.Min(days - 1, (int)(Math.Sqrt(r.NextDouble()) * days)));

    private static DateTime Time(ref SampleRandom r, SampleOptions options, int days) =>
        Day(ref r, options, days).ToDateTime(new TimeOnly(7 + r.Next(14), r.Next(60), r.Next(60)), DateTimeKind.Utc);

    private static string Instant(ref SampleRandom r, SampleOptions options, int days) => Format(Time(ref r, options, days));

    private static string Format(DateTime instant) => instant.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Upto(DateTime? instant, DateTime limit) => instant is { } t && t <= limit ? Format(t) : "";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using Centric.Domain.Exports;
using Centric.Domain.Metrics;

namespace Centric.Domain.Families.Engagement;

/// <summary>
/// How customers respond to the messages sent to them: open, click, click-to-open and unsubscribe rates of the messages
/// sent in a period, cut by the customer's segments and by the message's channel (<c>message-channel:email</c>).
/// </summary>
public sealed class EngagementFamily : IMetricFamily
{
    public const string OpenRate = "engagement-open-rate";
    public const string ClickRate = "engagement-click-rate";
    public const string ClickToOpen = "engagement-click-to-open";
    public const string UnsubscribeRate = "engagement-unsubscribe-rate";

    /// <summary>The event dimension of messages (<c>message-channel:email</c>).</summary>
    public const string MessageChannel = "message-channel";

    private const string Sent = "Messages sent in the period (by the day of sent_at in the dataset's time zone): ";
    private const string DeliveredRule =
        " Delivered: messages with a delivered_at, or opened, clicked or followed by an unsubscribe (which prove delivery); " +
        "when no message of the dataset has a delivered_at, every message sent counts as delivered.";

    private const string OpenedRule = " Opened: messages with an opened_at or a clicked_at (a click proves the message was opened).";

    /// <summary>Version 2: a message clicked counts as opened and one opened, clicked or unsubscribed as delivered, so no rate exceeds 100.</summary>
    private const int Version = 2;

    public static IReadOnlyList<MetricDefinition> Metrics { get; } =
    [
        new(OpenRate, "Open rate", MetricUnit.Percent,
            Sent + "100 × messages opened ÷ messages delivered. Numerator: opened; denominator: delivered." + OpenedRule + DeliveredRule, Version, []),
        new(ClickRate, "Click rate", MetricUnit.Percent,
            Sent + "100 × messages clicked ÷ messages delivered. Numerator: clicked; denominator: delivered." + DeliveredRule, Version, []),
        new(ClickToOpen, "Click-to-open rate", MetricUnit.Percent,
            Sent + "100 × messages clicked ÷ messages opened. Numerator: clicked; denominator: opened." + OpenedRule, Version, []),
        new(UnsubscribeRate, "Unsubscribe rate", MetricUnit.Percent,
            Sent + "100 × messages followed by an unsubscribe ÷ messages delivered. Numerator: unsubscribed; denominator: delivered." +
            DeliveredRule, Version, []),
    ];

    public string Name => "engagement";

    public IReadOnlyList<MetricDefinition> Definitions => Metrics;

    public IReadOnlyList<ExportKind> Reads { get; } = [ExportKind.Communications];

    /// <summary>
    /// Every rate is a count of messages over a count of messages, each message one customer's, so the counts of
    /// customer partitions add up; whether deliveries are recorded at all is asked of the whole export
    /// (<see cref="IExportReader.AnyTimeSet"/>), so every partition counts delivered messages by the same rule.
    /// </summary>
    public bool SplitsByCustomer => true;

    public void Compute(FamilyContext context, FamilyOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var deliveryRecorded = context.Exports.AnyTimeSet(ExportKind.Communications, "delivered_at");

        // The messages are taken from the rows as they are scanned: gathered as columns first, a million messages held
        // five timestamps each (about 180 MB) beside the messages made of them.
        var messages = new List<DatedEvent<Reached>>();
        context.Exports.Scan(
            ExportKind.Communications,
            ["customer_id", "sent_at", "channel", "delivered_at", "opened_at", "clicked_at", "unsubscribed_at"],
            row =>
            {
                if (row.Time(1) is not { } at)
                {
                    return;
                }

                // Each step of the funnel holds the next: a click proves an open, and an open, click or unsubscribe
                // proves delivery, so a tracking pixel blocked by the mail client or a delivery receipt not sent cannot
                // push a rate above 100.
                var isClicked = row.Time(5) is not null;
                var isOpened = row.Time(4) is not null || isClicked;
                var isUnsubscribed = row.Time(6) is not null;
                var isDelivered = !deliveryRecorded || row.Time(3) is not null || isOpened || isUnsubscribed;
                var message = (isDelivered ? Reached.Delivered : 0) | (isOpened ? Reached.Opened : 0)
                    | (isClicked ? Reached.Clicked : 0) | (isUnsubscribed ? Reached.Unsubscribed : 0);
                messages.Add(new DatedEvent<Reached>(at.Day, row.Text(0), row.Text(2), message));
            });

        output.Add(EventMetrics.Compute(context, messages, MessageChannel,
        [
            new EventMetrics.Measure<Reached>(Metrics[0], m => Rate(m, Reached.Opened, Reached.Delivered), Scale: 100m),
            new EventMetrics.Measure<Reached>(Metrics[1], m => Rate(m, Reached.Clicked, Reached.Delivered), Scale: 100m),
            new EventMetrics.Measure<Reached>(Metrics[2], m => Rate(m, Reached.Clicked, Reached.Opened), Scale: 100m),
            new EventMetrics.Measure<Reached>(Metrics[3], m => Rate(m, Reached.Unsubscribed, Reached.Delivered), Scale: 100m),
        ]));
    }

    /// <summary>
    /// 100 × the messages that reached <paramref name="numerator"/> ÷ those that reached <paramref name="denominator"/>,
    /// counted in one pass over the group's flags.
    /// </summary>
    private static Reduction Rate(IReadOnlyList<Reached> messages, Reached numerator, Reached denominator)
    {
        var (above, below) = (0, 0);
        foreach (var message in EventMetrics.Items(messages))
        {
            above += (message & numerator) != 0 ? 1 : 0;
            below += (message & denominator) != 0 ? 1 : 0;
        }

        return Reduction.Divide(above, below, 100m);
    }

    /// <summary>How far one message sent went.</summary>
    [Flags]
    private enum Reached : byte
    {
        Delivered = 1,
        Opened = 2,
        Clicked = 4,
        Unsubscribed = 8,
    }
}

using System.Globalization;

namespace Centric.Engine.Samples;

/// <summary>
/// A deterministic sample of a SaaS business's exports (the <c>saas</c> dataset): customers signing up over the
/// history on monthly or annual plans of three tiers, upgrading and downgrading (one subscription ends the day the
/// next starts), pausing (a gap of one to three months, then the same plan again), cancelling and some coming back
/// months later, and some cancellations scheduled after the last day of the history. A quarter of the customers pay in
/// USD, converted by the fx rates of <see cref="SampleExports.WriteFxRatesCsv"/>.
/// </summary>
public static class SampleSaas
{
    public const string Dataset = "saas";

    public const string SubscriptionsHeader = "subscription_id,customer_id,start_date,end_date,mrr,currency,plan";

    public const string CustomersHeader = "customer_id,created_at,country,segment,plan";

    /// <summary>The tiers' MRR: monthly billing, and annual billing (a twelfth of the yearly price).</summary>
    private static readonly (string Name, decimal Monthly, decimal Annual)[] Tiers =
        [("starter", 29m, 24m), ("growth", 99m, 79m), ("scale", 299m, 249m)];

    private static readonly string[] EuroCountries = ["ES", "DE", "FR", "IT"];

    /// <summary>The SaaS sample's options for a shop sample's: two thirds of its customers (at least 20), same history and seed.</summary>
    public static SampleOptions For(SampleOptions shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        return shop with { Customers = Math.Max(20, shop.Customers * 2 / 3), Orders = null };
    }

    /// <summary>Every customer of the sample, in id order.</summary>
    public static IReadOnlyList<SaasCustomer> Customers(SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var days = SampleExports.HistoryDays(options);
        var customers = new List<SaasCustomer>(options.Customers);
        for (var i = 0; i < options.Customers; i++)
        {
            customers.Add(Customer(options, i, days));
        }

        return customers;
    }

    /// <summary>Writes <c>subscriptions.csv</c>, header first, LF line ends; returns the number of subscriptions.</summary>
    public static long WriteSubscriptionsCsv(TextWriter writer, SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(SubscriptionsHeader);
        writer.Write('\n');
        long rows = 0;
        foreach (var customer in Customers(options))
        {
            foreach (var s in customer.Subscriptions)
            {
                writer.Write(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{s.Id},{customer.Id},{s.Start:yyyy-MM-dd},{(s.End is { } end ? end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")},{s.Mrr},{customer.Currency},{s.Plan}\n"));
                rows++;
            }
        }

        return rows;
    }

    /// <summary>Writes <c>customers.csv</c>: one row per customer, header first, LF line ends; returns the number of customers.</summary>
    public static long WriteCustomersCsv(TextWriter writer, SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(CustomersHeader);
        writer.Write('\n');
        var customers = Customers(options);
        foreach (var c in customers)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{c.Id},{c.SignedUp:yyyy-MM-dd},{c.Country},{c.Segment},{c.Subscriptions[0].Plan}\n"));
        }

        return customers.Count;
    }

    private static SaasCustomer Customer(SampleOptions options, int index, int days)
    {
        var random = SampleRandom.For(options.Seed, 1_000_000 + index);
        // More sign-ups later in the history, and the last customer signs up on its last day, so the as-of date is the
        // history's end.
        var signedUp = index == options.Customers - 1 ? options.End : options.Start.AddDays((int)(days * Math.Sqrt(random.NextDouble())));
        var usd = random.Chance(0.25);
        var country = usd ? "US" : EuroCountries[random.Next(EuroCountries.Length)];
        var annual = random.Chance(0.3);
        var tier = random.Pick([60, 30, 10]);
        var segment = tier switch { 0 => "smb", 1 => "mid-market", _ => "enterprise" };
        var id = string.Create(CultureInfo.InvariantCulture, $"A{index + 1:D5}");
        var subscriptions = new List<SaasSubscription>();
        var start = signedUp;
        var month = 0;
        while (true)
        {
            month++;
            var checkpoint = start.AddMonths(month);
            var renewal = !annual || month % 12 == 0;
            if (checkpoint > options.End)
            {
                // Still running at the end of the history: some have a cancellation scheduled at the next renewal, or
                // within four weeks for monthly plans.
                DateOnly? scheduled = random.Chance(0.12) ? options.End.AddDays(1 + random.Next(28)) : null;
                subscriptions.Add(Subscription(id, subscriptions.Count, start, scheduled, tier, annual));
                break;
            }

            if (!renewal)
            {
                continue;
            }

            var roll = random.NextDouble();
            var (cancel, pause, upgrade, downgrade) = annual ? (0.10, 0.0, 0.08, 0.04) : (0.025, 0.012, 0.03, 0.015);
            if (roll < cancel)
            {
                subscriptions.Add(Subscription(id, subscriptions.Count, start, checkpoint, tier, annual));
                var back = checkpoint.AddMonths(3 + random.Next(10));
                if (!random.Chance(0.3) || back > options.End)
                {
                    break;
                }

                (start, month, tier) = (back, 0, random.Pick([50, 35, 15]));
            }
            else if (roll < cancel + pause)
            {
                subscriptions.Add(Subscription(id, subscriptions.Count, start, checkpoint, tier, annual));
                var resume = checkpoint.AddMonths(1 + random.Next(3));
                if (resume > options.End)
                {
                    break;
                }

                (start, month) = (resume, 0);
            }
            else if (roll < cancel + pause + upgrade && tier < Tiers.Length - 1)
            {
                subscriptions.Add(Subscription(id, subscriptions.Count, start, checkpoint, tier, annual));
                (start, month, tier) = (checkpoint, 0, tier + 1);
            }
            else if (roll < cancel + pause + upgrade + downgrade && tier > 0)
            {
                subscriptions.Add(Subscription(id, subscriptions.Count, start, checkpoint, tier, annual));
                (start, month, tier) = (checkpoint, 0, tier - 1);
            }
        }

        return new SaasCustomer(id, signedUp, country, segment, usd ? "USD" : "EUR", subscriptions);
    }

    private static SaasSubscription Subscription(string customer, int n, DateOnly start, DateOnly? end, int tier, bool annual) => new(
        string.Create(CultureInfo.InvariantCulture, $"S{customer[1..]}-{n + 1}"),
        start,
        end,
        annual ? Tiers[tier].Annual : Tiers[tier].Monthly,
        Tiers[tier].Name + (annual ? "-annual" : "-monthly"));
}

/// <summary>One customer of the SaaS sample and its subscriptions in start order.</summary>
public sealed record SaasCustomer(string Id, DateOnly SignedUp, string Country, string Segment, string Currency, IReadOnlyList<SaasSubscription> Subscriptions);

/// <summary>One subscription of the SaaS sample: active on d when Start ≤ d &lt; End (an open end is null).</summary>
public sealed record SaasSubscription(string Id, DateOnly Start, DateOnly? End, decimal Mrr, string Plan);

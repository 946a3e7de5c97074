namespace Centric.Engine.Samples;

/// <summary>One generated customer: who they are and how they buy.</summary>
internal readonly record struct SampleCustomer(
    string Id,
    DateOnly CreatedAt,
    string Country,
    string Currency,
    string Segment,
    string Plan,
    string Channel,
    string Name,
    string Email,
    double PurchasesPerYear,
    double DropoutPerPurchase,
    double MedianSpend)
{
    private static readonly string[] Countries = ["ES", "IT", "US", "DE", "FR"];
    private static readonly int[] CountryWeights = [30, 20, 25, 15, 10];
    private static readonly string[] Segments = ["smb", "mid-market", "enterprise"];
    private static readonly int[] SegmentWeights = [62, 28, 10];
    private static readonly double[] SegmentRates = [3.0, 5.0, 8.0];
    private static readonly double[] SegmentSpend = [45.0, 180.0, 900.0];
    private static readonly string[] Plans = ["basic", "plus", "pro"];
    private static readonly int[] PlanWeights = [55, 30, 15];
    private static readonly string[] Channels = ["organic", "paid-search", "referral", "social", "email"];
    private static readonly int[] ChannelWeights = [35, 25, 15, 15, 10];

    private static readonly (string Name, string Slug)[][] FirstNames =
    [
        [("Lucía", "lucia"), ("Javier", "javier"), ("Carmen", "carmen"), ("José", "jose"), ("Marta", "marta"), ("Pablo", "pablo")],
        [("Giulia", "giulia"), ("Marco", "marco"), ("Chiara", "chiara"), ("Luca", "luca"), ("Sara", "sara"), ("Niccolò", "niccolo")],
        [("Emily", "emily"), ("James", "james"), ("Olivia", "olivia"), ("Michael", "michael"), ("Ava", "ava"), ("Daniel", "daniel")],
        [("Anna", "anna"), ("Lukas", "lukas"), ("Lena", "lena"), ("Jürgen", "juergen"), ("Mia", "mia"), ("Felix", "felix")],
        [("Camille", "camille"), ("Louis", "louis"), ("Léa", "lea"), ("Hugo", "hugo"), ("Chloé", "chloe"), ("Jules", "jules")],
    ];

    private static readonly (string Name, string Slug)[][] LastNames =
    [
        [("García", "garcia"), ("Martínez", "martinez"), ("López", "lopez"), ("Sánchez", "sanchez"), ("Romero", "romero")],
        [("Rossi", "rossi"), ("Russo", "russo"), ("Ferrari", "ferrari"), ("Esposito", "esposito"), ("Bianchi", "bianchi")],
        [("Smith", "smith"), ("Johnson", "johnson"), ("Williams", "williams"), ("Brown", "brown"), ("Miller", "miller")],
        [("Müller", "mueller"), ("Schmidt", "schmidt"), ("Schneider", "schneider"), ("Fischer", "fischer"), ("Weber", "weber")],
        [("Martin", "martin"), ("Bernard", "bernard"), ("Dubois", "dubois"), ("Lefèvre", "lefevre"), ("Moreau", "moreau")],
    ];

    /// <summary>
    /// Draws customer <paramref name="index"/> (0-based) from <paramref name="random"/>. Acquisition grows over
    /// the history (density rising linearly from 1 to 2), so later months acquire more customers.
    /// </summary>
    public static SampleCustomer Create(ref SampleRandom random, int index, DateOnly start, int days, double activity)
    {
        var grow = -1.0 + Math.Sqrt(1.0 + (3.0 * random.NextDouble()));
        var createdAt = start.AddDays(Math.Min(days - 1, (int)(grow * days)));
        var country = random.Pick(CountryWeights);
        var segment = random.Pick(SegmentWeights);
        var plan = random.Pick(PlanWeights);
        var channel = random.Pick(ChannelWeights);
        var first = FirstNames[country][random.Next(FirstNames[country].Length)];
        var last = LastNames[country][random.Next(LastNames[country].Length)];
        var id = "C" + (index + 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var rate = random.Gamma(2, SegmentRates[segment]) * activity;
        var dropout = Math.Min(0.9, (0.04 + (0.3 * random.NextDouble() * random.NextDouble())) / activity);
        var spend = random.LogNormal(SegmentSpend[segment], 0.5);
        return new SampleCustomer(
            id,
            createdAt,
            Countries[country],
            Countries[country] == "US" ? "USD" : "EUR",
            Segments[segment],
            Plans[plan],
            Channels[channel],
            first.Name + " " + last.Name,
            $"{first.Slug}.{last.Slug}.{index + 1}@example.com",
            Math.Max(0.05, rate),
            dropout,
            spend);
    }
}

using System.Globalization;
using Centric.Engine.Samples;
using Centric.Testing;

namespace Centric.Functions.Tests;

/// <summary>
/// The README's NPS request on the sample surveys <c>./run.sh</c> seeds: per-touchpoint quarterly NPS over CSV, checked
/// against a count of the generated file made here, and for plausibility.
/// </summary>
public sealed class SampleNpsTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    private static readonly string[] Touchpoints = ["checkout", "onboarding", "support"];

    [Fact]
    public async Task NpsPerTouchpointByQuarter_OnTheSampleSurveys_HasEveryQuarter_MatchesACountOfTheFile_AndIsPlausible()
    {
        var options = new SampleOptions();
        var surveys = Write(w => SampleExperience.WriteSurveysCsv(w, options));
        await DropAsync("sample/customers/customers.csv", Write(w =>
        {
            SampleExports.WriteCustomersCsv(w, options);
            return options.Customers;
        }));
        await DropAsync("sample/surveys/surveys.csv", surveys);
        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));

        var response = await Client.GetAsync("/api/datasets/sample/metrics/nps?segment=touchpoint:*&grain=quarter&format=csv");
        response.EnsureSuccessStatusCode();
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var served = lines[1..].Select(l => l.Split(',')).ToDictionary(
            c => (c[Array.IndexOf(header, "segment")], c[Array.IndexOf(header, "period")]),
            c => (Value: decimal.Parse(c[Array.IndexOf(header, "value")], CultureInfo.InvariantCulture),
                Responses: decimal.Parse(c[Array.IndexOf(header, "denominator")], CultureInfo.InvariantCulture)));

        // The same NPS counted here from the generated text: whole scores, promoters 9-10, detractors 0-6, by the UTC quarter.
        var expected = surveys.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(','))
            .Where(c => c[3] == "nps")
            .GroupBy(c => ("touchpoint:" + c[5], Quarter(c[2])))
            .ToDictionary(g => g.Key, g =>
            {
                var scores = g.Select(c => int.Parse(c[4], CultureInfo.InvariantCulture)).ToArray();
                var net = scores.Count(s => s >= 9) - scores.Count(s => s <= 6);
                return (Value: Math.Round(100m * net / scores.Length, 6), Responses: (decimal)scores.Length);
            });

        // Every touchpoint has a row in every quarter of the history, 2023-Q4 (the sample starts on 1 November 2023)
        // to 2026-Q4 (partial, as of the last answer in October 2026), and nothing else.
        var quarters = Enumerable.Range(0, 13).Select(q => QuarterLabel(new DateOnly(2023, 10, 1).AddMonths(3 * q))).ToArray();
        Assert.Equal(
            Touchpoints.SelectMany(t => quarters.Select(q => ("touchpoint:" + t, q))).Order(),
            served.Keys.Order());
        Assert.Equal(expected.OrderBy(e => e.Key), served.OrderBy(s => s.Key));

        // Plausible: the sample's customers mostly stay and score high, so once a quarter has a real sample (30 answers)
        // NPS sits well inside the scale, positive, as a shop with low churn would see.
        Assert.All(served.Where(s => s.Value.Responses >= 30), s => Assert.InRange(s.Value.Value, 10m, 80m));
        Assert.All(served, s => Assert.InRange(s.Value.Value, -100m, 100m));
    }

    private static string Write(Func<TextWriter, long> write)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        write(writer);
        return writer.ToString();
    }

    private static string Quarter(string instant) =>
        QuarterLabel(DateOnly.FromDateTime(DateTime.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)));

    private static string QuarterLabel(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Year}-Q{((day.Month - 1) / 3) + 1}");
}

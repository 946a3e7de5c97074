using System.Text.Json;
using Centric.Engine.Samples;
using Microsoft.Extensions.Time.Testing;

namespace Centric.Cli.Tests.Commands;

/// <summary>
/// <c>centric compute --partitions N</c> on a sample of every export kind: the partitions' partial sums merged give the
/// single run's outputs: the same snapshot rows (the generation aside, in whatever order), and the same scores,
/// cohorts, CLV fit, rejects and customer lists byte for byte.
/// </summary>
public class ComputePartitionsTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void EveryKind_InTwoAndSevenPartitions_GivesTheSingleRunsOutputs()
    {
        using var exports = new TempFolder("sample");
        var options = new SampleOptions(Customers: 120, Years: 2, Seed: 5);
        Write(exports, "customers", w => SampleExports.WriteCustomersCsv(w, options));
        Write(exports, "orders", w => SampleExports.WriteOrdersCsv(w, options));
        Write(exports, "fx-rates", w => SampleExports.WriteFxRatesCsv(w, options));
        Write(exports, "surveys", w => SampleExperience.WriteSurveysCsv(w, options));
        Write(exports, "communications", w => SampleExperience.WriteCommunicationsCsv(w, options));
        Write(exports, "tickets", w => SampleExperience.WriteTicketsCsv(w, options));
        Write(exports, "onboarding", w => SampleExperience.WriteOnboardingCsv(w, options));
        Write(exports, "mentions", w => SampleExperience.WriteMentionsCsv(w, options));

        var single = Run(exports, "single");
        Assert.Contains(single.Rows, r => r.Contains("\"metric\":\"nps\"", StringComparison.Ordinal));
        Assert.Contains(single.Rows, r => r.Contains("\"metric\":\"engagement-open-rate\"", StringComparison.Ordinal));
        foreach (var count in new[] { 2, 7 })
        {
            var partitioned = Run(exports, $"in-{count}", "--partitions", count.ToString(System.Globalization.CultureInfo.InvariantCulture));

            Assert.Contains($"computing customer partition {count} of {count}", partitioned.Err, StringComparison.Ordinal);
            // The merge lists a split family's rows in the order the partitions met them; the rows are the same.
            Assert.Equal(single.Rows.Order(StringComparer.Ordinal), partitioned.Rows.Order(StringComparer.Ordinal));
            foreach (var (file, bytes) in single.Files)
            {
                Assert.True(partitioned.Files.TryGetValue(file, out var other), file);
                Assert.True(bytes.AsSpan().SequenceEqual(other), $"{file} differs in {count} partitions");
            }
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("two")]
    public void Partitions_OutOfRange_IsRefusedNamingTheOption(string value)
    {
        using var exports = new TempFolder();
        exports.Write("orders/orders.csv", "order_id,customer_id,order_date,amount,currency", "O1,C1,2025-01-05,10.00,EUR");

        var run = CliRun.Of(Clock, "compute", "--exports", exports.Root, "--out", exports.Beside("out"), "--partitions", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--partitions '{value}' is not a whole number from 1 to 64.", run.Err, StringComparison.Ordinal);
    }

    private static (string[] Rows, Dictionary<string, byte[]> Files, string Err) Run(TempFolder exports, string name, params string[] extra)
    {
        var output = exports.Beside(name);
        var run = CliRun.Of(Clock, ["compute", "--exports", exports.Root, "--out", output, .. extra]);
        Assert.True(run.ExitCode == 0, run.Err);

        // Each snapshot row without its generation (named after the run).
        var rows = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "snapshots.json"))).RootElement.EnumerateArray()
            .Select(r => JsonSerializer.Serialize(r.EnumerateObject().Where(p => p.Name != "generation").ToDictionary(p => p.Name, p => p.Value)))
            .ToArray();
        var files = new[] { "scores.csv", "cohorts.csv", "clv.json", "rejects.csv" }
            .Concat(Directory.GetFiles(Path.Combine(output, "customers")).Select(f => Path.Combine("customers", Path.GetFileName(f))))
            .ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(output, f)));
        return (rows, files, run.Err);
    }

    private static void Write(TempFolder exports, string kind, Action<TextWriter> write)
    {
        var path = Path.Combine(exports.Root, kind, kind + ".csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path);
        write(writer);
    }
}

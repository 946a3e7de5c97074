using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Centric.Cli.Tests.Commands;

public class ComputeCommandTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private static readonly string[] SnapshotColumns =
    [
        "dataset", "metric", "grain", "period", "periodStart", "periodEnd", "segment", "value", "numerator", "denominator",
        "unit", "preset", "definitionVersion", "generation", "computedAt", "asOf", "partial", "lowSample", "warning",
    ];

    private static CliRun Compute(TempFolder exports, params string[] extra) =>
        CliRun.Of(Clock, ["compute", "--exports", exports.Root, "--out", exports.Beside("out"), .. extra]);

    private static JsonElement[] Snapshots(TempFolder exports) =>
        [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(exports.Beside("out"), "snapshots.json"))).RootElement.EnumerateArray()];

    private static JsonElement Row(JsonElement[] rows, string metric, string period, string segment = "*", string? preset = null) =>
        Assert.Single(rows, r => r.GetProperty("metric").GetString() == metric && r.GetProperty("period").GetString() == period
            && r.GetProperty("grain").GetString() == "month" && r.GetProperty("segment").GetString() == segment
            && r.GetProperty("preset").GetString() == preset);

    [Fact]
    public void Compute_RedirectedOutput_SaysWhatItIsDoing_OnePlainLinePerStep()
    {
        using var exports = ShopExports.Create();

        var run = Compute(exports);

        Assert.True(run.ExitCode == 0, run.Err);
        var steps = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("centric compute: [", StringComparison.Ordinal)).ToArray();
        var files = steps.Count(l => l.Contains("] reading ", StringComparison.Ordinal));
        Assert.True(files >= 2, run.Err);
        Assert.StartsWith($"centric compute: [1/{files + 2}] reading ", steps[0], StringComparison.Ordinal);
        Assert.Contains(steps, l => l.StartsWith($"centric compute: [{files + 1}/{files + 2}] computing the orders metrics", StringComparison.Ordinal));
        Assert.StartsWith($"centric compute: [{files + 2}/{files + 2}] writing ", steps[^1], StringComparison.Ordinal);
        Assert.DoesNotContain('\r', run.Err);
    }

    [Fact]
    public void Compute_Profile_PrintsOneLinePerStep_WithTheFamiliesRowsAddingUpToTheSnapshot()
    {
        using var exports = ShopExports.Create();

        var run = Compute(exports, "--profile");

        Assert.True(run.ExitCode == 0, run.Err);
        var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("centric compute: profile: ", StringComparison.Ordinal)).ToArray();
        Assert.StartsWith("centric compute: profile: ingest ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("centric compute: profile: load orders ", lines[1], StringComparison.Ordinal);
        Assert.Matches(@"^centric compute: profile: compute \d+ ms \(\d+ ms CPU\) in steps, peak working set \d+\.\d MiB$", lines[^1]);
        Assert.Matches(@"^centric compute: profile: write the outputs \d+ ms$", lines[^2]);
        var familyRows = lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"profile: family [a-z-]+ \d+ ms \(\d+ ms CPU\), (\d+) rows"))
            .Where(m => m.Success).Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(lines, l => l.StartsWith("centric compute: profile: family orders ", StringComparison.Ordinal));
        Assert.Equal(Snapshots(exports).Length, familyRows);

        // Each step ends with what was held then: the .NET heap (live and not yet collected) is inside the memory the
        // collector has committed, and once the orders are loaded DuckDB holds their temporary tables. (The working set
        // is not compared: this process runs other tests at the same time, and a heap read a moment before the working
        // set, or committed pages not yet touched, can put the heap above it.)
        var held = lines[1..^2].Select(l => System.Text.RegularExpressions.Regex.Match(
            l, @"MiB allocated, DuckDB \d+ ms and \d+ rows out; then (\d+(?:\.\d)?) MiB \.NET heap \((\d+(?:\.\d)?) MiB committed\), (\d+(?:\.\d)?) MiB DuckDB, (\d+(?:\.\d)?) MiB working set$")).ToArray();
        Assert.All(held, m => Assert.True(m.Success));
        double Mb(System.Text.RegularExpressions.Match m, int group) => double.Parse(m.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(held, m => Assert.InRange(Mb(m, 1), 0.1, Mb(m, 2)));
        Assert.All(held, m => Assert.True(Mb(m, 4) > 0, m.Value));
        Assert.True(Mb(held[0], 3) > 0, lines[1]);

        // Each step's DuckDB time is part of its time; loading the orders hands at least its customer-days to .NET.
        var work = lines[1..^2].Select(l => System.Text.RegularExpressions.Regex.Match(
            l, @" (\d+) ms \(\d+ ms CPU\), (\d+) rows, [\d.]+ MiB allocated, DuckDB (\d+) ms and (\d+) rows out;")).ToArray();
        long Number(System.Text.RegularExpressions.Match m, int group) => long.Parse(m.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(work, m => Assert.True(m.Success && Number(m, 3) <= Number(m, 1) + 1, m.Value));
        Assert.True(Number(work[0], 4) >= Number(work[0], 2) && Number(work[0], 2) > 0, lines[1]);
        Assert.DoesNotContain("profile:", Compute(exports).Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_HandMadeExports_WritesEveryOutputFileWithItsHeader()
    {
        using var exports = ShopExports.Create();

        var run = Compute(exports);

        Assert.True(run.ExitCode == 0, run.Err);
        var output = exports.Beside("out");
        Assert.Equal(string.Join(',', SnapshotColumns), File.ReadLines(Path.Combine(output, "snapshots.csv")).First());
        Assert.Equal("file,line,column,value,reason", File.ReadLines(Path.Combine(output, "rejects.csv")).First());
        Assert.Equal(
            "customerId,frequency,recency,age,monetaryValue,pAlive,expectedPurchases,expectedSpend,clv,tier",
            File.ReadLines(Path.Combine(output, "scores.csv")).First());
        Assert.Equal("cohort,cohortStart,monthsAfter,customers,cohortSize,value,partial", File.ReadLines(Path.Combine(output, "cohorts.csv")).First());
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "ingestions.json"))).RootElement.ValueKind);
        Assert.NotEmpty(Snapshots(exports));
        Assert.Contains("3 files, 6 rows accepted, 1 rejected", run.Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// C1's February order is rejected, so with a 10-day window: C1 [Jan 5, Jan 15), C2 [Jan 20, Jan 30), C3 from Feb 10
    /// (the as-of date).
    /// </summary>
    [Fact]
    public void Compute_WritesTheCustomersBehindEachCount_AgreeingWithTheSnapshots()
    {
        using var exports = ShopExports.Create();

        var run = Compute(exports);

        Assert.True(run.ExitCode == 0, run.Err);
        var folder = Path.Combine(exports.Beside("out"), "customers");
        Assert.Equal(
            ["active-customers.csv", "churned-customers.csv", "new-customers.csv", "reactivated-customers.csv"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        string[] Months(string metric) =>
            [.. File.ReadLines(Path.Combine(folder, metric + ".csv")).Where(l => l.Contains(",month,", StringComparison.Ordinal))];
        Assert.Equal("metric,grain,period,periodStart,customerId,day,mrrBefore,mrrAfter,movement,subscriptions", File.ReadLines(Path.Combine(folder, "new-customers.csv")).First());
        Assert.Equal(
            ["new-customers,month,2025-01,2025-01-01,C1,2025-01-05,,,,", "new-customers,month,2025-01,2025-01-01,C2,2025-01-20,,,,", "new-customers,month,2025-02,2025-02-01,C3,2025-02-10,,,,"],
            Months("new-customers"));
        Assert.Equal(
            ["churned-customers,month,2025-01,2025-01-01,C1,2025-01-15,,,,", "churned-customers,month,2025-01,2025-01-01,C2,2025-01-30,,,,"],
            Months("churned-customers"));
        Assert.Equal(["active-customers,month,2025-02,2025-02-01,C3,2025-02-10,,,,"], Months("active-customers"));
        Assert.Empty(Months("reactivated-customers"));

        var rows = Snapshots(exports);
        foreach (var (metric, period) in new[] { ("new-customers", "2025-01"), ("new-customers", "2025-02"), ("churned-customers", "2025-01"), ("active-customers", "2025-01"), ("active-customers", "2025-02") })
        {
            var listed = Months(metric).Count(l => l.Contains($",{period},", StringComparison.Ordinal));
            Assert.Equal(Row(rows, metric, period).GetProperty("value").GetDecimal(), listed);
        }
    }

    [Fact]
    public void Compute_CorrectionInALaterFile_ReplacesTheEarlierOrderInRevenue()
    {
        using var exports = ShopExports.Create();

        Assert.Equal(0, Compute(exports).ExitCode);

        var rows = Snapshots(exports);
        Assert.Equal(160.50m, Row(rows, "revenue", "2025-01").GetProperty("value").GetDecimal());
        Assert.Equal(20m, Row(rows, "revenue", "2025-02").GetProperty("value").GetDecimal());
        Assert.Equal(100m, Row(rows, "revenue", "2025-01", "country:ES").GetProperty("value").GetDecimal());
        Assert.Equal(60.50m, Row(rows, "revenue", "2025-01", "country:IT").GetProperty("value").GetDecimal());
        Assert.Equal("EUR", Row(rows, "revenue", "2025-01").GetProperty("unit").GetString());
    }

    [Fact]
    public void Compute_ExcelExportInAKindFolder_IsIngestedLikeCsv()
    {
        using var exports = ShopExports.Create();
        XlsxFile.Write(
            Path.Combine(exports.Root, "orders", "2025-03.xlsx"),
            ["order_id", "customer_id", "order_date", "amount"],
            ["O5", "C1", "2025-03-01", "30.25"]);

        Assert.Equal(0, Compute(exports).ExitCode);

        Assert.Equal(30.25m, Row(Snapshots(exports), "revenue", "2025-03").GetProperty("value").GetDecimal());
        var entry = JsonDocument.Parse(File.ReadAllText(Path.Combine(exports.Beside("out"), "ingestions.json"))).RootElement
            .EnumerateArray().Single(e => e.GetProperty("file").GetString() == "orders/2025-03.xlsx");
        Assert.Equal("xlsx", entry.GetProperty("format").GetProperty("encoding").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("format").GetProperty("delimiter").ValueKind);
    }

    [Fact]
    public void Compute_SettingsJsonInTheFolder_SetsTheInactivityWindow()
    {
        using var exports = ShopExports.Create();
        var yearly = exports.Beside("yearly.json");
        File.WriteAllText(yearly, """{"inactivityDays": 365}""");

        Assert.Equal(0, Compute(exports).ExitCode);
        var tenDays = Row(Snapshots(exports), "churned-customers", "2025-01").GetProperty("value").GetDecimal();
        Assert.Equal(0, Compute(exports, "--settings", yearly).ExitCode);
        var oneYear = Row(Snapshots(exports), "churned-customers", "2025-01").GetProperty("value").GetDecimal();

        Assert.Equal(2m, tenDays);
        Assert.Equal(0m, oneYear);
    }

    [Fact]
    public void Compute_BadAmount_IsListedInRejectsWithFileLineColumnAndValue()
    {
        using var exports = ShopExports.Create();

        Assert.Equal(0, Compute(exports).ExitCode);

        var lines = File.ReadAllLines(Path.Combine(exports.Beside("out"), "rejects.csv"));
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("orders/2025-01.csv,4,amount,abc,", lines[1], StringComparison.Ordinal);
        Assert.Contains("not a number", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_RejectedValuesWithCommasAndLineBreaks_StayOneQuotedRecordEach()
    {
        using var exports = new TempFolder("quoted").Write(
            "orders/q.csv",
            "order_id,customer_id,order_date,amount",
            "O1,C1,2025-01-05,\"1\n2\"",
            "O2,C2,2025-01-06,\"12,5x\"",
            "O3,C3,2025-01-07,5");

        Assert.Equal(0, Compute(exports).ExitCode);

        var text = File.ReadAllText(Path.Combine(exports.Beside("out"), "rejects.csv"));
        var records = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, records.Length);
        Assert.StartsWith("orders/q.csv,2,amount,\"1\n2\",", records[1], StringComparison.Ordinal);
        Assert.StartsWith("orders/q.csv,4,amount,\"12,5x\",", records[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_Ingestions_ListEveryFileInOrderWithRowsEqualToAcceptedPlusRejected()
    {
        using var exports = ShopExports.Create();

        Assert.Equal(0, Compute(exports).ExitCode);

        var entries = JsonDocument.Parse(File.ReadAllText(Path.Combine(exports.Beside("out"), "ingestions.json")))
            .RootElement.EnumerateArray().ToArray();
        Assert.Equal(["clients-list.csv", "orders/2025-01.csv", "orders_corrections.csv"], entries.Select(e => e.GetProperty("file").GetString()));
        Assert.Equal(["customers", "orders", "orders"], entries.Select(e => e.GetProperty("kind").GetString()));
        Assert.All(entries, e => Assert.Equal(
            e.GetProperty("rows").GetInt64(), e.GetProperty("accepted").GetInt64() + e.GetProperty("rejected").GetInt64()));
        var first = entries[1];
        Assert.Equal((3, 2, 1), (first.GetProperty("rows").GetInt32(), first.GetProperty("accepted").GetInt32(), first.GetProperty("rejected").GetInt32()));
        Assert.Equal("succeeded-with-rejects", first.GetProperty("status").GetString());
        Assert.Equal(";", entries[2].GetProperty("format").GetProperty("delimiter").GetString());
        Assert.Matches("^0003-[0-9a-f]{8}$", entries[2].GetProperty("ingestionId").GetString());
    }

    [Fact]
    public void Compute_SnapshotRows_AreTheApiColumnsWithDatasetGenerationAndNullForUndefined()
    {
        using var exports = ShopExports.Create();

        Assert.Equal(0, Compute(exports).ExitCode);

        var rows = Snapshots(exports);
        Assert.All(rows, r => Assert.Equal(SnapshotColumns, r.EnumerateObject().Select(p => p.Name)));
        var revenue = Row(rows, "revenue", "2025-01");
        Assert.Equal("shop", revenue.GetProperty("dataset").GetString());
        Assert.Equal("local-20260301T120000Z", revenue.GetProperty("generation").GetString());
        Assert.Equal("2025-02-10", revenue.GetProperty("asOf").GetString());
        Assert.Equal("2025-01-01", revenue.GetProperty("periodStart").GetString());
        Assert.Equal(JsonValueKind.Null, Row(rows, "retention-rate", "2025-01").GetProperty("value").ValueKind);
        var csv = File.ReadAllLines(Path.Combine(exports.Beside("out"), "snapshots.csv"));
        Assert.Equal(rows.Length + 1, csv.Length);
        Assert.Contains(csv, l => l.StartsWith("shop,revenue,month,2025-01,2025-01-01,2025-02-01,*,160.5,160.5,,EUR,,1,local-20260301T120000Z,", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_SameExportsTwice_WritesTheSameFiles()
    {
        using var exports = ShopExports.Create();
        var first = exports.Beside("first");
        var second = exports.Beside("second");

        Assert.Equal(0, CliRun.Of(Clock, "compute", "--exports", exports.Root, "--out", first).ExitCode);
        Assert.Equal(0, CliRun.Of(Clock, "compute", "--exports", exports.Root, "--out", second).ExitCode);

        foreach (var name in new[] { "snapshots.json", "snapshots.csv", "ingestions.json", "rejects.csv", "scores.csv", "cohorts.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, name)), File.ReadAllBytes(Path.Combine(second, name)));
        }
    }

    [Fact]
    public void Compute_AsOf_DatesEveryRowAtThatDay()
    {
        using var exports = ShopExports.Create();

        Assert.Equal(0, Compute(exports, "--as-of", "2025-01-31").ExitCode);

        var rows = Snapshots(exports);
        Assert.All(rows, r => Assert.Equal("2025-01-31", r.GetProperty("asOf").GetString()));
        Assert.DoesNotContain(rows, r => r.GetProperty("period").GetString() == "2025-02");
    }
}

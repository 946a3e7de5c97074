namespace Centric.Cli.Tests.Commands;

public class ComputeCommandErrorTests
{
    private static CliRun Compute(TempFolder exports, params string[] extra) =>
        CliRun.Of(["compute", "--exports", exports.Root, "--out", exports.Beside("out"), .. extra]);

    private static void AssertUnusable(CliRun run, string expected, TempFolder exports)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(exports.Beside("out")), "nothing is written for unusable input");
    }

    [Fact]
    public void Compute_MissingExportsFolder_Exits2AndSaysSo()
    {
        using var exports = new TempFolder();
        var missing = Path.Combine(exports.Root, "nope");

        var run = CliRun.Of("compute", "--exports", missing, "--out", exports.Beside("out"));

        AssertUnusable(run, $"the exports folder '{missing}' does not exist", exports);
    }

    [Fact]
    public void Compute_FolderWithoutExports_Exits2AndSaysSo()
    {
        using var exports = new TempFolder().Write("settings.json", "{}").Write("notes.md", "# nothing here");

        AssertUnusable(Compute(exports), "no export files", exports);
    }

    [Fact]
    public void Compute_BadAsOf_Exits2AndSaysSo()
    {
        using var exports = ShopExports.Create();

        AssertUnusable(Compute(exports, "--as-of", "31/01/2025"), "--as-of '31/01/2025' is not a date (YYYY-MM-DD)", exports);
    }

    [Fact]
    public void Compute_InvalidSettingsJson_Exits2AndNamesTheSetting()
    {
        using var exports = ShopExports.Create().Write("settings.json", """{"inactivityDays": 0}""");

        AssertUnusable(Compute(exports), "inactivityDays 0 must be at least 1", exports);
    }

    [Fact]
    public void Compute_MalformedSettingsJson_Exits2AndSaysItIsNotValid()
    {
        using var exports = ShopExports.Create().Write("settings.json", """{"inactivityDays": """);

        AssertUnusable(Compute(exports), "settings.json is not valid", exports);
    }

    [Fact]
    public void Compute_SettingsOptionNamingNoFile_Exits2AndSaysItCannotBeRead()
    {
        using var exports = ShopExports.Create();

        AssertUnusable(Compute(exports, "--settings", exports.Beside("missing.json")), "cannot read", exports);
    }

    [Fact]
    public void Compute_NoUsableFile_Exits2AndGivesEachFilesReason()
    {
        using var exports = new TempFolder().Write("report.csv", "when,what", "2025-01-01,something");

        AssertUnusable(Compute(exports), "report.csv: cannot tell the export kind", exports);
    }

    [Fact]
    public void Compute_UnknownKindFolder_IsRefusedNotGuessedFromTheHeader()
    {
        using var exports = ShopExports.Create()
            .Write("invoices/2025-03.csv", "order_id,customer_id,order_date,amount", "I1,C1,2025-03-02,999.00");

        var run = Compute(exports);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(
            "invoices/2025-03.csv was not used: folder 'invoices' is not an export kind: put the file in one of customers, orders, subscriptions",
            run.Err, StringComparison.Ordinal);
        var entry = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(exports.Beside("out"), "ingestions.json"))).RootElement
            .EnumerateArray().Single(e => e.GetProperty("file").GetString() == "invoices/2025-03.csv");
        Assert.Equal("rejected", entry.GetProperty("status").GetString());
        Assert.Equal(0, entry.GetProperty("accepted").GetInt64());
    }

    [Fact]
    public void Compute_OutIsAFile_Exits2AndSaysItCannotBeWritten()
    {
        using var exports = ShopExports.Create();
        var output = exports.Beside("out");
        File.WriteAllText(output, "not a folder");

        var run = CliRun.Of("compute", "--exports", exports.Root, "--out", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("could not be read or written", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("snapshots.json")]
    [InlineData("customers")]
    public void Compute_AnOutputThatCannotBeWritten_Exits2NamingIt_AfterTheOtherWritesFinish(string blocked)
    {
        // The customer lists are written on a thread of their own beside the other files: a failure on either side
        // fails the command with its path, and the lists' writes are over by then.
        using var exports = ShopExports.Create();
        var output = exports.Beside("out");
        Directory.CreateDirectory(output);
        if (blocked == "customers")
        {
            File.WriteAllText(Path.Combine(output, blocked), "a file where the lists' folder goes");
        }
        else
        {
            Directory.CreateDirectory(Path.Combine(output, blocked));
        }

        var run = CliRun.Of("compute", "--exports", exports.Root, "--out", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("could not be read or written", run.Err, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(output, blocked), run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        if (blocked == "snapshots.json")
        {
            // The lists were written in full: byte for byte those of a run whose outputs can all be written.
            var clean = exports.Beside("clean");
            Assert.Equal(0, CliRun.Of("compute", "--exports", exports.Root, "--out", clean).ExitCode);
            foreach (var list in Directory.GetFiles(Path.Combine(clean, "customers")))
            {
                Assert.Equal(File.ReadAllBytes(list), File.ReadAllBytes(Path.Combine(output, "customers", Path.GetFileName(list))));
            }
        }
    }

    [Fact]
    public void Compute_MissingOut_Exits2WithUsage()
    {
        using var exports = ShopExports.Create();

        var run = CliRun.Of("compute", "--exports", exports.Root);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--exports and --out are required", run.Err, StringComparison.Ordinal);
        Assert.Contains("centric compute --exports DIR", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_UnknownOption_Exits2WithUsage()
    {
        using var exports = ShopExports.Create();

        var run = Compute(exports, "--fast");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown option '--fast'", run.Err, StringComparison.Ordinal);
        Assert.Contains("usage:", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCommand_Exits2WithUsage()
    {
        var run = CliRun.Of("publish");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown command 'publish'", run.Err, StringComparison.Ordinal);
        Assert.Contains("centric fit-clv --orders FILE", run.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compute", "--help", "centric compute --exports DIR")]
    [InlineData("fit-clv", "-h", "centric fit-clv --orders FILE")]
    [InlineData("bench", "--help", "centric bench --serve")]
    [InlineData("keys", "--help", "centric keys revoke --dataset NAME --id ID")]
    public void CommandHelp_PrintsThatCommandsUsageAndExits0(string command, string flag, string expected)
    {
        var run = CliRun.Of(command, flag);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("usage:", run.Out, StringComparison.Ordinal);
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        Assert.Equal("", run.Err);
        if (command != "compute")
        {
            Assert.DoesNotContain("centric compute", run.Out, StringComparison.Ordinal);
        }
    }
}

using Centric.Engine.DuckDb;

namespace Centric.Engine.Tests.DuckDb;

public sealed class DuckDbResourcesTests : IDisposable
{
    private readonly string _spill = Directory.CreateTempSubdirectory("centric-spill-").FullName;

    public void Dispose() => Directory.Delete(_spill, recursive: true);

    [Fact]
    public void Default_Gives60PercentOfA2048MbInstance()
    {
        var resources = DuckDbResources.Default;

        Assert.Equal(1228, resources.MemoryLimitMb); // 0.6 × 2048 = 1228.8, rounded down
        Assert.Equal(Environment.ProcessorCount, resources.Threads);
        Assert.StartsWith(Path.GetTempPath(), resources.TempDirectory, StringComparison.Ordinal);
    }

    [Fact]
    public void Session_IsOpenedWithTheLimitThreadsAndSpillFolder()
    {
        using var db = new DuckDbSession(new DuckDbResources(512, 1, _spill));

        Assert.Equal("512.0 MiB", db.Setting("memory_limit"));
        Assert.Equal("1", db.Setting("threads"));
        Assert.Equal(_spill, db.Setting("temp_directory"));
    }

    [Fact]
    public void Session_HandsFreedMemoryBackPastEightMiB_AndPurgesItInTheBackground()
    {
        using var db = new DuckDbSession(new DuckDbResources(512, 1, _spill));

        Assert.Equal("8.0 MiB", db.Setting("allocator_flush_threshold"));
        Assert.Equal("8.0 MiB", db.Setting("allocator_bulk_deallocation_flush_threshold"));
        Assert.Equal("True", db.Setting("allocator_background_threads"));
    }

    [Fact]
    public void WorkLargerThanTheLimit_SpillsToTheFolderInsteadOfFailing()
    {
        using var db = new DuckDbSession(new DuckDbResources(64, 1, _spill));

        // Sorting 4M rows of 16-byte keys plus payload needs well over 64 MiB: it completes by spilling.
        var rows = db.Rows(
            "SELECT count(*), sum(k) FROM (SELECT k FROM (SELECT (i * 7919) % 4000000 AS k, repeat('x', 20) AS pad FROM range(4000000) t(i)) ORDER BY k, pad)",
            r => (Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), r.GetValue(1).ToString()));

        Assert.Equal(4_000_000, rows[0].Item1);
        Assert.Equal((3_999_999L * 4_000_000L / 2).ToString(System.Globalization.CultureInfo.InvariantCulture), rows[0].Item2);
    }

    [Fact]
    public void From_ScalesTheDefaultsToTheInstance_AndEachSettingOverridesOneValue()
    {
        Assert.Equal(2457, DuckDbResources.From("4096", null, null, null).MemoryLimitMb);
        var resources = DuckDbResources.From("4096", "1000", "2", _spill);

        Assert.Equal(new DuckDbResources(1000, 2, _spill), resources);
        Assert.Equal(DuckDbResources.Default, DuckDbResources.From(null, null, null, null));
    }

    [Theory]
    [InlineData("lots", null, "DuckDb:MemoryLimitMb = 'lots'")]
    [InlineData("0", null, "DuckDb:MemoryLimitMb = '0'")]
    [InlineData(null, "-1", "DuckDb:Threads = '-1'")]
    public void From_RejectsAValueThatIsNotAPositiveWholeNumber_NamingTheSetting(string? memory, string? threads, string expected)
    {
        var error = Assert.Throws<FormatException>(() => DuckDbResources.From(null, memory, threads, null));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}

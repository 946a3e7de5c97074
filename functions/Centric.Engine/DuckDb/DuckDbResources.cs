using System.Globalization;

namespace Centric.Engine.DuckDb;

/// <summary>
/// The memory, threads and spill folder every DuckDB connection of the engine is opened with (DuckDB's
/// <c>memory_limit</c>, <c>threads</c> and <c>temp_directory</c>). The defaults suit a 2,048 MB instance: DuckDB may
/// use 60 % of it, the rest is left to .NET (the loaded customer-days, the fits, the snapshot rows), and work that
/// does not fit spills to the local temp folder instead of failing.
/// </summary>
/// <param name="MemoryLimitMb">DuckDB's <c>memory_limit</c>, MiB.</param>
/// <param name="Threads">DuckDB's <c>threads</c>.</param>
/// <param name="TempDirectory">DuckDB's <c>temp_directory</c>: where larger-than-memory work spills (local disk).</param>
public sealed record DuckDbResources(int MemoryLimitMb, int Threads, string TempDirectory)
{
    /// <summary>The instance memory the defaults assume (a Flex Consumption 2,048 MB instance).</summary>
    public const int DefaultInstanceMemoryMb = 2048;

    /// <summary>Freed memory DuckDB's allocator may keep past a task or a bulk deallocation before handing it back, MiB.</summary>
    public const int AllocatorFlushMb = 8;

    /// <summary>The share of the instance memory DuckDB may use by default.</summary>
    public const double DefaultMemoryShare = 0.6;

    /// <summary>60 % of 2,048 MB, one thread per processor, spilling under the temp folder.</summary>
    public static DuckDbResources Default { get; } = For(DefaultInstanceMemoryMb);

    /// <summary>The defaults for an instance with <paramref name="instanceMemoryMb"/> of memory.</summary>
    public static DuckDbResources For(int instanceMemoryMb)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(instanceMemoryMb, 64);
        return new DuckDbResources(
            (int)(instanceMemoryMb * DefaultMemoryShare), Environment.ProcessorCount, Path.Combine(Path.GetTempPath(), "centric-duckdb"));
    }

    /// <summary>
    /// From configuration values (null when absent): <c>DuckDb:InstanceMemoryMb</c> sets the memory the defaults are
    /// computed from; <c>DuckDb:MemoryLimitMb</c>, <c>DuckDb:Threads</c> and <c>DuckDb:TempDirectory</c> override one
    /// value each. A value that is not a positive whole number is an error naming the setting.
    /// </summary>
    public static DuckDbResources From(string? instanceMemoryMb, string? memoryLimitMb, string? threads, string? tempDirectory)
    {
        var resources = instanceMemoryMb is null ? Default : For(Positive("DuckDb:InstanceMemoryMb", instanceMemoryMb));
        if (memoryLimitMb is not null)
        {
            resources = resources with { MemoryLimitMb = Positive("DuckDb:MemoryLimitMb", memoryLimitMb) };
        }

        if (threads is not null)
        {
            resources = resources with { Threads = Positive("DuckDb:Threads", threads) };
        }

        if (!string.IsNullOrWhiteSpace(tempDirectory))
        {
            resources = resources with { TempDirectory = tempDirectory };
        }

        return resources;
    }

    /// <summary>The SET statements that apply these resources to a connection.</summary>
    public IEnumerable<string> Statements()
    {
        Directory.CreateDirectory(TempDirectory);
        yield return string.Create(CultureInfo.InvariantCulture, $"SET memory_limit = '{MemoryLimitMb}MiB'");
        yield return string.Create(CultureInfo.InvariantCulture, $"SET threads = {Threads}");
        yield return $"SET temp_directory = {DuckDbSession.Literal(TempDirectory)}";

        // DuckDB's allocator keeps memory it has freed for reuse and hands it back only past these thresholds (128 and
        // 512 MiB by default): one large sort or read then stays in the process's working set for the rest of the compute,
        // beside the .NET heap. Handing it back after every task keeps the working set to what DuckDB holds, and the
        // allocator's background threads purge the pages it freed as they age, instead of at its next allocation (at
        // 10M orders the working set after the compute fell from 2.7–3.0 GB to 2.1 GB and the ingest's peak from 1.9
        // to 1.5 GB).
        yield return string.Create(CultureInfo.InvariantCulture, $"SET allocator_flush_threshold = '{AllocatorFlushMb}MiB'");
        yield return string.Create(CultureInfo.InvariantCulture, $"SET allocator_bulk_deallocation_flush_threshold = '{AllocatorFlushMb}MiB'");
        yield return "SET allocator_background_threads = true";
    }

    private static int Positive(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException($"The setting {name} = '{text}' is not a positive whole number.");
}

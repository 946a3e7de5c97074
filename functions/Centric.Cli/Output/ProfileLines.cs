using System.Diagnostics;
using System.Globalization;
using Centric.Engine.Compute;

namespace Centric.Cli.Output;

/// <summary>
/// The plain profile lines of <c>--profile</c>: the ingestion, one line per compute step, the writing of the outputs,
/// then the process's peak memory.
/// </summary>
internal static class ProfileLines
{
    public static void Write(TextWriter writer, string command, long ingestMs, IReadOnlyList<ComputeStep> steps, long writeMs)
    {
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{command}: profile: ingest {ingestMs} ms"));
        foreach (var step in steps)
        {
            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{command}: profile: {step.Name} {step.Milliseconds} ms ({step.CpuMilliseconds} ms CPU), {step.Rows} rows, {step.AllocatedMb} MiB allocated, DuckDB {step.DuckDbMilliseconds} ms and {step.RowsFromDuckDb} rows out; then {step.HeapMb} MiB .NET heap ({step.CommittedMb} MiB committed), {step.DuckDbMb} MiB DuckDB, {step.WorkingSetMb} MiB working set"));
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{command}: profile: write the outputs {writeMs} ms"));
        using var process = Process.GetCurrentProcess();
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{command}: profile: compute {steps.Sum(s => s.Milliseconds)} ms ({steps.Sum(s => s.CpuMilliseconds)} ms CPU) in steps, peak working set {process.PeakWorkingSet64 / (1024.0 * 1024.0):F1} MiB"));
    }
}

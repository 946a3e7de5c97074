using Centric.Domain.Snapshots;

namespace Centric.Cli.Output;

/// <summary>Writes <c>snapshots.csv</c> in the format the HTTP API serves (<see cref="SnapshotCsv"/>).</summary>
internal static class SnapshotsCsv
{
    public static void Write(string path, IEnumerable<SnapshotRow> rows)
    {
        using var writer = OutputFile.CreateText(path);
        SnapshotCsv.Write(writer, rows);
    }
}

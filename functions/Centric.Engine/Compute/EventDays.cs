using Centric.Domain.Exports;
using Centric.Engine.DuckDb;

namespace Centric.Engine.Compute;

/// <summary>
/// The latest day on which something happened in a dataset: the latest event day (<see cref="ExportSchema.EventColumn"/>,
/// a local wall-clock timestamp) over the current rows of every kind that records events.
/// </summary>
public static class EventDays
{
    /// <summary>The latest event day over <paramref name="kinds"/>; null when none of them has a row.</summary>
    public static DateOnly? Latest(DuckDbSession db, CuratedFiles files, IEnumerable<ExportKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(kinds);
        var parts = kinds
            .Where(k => files.Of(k).Count > 0 && ExportSchemas.For(k).EventColumn is not null)
            .Select(k => $"SELECT max(CAST({DuckDbSession.Identifier(ExportSchemas.For(k).EventColumn!)} AS DATE)) AS day FROM ({CurrentRows.Sql(files, k)})")
            .ToArray();
        if (parts.Length == 0)
        {
            return null;
        }

        var days = db.Rows($"SELECT max(day) FROM ({string.Join(" UNION ALL ", parts)})", r => r.IsDBNull(0) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(0));
        return days[0];
    }
}

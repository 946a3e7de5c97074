using Centric.Domain.Exports;
using Centric.Domain.Segments;
using Centric.Engine.DuckDb;

namespace Centric.Engine.Compute;

/// <summary>Reads each customer's segment keys (<c>country:ES</c>, ...) from the current customers export.</summary>
public static class CustomerSegmentsLoader
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Load(DuckDbSession db, CuratedFiles files)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Of(ExportKind.Customers).Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<string>>();
        }

        var attributes = SegmentKeys.Attributes;
        var columns = string.Join(", ", attributes.Select(a => $"CAST({a} AS VARCHAR)"));
        var rows = db.Rows($"SELECT customer_id, {columns} FROM ({CurrentRows.Sql(files, ExportKind.Customers)})", r =>
        {
            var keys = new List<string>(attributes.Count);
            for (var i = 0; i < attributes.Count; i++)
            {
                if (!r.IsDBNull(i + 1) && r.GetString(i + 1).Trim() is { Length: > 0 } value)
                {
                    keys.Add(SegmentKeys.Of(attributes[i], value));
                }
            }

            return (Id: r.GetString(0), Keys: (IReadOnlyList<string>)keys);
        });
        return rows.ToDictionary(r => r.Id, r => r.Keys, StringComparer.Ordinal);
    }
}

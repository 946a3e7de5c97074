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
        // A million customers share a few hundred combinations of country, segment, plan and channel: each key and each
        // combination is built once and shared, not once per customer (about 200 bytes a customer otherwise).
        var keyOf = new Dictionary<(int Attribute, string Value), string>();
        var shared = new Dictionary<string[], IReadOnlyList<string>>(KeysComparer.Instance);
        var keys = new List<string>(attributes.Count);
        var rows = db.Rows($"SELECT customer_id, {columns} FROM ({CurrentRows.Sql(files, ExportKind.Customers)})", r =>
        {
            keys.Clear();
            for (var i = 0; i < attributes.Count; i++)
            {
                if (!r.IsDBNull(i + 1) && r.GetString(i + 1).Trim() is { Length: > 0 } value)
                {
                    if (!keyOf.TryGetValue((i, value), out var key))
                    {
                        keyOf[(i, value)] = key = SegmentKeys.Of(attributes[i], value);
                    }

                    keys.Add(key);
                }
            }

            var combination = keys.ToArray();
            if (!shared.TryGetValue(combination, out var own))
            {
                shared[combination] = own = combination;
            }

            return (Id: r.GetString(0), Keys: own);
        });
        return rows.ToDictionary(r => r.Id, r => r.Keys, StringComparer.Ordinal);
    }

    private sealed class KeysComparer : IEqualityComparer<string[]>
    {
        public static KeysComparer Instance { get; } = new();

        public bool Equals(string[]? x, string[]? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        public int GetHashCode(string[] obj)
        {
            var hash = default(HashCode);
            foreach (var key in obj)
            {
                hash.Add(key, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}

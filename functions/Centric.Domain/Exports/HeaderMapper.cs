namespace Centric.Domain.Exports;

/// <summary>
/// Maps a file's header to a kind's canonical columns. Precedence: the dataset's explicit mapping, then the
/// canonical name itself, then <c>id</c> for the kind's key, then the known synonyms; the leftmost header wins a tie.
/// </summary>
public static class HeaderMapper
{
    public static HeaderMapping Map(
        ExportSchema schema, IReadOnlyList<string> headers, IReadOnlyDictionary<string, string>? mapping = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(headers);

        var normalized = headers.Select(HeaderNormalizer.Normalize).ToArray();
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var taken = new bool[headers.Count];
        var european = false;

        bool Assign(string column, int index, bool isEuropean = false)
        {
            if (indexes.ContainsKey(column) || taken[index])
            {
                return false;
            }

            indexes[column] = index;
            taken[index] = true;
            european |= isEuropean;
            return true;
        }

        if (mapping is not null)
        {
            foreach (var (source, target) in mapping)
            {
                var column = schema.Columns.FirstOrDefault(
                    c => HeaderNormalizer.Normalize(c.Name) == HeaderNormalizer.Normalize(target));
                var index = Array.IndexOf(normalized, HeaderNormalizer.Normalize(source));
                if (column is not null && index >= 0)
                {
                    _ = Assign(column.Name, index);
                }
            }
        }

        foreach (var column in schema.Columns)
        {
            var index = Array.IndexOf(normalized, HeaderNormalizer.Normalize(column.Name));
            if (index >= 0)
            {
                _ = Assign(column.Name, index);
            }
        }

        if (schema.NaturalKey.Count == 1)
        {
            var index = Array.IndexOf(normalized, "id");
            if (index >= 0)
            {
                _ = Assign(schema.NaturalKey[0], index);
            }
        }

        foreach (var column in schema.Columns)
        {
            foreach (var (synonym, isEuropean) in HeaderSynonyms.For(column.Name))
            {
                var index = Array.IndexOf(normalized, synonym);
                if (index >= 0 && Assign(column.Name, index, isEuropean))
                {
                    break;
                }
            }
        }

        var missing = schema.RequiredColumns.Where(c => !indexes.ContainsKey(c.Name)).Select(c => c.Name).ToArray();
        var ignored = headers.Where((_, i) => !taken[i]).ToArray();
        return new HeaderMapping(indexes, missing, ignored, european);
    }
}

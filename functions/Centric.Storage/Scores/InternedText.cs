using System.Text.Json;

namespace Centric.Storage.Scores;

/// <summary>
/// The text of JSON tokens, one string per distinct text: a generation's customer lists name each customer in every
/// list it is in (7M times for 300,000 customers at 3M orders) and repeat a few segment keys and subscription ids, and
/// a string per occurrence was garbage to collect or, for the segments kept, memory held as long as the lists are.
/// </summary>
internal sealed class InternedText
{
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private char[] _chars = new char[256];

    public InternedText() => _lookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The unescaped text of the string or property name the reader stands on.</summary>
    public string Read(ref Utf8JsonReader reader)
    {
        // Unescaped UTF-16 is never longer, in chars, than the UTF-8 it came from is in bytes.
        var bytes = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (_chars.Length < bytes)
        {
            _chars = new char[Math.Max(bytes, _chars.Length * 2)];
        }

        int length;
        try
        {
            length = reader.CopyString(_chars);
        }
        catch (InvalidOperationException e)
        {
            throw new JsonException("A string of the JSON is not valid UTF-8.", e);
        }

        var text = _chars.AsSpan(0, length);
        if (!_lookup.TryGetValue(text, out var kept))
        {
            kept = new string(text);
            _texts.Add(kept, kept);
        }

        return kept;
    }
}

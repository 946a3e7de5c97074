namespace Centric.Engine.Ingestion;

/// <summary>
/// One record of a source file as character ranges of a buffer, reused from record to record: the conversion reads
/// each field as a span and makes a string of one only for a reject message, where a string per field was a
/// million-row file's largest allocation. Valid until the source reads its next record.
/// </summary>
internal sealed class FieldRow
{
    private char[] text = [];
    private char[] scratch = new char[256];
    private int[] starts = new int[16];
    private int[] lengths = new int[16];

    /// <summary>The physical line the record starts on (workbook: its sheet row).</summary>
    public long Line { get; private set; }

    public int Count { get; private set; }

    /// <summary>Workbook cells stored as numbers or dates, already in invariant form.</summary>
    public bool[]? Typed { get; private set; }

    public ReadOnlySpan<char> this[int index] => text.AsSpan(starts[index], lengths[index]);

    public bool IsTyped(int index) => Typed is { } typed && index >= 0 && index < typed.Length && typed[index];

    /// <summary>As <see cref="SourceRecord.IsBlank"/>: every field empty or white space.</summary>
    public bool IsBlank
    {
        get
        {
            for (var i = 0; i < Count; i++)
            {
                if (!this[i].IsWhiteSpace())
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Starts a record whose fields are ranges of <paramref name="buffer"/>.</summary>
    public void Start(long line, char[] buffer)
    {
        Line = line;
        text = buffer;
        Typed = null;
        Count = 0;
    }

    public void Add(int start, int length)
    {
        if (Count == starts.Length)
        {
            Array.Resize(ref starts, Count * 2);
            Array.Resize(ref lengths, Count * 2);
        }

        starts[Count] = start;
        lengths[Count] = length;
        Count++;
    }

    /// <summary>Makes this row <paramref name="fields"/>, copied into a buffer of its own.</summary>
    public void Load(long line, IReadOnlyList<string> fields, bool[]? typed)
    {
        var total = 0;
        foreach (var field in fields)
        {
            total += field.Length;
        }

        if (total > scratch.Length)
        {
            scratch = new char[Math.Max(total, scratch.Length * 2)];
        }

        Start(line, scratch);
        Typed = typed;
        var at = 0;
        foreach (var field in fields)
        {
            field.CopyTo(scratch.AsSpan(at));
            Add(at, field.Length);
            at += field.Length;
        }
    }

    /// <summary>The fields as strings.</summary>
    public SourceRecord ToRecord() => new(Line, Strings(), Typed);

    /// <summary>The fields joined again by <paramref name="delimiter"/>, as a reject shows a row of the wrong width.</summary>
    public string Join(char delimiter) => string.Join(delimiter, Strings());

    private string[] Strings()
    {
        var fields = new string[Count];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = this[i].ToString();
        }

        return fields;
    }
}

using System.Runtime.CompilerServices;
using Centric.Domain.Activity;

namespace Centric.Domain.Families.CustomerLists;

/// <summary>
/// Customer list rows kept compactly: a computation can list every active customer in every period, millions of rows
/// that mostly repeat a handful of metric, grain and period values and a customer id each. Each row is stored in 8
/// bytes: the number of its customer id (an int), the index of its (metric, grain, period, period start) (16 bits) and
/// its day as days from its period's start (16 bits, ±89 years). A row whose list index or day does not fit those 16
/// bits (a 65,535th list, a day 90 years from its period) keeps it beside, by row number, as only a row that has them
/// keeps its MRR amounts and subscriptions. Reading a row builds the <see cref="CustomerListRow"/> again, equal to the
/// one added.
/// </summary>
public sealed class CustomerListTable : IReadOnlyList<CustomerListRow>
{
    private const int ChunkSize = 1 << 16;

    /// <summary>The slots of <see cref="_recent"/>: a power of two, several times the lists a computation makes per grain.</summary>
    private const int RecentSlots = 1 << 10;
    private const short NoDay = short.MinValue;

    /// <summary>The day is in <see cref="_farDays"/>.</summary>
    private const short FarDay = short.MinValue + 1;

    /// <summary>The list index is in <see cref="_farHeaders"/>.</summary>
    private const ushort FarHeader = ushort.MaxValue;

    private readonly List<Entry[]> _chunks = [];
    private readonly List<(string Metric, string Grain, string Period, DateOnly PeriodStart)> _headers = [];
    private readonly Dictionary<(string Metric, string Grain, string Period, DateOnly PeriodStart), int> _headerIndex = [];
    private readonly Details _details = new();
    private readonly List<string> _customerIds = [];
    private readonly Dictionary<string, int> _customerNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _farDays = [];
    private readonly Dictionary<int, int> _farHeaders = [];
    private int _lastHeader = -1;

    /// <summary>Headers found lately, by the identity of their strings (<see cref="HeaderOf"/>).</summary>
    private readonly RecentHeader[] _recent = new RecentHeader[RecentSlots];

    public int Count { get; private set; }

    public CustomerListRow this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var header = HeaderAt(index);
            var (metric, grain, period, periodStart) = _headers[header];
            var day = DayAt(index, header);
            var customerId = _customerIds[EntryAt(index).Customer];
            if (!_details.TryGet(index, out var details))
            {
                return new CustomerListRow(metric, grain, period, periodStart, customerId, day);
            }

            var (before, after, movement, subscriptions) = details;
            return new CustomerListRow(metric, grain, period, periodStart, customerId, day, before, after, movement, subscriptions);
        }
    }

    /// <summary>Adds a row without MRR amounts or subscriptions (a count's customer), without building it first.</summary>
    public void Add(string metric, string grain, string period, DateOnly periodStart, string customerId, DateOnly? day)
    {
        Append(NumberOf(customerId), HeaderOf(metric, grain, period, periodStart), day);
    }

    /// <summary>As the row of a customer id, for the customer numbered <paramref name="customer"/> by <see cref="NumberOf"/>.</summary>
    public void Add(string metric, string grain, string period, DateOnly periodStart, int customer, DateOnly? day)
    {
        Append(Numbered(customer), HeaderOf(metric, grain, period, periodStart), day);
    }

    /// <summary>
    /// The number of <paramref name="customerId"/> in this table, given now when it has none (its place in
    /// <see cref="CustomerIds"/>). A family that lists one customer in many rows numbers it once, just before its first
    /// row, and adds its rows by number: each row by id hashed the id and looked it up in a table of every listed
    /// customer, a cache miss per row (about 11M rows at a million subscriptions).
    /// </summary>
    public int NumberOf(string customerId)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        ref var number = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_customerNumbers, customerId, out var exists);
        if (!exists)
        {
            number = _customerIds.Count;
            _customerIds.Add(customerId);
        }

        return number;
    }

    /// <summary>Makes room for <paramref name="customers"/> numbered customers in all, so numbering them does not grow the table step by step.</summary>
    public void ExpectCustomers(int customers)
    {
        _customerNumbers.EnsureCapacity(customers);
        _customerIds.EnsureCapacity(customers);
    }

    public void Add(CustomerListRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Add(row.Metric, row.Grain, row.Period, row.PeriodStart, row.CustomerId, row.Day, row.MrrBefore, row.MrrAfter, row.Movement, row.Subscriptions);
    }

    /// <summary>Adds a row from its parts, without building it first; only a row that has them keeps its MRR amounts and subscriptions.</summary>
    public void Add(
        string metric, string grain, string period, DateOnly periodStart, string customerId, DateOnly? day,
        decimal? mrrBefore, decimal? mrrAfter, decimal? movement, IReadOnlyList<string>? subscriptions) =>
        Add(metric, grain, period, periodStart, NumberOf(customerId), day, mrrBefore, mrrAfter, movement, subscriptions);

    /// <summary>As the row of a customer id, for the customer numbered <paramref name="customer"/> by <see cref="NumberOf"/>.</summary>
    public void Add(
        string metric, string grain, string period, DateOnly periodStart, int customer, DateOnly? day,
        decimal? mrrBefore, decimal? mrrAfter, decimal? movement, IReadOnlyList<string>? subscriptions)
    {
        var header = HeaderOf(metric, grain, period, periodStart);
        var numbered = Numbered(customer);
        if (mrrBefore is not null || mrrAfter is not null || movement is not null || subscriptions is not null)
        {
            _details.Add(Count, mrrBefore, mrrAfter, movement, subscriptions);
        }

        Append(numbered, header, day);
    }

    public IEnumerator<CustomerListRow> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Every customer id of the rows, each once, in the order it was numbered: when its first row was added, or just
    /// before, by <see cref="NumberOf"/>.
    /// </summary>
    public IReadOnlyList<string> CustomerIds => _customerIds;

    /// <summary>The customer id of row <paramref name="index"/>, without building the row.</summary>
    public string CustomerIdAt(int index) => _customerIds[EntryAt(index).Customer];

    /// <summary>The list (<see cref="ListAt"/>) of row <paramref name="index"/>, without building the row.</summary>
    public int ListOf(int index) => HeaderAt(index);

    /// <summary>The customer number (its place in <see cref="CustomerIds"/>) of row <paramref name="index"/>, without building the row.</summary>
    public int CustomerAt(int index) => EntryAt(index).Customer;

    /// <summary>The day of row <paramref name="index"/>, without building the row.</summary>
    public DateOnly? DayAt(int index) => DayAt(index, HeaderAt(index));

    /// <summary>
    /// The MRR amounts and subscriptions of row <paramref name="index"/>; false for a row that has none (a count's
    /// customer), without building the row.
    /// </summary>
    public bool TryGetDetailsAt(
        int index, out (decimal? MrrBefore, decimal? MrrAfter, decimal? Movement, IReadOnlyList<string>? Subscriptions) details) =>
        _details.TryGet(index, out details);

    /// <summary>How many distinct (metric, grain, period, period start) the rows have: the number of lists.</summary>
    public int ListCount => _headers.Count;

    /// <summary>The (metric, grain, period, period start) of list <paramref name="list"/>, numbered in the order its first row was added.</summary>
    public (string Metric, string Grain, string Period, DateOnly PeriodStart) ListAt(int list) => _headers[list];

    /// <summary>
    /// About how many bytes the table holds (its entries, each customer id once, the rows with MRR details), for a
    /// cache that weighs what it keeps without building every row to measure it.
    /// </summary>
    public long EstimatedBytes()
    {
        const long Object = 24;
        long bytes = ((long)_chunks.Count * ChunkSize * 8) + ((_farDays.Count + _farHeaders.Count) * 16L);
        foreach (var id in _customerIds)
        {
            bytes += Object + (2L * id.Length) + 16; // the string, its slot in the list and in the dictionary
        }

        bytes += _details.EstimatedBytes(Object);

        return bytes + (_headers.Count * 4 * Object);
    }

    /// <summary>
    /// The row numbers list by list: list <c>k</c>'s rows, in the order they were added, are
    /// <c>Rows[Starts[k]..Starts[k + 1]]</c>, and lists come in the order of <see cref="ListAt"/> — the order of a
    /// <c>GroupBy</c> on the rows, found by counting instead of building every row, so a writer can go list by list
    /// holding four bytes per row rather than a copy of the rows.
    /// </summary>
    public (int[] Rows, int[] Starts) RowsByList()
    {
        var starts = new int[_headers.Count + 1];
        for (var i = 0; i < Count; i++)
        {
            starts[HeaderAt(i) + 1]++;
        }

        for (var k = 1; k < starts.Length; k++)
        {
            starts[k] += starts[k - 1];
        }

        var next = starts[..^1];
        var rows = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            rows[next[HeaderAt(i)]++] = i;
        }

        return (rows, starts);
    }

    private ref readonly Entry EntryAt(int index) => ref _chunks[index / ChunkSize][index % ChunkSize];

    private int HeaderAt(int index)
    {
        var header = EntryAt(index).Header;
        return header == FarHeader ? _farHeaders[index] : header;
    }

    private DateOnly? DayAt(int index, int header) => EntryAt(index).Day switch
    {
        NoDay => null,
        FarDay => DateOnly.FromDayNumber(_farDays[index]),
        var offset => DateOnly.FromDayNumber(_headers[header].PeriodStart.DayNumber + offset),
    };

    /// <summary>Refuses a number <see cref="NumberOf"/> did not give.</summary>
    private int Numbered(int customer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(customer);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(customer, _customerIds.Count);
        return customer;
    }

    private void Append(int customer, int header, DateOnly? day)
    {
        if (Count % ChunkSize == 0)
        {
            _chunks.Add(new Entry[ChunkSize]);
        }

        var packedHeader = FarHeader;
        if (header < FarHeader)
        {
            packedHeader = (ushort)header;
        }
        else
        {
            _farHeaders[Count] = header;
        }

        var packedDay = NoDay;
        if (day is { } d)
        {
            var offset = d.DayNumber - _headers[header].PeriodStart.DayNumber;
            if (offset is > FarDay and <= short.MaxValue)
            {
                packedDay = (short)offset;
            }
            else
            {
                packedDay = FarDay;
                _farDays[Count] = d.DayNumber;
            }
        }

        _chunks[^1][Count % ChunkSize] = new Entry(customer, packedHeader, packedDay);
        Count++;
    }

    private int HeaderOf(string metric, string grain, string period, DateOnly periodStart)
    {
        // Rows come in runs of one metric and period: check the last header before hashing.
        if (_lastHeader >= 0)
        {
            var last = _headers[_lastHeader];
            if (ReferenceEquals(last.Metric, metric) && ReferenceEquals(last.Grain, grain)
                && ReferenceEquals(last.Period, period) && last.PeriodStart == periodStart)
            {
                return _lastHeader;
            }
        }

        // A family that lists customer by customer moves from period to period on every row (at a million
        // subscriptions, every one of 9.5M count rows and 11M of 12M in all): the header is first looked for by the
        // identity of the strings the family passes, each the same object on every row of its list, in a slot chosen
        // without reading their text. Hashing the three strings of every row took about a tenth of a microsecond.
        var slot = (RuntimeHelpers.GetHashCode(metric) ^ (RuntimeHelpers.GetHashCode(period) * 31) ^ (periodStart.DayNumber * 127)) & (RecentSlots - 1);
        ref var recent = ref _recent[slot];
        if (ReferenceEquals(recent.Metric, metric) && ReferenceEquals(recent.Grain, grain)
            && ReferenceEquals(recent.Period, period) && recent.PeriodStart == periodStart)
        {
            return _lastHeader = recent.Header;
        }

        var key = (metric, grain, period, periodStart);
        if (!_headerIndex.TryGetValue(key, out var header))
        {
            _headerIndex[key] = header = _headers.Count;
            _headers.Add(key);
        }

        recent = new RecentHeader(metric, grain, period, periodStart, header);
        return _lastHeader = header;
    }

    /// <summary>A header and the strings it was last asked for with.</summary>
    private readonly record struct RecentHeader(string Metric, string Grain, string Period, DateOnly PeriodStart, int Header);

    /// <summary>A row: its customer's number, its list index (or <see cref="FarHeader"/>) and its day from its period's start (or <see cref="NoDay"/>, <see cref="FarDay"/>).</summary>
    private readonly record struct Entry(int Customer, ushort Header, short Day);

    /// <summary>
    /// The MRR amounts and subscriptions of the rows that have them, as columns in row order: a row number, three amounts
    /// (8 bytes each where they fit, <see cref="AmountColumn"/>) with a byte of which are null, and the subscriptions.
    /// Found by a binary search of the row numbers. A dictionary keyed by row number held about 100 bytes a row and
    /// copied itself as it grew: at a million subscriptions, 2.7M rows. The columns are kept in chunks of
    /// <see cref="ChunkSize"/> rows, the first grown as rows come, the next made whole: columns grown whole copied
    /// every value again at each growth, and at 2.7M rows those copies, large objects all, set off three more full
    /// collections of the heap and held about 90 MiB more at the peak.
    /// </summary>
    private sealed class Details
    {
        private readonly List<DetailsChunk> _chunks = [];
        private int _count;

        public void Add(int row, decimal? before, decimal? after, decimal? movement, IReadOnlyList<string>? subscriptions)
        {
            if (_count % ChunkSize == 0)
            {
                // The first chunk grows as rows come (most tables have a few rows with details, or none); once a table
                // fills one, the next are made whole at once.
                _chunks.Add(new DetailsChunk(_chunks.Count == 0 ? 0 : ChunkSize));
            }

            _chunks[^1].Add(row, before, after, movement, subscriptions);
            _count++;
        }

        public bool TryGet(int row, out (decimal? MrrBefore, decimal? MrrAfter, decimal? Movement, IReadOnlyList<string>? Subscriptions) details)
        {
            // Rows are added in increasing order: the chunk that may hold the row is the last one starting at or before it.
            int low = 0, high = _chunks.Count - 1, found = -1;
            while (low <= high)
            {
                var middle = low + ((high - low) / 2);
                if (_chunks[middle].FirstRow <= row)
                {
                    found = middle;
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            if (found < 0)
            {
                details = default;
                return false;
            }

            return _chunks[found].TryGet(row, out details);
        }

        public long EstimatedBytes(long objectBytes) => _chunks.Sum(c => c.EstimatedBytes(objectBytes));
    }

    /// <summary>Up to <see cref="ChunkSize"/> rows of <see cref="Details"/>, in row order.</summary>
    private sealed class DetailsChunk(int capacity)
    {
        private readonly List<int> _rows = new(capacity);
        private readonly AmountColumn _before = new(capacity);
        private readonly AmountColumn _after = new(capacity);
        private readonly AmountColumn _movement = new(capacity);
        private readonly List<byte> _nulls = new(capacity);
        private readonly List<IReadOnlyList<string>?> _subscriptions = new(capacity);

        public int FirstRow => _rows[0];

        public void Add(int row, decimal? before, decimal? after, decimal? movement, IReadOnlyList<string>? subscriptions)
        {
            _rows.Add(row);
            _before.Add(before ?? 0m);
            _after.Add(after ?? 0m);
            _movement.Add(movement ?? 0m);
            _nulls.Add((byte)((before is null ? 1 : 0) | (after is null ? 2 : 0) | (movement is null ? 4 : 0)));
            _subscriptions.Add(subscriptions);
        }

        public bool TryGet(int row, out (decimal? MrrBefore, decimal? MrrAfter, decimal? Movement, IReadOnlyList<string>? Subscriptions) details)
        {
            var at = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_rows).BinarySearch(row);
            if (at < 0)
            {
                details = default;
                return false;
            }

            var nulls = _nulls[at];
            details = (
                (nulls & 1) == 0 ? _before[at] : null,
                (nulls & 2) == 0 ? _after[at] : null,
                (nulls & 4) == 0 ? _movement[at] : null,
                _subscriptions[at]);
            return true;
        }

        public long EstimatedBytes(long objectBytes)
        {
            // Each row's subscriptions are counted whether or not rows share them: an estimate on the safe side (rows read
            // back from storage have their own).
            long bytes = _rows.Count * (4L + (3 * 8) + 1 + 8);
            foreach (var subscriptions in _subscriptions)
            {
                bytes += subscriptions is null ? 0 : objectBytes + subscriptions.Sum(s => 8 + objectBytes + (2L * s.Length));
            }

            return bytes;
        }
    }
}

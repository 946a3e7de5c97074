namespace Centric.Domain.Families.CustomerLists;

/// <summary>
/// Customer list rows kept compactly: a computation can list every active customer in every period, millions of rows
/// that mostly repeat a handful of metric, grain and period values. Each row is stored as its customer id, the index of
/// its (metric, grain, period, period start), its day and, only when it has them, its MRR amounts and subscriptions;
/// reading a row builds the <see cref="CustomerListRow"/> again, equal to the one added.
/// </summary>
public sealed class CustomerListTable : IReadOnlyList<CustomerListRow>
{
    private const int ChunkSize = 1 << 16;
    private const int NoDay = int.MinValue;

    private readonly List<Entry[]> _chunks = [];
    private readonly List<(string Metric, string Grain, string Period, DateOnly PeriodStart)> _headers = [];
    private readonly Dictionary<(string Metric, string Grain, string Period, DateOnly PeriodStart), int> _headerIndex = [];
    private readonly List<(decimal? MrrBefore, decimal? MrrAfter, decimal? Movement, IReadOnlyList<string>? Subscriptions)> _details = [];
    private int _lastHeader = -1;

    public int Count { get; private set; }

    public CustomerListRow this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var entry = _chunks[index / ChunkSize][index % ChunkSize];
            var (metric, grain, period, periodStart) = _headers[entry.Header];
            var day = entry.Day == NoDay ? (DateOnly?)null : DateOnly.FromDayNumber(entry.Day);
            if (entry.Details < 0)
            {
                return new CustomerListRow(metric, grain, period, periodStart, entry.CustomerId, day);
            }

            var (before, after, movement, subscriptions) = _details[entry.Details];
            return new CustomerListRow(metric, grain, period, periodStart, entry.CustomerId, day, before, after, movement, subscriptions);
        }
    }

    /// <summary>Adds a row without MRR amounts or subscriptions (a count's customer), without building it first.</summary>
    public void Add(string metric, string grain, string period, DateOnly periodStart, string customerId, DateOnly? day)
    {
        Append(customerId, HeaderOf(metric, grain, period, periodStart), day, -1);
    }

    public void Add(CustomerListRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var header = HeaderOf(row.Metric, row.Grain, row.Period, row.PeriodStart);
        var details = -1;
        if (row.MrrBefore is not null || row.MrrAfter is not null || row.Movement is not null || row.Subscriptions is not null)
        {
            details = _details.Count;
            _details.Add((row.MrrBefore, row.MrrAfter, row.Movement, row.Subscriptions));
        }

        Append(row.CustomerId, header, row.Day, details);
    }

    public IEnumerator<CustomerListRow> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The customer id of row <paramref name="index"/>, without building the row.</summary>
    public string CustomerIdAt(int index) => _chunks[index / ChunkSize][index % ChunkSize].CustomerId;

    private void Append(string customerId, int header, DateOnly? day, int details)
    {
        if (Count % ChunkSize == 0)
        {
            _chunks.Add(new Entry[ChunkSize]);
        }

        _chunks[^1][Count % ChunkSize] = new Entry(customerId, header, day?.DayNumber ?? NoDay, details);
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

        var key = (metric, grain, period, periodStart);
        if (!_headerIndex.TryGetValue(key, out var header))
        {
            _headerIndex[key] = header = _headers.Count;
            _headers.Add(key);
        }

        return _lastHeader = header;
    }

    private readonly record struct Entry(string CustomerId, int Header, int Day, int Details);
}

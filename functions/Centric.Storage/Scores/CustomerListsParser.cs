using System.Globalization;
using System.Text.Json;
using Centric.Domain.Families.CustomerLists;

namespace Centric.Storage.Scores;

/// <summary>
/// Reads the stored JSON of a generation's customer lists (the shape <see cref="CustomerListsJson"/> writes) token by
/// token, piece by piece, adding each listed customer to a <see cref="CustomerListTable"/> as it is read: at 3M orders
/// the blob lists 7M customers, and deserialising it into a record per listed customer first held some 1.4 GB to keep
/// 200 MB. The reader is a ref struct and cannot wait for the next piece, so where it stands in the JSON is kept here
/// between pieces: what the next token must be, and the parts of the list and customer being read.
/// </summary>
/// <remarks>
/// Follows the rules the serializer read these blobs by: names as written (camelCase), days as <c>yyyy-MM-dd</c>,
/// amounts as JSON numbers read exactly as decimals, a null or absent field as none, unknown properties skipped. A
/// list's metric, grain, period and period start come before its customers, as both writers put them. Repeated text
/// (customer ids in segments and lists, segment keys, subscription ids) is kept once.
/// </remarks>
internal sealed class CustomerListsParser
{
    private readonly CustomerListTable _table = new();
    private readonly Dictionary<string, IReadOnlyList<string>> _segments = new(StringComparer.Ordinal);
    private readonly InternedText _texts = new();
    private readonly List<string> _strings = [];
    private JsonReaderState _state;
    private long _offset;
    private Expect _expect = Expect.Root;
    private Expect _afterSkip;
    private int _skipDepth;
    private Field _field;
    private bool _isNull;
    private bool _hasSegments;
    private bool _hasLists;

    private string? _segmentCustomer;
    private string? _metric;
    private string? _grain;
    private string? _period;
    private DateOnly? _periodStart;
    private string? _customerId;
    private DateOnly? _day;
    private decimal? _mrrBefore;
    private decimal? _mrrAfter;
    private decimal? _movement;
    private string[]? _subscriptions;

    private static readonly (byte[] Name, Field Field)[] ListFields =
        [("metric"u8.ToArray(), Field.Metric), ("grain"u8.ToArray(), Field.Grain), ("period"u8.ToArray(), Field.Period),
         ("periodStart"u8.ToArray(), Field.PeriodStart)];

    private static readonly (byte[] Name, Field Field)[] CustomerFields =
        [("customerId"u8.ToArray(), Field.CustomerId), ("day"u8.ToArray(), Field.Day), ("mrrBefore"u8.ToArray(), Field.MrrBefore),
         ("mrrAfter"u8.ToArray(), Field.MrrAfter), ("movement"u8.ToArray(), Field.Movement), ("subscriptions"u8.ToArray(), Field.Subscriptions)];

    private enum Expect
    {
        Root, RootProperty, SegmentsObject, SegmentCustomer, SegmentKeys, SegmentKey, ListsArray, List, ListProperty, ListValue,
        CustomersArray, Customer, CustomerProperty, CustomerValue, Subscription, SkipValue, Skipping, End,
    }

    private enum Field
    {
        Metric, Grain, Period, PeriodStart, CustomerId, Day, MrrBefore, MrrAfter, Movement, Subscriptions,
    }

    /// <summary>The lists read, once the JSON is complete; null when the blob holds JSON <c>null</c>.</summary>
    public CustomerListSet? Result => _expect != Expect.End
        ? throw new InvalidOperationException("The customer lists are not read to their end.")
        : _isNull ? null : new CustomerListSet(_table, _segments);

    /// <summary>
    /// Reads the whole tokens of <paramref name="data"/> and says how many bytes they took; the rest (part of a token)
    /// must be given again at the start of the next piece. The last piece is <paramref name="isFinalBlock"/>, and the
    /// JSON must end there.
    /// </summary>
    public int Consume(ReadOnlySpan<byte> data, bool isFinalBlock)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock, _state);
        while (reader.Read())
        {
            Take(ref reader);
        }

        if (isFinalBlock && _expect != Expect.End)
        {
            throw Malformed(ref reader, "the JSON ends before the lists do");
        }

        _state = reader.CurrentState;
        _offset += reader.BytesConsumed;
        return (int)reader.BytesConsumed;
    }

    private void Take(ref Utf8JsonReader reader)
    {
        var token = reader.TokenType;
        switch (_expect)
        {
            case Expect.Root when token == JsonTokenType.Null:
                _isNull = true;
                _expect = Expect.End;
                break;
            case Expect.Root:
                Require(ref reader, JsonTokenType.StartObject);
                _expect = Expect.RootProperty;
                break;
            case Expect.RootProperty when token == JsonTokenType.EndObject:
                _expect = _hasSegments && _hasLists ? Expect.End : throw Malformed(ref reader, "the JSON has no segments or no lists");
                break;
            case Expect.RootProperty:
                Require(ref reader, JsonTokenType.PropertyName);
                if (reader.ValueTextEquals("segments"u8))
                {
                    (_hasSegments, _expect) = (true, Expect.SegmentsObject);
                }
                else if (reader.ValueTextEquals("lists"u8))
                {
                    (_hasLists, _expect) = (true, Expect.ListsArray);
                }
                else
                {
                    Skip(Expect.RootProperty);
                }

                break;
            case Expect.SegmentsObject:
                Require(ref reader, JsonTokenType.StartObject);
                _expect = Expect.SegmentCustomer;
                break;
            case Expect.SegmentCustomer when token == JsonTokenType.EndObject:
                _expect = Expect.RootProperty;
                break;
            case Expect.SegmentCustomer:
                Require(ref reader, JsonTokenType.PropertyName);
                _expect = Expect.SegmentKeys;
                _segmentCustomer = _texts.Read(ref reader);
                break;
            case Expect.SegmentKeys:
                Require(ref reader, JsonTokenType.StartArray);
                _expect = Expect.SegmentKey;
                _strings.Clear();
                break;
            case Expect.SegmentKey when token == JsonTokenType.EndArray:
                _segments[_segmentCustomer!] = [.. _strings];
                _expect = Expect.SegmentCustomer;
                break;
            case Expect.SegmentKey:
                Require(ref reader, JsonTokenType.String);
                _strings.Add(_texts.Read(ref reader));
                break;
            case Expect.ListsArray:
                Require(ref reader, JsonTokenType.StartArray);
                _expect = Expect.List;
                break;
            case Expect.List when token == JsonTokenType.EndArray:
                _expect = Expect.RootProperty;
                break;
            case Expect.List:
                Require(ref reader, JsonTokenType.StartObject);
                _expect = Expect.ListProperty;
                (_metric, _grain, _period, _periodStart) = (null, null, null, null);
                break;
            case Expect.ListProperty when token == JsonTokenType.EndObject:
                RequireHeader(ref reader);
                _expect = Expect.List;
                break;
            case Expect.ListProperty:
                Require(ref reader, JsonTokenType.PropertyName);
                TakeListProperty(ref reader);
                break;
            case Expect.ListValue:
                TakeListValue(ref reader);
                _expect = Expect.ListProperty;
                break;
            case Expect.CustomersArray:
                Require(ref reader, JsonTokenType.StartArray);
                _expect = Expect.Customer;
                break;
            case Expect.Customer when token == JsonTokenType.EndArray:
                _expect = Expect.ListProperty;
                break;
            case Expect.Customer:
                Require(ref reader, JsonTokenType.StartObject);
                _expect = Expect.CustomerProperty;
                (_customerId, _day, _mrrBefore, _mrrAfter, _movement, _subscriptions) = (null, null, null, null, null, null);
                break;
            case Expect.CustomerProperty when token == JsonTokenType.EndObject:
                AddCustomer(ref reader);
                _expect = Expect.Customer;
                break;
            case Expect.CustomerProperty:
                Require(ref reader, JsonTokenType.PropertyName);
                TakeName(ref reader, CustomerFields, Expect.CustomerValue, Expect.CustomerProperty);
                break;
            case Expect.CustomerValue:
                _expect = TakeCustomerValue(ref reader);
                break;
            case Expect.Subscription when token == JsonTokenType.EndArray:
                _subscriptions = [.. _strings];
                _expect = Expect.CustomerProperty;
                break;
            case Expect.Subscription:
                Require(ref reader, JsonTokenType.String);
                _strings.Add(_texts.Read(ref reader));
                break;
            case Expect.SkipValue when token is JsonTokenType.StartObject or JsonTokenType.StartArray:
                (_skipDepth, _expect) = (reader.CurrentDepth, Expect.Skipping);
                break;
            case Expect.SkipValue:
                _expect = _afterSkip;
                break;
            case Expect.Skipping when token is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == _skipDepth:
                _expect = _afterSkip;
                break;
            case Expect.Skipping:
                break;
            default:
                throw Malformed(ref reader, $"{token} after the end of the lists");
        }
    }

    private void TakeListProperty(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("customers"u8))
        {
            RequireHeader(ref reader);
            _expect = Expect.CustomersArray;
            return;
        }

        TakeName(ref reader, ListFields, Expect.ListValue, Expect.ListProperty);
    }

    private void TakeListValue(ref Utf8JsonReader reader)
    {
        Require(ref reader, JsonTokenType.String);
        switch (_field)
        {
            case Field.Metric:
                _metric = _texts.Read(ref reader);
                break;
            case Field.Grain:
                _grain = _texts.Read(ref reader);
                break;
            case Field.Period:
                _period = _texts.Read(ref reader);
                break;
            default:
                _periodStart = IsoDay.Read(ref reader) ?? throw Malformed(ref reader, "a period start that is not a day (yyyy-MM-dd)");
                break;
        }
    }

    /// <summary>
    /// The property just read names one of <paramref name="fields"/>: its value is read next, as
    /// <paramref name="value"/>; any other property's value is skipped, and then <paramref name="other"/> follows.
    /// </summary>
    private void TakeName(ref Utf8JsonReader reader, (byte[] Name, Field Field)[] fields, Expect value, Expect other)
    {
        foreach (var (name, field) in fields)
        {
            if (reader.ValueTextEquals(name))
            {
                (_field, _expect) = (field, value);
                return;
            }
        }

        Skip(other);
    }

    private Expect TakeCustomerValue(ref Utf8JsonReader reader)
    {
        var isNull = reader.TokenType == JsonTokenType.Null;
        switch (_field)
        {
            case Field.CustomerId:
                Require(ref reader, JsonTokenType.String);
                _customerId = _texts.Read(ref reader);
                break;
            case Field.Day when isNull:
                _day = null;
                break;
            case Field.Day:
                Require(ref reader, JsonTokenType.String);
                _day = IsoDay.Read(ref reader) ?? throw Malformed(ref reader, "a day that is not a day (yyyy-MM-dd)");
                break;
            case Field.MrrBefore:
                _mrrBefore = Amount(ref reader);
                break;
            case Field.MrrAfter:
                _mrrAfter = Amount(ref reader);
                break;
            case Field.Movement:
                _movement = Amount(ref reader);
                break;
            case Field.Subscriptions when isNull:
                _subscriptions = null;
                break;
            default:
                Require(ref reader, JsonTokenType.StartArray);
                _strings.Clear();
                return Expect.Subscription;
        }

        return Expect.CustomerProperty;
    }

    private decimal? Amount(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Require(ref reader, JsonTokenType.Number);
        return reader.TryGetDecimal(out var amount) ? amount : throw Malformed(ref reader, "an amount outside the range of decimal");
    }

    private void AddCustomer(ref Utf8JsonReader reader)
    {
        var customerId = _customerId ?? throw Malformed(ref reader, "a listed customer without its customerId");
        _table.Add(_metric!, _grain!, _period!, _periodStart!.Value, customerId, _day, _mrrBefore, _mrrAfter, _movement, _subscriptions);
    }

    private void RequireHeader(ref Utf8JsonReader reader)
    {
        if (_metric is null || _grain is null || _period is null || _periodStart is null)
        {
            throw Malformed(ref reader, "a list without its metric, grain, period and periodStart before its customers");
        }
    }

    /// <summary>Skips the value of the property just read, however deep, and then expects <paramref name="then"/>.</summary>
    private void Skip(Expect then) => (_afterSkip, _expect) = (then, Expect.SkipValue);

    private void Require(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (reader.TokenType != expected)
        {
            throw Malformed(ref reader, $"{reader.TokenType} where {expected} belongs ({_expect})");
        }
    }

    private JsonException Malformed(ref Utf8JsonReader reader, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{what}, at byte {_offset + reader.TokenStartIndex} of the JSON"));
}

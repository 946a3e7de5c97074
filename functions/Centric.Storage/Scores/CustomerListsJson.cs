using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Centric.Domain.Families.CustomerLists;

namespace Centric.Storage.Scores;

/// <summary>
/// Writes the stored form of a generation's customer lists (the JSON the serializer gave the stored records before it,
/// byte for byte; read back by <see cref="CustomerListsReader"/>) straight from the compact <see cref="CustomerListTable"/>,
/// list by list. A large dataset lists a row for every active customer in every period of three grains (millions of
/// rows); grouping them into stored records first held a second, far larger copy of every row until the last byte was
/// written, on one thread after the compute.
/// </summary>
internal static class CustomerListsJson
{
    /// <summary>Written JSON is handed to the stream once this much is pending, so the buffer stays small.</summary>
    private const int FlushAt = 256 * 1024;

    // The names the serializer gives the stored records under the web defaults (camelCase).
    private static readonly JsonEncodedText Segments = JsonEncodedText.Encode("segments");
    private static readonly JsonEncodedText Lists = JsonEncodedText.Encode("lists");
    private static readonly JsonEncodedText Metric = JsonEncodedText.Encode("metric");
    private static readonly JsonEncodedText Grain = JsonEncodedText.Encode("grain");
    private static readonly JsonEncodedText Period = JsonEncodedText.Encode("period");
    private static readonly JsonEncodedText PeriodStart = JsonEncodedText.Encode("periodStart");
    private static readonly JsonEncodedText Customers = JsonEncodedText.Encode("customers");
    private static readonly JsonEncodedText CustomerId = JsonEncodedText.Encode("customerId");
    private static readonly JsonEncodedText Day = JsonEncodedText.Encode("day");
    private static readonly JsonEncodedText MrrBefore = JsonEncodedText.Encode("mrrBefore");
    private static readonly JsonEncodedText MrrAfter = JsonEncodedText.Encode("mrrAfter");
    private static readonly JsonEncodedText Movement = JsonEncodedText.Encode("movement");
    private static readonly JsonEncodedText Subscriptions = JsonEncodedText.Encode("subscriptions");

    /// <summary>Writes <paramref name="lists"/> to <paramref name="stream"/> as the stored JSON.</summary>
    public static async Task WriteAsync(Stream stream, CustomerListSet lists, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var table = lists.Rows as CustomerListTable ?? Compact(lists.Rows);

        // The writer fills a buffer that is copied to the stream, never flushing the stream itself: a flush of the gzip
        // stream ends a deflate block and commits a block of the blob, a few hundred times over a large set.
        var buffer = new ArrayBufferWriter<byte>(FlushAt + (FlushAt / 4));
        await using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteStartObject(Segments);
        foreach (var (customer, keys) in lists.Segments)
        {
            json.WriteStartArray(customer);
            foreach (var key in keys)
            {
                json.WriteStringValue(key);
            }

            json.WriteEndArray();
            await FlushWhenFullAsync(json, buffer, stream, cancellationToken);
        }

        json.WriteEndObject();
        json.WriteStartArray(Lists);
        var (rows, starts) = table.RowsByList();
        for (var list = 0; list < table.ListCount; list++)
        {
            var (metric, grain, period, periodStart) = table.ListAt(list);
            json.WriteStartObject();
            json.WriteString(Metric, metric);
            json.WriteString(Grain, grain);
            json.WriteString(Period, period);
            WriteDay(json, PeriodStart, periodStart);
            json.WriteStartArray(Customers);
            for (var r = starts[list]; r < starts[list + 1]; r++)
            {
                WriteCustomer(json, table, rows[r]);
                await FlushWhenFullAsync(json, buffer, stream, cancellationToken);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await CopyAsync(json, buffer, stream, cancellationToken);
    }

    /// <summary>One listed customer, its empty fields left out as the serializer leaves out nulls.</summary>
    private static void WriteCustomer(Utf8JsonWriter json, CustomerListTable table, int row)
    {
        json.WriteStartObject();
        json.WriteString(CustomerId, table.CustomerIdAt(row));
        if (table.DayAt(row) is { } day)
        {
            WriteDay(json, Day, day);
        }

        if (table.TryGetDetailsAt(row, out var details))
        {
            WriteAmount(json, MrrBefore, details.MrrBefore);
            WriteAmount(json, MrrAfter, details.MrrAfter);
            WriteAmount(json, Movement, details.Movement);
            if (details.Subscriptions is { } subscriptions)
            {
                json.WriteStartArray(Subscriptions);
                foreach (var id in subscriptions)
                {
                    json.WriteStringValue(id);
                }

                json.WriteEndArray();
            }
        }

        json.WriteEndObject();
    }

    private static void WriteAmount(Utf8JsonWriter json, JsonEncodedText name, decimal? amount)
    {
        if (amount is { } value)
        {
            json.WriteNumber(name, value);
        }
    }

    /// <summary>A day as the serializer writes a <see cref="DateOnly"/>: ISO 8601, <c>yyyy-MM-dd</c>.</summary>
    private static void WriteDay(Utf8JsonWriter json, JsonEncodedText name, DateOnly day)
    {
        Span<byte> text = stackalloc byte[10];
        if (!day.TryFormat(text, out var length, "O", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"The day {day} has no ten-character ISO form.");
        }

        json.WriteString(name, text[..length]);
    }

    private static async ValueTask FlushWhenFullAsync(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, Stream stream, CancellationToken cancellationToken)
    {
        if (json.BytesPending >= FlushAt)
        {
            await CopyAsync(json, buffer, stream, cancellationToken);
        }
    }

    /// <summary>Hands what the writer holds to the stream, without flushing the stream.</summary>
    private static async ValueTask CopyAsync(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, Stream stream, CancellationToken cancellationToken)
    {
        json.Flush();
        await stream.WriteAsync(buffer.WrittenMemory, cancellationToken);
        buffer.ResetWrittenCount();
    }

    /// <summary>Rows given as a plain list (small sets, read back or built by hand) in the table the writer reads.</summary>
    private static CustomerListTable Compact(IReadOnlyList<CustomerListRow> rows)
    {
        var table = new CustomerListTable();
        foreach (var row in rows)
        {
            table.Add(row);
        }

        return table;
    }
}

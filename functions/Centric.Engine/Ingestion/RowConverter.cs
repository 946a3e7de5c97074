using System.Globalization;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;

namespace Centric.Engine.Ingestion;

/// <summary>
/// Turns one source record into a curated row (values in <see cref="CuratedColumns"/> order) or into reasons
/// per bad cell: types, required values, future timestamps, negative durations and the kind's own rules. Values mapped in
/// mapping.json replace a cell's text before any of these checks.
/// </summary>
internal sealed class RowConverter
{
    private const int MinYear = 1900;
    private const int MaxYear = 2199;

    private readonly ExportSchema schema;
    private readonly Slot[] slots;
    private readonly FileConventions conventions;
    private readonly ZoneClock clock;
    private readonly DateOnly? notAfter;
    private readonly int headerWidth;
    private readonly char delimiter;
    private readonly Dictionary<string, int> slotByName;
    private readonly CellParser parser;
    private readonly int metadataAt;
    private readonly (TimestampOrder Order, int Earlier, int Later)[] durations;

    public RowConverter(
        ExportSchema schema, HeaderMapping mapping, int headerWidth, char delimiter,
        FileConventions conventions, ZoneClock clock, DateOnly? notAfter,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? valueMapping = null)
    {
        this.schema = schema;
        this.conventions = conventions;
        this.clock = clock;
        this.notAfter = notAfter;
        this.headerWidth = headerWidth;
        this.delimiter = delimiter;
        Columns = CuratedColumns.For(schema);
        var output = 0;
        slots = new Slot[schema.Columns.Count];
        for (var i = 0; i < slots.Length; i++)
        {
            var column = schema.Columns[i];
            slots[i] = new Slot(
                column, mapping.ColumnIndexes.TryGetValue(column.Name, out var at) ? at : -1, output, valueMapping?.GetValueOrDefault(column.Name));
            output += column.Type is ColumnType.Timestamp or ColumnType.Sentiment ? 2 : 1;
        }

        metadataAt = output;
        slotByName = slots.Select((s, i) => (s.Column.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        parser = new CellParser(schema.Kind);
        durations = [.. schema.TimestampOrders.Select(o => (o, slotByName[o.Earlier], slotByName[o.Later]))];
    }

    public IReadOnlyList<CuratedColumn> Columns { get; }

    /// <summary>Where <c>_ingestion_id</c>, <c>_line</c> and <c>_ingested_at</c> start in a row.</summary>
    public int MetadataAt => metadataAt;

    /// <summary>Fills <paramref name="values"/>; false (with one entry per bad cell) when the row is rejected.</summary>
    public bool TryConvert(SourceRecord record, object?[] values, List<RejectedRow> errors)
    {
        errors.Clear();
        var fields = record.Fields;
        // A workbook row simply ends at its last non-empty cell, so only text rows can be short.
        var shortWorkbookRow = delimiter == '\0' && fields.Length < headerWidth;
        if (fields.Length != headerWidth && !shortWorkbookRow && !OnlyBlankExtras(fields))
        {
            errors.Add(new RejectedRow(
                record.Line, "*", string.Join(delimiter == '\0' ? ',' : delimiter, fields),
                $"row has {fields.Length} fields, the header has {headerWidth}"));
            return false;
        }

        Span<(DateTime Local, DateTime Utc, bool DateOnly, bool Present)> times =
            stackalloc (DateTime, DateTime, bool, bool)[slots.Length];
        for (var index = 0; index < slots.Length; index++)
        {
            var slot = slots[index];
            var raw = slot.Source >= 0 && slot.Source < fields.Length ? fields[slot.Source].Trim() : string.Empty;
            if (raw.Length > 0 && slot.Values is { } map && map.TryGetValue(raw, out var mapped))
            {
                // mapping.json's values apply before validation: the mapped value is read as if the file had it.
                raw = mapped;
            }

            values[slot.Output] = null;
            if (slot.Column.Type is ColumnType.Timestamp or ColumnType.Sentiment)
            {
                values[slot.Output + 1] = null;
            }

            if (raw.Length == 0)
            {
                if (slot.Column.Required)
                {
                    errors.Add(new RejectedRow(record.Line, slot.Column.Name, null, $"{slot.Column.Name} is required but empty"));
                }
                else if (slot.Column.Name == "status" && schema.Kind == ExportKind.Orders)
                {
                    values[slot.Output] = OrderStatuses.Completed;
                }

                continue;
            }

            if (slot.Column.Type == ColumnType.Timestamp)
            {
                if (!TimestampParser.TryParse(raw, conventions.DateOrder, out var parsed))
                {
                    errors.Add(new RejectedRow(record.Line, slot.Column.Name, raw, $"{slot.Column.Name} '{raw}' is not a date"));
                    continue;
                }

                if (parsed.Clock.Year is < MinYear or > MaxYear)
                {
                    errors.Add(new RejectedRow(
                        record.Line, slot.Column.Name, raw, $"{slot.Column.Name} '{raw}' is outside the years {MinYear}-{MaxYear}"));
                    continue;
                }

                var (local, utc) = clock.Resolve(parsed);
                if (notAfter is { } limit && !slot.Column.MayBeAhead && DateOnly.FromDateTime(local) > limit)
                {
                    errors.Add(new RejectedRow(
                        record.Line, slot.Column.Name, raw,
                        $"{slot.Column.Name} {local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is in the future (after {limit.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})"));
                    continue;
                }

                values[slot.Output] = local;
                values[slot.Output + 1] = utc;
                times[index] = (local, utc, parsed.IsDateOnly, true);
                continue;
            }

            var separator = record.IsTyped(slot.Source) ? DecimalSeparator.Point : conventions.Decimal;
            if (parser.TryParse(slot.Column, raw, separator, values, slot.Output, out var reason))
            {
                continue;
            }

            errors.Add(new RejectedRow(record.Line, slot.Column.Name, raw, reason!));
        }

        CheckDurations(record, fields, times, errors);
        if (errors.Count == 0)
        {
            CheckKindRules(record, fields, values, errors);
        }

        return errors.Count == 0;
    }

    private void CheckDurations(
        SourceRecord record, string[] fields, ReadOnlySpan<(DateTime Local, DateTime Utc, bool DateOnly, bool Present)> times,
        List<RejectedRow> errors)
    {
        foreach (var (order, earlierSlot, laterSlot) in durations)
        {
            var earlier = times[earlierSlot];
            var later = times[laterSlot];
            if (!earlier.Present || !later.Present)
            {
                continue;
            }

            var dateOnly = earlier.DateOnly || later.DateOnly;
            var negative = dateOnly && !order.Exact
                ? later.Local.Date < earlier.Local.Date
                : later.Utc < earlier.Utc;
            if (negative)
            {
                var laterRaw = Raw(fields, order.Later);
                var midnight = dateOnly && later.Local.Date == earlier.Local.Date ? " (a date without a time is midnight)" : string.Empty;
                errors.Add(new RejectedRow(
                    record.Line, order.Later, laterRaw,
                    $"{order.Later} {laterRaw} is before {order.Earlier} {Raw(fields, order.Earlier)}{midnight}"));
            }
        }
    }

    private void CheckKindRules(SourceRecord record, string[] fields, object?[] values, List<RejectedRow> errors)
    {
        if (schema.Kind == ExportKind.Surveys && values[Output("score")] is double score
            && SurveyScale.Find(values[Output("survey")] as string) is { } scale && scale.Check(score) is { } reason)
        {
            errors.Add(new RejectedRow(record.Line, "score", Raw(fields, "score"), reason));
        }

        if (schema.Kind == ExportKind.Onboarding && values[Output("steps_completed")] is double done
            && values[Output("steps_total")] is double total && done > total)
        {
            errors.Add(new RejectedRow(
                record.Line, "steps_completed", Raw(fields, "steps_completed"),
                $"steps_completed {Raw(fields, "steps_completed")} is more than steps_total {Raw(fields, "steps_total")}"));
        }
    }

    private int Output(string name) => slots[slotByName[name]].Output;

    private string? Raw(string[] fields, string name)
    {
        var source = slots[slotByName[name]].Source;
        return source >= 0 && source < fields.Length ? fields[source].Trim() : null;
    }

    private bool OnlyBlankExtras(string[] fields) =>
        fields.Length > headerWidth && fields.Skip(headerWidth).All(string.IsNullOrWhiteSpace);

    private readonly record struct Slot(
        CanonicalColumn Column, int Source, int Output, IReadOnlyDictionary<string, string>? Values);
}

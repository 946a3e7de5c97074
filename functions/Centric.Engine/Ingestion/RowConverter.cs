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

    /// <summary>Fills <paramref name="row"/> of <paramref name="batch"/>; false (with one entry per bad cell) when the
    /// row is rejected. Cells are read as spans: a string is made of one only for a reject.</summary>
    public bool TryConvert(FieldRow fields, CuratedBatch batch, int row, List<RejectedRow> errors)
    {
        errors.Clear();
        // A workbook row simply ends at its last non-empty cell, so only text rows can be short.
        var shortWorkbookRow = delimiter == '\0' && fields.Count < headerWidth;
        if (fields.Count != headerWidth && !shortWorkbookRow && !OnlyBlankExtras(fields))
        {
            errors.Add(new RejectedRow(
                fields.Line, "*", fields.Join(delimiter == '\0' ? ',' : delimiter),
                $"row has {fields.Count} fields, the header has {headerWidth}"));
            return false;
        }

        Span<(DateTime Local, DateTime Utc, bool DateOnly, bool Present)> times =
            stackalloc (DateTime, DateTime, bool, bool)[slots.Length];
        for (var index = 0; index < slots.Length; index++)
        {
            var slot = slots[index];
            var raw = slot.Source >= 0 && slot.Source < fields.Count ? fields[slot.Source].Trim() : [];
            if (raw.Length > 0 && slot.Values is { } map && map.TryGetValue(raw.ToString(), out var mapped))
            {
                // mapping.json's values apply before validation: the mapped value is read as if the file had it.
                raw = mapped;
            }

            batch.SetNull(row, slot.Output);
            if (slot.Column.Type is ColumnType.Timestamp or ColumnType.Sentiment)
            {
                batch.SetNull(row, slot.Output + 1);
            }

            if (raw.Length == 0)
            {
                if (slot.Column.Required)
                {
                    errors.Add(new RejectedRow(fields.Line, slot.Column.Name, null, $"{slot.Column.Name} is required but empty"));
                }
                else if (slot.Column.Name == "status" && schema.Kind == ExportKind.Orders)
                {
                    batch.SetText(row, slot.Output, OrderStatuses.Completed);
                }

                continue;
            }

            if (slot.Column.Type == ColumnType.Timestamp)
            {
                if (!TimestampParser.TryParse(raw, conventions.DateOrder, out var parsed))
                {
                    errors.Add(new RejectedRow(fields.Line, slot.Column.Name, raw.ToString(), $"{slot.Column.Name} '{raw}' is not a date"));
                    continue;
                }

                if (parsed.Clock.Year is < MinYear or > MaxYear)
                {
                    errors.Add(new RejectedRow(
                        fields.Line, slot.Column.Name, raw.ToString(), $"{slot.Column.Name} '{raw}' is outside the years {MinYear}-{MaxYear}"));
                    continue;
                }

                var (local, utc) = clock.Resolve(parsed);
                if (notAfter is { } limit && !slot.Column.MayBeAhead && DateOnly.FromDateTime(local) > limit)
                {
                    errors.Add(new RejectedRow(
                        fields.Line, slot.Column.Name, raw.ToString(),
                        $"{slot.Column.Name} {local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is in the future (after {limit.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})"));
                    continue;
                }

                batch.SetTimestamp(row, slot.Output, local);
                batch.SetTimestamp(row, slot.Output + 1, utc);
                times[index] = (local, utc, parsed.IsDateOnly, true);
                continue;
            }

            var separator = fields.IsTyped(slot.Source) ? DecimalSeparator.Point : conventions.Decimal;
            if (parser.TryParse(slot.Column, raw, separator, batch, row, slot.Output, out var reason))
            {
                continue;
            }

            errors.Add(new RejectedRow(fields.Line, slot.Column.Name, raw.ToString(), reason!));
        }

        CheckDurations(fields, times, errors);
        if (errors.Count == 0)
        {
            CheckKindRules(fields, batch, row, errors);
        }

        return errors.Count == 0;
    }

    private void CheckDurations(
        FieldRow fields, ReadOnlySpan<(DateTime Local, DateTime Utc, bool DateOnly, bool Present)> times,
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
                    fields.Line, order.Later, laterRaw,
                    $"{order.Later} {laterRaw} is before {order.Earlier} {Raw(fields, order.Earlier)}{midnight}"));
            }
        }
    }

    private void CheckKindRules(FieldRow fields, CuratedBatch batch, int row, List<RejectedRow> errors)
    {
        if (schema.Kind == ExportKind.Surveys && batch.Double(row, Output("score")) is { } score
            && SurveyScale.Find(batch.TextOrNull(row, Output("survey"))) is { } scale && scale.Check(score) is { } reason)
        {
            errors.Add(new RejectedRow(fields.Line, "score", Raw(fields, "score"), reason));
        }

        if (schema.Kind == ExportKind.Onboarding && batch.Double(row, Output("steps_completed")) is { } done
            && batch.Double(row, Output("steps_total")) is { } total && done > total)
        {
            errors.Add(new RejectedRow(
                fields.Line, "steps_completed", Raw(fields, "steps_completed"),
                $"steps_completed {Raw(fields, "steps_completed")} is more than steps_total {Raw(fields, "steps_total")}"));
        }
    }

    private int Output(string name) => slots[slotByName[name]].Output;

    private string? Raw(FieldRow fields, string name)
    {
        var source = slots[slotByName[name]].Source;
        return source >= 0 && source < fields.Count ? fields[source].Trim().ToString() : null;
    }

    private bool OnlyBlankExtras(FieldRow fields)
    {
        if (fields.Count <= headerWidth)
        {
            return false;
        }

        for (var i = headerWidth; i < fields.Count; i++)
        {
            if (!fields[i].IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct Slot(
        CanonicalColumn Column, int Source, int Output, IReadOnlyDictionary<string, string>? Values);
}

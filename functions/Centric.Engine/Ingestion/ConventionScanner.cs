using Centric.Domain.Datasets;
using Centric.Domain.Exports;

namespace Centric.Engine.Ingestion;

/// <summary>
/// Decides a file's decimal separator and day/month order from its values.
/// <para>Decimal separator: the dataset setting when not <c>auto</c>; else the majority of values that tell
/// (<see cref="NumberParser.Evidence"/>); else comma for a <c>;</c>-delimited file; else point.</para>
/// <para>Day/month order: the dataset setting when not <c>auto</c>; else the file's dates that tell (a first
/// field above 12 means day first, a second field above 12 month first; the majority wins and the other rows are
/// rejected); else, when every day/month date is ambiguous, day first if the file looks European (comma
/// decimals, <c>;</c> delimiter, or Spanish/Italian headers) and month first otherwise.</para>
/// The scan stops once both questions are settled by enough evidence.
/// </summary>
internal static class ConventionScanner
{
    private const int Enough = 1000;

    /// <summary>The source columns <see cref="Scan"/> reads: the numeric ones when the decimal separator is
    /// <c>auto</c>, the timestamps when the date order is.</summary>
    public static IReadOnlyCollection<int> ColumnsRead(ExportSchema schema, HeaderMapping mapping, DatasetSettings settings)
    {
        var numeric = settings.DecimalSeparator == DecimalSeparator.Auto
            ? Indexes(schema, mapping, ColumnType.Money, ColumnType.Rate, ColumnType.Number, ColumnType.Sentiment)
            : [];
        var dates = settings.DateOrder == DateOrder.Auto ? Indexes(schema, mapping, ColumnType.Timestamp) : [];
        return [.. numeric.Concat(dates).Distinct()];
    }

    public static FileConventions Scan(
        IEnumerable<SourceRecord> rows,
        ExportSchema schema,
        HeaderMapping mapping,
        DatasetSettings settings,
        char delimiter,
        CancellationToken cancellationToken)
    {
        var numeric = Indexes(schema, mapping, ColumnType.Money, ColumnType.Rate, ColumnType.Number, ColumnType.Sentiment);
        var dates = Indexes(schema, mapping, ColumnType.Timestamp);
        var needDecimal = settings.DecimalSeparator == DecimalSeparator.Auto && numeric.Length > 0;
        var needOrder = settings.DateOrder == DateOrder.Auto && dates.Length > 0;
        int point = 0, comma = 0, dayFirst = 0, monthFirst = 0, ambiguous = 0;

        foreach (var row in rows)
        {
            if (!(needDecimal && point + comma < Enough) && !(needOrder && dayFirst + monthFirst < Enough))
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            foreach (var i in needDecimal ? numeric : [])
            {
                if (i < row.Fields.Length && !row.IsTyped(i))
                {
                    var evidence = NumberParser.Evidence(row.Fields[i]);
                    point += evidence == DecimalSeparator.Point ? 1 : 0;
                    comma += evidence == DecimalSeparator.Comma ? 1 : 0;
                }
            }

            foreach (var i in needOrder ? dates : [])
            {
                if (i < row.Fields.Length)
                {
                    switch (TimestampParser.Inspect(row.Fields[i]))
                    {
                        case DayMonthEvidence.DayFirst: dayFirst++; break;
                        case DayMonthEvidence.MonthFirst: monthFirst++; break;
                        case DayMonthEvidence.Ambiguous: ambiguous++; break;
                        default: break;
                    }
                }
            }
        }

        var separator = settings.DecimalSeparator != DecimalSeparator.Auto ? settings.DecimalSeparator
            : comma > point ? DecimalSeparator.Comma
            : point > comma ? DecimalSeparator.Point
            : delimiter == ';' ? DecimalSeparator.Comma
            : DecimalSeparator.Point;

        if (settings.DateOrder != DateOrder.Auto)
        {
            return new FileConventions(separator, settings.DateOrder, Label(settings.DateOrder));
        }

        if (dayFirst + monthFirst + ambiguous == 0)
        {
            return new FileConventions(separator, DateOrder.Dmy, "ymd");
        }

        var european = separator == DecimalSeparator.Comma || delimiter == ';' || mapping.UsesEuropeanNames;
        var order = dayFirst > monthFirst ? DateOrder.Dmy
            : monthFirst > dayFirst ? DateOrder.Mdy
            : european ? DateOrder.Dmy
            : DateOrder.Mdy;
        return new FileConventions(separator, order, Label(order));
    }

    private static string Label(DateOrder order) => order == DateOrder.Mdy ? "mdy" : "dmy";

    private static int[] Indexes(ExportSchema schema, HeaderMapping mapping, params ColumnType[] types) =>
        schema.Columns
            .Where(c => types.Contains(c.Type) && mapping.ColumnIndexes.ContainsKey(c.Name))
            .Select(c => mapping.ColumnIndexes[c.Name])
            .ToArray();
}

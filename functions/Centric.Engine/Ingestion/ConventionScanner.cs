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
/// The scan stops once both questions are settled by enough evidence. A file whose first rows do not settle them
/// (dates all ISO, say) is not read twice: the rows the first pass leaves are observed while they are converted
/// (see <see cref="Evidence"/>), and the file is converted again only if they change the conventions.
/// </summary>
internal static class ConventionScanner
{
    private const int Enough = 1000;

    /// <summary>Evidence from <paramref name="rows"/> until it settles both questions, or at most
    /// <paramref name="limit"/> rows; <paramref name="observed"/> is how many rows were looked at.</summary>
    public static Evidence Scan(
        IEnumerable<FieldRow> rows,
        ExportSchema schema,
        HeaderMapping mapping,
        DatasetSettings settings,
        int limit,
        out long observed,
        CancellationToken cancellationToken)
    {
        var evidence = new Evidence(schema, mapping, settings);
        observed = 0;
        foreach (var row in rows)
        {
            if (evidence.Settled || observed == limit)
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            evidence.Observe(row);
            observed++;
        }

        return evidence;
    }

    /// <summary>What the rows seen so far say about the decimal separator and the day/month order. A row observed
    /// once the evidence is <see cref="Settled"/> changes nothing, so observing every row of a file gives the same
    /// conventions as observing rows until it settles.</summary>
    internal sealed class Evidence(ExportSchema schema, HeaderMapping mapping, DatasetSettings settings)
    {
        private readonly int[] numeric = Indexes(schema, mapping, ColumnType.Money, ColumnType.Rate, ColumnType.Number, ColumnType.Sentiment);
        private readonly int[] dates = Indexes(schema, mapping, ColumnType.Timestamp);
        private int point, comma, dayFirst, monthFirst, ambiguous;

        private bool NeedDecimal => settings.DecimalSeparator == DecimalSeparator.Auto && numeric.Length > 0;

        private bool NeedOrder => settings.DateOrder == DateOrder.Auto && dates.Length > 0;

        /// <summary>True once enough values have told both conventions (or they are set): later rows are not looked at.</summary>
        public bool Settled => !(NeedDecimal && point + comma < Enough) && !(NeedOrder && dayFirst + monthFirst < Enough);

        public void Observe(FieldRow row)
        {
            if (Settled)
            {
                return;
            }

            foreach (var i in NeedDecimal ? numeric : [])
            {
                if (i < row.Count && !row.IsTyped(i))
                {
                    var evidence = NumberParser.Evidence(row[i]);
                    point += evidence == DecimalSeparator.Point ? 1 : 0;
                    comma += evidence == DecimalSeparator.Comma ? 1 : 0;
                }
            }

            foreach (var i in NeedOrder ? dates : [])
            {
                if (i < row.Count)
                {
                    switch (TimestampParser.Inspect(row[i]))
                    {
                        case DayMonthEvidence.DayFirst: dayFirst++; break;
                        case DayMonthEvidence.MonthFirst: monthFirst++; break;
                        case DayMonthEvidence.Ambiguous: ambiguous++; break;
                        default: break;
                    }
                }
            }
        }

        /// <summary>The conventions the evidence so far gives a file with <paramref name="delimiter"/>.</summary>
        public FileConventions Decide(char delimiter)
        {
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
    }

    private static string Label(DateOrder order) => order == DateOrder.Mdy ? "mdy" : "dmy";

    private static int[] Indexes(ExportSchema schema, HeaderMapping mapping, params ColumnType[] types) =>
        schema.Columns
            .Where(c => types.Contains(c.Type) && mapping.ColumnIndexes.ContainsKey(c.Name))
            .Select(c => mapping.ColumnIndexes[c.Name])
            .ToArray();
}

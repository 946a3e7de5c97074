using System.Globalization;
using System.Text;
using Centric.Domain.Exports;
using Centric.Testing;

namespace Centric.Engine.Tests.Ingestion;

/// <summary>
/// A file far larger than the reader's 64 KiB block and the appender's 2,048-row batches, with bad cells spread over
/// both boundaries, every line ending, quoted line breaks and a line longer than a block: the curated rows and the
/// rejects are exactly those the file was written to give, in file order, with their physical lines.
/// </summary>
public sealed class LargeFileIngestionTests : IDisposable
{
    private const int Rows = 30_000;
    private const int LongRow = 12_345;
    private readonly IngestionScratch scratch = new();

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Orders_ManyBadCellsOverBlockAndBatchBoundaries_GiveTheExpectedRowsAndRejects()
    {
        var text = new StringBuilder("order_id,customer_id,order_date,amount,currency,status,shipped_at,delivered_at\n");
        var accepted = new List<(string Id, string Customer, DateTime Date, decimal Amount, string Currency, string Status, long Line)>();
        var rejects = new List<string[]>();
        long line = 2;
        for (var i = 1; i <= Rows; i++)
        {
            var id = i switch
            {
                LongRow => "O" + new string('x', 70_000),
                _ when i % 1000 == 500 => $"O{i}\nsecond line",
                _ => $"O{i}",
            };
            var customer = i % 1500 == 7 || i % 4099 == 0 ? string.Empty : $"C{i % 700}";
            var date = new DateTime(2025, 1, 1).AddDays(i % 365);
            var dateText = i % 2048 is 0 or 1 ? "2025-13-01" : Day(date);
            var cents = i % 10_000;
            var amountText = i % 997 == 0 || i % 4099 == 0 ? "12.3x" : (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
            var currency = i % 3001 == 5 || i % 4099 == 0 ? "EURO" : i % 2 == 0 ? "usd" : "EUR";
            var status = (i % 4) switch { 0 => string.Empty, 1 => "Shipped", 2 => "refunded", _ => "Cancelado" };
            var (shipped, delivered) = i % 1777 == 0 ? (Day(date.AddDays(5)), Day(date.AddDays(2))) : (string.Empty, string.Empty);
            var extra = i % 2500 == 3 ? ",x" : string.Empty;
            var quotedId = id.Contains('\n', StringComparison.Ordinal) ? $"\"{id}\"" : id;
            var fields = $"{quotedId},{customer},{dateText},{amountText},{currency},{status},{shipped},{delivered}{extra}";
            text.Append(fields).Append((i % 3) switch { 0 => "\r\n", 1 => "\n", _ => "\r" });

            var errors = new List<string[]>();
            var at = line.ToString(CultureInfo.InvariantCulture);
            if (extra.Length > 0)
            {
                errors.Add([at, "*", fields, "row has 9 fields, the header has 8"]);
            }
            else
            {
                if (customer.Length == 0)
                {
                    errors.Add([at, "customer_id", string.Empty, "customer_id is required but empty"]);
                }

                if (dateText != Day(date))
                {
                    errors.Add([at, "order_date", dateText, $"order_date '{dateText}' is not a date"]);
                }

                if (amountText == "12.3x")
                {
                    errors.Add([at, "amount", amountText, "amount '12.3x' is not a number (decimal separator '.')"]);
                }

                if (currency == "EURO")
                {
                    errors.Add([at, "currency", currency, "currency 'EURO' is not an ISO 4217 currency code"]);
                }

                if (shipped.Length > 0)
                {
                    errors.Add([at, "delivered_at", delivered, $"delivered_at {delivered} is before shipped_at {shipped}"]);
                }
            }

            if (errors.Count == 0)
            {
                var normal = (i % 4) switch { 0 or 1 => "completed", 2 => "refunded", _ => "cancelled" };
                accepted.Add((id, customer, date, cents / 100m, currency.ToUpperInvariant(), normal, line));
            }

            rejects.AddRange(errors);
            line += id.Count(c => c == '\n') + 1;
        }

        // The last line has no line break.
        text.Length -= text[^1] == '\n' && text[^2] == '\r' ? 2 : 1;
        var path = scratch.WriteText("orders.csv", text.ToString());

        var result = scratch.Ingest(path, ExportKind.Orders);

        Assert.Equal(Rows, result.RowsRead);
        Assert.Equal(accepted.Count, result.Accepted);
        Assert.Equal(Rows - accepted.Count, result.Rejected);
        Assert.True(result.Rejected > 50, "the file has bad rows on many blocks and batches");
        var curated = scratch.Query(
            "SELECT order_id, customer_id, order_date, amount, currency, status, _line, order_date_utc FROM curated ORDER BY _line");
        Assert.Equal(accepted.Count, curated.Count);
        for (var r = 0; r < accepted.Count; r++)
        {
            var (id, customer, date, amount, currency, status, at) = accepted[r];
            Assert.Equal(new object?[] { id, customer, date, amount, currency, status, at, date }, curated[r]);
        }

        var listed = CsvTable.Parse(File.ReadAllText(scratch.RejectsPath));
        Assert.Equal(["line", "column", "value", "reason"], listed[0]);
        Assert.Equal(rejects.Count, listed.Count - 1);
        for (var r = 0; r < rejects.Count; r++)
        {
            Assert.Equal(rejects[r], listed[r + 1]);
        }
    }

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void Orders_BlankLinesBeforeTheHeaderAndAmbiguousRowsFirst_SettleConventionsFromTheLaterRows()
    {
        // The first 1,500 rows tell nothing (ambiguous day/month, amounts with three decimals after one digit); the rows
        // after them say comma decimals and day first. The header comes after blank and whitespace-only lines.
        var text = new StringBuilder(";;;;\n\n  ;\t\norder_id;customer_id;order_date;amount;currency;status\n");
        for (var i = 1; i <= 1500; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"A{i};C1;03/04/2026;1.234;EUR;paid\n");
        }

        text.Append("B1;C2;25/04/2026;12,5;EUR;paid\n").Append("B2;C3;13/05/2026;1.234,56;EUR;paid\n");

        var result = scratch.IngestText("orders.csv", text.ToString());

        Assert.Equal(',', result.Format!.DecimalSeparator);
        Assert.Equal("dmy", result.Format.DateOrder);
        Assert.Equal(1502, result.Accepted);
        var rows = scratch.Query("SELECT order_id, CAST(order_date AS DATE), amount, _line FROM curated ORDER BY _line");
        Assert.Equal(["A1", new DateOnly(2026, 4, 3), 1234m, 5L], rows[0]);
        Assert.Equal(["B1", new DateOnly(2026, 4, 25), 12.5m, 1505L], rows[1500]);
        Assert.Equal(["B2", new DateOnly(2026, 5, 13), 1234.56m, 1506L], rows[1501]);
    }
}

using System.Globalization;
using System.Text;
using Centric.Engine.DuckDb;

namespace Centric.Engine.Tests.DuckDb;

/// <summary>
/// The chunk reader gives the values DuckDB.NET's data reader gives for the same query, cell by cell: the reader is
/// the independent method here.
/// </summary>
public sealed class ResultChunkTests
{
    /// <summary>
    /// Every type a curated read returns, with nulls in each, negative and large decimals, texts inlined (12 bytes or
    /// fewer) and not, non-ASCII text, decimals past 64 bits, dates before and after 1970, and more rows than one chunk
    /// holds.
    /// </summary>
    private const string Query = """
        SELECT
            CASE WHEN i % 7 = 0 THEN NULL ELSE (i - 5000) * 1234567 END::BIGINT AS whole,
            CASE WHEN i % 11 = 0 THEN NULL ELSE (i - 5000) * 3.25 + 0.0625 END::DOUBLE AS real,
            CASE WHEN i % 13 = 0 THEN NULL ELSE ((i - 5000) * 98765432.1234)::DECIMAL(18,4) END AS money,
            CASE WHEN i % 17 = 0 THEN NULL ELSE ((i - 5000) / 3.0)::DECIMAL(18,8) END AS rate,
            CASE WHEN i % 19 = 0 THEN NULL WHEN i % 3 = 0 THEN 'c' || i WHEN i % 3 = 1 THEN 'a longer text, row ' || i ELSE 'Zürich €' || i END AS text,
            CASE WHEN i % 5 = 0 THEN NULL ELSE (i % 100)::INTEGER END AS small,
            (i * 2.5)::DECIMAL(9,2) AS narrow,
            epoch_us(TIMESTAMP '2024-02-29 13:45:06.123456' + to_microseconds(i * 1000003)) AS micros,
            CASE WHEN i % 23 = 0 THEN NULL ELSE ((i - 2500) * 123456789012345678901.2345)::DECIMAL(38,4) END AS wide,
            DATE '1969-12-25' + (i - 2500)::INTEGER AS day
        FROM range(5000) t(i)
        ORDER BY i
        """;

    [Fact]
    public void EveryCell_IsTheDataReadersValue_AcrossChunks()
    {
        using var db = new DuckDbSession();
        var expected = db.Rows(Query, r => Enumerable.Range(0, r.FieldCount).Select(f => r.IsDBNull(f) ? null : r.GetValue(f)).ToArray());

        var actual = new List<object?[]>();
        var chunks = 0;
        db.Chunks(Query, chunk =>
        {
            chunks++;
            for (var row = 0; row < chunk.Count; row++)
            {
                actual.Add(
                [
                    chunk.IsNull(0, row) ? null : chunk.WholeNumber(0, row),
                    chunk.IsNull(1, row) ? null : chunk.Real(1, row),
                    chunk.IsNull(2, row) ? null : chunk.Exact(2, row),
                    chunk.IsNull(3, row) ? null : chunk.Exact(3, row),
                    chunk.IsNull(4, row) ? null : Encoding.UTF8.GetString(chunk.Utf8(4, row)),
                    chunk.IsNull(5, row) ? null : (int)chunk.WholeNumber(5, row),
                    chunk.IsNull(6, row) ? null : chunk.Exact(6, row),
                    chunk.IsNull(7, row) ? null : chunk.WholeNumber(7, row),
                    chunk.IsNull(8, row) ? null : chunk.Exact(8, row),
                    chunk.IsNull(9, row) ? null : chunk.Date(9, row),
                ]);
            }
        });

        Assert.True(chunks >= 3, $"{chunks} chunk(s): the query should span several");
        Assert.Equal(expected.Count, actual.Count);
        for (var row = 0; row < expected.Count; row++)
        {
            for (var field = 0; field < expected[row].Length; field++)
            {
                // Decimals compare with their scale: 12.5000 and 12.5 are equal numbers but print differently.
                Assert.Equal(Show(expected[row][field]), Show(actual[row][field]));
            }
        }

        Assert.Contains(actual, r => r[2] is decimal m && m < 0);
        Assert.Contains(actual, r => r[8] is decimal w && Math.Abs(w) > long.MaxValue);
        Assert.Contains(actual, r => r[4] is string t && t.Contains('€', StringComparison.Ordinal));
    }

    [Fact]
    public void NumbersRead_AsTheReadersConversions()
    {
        using var db = new DuckDbSession();
        const string sql = "SELECT 42::INTEGER, (-12.5)::DECIMAL(18,4), 7::SMALLINT, 0.1::DOUBLE";
        var expected = db.Rows(sql, r => (
            Convert.ToDouble(r.GetValue(0), CultureInfo.InvariantCulture),
            Convert.ToDouble(r.GetValue(1), CultureInfo.InvariantCulture),
            Convert.ToDecimal(r.GetValue(2), CultureInfo.InvariantCulture),
            Convert.ToDecimal(r.GetValue(3), CultureInfo.InvariantCulture)))[0];

        (double, double, decimal, decimal) actual = default;
        db.Chunks(sql, chunk => actual = (chunk.Real(0, 0), chunk.Real(1, 0), chunk.Exact(2, 0), chunk.Exact(3, 0)));

        Assert.Equal(expected, actual);
        Assert.Equal("-12.5", actual.Item2.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AFieldReadAsAnotherType_IsRefusedNamingItsType()
    {
        using var db = new DuckDbSession();

        var error = Assert.Throws<InvalidOperationException>(() => db.Chunks("SELECT 'x' AS t", chunk => chunk.WholeNumber(0, 0)));

        Assert.Contains("Varchar", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailingQuery_ThrowsDuckDbsMessage()
    {
        using var db = new DuckDbSession();

        var error = Assert.Throws<InvalidOperationException>(() => db.Chunks("SELECT * FROM no_such_table", _ => { }));

        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyResult_HandsOverNoChunk()
    {
        using var db = new DuckDbSession();
        var chunks = 0;

        db.Chunks("SELECT 1 WHERE false", _ => chunks++);

        Assert.Equal(0, chunks);
    }

    [Fact]
    public void Work_CountsTheRowsEveryReadHandsOver_AndTheTimeDuckDbTakes()
    {
        using var db = new DuckDbSession();
        var before = db.Work;

        db.Chunks(Query, _ => { });
        var afterChunks = db.Work;
        _ = db.Rows("SELECT i FROM range(3) t(i)", r => r.GetInt64(0));
        var afterRows = db.Work;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        db.Execute("CREATE TABLE t AS SELECT sum(i * i) AS s FROM range(30000000) t(i)");
        var elapsed = watch.Elapsed;
        var after = db.Work;

        Assert.Equal(5000, afterChunks.RowsOut - before.RowsOut);
        Assert.Equal(5003, after.RowsOut - before.RowsOut);
        var statement = after.InDuckDb - afterRows.InDuckDb;
        Assert.InRange(statement, elapsed / 2, elapsed);
    }

    private static string? Show(object? value) => value switch
    {
        null => null,
        decimal d => "decimal " + d.ToString(CultureInfo.InvariantCulture),
        double d => "double " + d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => value.GetType().Name + " " + f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.GetType().Name + " " + value,
    };
}

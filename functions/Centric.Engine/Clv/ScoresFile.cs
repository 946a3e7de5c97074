using DuckDB.NET.Data;
using Centric.Engine.DuckDb;

namespace Centric.Engine.Clv;

/// <summary>Per-customer scores of a generation as Parquet (<c>scores/{dataset}/{generation}.parquet</c>).</summary>
public static class ScoresFile
{
    private const string Columns =
        "customer_id VARCHAR, frequency INTEGER, recency DOUBLE, age DOUBLE, monetary_value DECIMAL(18,4), p_alive DOUBLE, " +
        "expected_purchases DOUBLE, expected_spend DECIMAL(18,4), clv DECIMAL(18,4), tier VARCHAR";

    public static void Write(IReadOnlyList<CustomerScoreRow> rows, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, $"CREATE TABLE scores ({Columns})");
        using (var appender = connection.CreateAppender("scores"))
        {
            foreach (var r in rows)
            {
                var row = appender.CreateRow().AppendValue(r.CustomerId).AppendValue(r.Frequency).AppendValue(r.Recency).AppendValue(r.Age)
                    .AppendValue(Math.Round(r.MonetaryValue, 4));
                row = r.PAlive is { } alive ? row.AppendValue(alive) : row.AppendNullValue();
                row = r.ExpectedPurchases is { } purchases ? row.AppendValue(purchases) : row.AppendNullValue();
                row = r.ExpectedSpend is { } spend ? row.AppendValue(Math.Round(spend, 4)) : row.AppendNullValue();
                row = r.Clv is { } clv ? row.AppendValue(Math.Round(clv, 4)) : row.AppendNullValue();
                row = r.Tier is { } tier ? row.AppendValue(tier) : row.AppendNullValue();
                row.EndRow();
            }
        }

        Execute(connection, $"COPY scores TO {DuckDbSession.Literal(path)} (FORMAT parquet)");
    }

    /// <summary>One customer's scores, or null when the customer has none in the file.</summary>
    public static CustomerScoreRow? Find(string path, string customerId)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM read_parquet({DuckDbSession.Literal(path)}) WHERE customer_id = $id";
        command.Parameters.Add(new DuckDBParameter("id", customerId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? Row(reader) : null;
    }

    /// <summary>Every customer's scores, in customer id order.</summary>
    public static IReadOnlyList<CustomerScoreRow> ReadAll(string path)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM read_parquet({DuckDbSession.Literal(path)}) ORDER BY customer_id";
        using var reader = command.ExecuteReader();
        var rows = new List<CustomerScoreRow>();
        while (reader.Read())
        {
            rows.Add(Row(reader));
        }

        return rows;
    }

    private static CustomerScoreRow Row(System.Data.Common.DbDataReader reader) =>
        new(
            reader.GetString(0), reader.GetInt32(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDecimal(4),
            reader.IsDBNull(5) ? null : reader.GetDouble(5),
            reader.IsDBNull(6) ? null : reader.GetDouble(6),
            reader.IsDBNull(7) ? null : reader.GetDecimal(7),
            reader.IsDBNull(8) ? null : reader.GetDecimal(8),
            reader.IsDBNull(9) ? null : reader.GetString(9));

    /// <summary>
    /// Customers per P(alive) bin and CLV tier: bin i holds [i/bins, (i+1)/bins), the last one 1 too. Customers without a
    /// P(alive) are left out.
    /// </summary>
    public static IReadOnlyList<PAliveCount> PAliveHistogram(string path, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT least(CAST(floor(p_alive * $bins) AS INTEGER), $bins - 1) AS bin, tier, CAST(count(*) AS INTEGER) " +
            $"FROM read_parquet({DuckDbSession.Literal(path)}) WHERE p_alive IS NOT NULL GROUP BY ALL ORDER BY ALL";
        command.Parameters.Add(new DuckDBParameter("bins", bins));
        using var reader = command.ExecuteReader();
        var counts = new List<PAliveCount>();
        while (reader.Read())
        {
            counts.Add(new PAliveCount(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2)));
        }

        return counts;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

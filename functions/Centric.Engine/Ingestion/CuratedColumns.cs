using Centric.Domain.Exports;

namespace Centric.Engine.Ingestion;

/// <summary>
/// The curated Parquet schema of a kind (a contract with the compute engine): every canonical column, present
/// or not in the file; a timestamp <c>X</c> as local wall-clock <c>X</c> plus instant <c>X_utc</c>; sentiment plus
/// <c>sentiment_label</c>; then <c>_ingestion_id</c>, <c>_line</c>, <c>_ingested_at</c>.
/// </summary>
public static class CuratedColumns
{
    public const string Varchar = "VARCHAR";
    public const string Money = "DECIMAL(18,4)";
    public const string Rate = "DECIMAL(18,8)";
    public const string Real = "DOUBLE";
    public const string Timestamp = "TIMESTAMP";
    public const string BigInt = "BIGINT";

    /// <summary>The curated columns of <paramref name="kind"/>, e.g. to create an empty typed table when a dataset
    /// has no file of that kind yet.</summary>
    public static IReadOnlyList<CuratedColumn> For(ExportKind kind) => For(ExportSchemas.For(kind));

    public static IReadOnlyList<CuratedColumn> For(ExportSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var columns = new List<CuratedColumn>();
        foreach (var column in schema.Columns)
        {
            switch (column.Type)
            {
                case ColumnType.Timestamp:
                    columns.Add(new(column.Name, Timestamp));
                    columns.Add(new(column.Name + "_utc", Timestamp));
                    break;
                case ColumnType.Sentiment:
                    columns.Add(new(column.Name, Real));
                    columns.Add(new(column.Name + "_label", Varchar));
                    break;
                case ColumnType.Money:
                    columns.Add(new(column.Name, Money));
                    break;
                case ColumnType.Rate:
                    columns.Add(new(column.Name, Rate));
                    break;
                case ColumnType.Number:
                    columns.Add(new(column.Name, Real));
                    break;
                default:
                    columns.Add(new(column.Name, Varchar));
                    break;
            }
        }

        columns.Add(new("_ingestion_id", Varchar));
        columns.Add(new("_line", BigInt));
        columns.Add(new("_ingested_at", Timestamp));
        return columns;
    }
}

using System.Globalization;
using Centric.Storage.Snapshots;
using Microsoft.OData.UriParser;

namespace Centric.Functions.Api.OData;

/// <summary>
/// The part of a <c>$filter</c> the table can evaluate: the top-level <c>and</c> terms comparing dataset, metric,
/// grain, period, periodStart, segment or preset with a literal. <c>dataset eq</c> picks the partitions, <c>metric eq</c>
/// (and <c>grain eq</c>) a RowKey range, the other terms become conditions of the table query. Anything else
/// (<c>or</c>, functions, other properties) is left out here: the whole filter is still applied to every row read, so
/// the pushdown only narrows what is read, never what is answered.
/// </summary>
internal sealed record SnapshotPushdown(string? Dataset, string? Metric, string? Grain, IReadOnlyList<SnapshotCondition> Conditions)
{
    public static SnapshotPushdown None { get; } = new(null, null, null, []);

    /// <summary>The RowKey prefix of the metric (and grain) the filter names, if it names one.</summary>
    public string? RowKeyPrefix => Metric is null ? null : Grain is null ? RowKeys.Escape(Metric) + "|" : RowKeys.Prefix(Metric, Grain);

    public static SnapshotPushdown From(FilterClause? filter)
    {
        if (filter is null)
        {
            return None;
        }

        var terms = new List<BinaryOperatorNode>();
        Collect(filter.Expression, terms);
        string? dataset = null, metric = null, grain = null;
        var conditions = new List<SnapshotCondition>();
        foreach (var term in terms)
        {
            if (Comparison(term) is not var (property, comparison, value))
            {
                continue;
            }

            switch (property)
            {
                case "dataset" when comparison == SnapshotComparison.Equal:
                    dataset = value;
                    break;
                case "dataset":
                    break;
                case "metric" when comparison == SnapshotComparison.Equal:
                    metric = value;
                    conditions.Add(new(SnapshotColumn.Metric, comparison, value));
                    break;
                case "grain" when comparison == SnapshotComparison.Equal:
                    grain = value;
                    conditions.Add(new(SnapshotColumn.Grain, comparison, value));
                    break;
                default:
                    conditions.Add(new(Column(property), comparison, value));
                    break;
            }
        }

        return new(dataset, metric, grain, conditions);
    }

    private static void Collect(SingleValueNode node, List<BinaryOperatorNode> terms)
    {
        if (node is not BinaryOperatorNode binary)
        {
            return;
        }

        if (binary.OperatorKind == BinaryOperatorKind.And)
        {
            Collect(binary.Left, terms);
            Collect(binary.Right, terms);
        }
        else
        {
            terms.Add(binary);
        }
    }

    private static (string Property, SnapshotComparison Comparison, string Value)? Comparison(BinaryOperatorNode node)
    {
        var comparison = node.OperatorKind switch
        {
            BinaryOperatorKind.Equal => SnapshotComparison.Equal,
            BinaryOperatorKind.NotEqual => SnapshotComparison.NotEqual,
            BinaryOperatorKind.GreaterThan => SnapshotComparison.GreaterThan,
            BinaryOperatorKind.GreaterThanOrEqual => SnapshotComparison.GreaterThanOrEqual,
            BinaryOperatorKind.LessThan => SnapshotComparison.LessThan,
            BinaryOperatorKind.LessThanOrEqual => SnapshotComparison.LessThanOrEqual,
            _ => (SnapshotComparison?)null,
        };
        if (comparison is not { } kind)
        {
            return null;
        }

        if (Property(node.Left) is { } left && Literal(node.Right) is { } right)
        {
            return Pushable(left, kind, right);
        }

        // 'x' eq metric: the same comparison read from the other side.
        if (Property(node.Right) is { } property && Literal(node.Left) is { } literal)
        {
            return Pushable(property, Mirror(kind), literal);
        }

        return null;
    }

    private static (string, SnapshotComparison, string)? Pushable(string property, SnapshotComparison comparison, object? literal)
    {
        var text = (property, literal) switch
        {
            ("periodStart", DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            // OData 8 parses a date literal as Microsoft.OData.Edm.Date, which prints as yyyy-MM-dd.
            ("periodStart", { } other) when DateOnly.TryParseExact(
                Convert.ToString(other, CultureInfo.InvariantCulture), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ("periodStart", _) => null,
            ("dataset" or "metric" or "grain" or "period" or "segment" or "preset", string value) => value,
            _ => null,
        };

        // A preset compared with null, or an inequality on an optional column, needs the rows the table leaves out
        // (a null preset is not stored): those stay with the in-memory filter.
        if (text is null || (property == "preset" && comparison != SnapshotComparison.Equal))
        {
            return null;
        }

        return (property, comparison, text);
    }

    private static string? Property(SingleValueNode node) =>
        Unwrap(node) is SingleValuePropertyAccessNode { Source: ResourceRangeVariableReferenceNode } access ? access.Property.Name : null;

    private static object? Literal(SingleValueNode node) => Unwrap(node) is ConstantNode constant ? constant.Value ?? Null : null;

    private static readonly object Null = new();

    private static SingleValueNode Unwrap(SingleValueNode node) => node is ConvertNode convert ? Unwrap(convert.Source) : node;

    private static SnapshotComparison Mirror(SnapshotComparison comparison) => comparison switch
    {
        SnapshotComparison.GreaterThan => SnapshotComparison.LessThan,
        SnapshotComparison.GreaterThanOrEqual => SnapshotComparison.LessThanOrEqual,
        SnapshotComparison.LessThan => SnapshotComparison.GreaterThan,
        SnapshotComparison.LessThanOrEqual => SnapshotComparison.GreaterThanOrEqual,
        _ => comparison,
    };

    private static SnapshotColumn Column(string property) => property switch
    {
        "metric" => SnapshotColumn.Metric,
        "grain" => SnapshotColumn.Grain,
        "period" => SnapshotColumn.Period,
        "periodStart" => SnapshotColumn.PeriodStart,
        "segment" => SnapshotColumn.Segment,
        _ => SnapshotColumn.Preset,
    };
}

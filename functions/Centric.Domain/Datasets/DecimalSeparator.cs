namespace Centric.Domain.Datasets;

/// <summary>The decimal separator of amounts in a dataset's files.</summary>
public enum DecimalSeparator
{
    Auto,
    Point,
    Comma,
}

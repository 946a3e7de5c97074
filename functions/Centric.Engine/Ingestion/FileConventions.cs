using Centric.Domain.Datasets;

namespace Centric.Engine.Ingestion;

/// <summary>The decimal separator and day/month order one file is read with.</summary>
internal sealed record FileConventions(DecimalSeparator Decimal, DateOrder DateOrder, string DateOrderLabel)
{
    public char DecimalChar => Decimal == DecimalSeparator.Comma ? ',' : '.';
}

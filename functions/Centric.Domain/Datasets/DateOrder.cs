namespace Centric.Domain.Datasets;

/// <summary>How to read an all-numeric day/month date such as 03/04/2026.</summary>
public enum DateOrder
{
    Auto,
    Dmy,
    Mdy,
}

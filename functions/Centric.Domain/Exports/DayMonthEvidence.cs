namespace Centric.Domain.Exports;

/// <summary>What one all-numeric date such as <c>03/04/2026</c> says about day/month order.</summary>
public enum DayMonthEvidence
{
    /// <summary>Not a day/month date (ISO, <c>yyyyMMdd</c>, unparseable) or the same either way (<c>05/05/2026</c>).</summary>
    None,

    /// <summary>Either order would be a valid, different date.</summary>
    Ambiguous,

    /// <summary>The first field is above 12 (<c>25/03/2026</c>).</summary>
    DayFirst,

    /// <summary>The second field is above 12 (<c>03/25/2026</c>).</summary>
    MonthFirst,
}

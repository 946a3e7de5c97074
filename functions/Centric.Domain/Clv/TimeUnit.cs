namespace Centric.Domain.Clv;

/// <summary>The unit in which recency, age and prediction horizons are expressed.</summary>
public enum TimeUnit
{
    /// <summary>Days ÷ 7 (the unit of the published CDNOW results).</summary>
    Week,

    /// <summary>Whole days.</summary>
    Day,
}

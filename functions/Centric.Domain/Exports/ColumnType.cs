namespace Centric.Domain.Exports;

/// <summary>How a canonical column is parsed, validated and stored in curated Parquet.</summary>
public enum ColumnType
{
    /// <summary>Identifier: trimmed text, never parsed as a number (leading zeros kept). VARCHAR.</summary>
    Id,

    /// <summary>Free text, trimmed. VARCHAR.</summary>
    Text,

    /// <summary>Code-like text stored lower-case (status, survey, channel, priority). VARCHAR.</summary>
    Code,

    /// <summary>ISO 4217 currency code, upper-case. VARCHAR.</summary>
    Currency,

    /// <summary>Money: DECIMAL(18,4).</summary>
    Money,

    /// <summary>Exchange rate: DECIMAL(18,8).</summary>
    Rate,

    /// <summary>Score or count: DOUBLE.</summary>
    Number,

    /// <summary>Date or date-time: stored as local wall-clock <c>X</c> and UTC instant <c>X_utc</c>, both TIMESTAMP.</summary>
    Timestamp,

    /// <summary>Sentiment in [-1, 1] or a label: DOUBLE plus <c>sentiment_label</c> VARCHAR.</summary>
    Sentiment,
}

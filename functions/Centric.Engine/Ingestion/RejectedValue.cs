using System.Globalization;

namespace Centric.Engine.Ingestion;

/// <summary>
/// How a rejected value is shown in the rejects list (the rejects file, the rejects response, the sample in the
/// result): a value of more than <see cref="MaxLength"/> characters is cut to its first <see cref="MaxLength"/> and
/// followed by its original length, <c>…(10485760 characters)</c>, so one huge cell cannot make a huge rejects list.
/// </summary>
public static class RejectedValue
{
    /// <summary>The most characters of a rejected value that are kept.</summary>
    public const int MaxLength = 200;

    /// <summary>The most characters of a reason that are kept (a reason quotes the value, already cut).</summary>
    public const int MaxReasonLength = 500;

    /// <summary><paramref name="value"/> when at most <paramref name="maxLength"/> characters, else its head and length.</summary>
    public static string? Cut(string? value, int maxLength = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        if (value is null || value.Length <= maxLength)
        {
            return value;
        }

        // Never split a surrogate pair: the cut text must stay valid UTF-16.
        var keep = char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength;
        return string.Create(CultureInfo.InvariantCulture, $"{value.AsSpan(0, keep)}…({value.Length} characters)");
    }

    /// <summary>
    /// The rejected cell as listed: its value cut, and its reason with the full value replaced by the cut one (then
    /// itself cut to <see cref="MaxReasonLength"/>).
    /// </summary>
    public static RejectedRow Shorten(RejectedRow reject)
    {
        ArgumentNullException.ThrowIfNull(reject);
        if (reject.Value is not { Length: > MaxLength } full)
        {
            return reject.Reason.Length <= MaxReasonLength ? reject : reject with { Reason = Cut(reject.Reason, MaxReasonLength)! };
        }

        var value = Cut(full)!;
        var reason = reject.Reason.Replace(full, value, StringComparison.Ordinal);
        return reject with { Value = value, Reason = Cut(reason, MaxReasonLength)! };
    }
}

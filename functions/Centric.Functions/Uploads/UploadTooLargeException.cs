namespace Centric.Functions.Uploads;

/// <summary>An upload body went past the upload limit while it was being read.</summary>
public sealed class UploadTooLargeException(long limit)
    : IOException($"The upload is larger than the limit of {limit} bytes.")
{
    public long Limit { get; } = limit;
}

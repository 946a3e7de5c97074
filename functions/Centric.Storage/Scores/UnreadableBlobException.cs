namespace Centric.Storage.Scores;

/// <summary>
/// A stored blob that is there but cannot be read (truncated, not gzip, not the JSON it should hold). Its own type, not
/// <see cref="InvalidDataException"/>: the fault is in what the product stored, not in the request that asked for it, so
/// it must not read as a bad request; the message names the blob so the log says which one to look at.
/// </summary>
public sealed class UnreadableBlobException : Exception
{
    public UnreadableBlobException()
    {
    }

    public UnreadableBlobException(string message)
        : base(message)
    {
    }

    public UnreadableBlobException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

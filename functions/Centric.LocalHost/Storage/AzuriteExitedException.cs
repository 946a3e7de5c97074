namespace Centric.LocalHost.Storage;

/// <summary>Azurite exited before it listened on its ports; the message quotes what it wrote last.</summary>
public sealed class AzuriteExitedException : InvalidOperationException
{
    public AzuriteExitedException()
    {
    }

    public AzuriteExitedException(string message)
        : base(message)
    {
    }

    public AzuriteExitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AzuriteExitedException(string message, bool addressInUse)
        : base(message)
    {
        AddressInUse = addressInUse;
    }

    /// <summary>Whether it exited because one of its ports was taken (EADDRINUSE), so other ports may do.</summary>
    public bool AddressInUse { get; }
}

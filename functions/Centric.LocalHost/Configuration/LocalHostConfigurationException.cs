namespace Centric.LocalHost.Configuration;

/// <summary>
/// The local host cannot start with the configuration it was given (a missing setting, an invalid schedule,
/// a handler that does not come up). The message says what to fix; the command line prints only the message.
/// </summary>
public sealed class LocalHostConfigurationException : Exception
{
    public LocalHostConfigurationException()
    {
    }

    public LocalHostConfigurationException(string message)
        : base(message)
    {
    }

    public LocalHostConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether a process exited because its port was taken (address already in use), so another port may do.</summary>
    public bool PortTaken { get; init; }
}

namespace Centric.LocalHost.Tests.Support;

/// <summary>One request as the stand-in handler received it.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}

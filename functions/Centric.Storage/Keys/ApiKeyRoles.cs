namespace Centric.Storage.Keys;

/// <summary>What a dataset key allows: <c>read</c> every GET of its dataset; <c>upload</c> that and uploads.</summary>
public static class ApiKeyRoles
{
    public const string Read = "read";

    public const string Upload = "upload";

    public static IReadOnlyList<string> All { get; } = [Read, Upload];

    public static bool IsKnown(string role) => role is Read or Upload;

    /// <summary>True when a key of <paramref name="role"/> may make a request that needs <paramref name="needed"/>.</summary>
    public static bool Allows(string role, string needed) => role == Upload || (role == Read && needed == Read);
}

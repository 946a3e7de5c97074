using System.Security.Cryptography;
using System.Text;

namespace Centric.Storage.Keys;

/// <summary>
/// The text of an API key: <c>ck_{id}_{secret}</c>, where the id is 12 lower-case hex digits (48 random bits, not
/// secret: it names the key in listings) and the secret 64 hex digits (256 random bits). Only its SHA-256 is stored.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "ck_";

    public const int IdLength = 12;

    private const int SecretLength = 64;

    public static int Length => Prefix.Length + IdLength + 1 + SecretLength;

    /// <summary>A new key id and the full key text.</summary>
    public static (string Id, string Key) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SecretLength / 2));
        return (id, Prefix + id + "_" + secret);
    }

    /// <summary>The key id of a well-formed key; null for any other text.</summary>
    public static string? IdOf(string? key)
    {
        if (key is null || key.Length != Length || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[Prefix.Length + IdLength] != '_')
        {
            return null;
        }

        foreach (var c in key.AsSpan(Prefix.Length))
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f') or '_'))
            {
                return null;
            }
        }

        return key.Substring(Prefix.Length, IdLength);
    }

    /// <summary>The SHA-256 of the key's UTF-8 bytes, as stored.</summary>
    public static byte[] HashOf(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static string HashText(string key) => Convert.ToHexStringLower(HashOf(key));

    /// <summary>Compares the key's hash with a stored one in time that does not depend on where they differ.</summary>
    public static bool Matches(string key, string storedHash)
    {
        byte[] stored;
        try
        {
            stored = Convert.FromHexString(storedHash);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(HashOf(key), stored);
    }

    /// <summary>True when <paramref name="id"/> could be a key id (so a listing or revocation can name it).</summary>
    public static bool IsId(string id) =>
        id.Length == IdLength && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}

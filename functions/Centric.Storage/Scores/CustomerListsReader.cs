using System.Buffers;
using System.Text.Json;
using Centric.Domain.Families.CustomerLists;

namespace Centric.Storage.Scores;

/// <summary>
/// Reads a generation's stored customer lists from their (decoded) stream into the compact table, in pieces of the
/// stream, never the whole JSON at once and never a record per listed customer (<see cref="CustomerListsParser"/>).
/// A blob that is cut short or is not the lists' JSON fails naming the blob, rather than giving part of a set.
/// </summary>
internal static class CustomerListsReader
{
    /// <summary>How much of the stream is read at a time; a single token longer than this grows the buffer.</summary>
    private const int PieceSize = 64 * 1024;

    /// <summary>The lists of <paramref name="json"/>; null when it holds JSON <c>null</c>.</summary>
    public static async Task<CustomerListSet?> ReadAsync(Stream json, string blobName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        var parser = new CustomerListsParser();
        var buffer = ArrayPool<byte>.Shared.Rent(PieceSize);
        try
        {
            var held = 0;
            while (true)
            {
                var read = await json.ReadAsync(buffer.AsMemory(held), cancellationToken);
                held += read;

                // The end of the stream is the end of the JSON: the parser then fails unless the lists are complete.
                var consumed = parser.Consume(buffer.AsSpan(0, held), isFinalBlock: read == 0);
                if (read == 0)
                {
                    return parser.Result;
                }

                // What is left is the start of a token: keep it, at the front, for the next piece to complete.
                held -= consumed;
                buffer.AsSpan(consumed, held).CopyTo(buffer);
                if (held == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, held).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            // A JSON error, or a gzip stream that is not one (or is cut inside a block).
            throw new UnreadableBlobException($"The customer lists blob {blobName} cannot be read: {e.Message}", e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

using System.Text;

namespace Centric.Engine.Ingestion;

/// <summary>How a text file is encoded, or why it is not text.</summary>
internal sealed record TextSniff(Encoding? Encoding, string EncodingName, bool HasBom, string? Failure);

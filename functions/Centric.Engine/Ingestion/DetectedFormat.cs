namespace Centric.Engine.Ingestion;

/// <summary>The conventions an ingestion read a file with.</summary>
/// <param name="Encoding"><c>utf-8</c>, <c>utf-16le</c>, <c>utf-16be</c>, <c>windows-1252</c> or <c>xlsx</c>.</param>
/// <param name="Delimiter">Field delimiter; <c>'\0'</c> for XLSX.</param>
/// <param name="DecimalSeparator"><c>'.'</c> or <c>','</c>.</param>
/// <param name="DateOrder"><c>dmy</c>, <c>mdy</c>, or <c>ymd</c> when the file has no day/month dates.</param>
/// <param name="HasBom">The text file started with a byte order mark.</param>
public sealed record DetectedFormat(string Encoding, char Delimiter, char DecimalSeparator, string DateOrder, bool HasBom);

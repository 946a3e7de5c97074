namespace Centric.Cli.Output;

/// <summary>The conventions a file was read with: encoding, delimiter (null for Excel), decimal separator, date order.</summary>
internal sealed record FormatEntry(string Encoding, string? Delimiter, string DecimalSeparator, string DateOrder, bool HasBom);

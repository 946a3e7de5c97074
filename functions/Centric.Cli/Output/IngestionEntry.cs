namespace Centric.Cli.Output;

/// <summary>One file's line of <c>ingestions.json</c>.</summary>
/// <param name="File">Path under the exports folder, <c>/</c>-separated.</param>
/// <param name="IngestionId">Position in ingestion order and content hash (<c>0001-9f86d081</c>).</param>
/// <param name="Kind">The kind slug, null when it could not be told.</param>
/// <param name="Rows">Data rows read; always <see cref="Accepted"/> + <see cref="Rejected"/>.</param>
/// <param name="Accepted">Rows used.</param>
/// <param name="Rejected">Rows listed in <c>rejects.csv</c>.</param>
/// <param name="Status"><c>succeeded</c>, <c>succeeded-with-rejects</c> or <c>rejected</c> (unusable file).</param>
/// <param name="Message">A summary, or why the file is unusable.</param>
/// <param name="Format">How the file was read; null when it could not be.</param>
internal sealed record IngestionEntry(
    string File,
    string IngestionId,
    string? Kind,
    long Rows,
    long Accepted,
    long Rejected,
    string Status,
    string? Message,
    FormatEntry? Format);

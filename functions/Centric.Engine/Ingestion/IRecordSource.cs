namespace Centric.Engine.Ingestion;

/// <summary>A file as a stream of records (header first); each enumeration reads the file again.</summary>
internal interface IRecordSource
{
    IEnumerable<SourceRecord> Records(CancellationToken cancellationToken);
}

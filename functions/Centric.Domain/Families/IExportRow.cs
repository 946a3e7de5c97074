namespace Centric.Domain.Families;

/// <summary>
/// One current row of an export kind while it is scanned (<see cref="IExportReader.Scan"/>): its cells by the position
/// of the column in the list asked for, typed as <see cref="ExportRows"/> types them. A missing cell is null. The row
/// is only valid during the call it is handed to.
/// </summary>
public interface IExportRow
{
    string? Text(int column);

    double? Number(int column);

    decimal? Money(int column);

    EventTime? Time(int column);
}

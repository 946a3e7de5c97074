namespace Centric.Engine.Ingestion;

/// <summary>A workbook refused while it is read (a table larger than the limits allow); the message is the reason.</summary>
internal sealed class WorkbookRefusedException(string message) : Exception(message);

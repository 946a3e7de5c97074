namespace Centric.Engine.Ingestion;

/// <summary>Outcome of one ingestion.</summary>
public enum IngestionStatus
{
    /// <summary>Every row read was accepted.</summary>
    Succeeded,

    /// <summary>The file was usable; some rows were rejected (see the rejects file).</summary>
    SucceededWithRejects,

    /// <summary>Unusable file: empty, no header, not text, missing required column, unknown kind.</summary>
    Failed,
}

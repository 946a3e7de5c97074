namespace Centric.Domain.Clv;

/// <summary>Which repeat-purchase model to fit.</summary>
public enum TransactionModelKind
{
    /// <summary>BG/NBD (Fader, Hardie &amp; Lee 2005).</summary>
    BgNbd,

    /// <summary>Pareto/NBD (Schmittlein, Morrison &amp; Colombo 1987).</summary>
    ParetoNbd,
}

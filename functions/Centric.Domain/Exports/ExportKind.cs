namespace Centric.Domain.Exports;

/// <summary>The kinds of export a finance team drops (docs/contract.md, "Export kinds and canonical columns").</summary>
public enum ExportKind
{
    Customers,
    Orders,
    Subscriptions,
    Tickets,
    Surveys,
    Communications,
    Onboarding,
    Mentions,
    FxRates,
}

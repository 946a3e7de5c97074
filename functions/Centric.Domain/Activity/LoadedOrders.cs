namespace Centric.Domain.Activity;

/// <summary>
/// Orders reduced to customer-days in the reporting currency. <see cref="Unconverted"/> counts orders whose amount
/// could not be converted (no rate for their currency on or before their date): they still make purchase days,
/// but add nothing to revenue.
/// </summary>
public sealed record LoadedOrders(
    IReadOnlyList<string> CustomerIds,
    IReadOnlyList<CustomerDay> Days,
    long Orders,
    long Unconverted,
    DateOnly? LastDay);

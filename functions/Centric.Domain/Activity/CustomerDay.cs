namespace Centric.Domain.Activity;

/// <summary>
/// One customer's orders on one calendar day, in the reporting currency. <see cref="ValidOrders"/> counts orders
/// that are neither cancelled nor refunded and have an amount ≥ 0; <see cref="Credits"/> sums negative amounts
/// (credits reduce revenue but are not purchases). A day with ValidOrders &gt; 0 is a purchase day.
/// </summary>
public readonly record struct CustomerDay(int Customer, DateOnly Day, int ValidOrders, decimal ValidAmount, decimal Credits)
{
    public bool IsPurchaseDay => ValidOrders > 0;
}

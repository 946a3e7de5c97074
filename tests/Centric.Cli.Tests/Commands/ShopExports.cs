namespace Centric.Cli.Tests.Commands;

/// <summary>
/// A small hand-made exports folder: an <c>orders/</c> file with one bad amount, a kind-prefixed top-level file that
/// corrects order O2 (semicolons, decimal commas), a customers file only its header identifies, and settings with a
/// 10-day inactivity window. January's revenue is 100.00 + 60.50 (the corrected O2) = 160.50; February's is 20.
/// </summary>
internal static class ShopExports
{
    public static TempFolder Create() => new TempFolder("shop")
        .Write(
            "orders/2025-01.csv",
            "order_id,customer_id,order_date,amount,currency,status",
            "O1,C1,2025-01-05,100.00,EUR,completed",
            "O2,C2,2025-01-20,50.50,EUR,completed",
            "O3,C1,2025-02-03,abc,EUR,completed")
        .Write(
            "orders_corrections.csv",
            "order_id;customer_id;order_date;amount",
            "O2;C2;2025-01-20;60,50",
            "O4;C3;2025-02-10;20")
        .Write("clients-list.csv", "customer_id,country", "C1,ES", "C2,IT")
        .Write("settings.json", """{"inactivityDays": 10}""");
}

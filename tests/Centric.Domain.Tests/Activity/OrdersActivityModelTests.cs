using Centric.Domain.Activity;

namespace Centric.Domain.Tests.Activity;

public class OrdersActivityModelTests
{
    private static int Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).DayNumber;

    [Fact]
    public void Churn_CustomerSilentForWindow_ChurnsOnDay366()
    {
        var spells = OrdersActivityModel.Spells([Day("2025-01-01")], 365);

        var spell = Assert.Single(spells);
        Assert.Equal(Day("2025-01-01"), spell.Start);
        // Day 1 is 2025-01-01; active through 2025-12-31 (day 365); the churn day is day 366.
        Assert.Equal(Day("2026-01-01"), spell.End);
        Assert.True(spell.IsActiveOn(Day("2025-12-31")));
        Assert.False(spell.IsActiveOn(Day("2026-01-01")));
    }

    [Fact]
    public void Churn_PurchaseExactlyOnChurnDay_KeepsCustomerActiveWithoutABreak()
    {
        var spells = OrdersActivityModel.Spells([Day("2025-01-01"), Day("2026-01-01")], 365);

        var spell = Assert.Single(spells);
        Assert.Equal(Day("2027-01-01"), spell.End);
    }

    [Fact]
    public void Churn_PurchaseTheDayAfterChurn_StartsAReactivationSpell()
    {
        var spells = OrdersActivityModel.Spells([Day("2025-01-01"), Day("2026-01-02")], 365);

        Assert.Equal(2, spells.Length);
        Assert.Equal(Day("2026-01-01"), spells[0].End);
        Assert.Equal(Day("2026-01-02"), spells[1].Start);
    }

    [Fact]
    public void Spells_UnorderedDays_AreRefused() =>
        Assert.Throws<ArgumentException>(() => OrdersActivityModel.Spells([5, 3], 10));
}

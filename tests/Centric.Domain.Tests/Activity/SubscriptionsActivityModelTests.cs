using Centric.Domain.Activity;
using Centric.Domain.Families.Subscriptions;

namespace Centric.Domain.Tests.Activity;

public class SubscriptionsActivityModelTests
{
    private static Subscription Sub(string start, string? end, decimal mrr = 10m) =>
        new("s", "c", Day(start), end is null ? null : Day(end), mrr, "EUR");

    private static DateOnly Day(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static ActivitySpell Spell(string start, string? end) =>
        new(Day(start).DayNumber, end is null ? SubscriptionsActivityModel.OpenEnd : Day(end).DayNumber);

    [Fact]
    public void UpgradeStartingTheDayTheOldPlanEnds_IsOneSpell()
    {
        var spells = SubscriptionsActivityModel.Spells([Sub("2025-01-01", "2025-02-15"), Sub("2025-02-15", null, 30m)]);

        Assert.Equal([Spell("2025-01-01", null)], spells);
    }

    [Fact]
    public void OverlappingSubscriptions_AndAnAddOnInside_AreOneSpellEndingWithTheLatestEnd()
    {
        var spells = SubscriptionsActivityModel.Spells(
            [Sub("2025-03-01", "2025-05-01"), Sub("2025-01-10", "2025-04-01"), Sub("2025-02-05", "2025-03-10", 5m)]);

        Assert.Equal([Spell("2025-01-10", "2025-05-01")], spells);
    }

    [Fact]
    public void RestartFortyDaysAfterTheCancellation_IsTwoSpells_TheFirstEndingOnTheChurnDay()
    {
        var spells = SubscriptionsActivityModel.Spells([Sub("2025-01-05", "2025-02-01"), Sub("2025-03-13", null)]);

        Assert.Equal([Spell("2025-01-05", "2025-02-01"), Spell("2025-03-13", null)], spells);
        Assert.False(spells[0].IsActiveOn(Day("2025-02-01").DayNumber));
        Assert.True(spells[0].IsActiveOn(Day("2025-01-31").DayNumber));
    }

    [Fact]
    public void ZeroMrr_AndEndOnOrBeforeStart_AreNeverActive()
    {
        Assert.Empty(SubscriptionsActivityModel.Spells([Sub("2025-01-01", null, 0m)]));
        Assert.Empty(SubscriptionsActivityModel.Spells([Sub("2025-02-10", "2025-02-10")]));
        Assert.Empty(SubscriptionsActivityModel.Spells([Sub("2025-02-10", "2025-01-10")]));
        // A zero-MRR subscription does not bridge the gap between two paid ones.
        Assert.Equal(
            [Spell("2025-01-01", "2025-02-01"), Spell("2025-03-01", null)],
            SubscriptionsActivityModel.Spells([Sub("2025-01-01", "2025-02-01"), Sub("2025-02-01", "2025-03-01", 0m), Sub("2025-03-01", null)]));
    }
}

using Centric.Domain.Families.Subscriptions;

namespace Centric.Domain.Tests.Families;

public class MrrMovementTests
{
    [Theory]
    [InlineData(0, 30, true, MrrMovementKind.New, 30)]
    [InlineData(0, 30, false, MrrMovementKind.Reactivation, 30)]
    [InlineData(50, 0, false, MrrMovementKind.Churn, -50)]
    [InlineData(10, 30, false, MrrMovementKind.Expansion, 20)]
    [InlineData(25, 20, false, MrrMovementKind.Contraction, -5)]
    [InlineData(20, 20, false, MrrMovementKind.None, 0)]
    [InlineData(0, 0, false, MrrMovementKind.None, 0)]
    public void OneCustomersMovement_IsSignedSoItEqualsTheChange(int before, int after, bool firstActive, MrrMovementKind kind, int amount)
    {
        var movement = MrrMovement.Of(before, after, firstActive);

        Assert.Equal(new MrrMovement(kind, amount), movement);
        Assert.Equal(after - before, movement.Amount);
    }
}

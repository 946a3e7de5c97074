using Centric.Domain.Numerics;

namespace Centric.Domain.Tests.Numerics;

public class LogSpaceTests
{
    [Fact]
    public void AddExp_LargeArguments_DoesNotOverflow() =>
        Assert.Equal(1000 + Math.Log(2), LogSpace.AddExp(1000, 1000), 12);

    [Fact]
    public void SubtractExp_EqualArguments_IsMinusInfinity() =>
        Assert.True(double.IsNegativeInfinity(LogSpace.SubtractExp(-3, -3)));

    [Fact]
    public void SubtractExp_CloseArguments_KeepsPrecision() =>
        Assert.Equal(Math.Log(1e-10), LogSpace.SubtractExp(0, Math.Log(1 - 1e-10)), 5);

    [Theory]
    [InlineData(1e-12)]
    [InlineData(-1e-9)]
    [InlineData(0.5)]
    public void Log1PAndExpM1_AreInverse(double x) =>
        Assert.Equal(x, LogSpace.ExpM1(LogSpace.Log1P(x)), 15);

    [Fact]
    public void InverseOnePlusExp_Extremes_AreZeroAndOne()
    {
        Assert.Equal(0.0, LogSpace.InverseOnePlusExp(1000));
        Assert.Equal(1.0, LogSpace.InverseOnePlusExp(-1000));
    }
}

using Centric.Engine.Local;

namespace Centric.Cli.Tests.Local;

public class SyntheticOrdersTests
{
    [Fact]
    public void Write_SameArguments_WritesTheSameBytes()
    {
        using var folder = new TempFolder("synthetic");
        var first = Path.Combine(folder.Root, "a.csv");
        var second = Path.Combine(folder.Root, "b.csv");

        SyntheticOrders.Write(first, 500, 40);
        SyntheticOrders.Write(second, 500, 40);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void Write_OrdersOverCustomers_GivesEveryCustomerAnOrderWithinThreeYears()
    {
        using var folder = new TempFolder("synthetic");
        var path = Path.Combine(folder.Root, "orders.csv");

        SyntheticOrders.Write(path, 500, 40);

        var lines = File.ReadAllLines(path);
        Assert.Equal(SyntheticOrders.Header, lines[0]);
        Assert.Equal(500, lines.Length - 1);
        var fields = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(500, fields.Select(f => f[0]).Distinct().Count());
        Assert.Equal(40, fields.Select(f => f[1]).Distinct().Count());
        Assert.All(fields, f => Assert.InRange(string.CompareOrdinal(f[2], "2023-01-01"), 0, int.MaxValue));
        Assert.All(fields, f => Assert.True(string.CompareOrdinal(f[2], "2026-01-01") < 0, f[2]));
    }
}

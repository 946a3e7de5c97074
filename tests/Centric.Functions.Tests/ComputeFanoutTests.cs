using Centric.Pipeline.Compute;
using Microsoft.Extensions.Configuration;

namespace Centric.Functions.Tests;

/// <summary>When a dataset is fanned out, and into how many partitions, from the <c>Compute__*</c> app settings.</summary>
public sealed class ComputeFanoutTests
{
    [Fact]
    public void Defaults_KeepTheSingleRunUpToFiveMillionRows_ThenOnePartitionPerFiveMillionStarted_AtLeastTwo_AtMost64()
    {
        var fanout = ComputeFanout.Load(Settings());

        Assert.Equal(ComputeFanout.Default, fanout);
        Assert.Equal(0, fanout.PartitionsFor(0));
        Assert.Equal(0, fanout.PartitionsFor(5_000_000));
        Assert.Equal(2, fanout.PartitionsFor(5_000_001));
        Assert.Equal(2, fanout.PartitionsFor(10_000_000));
        Assert.Equal(3, fanout.PartitionsFor(10_000_001));
        Assert.Equal(64, fanout.PartitionsFor(1_000_000_000));
    }

    [Fact]
    public void Settings_SetTheThresholdCountDelayAndAttempts()
    {
        var fanout = ComputeFanout.Load(Settings(
            ("Compute:PartitionRows", "100"), ("Compute:Partitions", "7"), ("Compute:MergeDelaySeconds", "3"), ("Compute:MergeAttempts", "9")));

        Assert.Equal(new ComputeFanout(100, 7, TimeSpan.FromSeconds(3), 9), fanout);
        Assert.Equal(0, fanout.PartitionsFor(100));
        Assert.Equal(7, fanout.PartitionsFor(101));
    }

    [Theory]
    [InlineData("Compute:PartitionRows", "-1", "Compute__PartitionRows")]
    [InlineData("Compute:Partitions", "0", "Compute__Partitions")]
    [InlineData("Compute:Partitions", "65", "Compute__Partitions")]
    [InlineData("Compute:MergeDelaySeconds", "1.5", "Compute__MergeDelaySeconds")]
    [InlineData("Compute:MergeAttempts", "many", "Compute__MergeAttempts")]
    public void ABadValue_IsRejected_NamingTheAppSetting(string key, string value, string named)
    {
        var error = Assert.Throws<FormatException>(() => ComputeFanout.Load(Settings((key, value))));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}

using Centric.Domain.Families;
using FsCheck.Xunit;

namespace Centric.Domain.Tests.Families;

/// <summary>A group handed to a measure is read as the span it is a slice of, and its mean is the collection's mean.</summary>
public class GroupReductionTests
{
    [Property(MaxTest = 300)]
    public bool MeanOfASpan_IsTheMeanOfTheSameValuesAsACollection_BitForBit(decimal[] values, byte from, byte length)
    {
        var start = values.Length == 0 ? 0 : from % values.Length;
        var slice = new ArraySegment<decimal>(values, start, values.Length == 0 ? 0 : length % (values.Length - start + 1));
        try
        {
            var bySpan = Reduction.Mean(EventMetrics.Items<decimal>(slice));
            var byCollection = Reduction.Mean((IReadOnlyCollection<decimal>)slice);
            return Bits(bySpan.Value) == Bits(byCollection.Value)
                && Bits(bySpan.Numerator) == Bits(byCollection.Numerator)
                && bySpan.Denominator == byCollection.Denominator;
        }
        catch (OverflowException)
        {
            // Both overflow together: a sum past the largest decimal is refused whichever way it is taken.
            return ThrowsOverflow(() => Reduction.Mean((IReadOnlyCollection<decimal>)slice));
        }
    }

    [Fact]
    public void Items_OfASlice_AreThatSliceWithoutACopy_AndOfAnyOtherListItsItems()
    {
        decimal[] all = [1m, 2m, 3m, 4m, 5m];
        var slice = new ArraySegment<decimal>(all, 1, 3);

        var items = EventMetrics.Items<decimal>(slice);

        Assert.Equal([2m, 3m, 4m], items.ToArray());
        all[2] = 30m; // the span reads the array itself
        Assert.Equal(30m, items[1]);
        Assert.Equal([7m, 8m], EventMetrics.Items<decimal>(new List<decimal> { 7m, 8m }).ToArray());
    }

    private static string Bits(decimal? value) => value is { } v ? string.Join(",", decimal.GetBits(v)) : "null";

    private static bool ThrowsOverflow(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (OverflowException)
        {
            return true;
        }
    }
}

using Centric.Domain.Metrics;

namespace Centric.Domain.Tests.Segments;

/// <summary>
/// Customers in the same segments share one combination of bins, whether their keys come as one shared list or as equal
/// lists; a key listed twice is one bin; a customer without segments is in <c>*</c> only.
/// </summary>
public sealed class SegmentIndexTests
{
    [Fact]
    public void CustomersInTheSameSegments_ShareACombination_WhateverListTheirKeysComeIn()
    {
        IReadOnlyList<string> shared = ["country:ES", "plan:pro"];
        IReadOnlyList<IReadOnlyList<string>> segments =
        [
            shared,
            shared,
            ["country:ES", "plan:pro"],
            ["plan:pro"],
            [],
            ["country:IT", "country:IT"],
        ];

        var index = new SegmentIndex(segments.Count + 1, segments);

        Assert.Equal(["*", "country:ES", "plan:pro", "country:IT"], index.Keys);
        Assert.Equal([0, 1, 2], index.BinsOf(0));
        Assert.Equal([0, 2], index.BinsOf(3));
        Assert.Equal([0], index.BinsOf(4));
        Assert.Equal([0, 3], index.BinsOf(5));
        // The sixth customer has no entry in the list: `*` only, like the fifth.
        Assert.Equal([0], index.BinsOf(6));
        Assert.Equal(4, index.Combinations);
        Assert.Equal(index.CombinationOf(0), index.CombinationOf(1));
        Assert.Equal(index.CombinationOf(0), index.CombinationOf(2));
        Assert.Equal(index.CombinationOf(4), index.CombinationOf(6));
        Assert.Equal(
            [[0, 1, 2], [0, 2], [0], [0, 3]],
            Enumerable.Range(0, index.Combinations).Select(index.BinsOfCombination));
        Assert.All(Enumerable.Range(0, 7), c => Assert.Same(index.BinsOfCombination(index.CombinationOf(c)), index.BinsOf(c)));
    }
}

using Centric.Domain.Segments;

namespace Centric.Domain.Tests.Segments;

public class CustomerSegmentsTests
{
    [Fact]
    public void Tiers_AreAddedAfterTheAttributes_AndCustomersSharingBothShareOneList()
    {
        IReadOnlyList<string> spain = ["country:ES", "segment:smb"];
        IReadOnlyList<string> italy = ["country:IT"];
        var attributes = new Dictionary<string, IReadOnlyList<string>>
        {
            ["c1"] = spain, ["c2"] = spain, ["c3"] = spain, ["c4"] = italy, ["c5"] = [],
        };
        var tiers = new Dictionary<string, string> { ["c1"] = "high", ["c2"] = "high", ["c3"] = "low", ["c5"] = "high", ["c6"] = "high" };

        var segments = new CustomerSegments(attributes, tiers, "clv-tier");

        Assert.Equal(["country:ES", "segment:smb", "clv-tier:high"], segments.Of("c1"));
        Assert.Equal(["country:ES", "segment:smb", "clv-tier:low"], segments.Of("c3"));
        Assert.Equal(["country:IT"], segments.Of("c4"));
        Assert.Equal(["clv-tier:high"], segments.Of("c5"));
        Assert.Equal(["clv-tier:high"], segments.Of("c6"));
        Assert.Empty(segments.Of("c7"));
        Assert.Same(segments.Of("c1"), segments.Of("c2"));
        Assert.NotSame(segments.Of("c1"), segments.Of("c3"));
        Assert.Same(segments.Of("c5"), segments.Of("c6"));
        // The attributes' own lists are left as they were.
        Assert.Equal(["country:ES", "segment:smb"], spain);
    }
}

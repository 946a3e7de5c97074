using Centric.Engine.Compute;
using Centric.Engine.DuckDb;

namespace Centric.Engine.Tests.Compute;

public class CustomerSegmentsLoaderTests
{
    [Fact]
    public void Load_CustomersWithTheSameAttributesShareOneKeysList_AndEachKeyIsOneString()
    {
        using var curated = new CuratedFolder()
            .Customers(("c1", "ES", "smb"), ("c2", "ES", "smb"), ("c3", "IT", "smb"), ("c4", " ", null), ("c5", "ES", " smb "), ("c6", "ES", null));
        using var db = new DuckDbSession();

        var keys = CustomerSegmentsLoader.Load(db, CuratedFiles.FromFolder(curated.Root));

        Assert.Equal(["country:ES", "segment:smb"], keys["c1"]);
        Assert.Equal(["country:IT", "segment:smb"], keys["c3"]);
        Assert.Empty(keys["c4"]);
        Assert.Equal(["country:ES"], keys["c6"]);
        // Trimmed values are the same value: c5 shares c1's list, as c2 does.
        Assert.Same(keys["c1"], keys["c2"]);
        Assert.Same(keys["c1"], keys["c5"]);
        Assert.NotSame(keys["c1"], keys["c3"]);
        Assert.Same(keys["c1"][1], keys["c3"][1]);
        Assert.Same(keys["c1"][0], keys["c6"][0]);
    }
}

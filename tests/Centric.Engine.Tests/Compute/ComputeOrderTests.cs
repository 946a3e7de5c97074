using Centric.Domain.Datasets;
using Centric.Engine.Compute;

namespace Centric.Engine.Tests.Compute;

/// <summary>
/// The families that read the customer-days are computed first and those that read the purchase history next, each input
/// let go after the last family that reads it; the families are still listed in the catalogue's order.
/// </summary>
public class ComputeOrderTests
{
    [Fact]
    public void DaysReadersComeFirst_ThenThePurchaseHistoryReaders_EachInputLetGoAfterItsLastReader()
    {
        using var curated = CuratedFolder.OrdersAndTickets();
        var profile = new List<ComputeStep>();

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), new DatasetSettings { InactivityDays = 30 }, profile: profile);

        Assert.Equal(
            [
                "family orders", "family cohorts", "let go of the customer-days", "family predicted-clv",
                "let go of the purchase history", "family fulfilment", "family tickets",
            ],
            profile.Select(s => s.Name).SkipWhile(n => !n.StartsWith("family ", StringComparison.Ordinal)));
        Assert.Equal(["orders", "predicted-clv", "cohorts", "fulfilment", "tickets"], result.Families);

        // Each let-go step counts the rows it let go (what decides whether a full collection follows): three orders on
        // three customer-days, each a purchase day of the history.
        Assert.Equal(3, profile.Single(s => s.Name == "let go of the customer-days").Rows);
        Assert.Equal(3, profile.Single(s => s.Name == "let go of the purchase history").Rows);
        Assert.NotEmpty(result.Cohorts);
        Assert.Contains(result.Values, v => v.Metric == "clv-predicted");
    }

    [Fact]
    public void WithoutOrders_NothingIsLetGo_ForNothingWasLoaded()
    {
        using var curated = new CuratedFolder().Tickets(("t1", "c1", "2025-04-10 08:00:00"), ("t2", "c2", "2025-05-11 12:00:00"));
        var profile = new List<ComputeStep>();

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), new DatasetSettings(), profile: profile);

        Assert.Equal(["tickets"], result.Families);
        Assert.DoesNotContain(profile, s => s.Name.StartsWith("let go", StringComparison.Ordinal));
        Assert.Contains(profile, s => s.Name == "family tickets");
    }
}

using Centric.Domain.Datasets;
using Centric.Domain.Families;
using Centric.Engine.Compute;

namespace Centric.Engine.Tests.Compute;

/// <summary>The values of each family handed over as the family ends, which the service writes while the next computes.</summary>
public class FamilyValuesHandOverTests
{
    [Fact]
    public void EachFamilysValues_AreHandedOverOnceInOrder_AndTogetherAreTheResult()
    {
        using var curated = CuratedFolder.OrdersAndTickets();
        var handed = new List<FamilyValues>();

        var result = DatasetComputer.Compute(
            CuratedFiles.FromFolder(curated.Root), new DatasetSettings { InactivityDays = 30 }, familyComputed: handed.Add);

        Assert.Equal(result.Families.Where(f => handed.Any(h => h.Family == f)), handed.Select(h => h.Family));
        Assert.Contains("orders", handed.Select(h => h.Family));
        Assert.Contains("tickets", handed.Select(h => h.Family));
        Assert.All(handed, h =>
        {
            Assert.NotEmpty(h.Values);
            Assert.Equal(result.AsOf, h.AsOf);
            Assert.Equal(result.ReportingCurrency, h.ReportingCurrency);
            var family = MetricFamilies.All.Single(f => f.Name == h.Family);
            Assert.All(h.Values, v => Assert.Contains(v.Metric, family.Definitions.Select(d => d.Id)));
        });

        // The same value objects, in the same order: a caller that stores them as they come stores the result exactly.
        var concatenated = handed.SelectMany(h => h.Values).ToList();
        Assert.Equal(result.Values.Count, concatenated.Count);
        Assert.True(result.Values.Zip(concatenated).All(p => ReferenceEquals(p.First, p.Second)));
    }
}

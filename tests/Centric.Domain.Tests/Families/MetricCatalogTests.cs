using Centric.Domain.Families;
using Centric.Domain.Families.Cohorts;
using Centric.Domain.Metrics;

namespace Centric.Domain.Tests.Families;

public class MetricCatalogTests
{
    [Fact]
    public void Catalogue_IsEveryFamilysDefinitions_InFamilyOrder()
    {
        Assert.Equal(MetricFamilies.All.SelectMany(f => f.Definitions).Select(d => d.Id), MetricCatalog.All.Select(d => d.Id));
    }

    [Fact]
    public void Catalogue_ListsCohortRetention()
    {
        var cohorts = MetricCatalog.Find("cohort-retention");

        Assert.NotNull(cohorts);
        Assert.Equal(MetricUnit.Percent, cohorts.Unit);
        Assert.Equal(CohortRetention.DefinitionVersion, cohorts.Version);
    }

    [Fact]
    public void Families_AreChosenByTheKindsPresent()
    {
        Assert.Empty(MetricFamilies.For(new HashSet<Domain.Exports.ExportKind> { Domain.Exports.ExportKind.Customers, Domain.Exports.ExportKind.Tickets }));
        Assert.Equal(
            ["orders", "predicted-clv", "cohorts", "fulfilment"],
            MetricFamilies.For(new HashSet<Domain.Exports.ExportKind> { Domain.Exports.ExportKind.Orders }).Select(f => f.Name));
    }
}

namespace Centric.Infra.Tests.Packaging;

/// <summary>Shares one run of scripts/package.sh between the packaging test classes.</summary>
[CollectionDefinition(Name)]
public sealed class PackageGroup : ICollectionFixture<PackageFixture>
{
    public const string Name = "Deployment package";
}

using Centric.Testing;

namespace Centric.Functions.Tests;

/// <summary>One Azurite for the handler tests; every test class still owns its containers, queues and tables.</summary>
[CollectionDefinition(Name)]
public sealed class SharedAzurite : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}

namespace Centric.Infra.Tests.Bicep;

/// <summary>BlobCreated in exports/ reaches the ingest queue in seconds, delivered with Event Grid's own identity.</summary>
public sealed class EventGridTemplateTests(CompiledTemplateFixture fixture) : IClassFixture<CompiledTemplateFixture>
{
    private ArmTemplate Template => fixture.Template;

    private ArmResource Subscription => Template.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions");

    [Fact]
    public void SystemTopic_WatchesTheStorageAccount_WithAUserAssignedIdentity()
    {
        var topic = Template.Single("Microsoft.EventGrid/systemTopics");

        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.Properties.Text("topicType"));
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]", topic.Properties.Text("source"));
        Assert.Equal("UserAssigned", topic.Json.Text("identity.type"));
    }

    [Fact]
    public void Subscription_FiltersBlobCreatedInTheExportsContainer()
    {
        var filter = Subscription.Properties.At("filter");

        Assert.Equal(["Microsoft.Storage.BlobCreated"], (filter.At("includedEventTypes") as System.Text.Json.Nodes.JsonArray ?? []).Select(type => type!.GetValue<string>()));
        Assert.Equal("/blobServices/default/containers/exports/", filter.Text("subjectBeginsWith"));
    }

    [Fact]
    public void Subscription_DeliversToTheIngestQueueOfTheSameAccount_WithItsIdentity()
    {
        var delivery = Subscription.Properties.At("deliveryWithResourceIdentity");

        Assert.Null(Subscription.Properties.At("destination")); // no key-based delivery
        Assert.Equal("UserAssigned", delivery.Text("identity.type"));
        Assert.Equal("[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName'))]", delivery.Text("identity.userAssignedIdentity"));
        Assert.Equal("StorageQueue", delivery.Text("destination.endpointType"));
        Assert.Equal("ingest", delivery.Text("destination.properties.queueName"));
        Assert.Equal(
            Template.Single("Microsoft.EventGrid/systemTopics").Properties.Text("source"),
            delivery.Text("destination.properties.resourceId"));
        Assert.Equal("EventGridSchema", Subscription.Properties.Text("eventDeliverySchema"));
    }

    [Fact]
    public void EventGridIdentity_IsNotTheAppIdentity()
    {
        var eventGrid = Template.ResolveInModule("event-grid", System.Text.Json.Nodes.JsonValue.Create("[parameters('identityName')]"));
        var roles = Template.ResolveInModule("roles", System.Text.Json.Nodes.JsonValue.Create("[parameters('appIdentityName')]"));

        Assert.NotNull(eventGrid);
        Assert.NotEqual(roles?.ToJsonString(), eventGrid.ToJsonString());
    }
}

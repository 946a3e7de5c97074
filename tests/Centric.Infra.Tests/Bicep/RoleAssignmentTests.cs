using System.Text.RegularExpressions;

namespace Centric.Infra.Tests.Bicep;

/// <summary>Least-privilege built-in roles with deterministic names, on the resources they are needed for.</summary>
public sealed partial class RoleAssignmentTests(CompiledTemplateFixture fixture) : IClassFixture<CompiledTemplateFixture>
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageQueueDataMessageSender = "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private static readonly HashSet<string> StorageRoles =
        [StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor, StorageQueueDataMessageSender];

    private IReadOnlyList<ArmResource> Assignments => fixture.Template.OfType("Microsoft.Authorization/roleAssignments");

    [Fact]
    public void RoleAssignments_GrantExactlyTheNeededBuiltInRoles()
    {
        var granted = Assignments.SelectMany(RoleIds).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            new[] { StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor, StorageQueueDataMessageSender, MonitoringMetricsPublisher }
                .Order(StringComparer.Ordinal),
            granted);
    }

    [Fact]
    public void RoleAssignments_UseSubscriptionScopedBuiltInDefinitions_ForServicePrincipals()
    {
        Assert.NotEmpty(Assignments);
        Assert.All(Assignments, assignment =>
        {
            Assert.StartsWith(
                "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ",
                assignment.Properties.Text("roleDefinitionId"),
                StringComparison.Ordinal);
            Assert.Equal("ServicePrincipal", assignment.Properties.Text("principalType"));
        });
    }

    [Fact]
    public void RoleAssignments_HaveDeterministicGuidNames()
    {
        Assert.All(Assignments, assignment =>
        {
            Assert.StartsWith("[guid(", assignment.Name, StringComparison.Ordinal);
            Assert.DoesNotContain("newGuid", assignment.Name, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("utcNow", assignment.Name, StringComparison.OrdinalIgnoreCase);
            // Named from the scope, the identity and the role: redeploying updates, never duplicates.
            Assert.Contains("resourceId('Microsoft.ManagedIdentity/userAssignedIdentities'", assignment.Name, StringComparison.Ordinal);
            Assert.All(RoleIds(assignment), role => Assert.Contains(role, assignment.Name, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void StorageDataRoles_AreScopedToTheStorageAccount()
    {
        var storageAssignments = Assignments.Where(assignment => RoleIds(assignment).All(StorageRoles.Contains)).ToList();

        Assert.Equal(2, storageAssignments.Count); // the app's three roles (one loop) and Event Grid's sender
        Assert.All(storageAssignments, assignment =>
            Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]", assignment.Json.Text("scope")));
    }

    [Fact]
    public void MonitoringMetricsPublisher_IsScopedToApplicationInsights_ForTheAppIdentity()
    {
        var publisher = Assert.Single(Assignments, assignment => RoleIds(assignment).Contains(MonitoringMetricsPublisher));

        Assert.Equal("[resourceId('Microsoft.Insights/components', parameters('applicationInsightsName'))]", publisher.Json.Text("scope"));
        Assert.Contains("parameters('appIdentityName')", publisher.Properties.Text("principalId"), StringComparison.Ordinal);
    }

    [Fact]
    public void EventGridIdentity_OnlySendsQueueMessages()
    {
        var eventGrid = Assert.Single(
            Assignments,
            assignment => assignment.Properties.Text("principalId")?.Contains("eventGridIdentityName", StringComparison.Ordinal) == true);

        Assert.Equal([StorageQueueDataMessageSender], RoleIds(eventGrid));
    }

    private static List<string> RoleIds(ArmResource assignment) =>
        Guid().Matches(assignment.Properties.Text("roleDefinitionId") ?? "").Select(match => match.Value).ToList();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();
}

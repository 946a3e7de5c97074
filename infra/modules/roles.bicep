// Least-privilege data-plane roles, all built in, each named with a deterministic guid() so a redeployment
// updates the same assignment instead of failing on a duplicate.
//  - the app's identity: Storage Blob Data Owner (the Functions host's AzureWebJobsStorage needs it for leases
//    and the Flex deployment container), Storage Queue Data Contributor, Storage Table Data Contributor on the
//    storage account, and Monitoring Metrics Publisher on Application Insights (local auth is off);
//  - Event Grid's identity: Storage Queue Data Message Sender on the storage account, to write BlobCreated
//    events to the ingest queue.

@description('Name of the storage account the roles are granted on.')
param storageAccountName string

@description('Name of the Application Insights component the app publishes telemetry to.')
param applicationInsightsName string

@description('Name of the function app\'s user-assigned identity.')
param appIdentityName string

@description('Name of the user-assigned identity Event Grid delivers blob events with.')
param eventGridIdentityName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

resource eventGridIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: eventGridIdentityName
}

// Built-in role ids are written out (not variables) so the compiled template shows exactly what is granted.
resource appStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in [
    'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner
    '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
    '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
  ]: {
    name: guid(storage.id, appIdentity.id, roleId)
    scope: storage
    properties: {
      principalId: appIdentity.properties.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

// Storage Queue Data Message Sender
resource eventGridQueueSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, eventGridIdentity.id, 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a')
  scope: storage
  properties: {
    principalId: eventGridIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a')
  }
}

// Monitoring Metrics Publisher
resource appMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appIdentity.id, '3913510d-42f4-4e42-8a64-420c390055eb')
  scope: applicationInsights
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '3913510d-42f4-4e42-8a64-420c390055eb')
  }
}

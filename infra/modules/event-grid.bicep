// The fast path: a system topic on the storage account and a BlobCreated subscription, filtered to the exports
// container, that writes each event to the ingest queue with its own identity. ScanExports stays the safety net.
// Container and queue are the public names of docs/architecture.md, written out so the compiled template shows them.

@description('Name of the Event Grid system topic.')
param systemTopicName string

@description('Azure region of the storage account (a system topic lives beside its source).')
param location string

@description('Tags applied to the system topic.')
param tags object

@description('Name of the storage account whose blob events are routed.')
param storageAccountName string

@description('Name of the user-assigned identity Event Grid delivers with; it holds Storage Queue Data Message Sender.')
param identityName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource blobCreatedToIngest 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'exports-blob-created-to-ingest'
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/exports/'
    }
    deliveryWithResourceIdentity: {
      identity: {
        type: 'UserAssigned'
        userAssignedIdentity: identity.id
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storage.id
          queueName: 'ingest'
          queueMessageTimeToLiveInSeconds: 604800
        }
      }
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

@description('Name of the system topic.')
output systemTopicName string = systemTopic.name

@description('Name of the event subscription.')
output subscriptionName string = blobCreatedToIngest.name

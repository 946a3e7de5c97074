// Centric on Azure: storage (identity only), monitoring, the function app on Flex Consumption running the custom
// handler, the Event Grid fast path from exports/ to the ingest queue, and the roles tying them together.
// Deploy into a resource group: `az deployment group create -g <group> -p infra/main.bicepparam` or `azd up`.

targetScope = 'resourceGroup'

@description('Short base name of every resource: 2-8 lowercase letters or digits.')
@minLength(2)
@maxLength(8)
param name string = 'centric'

@description('Azure region of every resource (a region with Flex Consumption).')
param location string = resourceGroup().location

@description('Deployment environment; part of every name and the choice of defaults in main.bicepparam.')
@allowed([
  'dev'
  'prod'
])
param environment string

@description('Most instances the function app scales out to (Flex Consumption allows 40-1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each function app instance in MB (the sizes Flex Consumption offers).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Days the Log Analytics workspace keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Tags applied to every resource.')
param tags object = {}

var token = uniqueString(subscription().id, resourceGroup().id, name, environment)
var suffix = '${name}-${environment}-${token}'
var names = {
  storage: take('st${name}${environment}${token}', 24)
  plan: 'plan-${suffix}'
  functionApp: 'func-${suffix}'
  appIdentity: 'id-${suffix}'
  eventGridIdentity: 'id-evgt-${suffix}'
  logAnalytics: 'log-${suffix}'
  applicationInsights: 'appi-${suffix}'
  systemTopic: 'evgt-${suffix}'
}
var deploymentContainerName = 'app-package'
var allTags = union(tags, { application: 'centric', environment: environment })

module appIdentity 'modules/identity.bicep' = {
  name: 'app-identity'
  params: {
    name: names.appIdentity
    location: location
    tags: allTags
  }
}

module eventGridIdentity 'modules/identity.bicep' = {
  name: 'event-grid-identity'
  params: {
    name: names.eventGridIdentity
    location: location
    tags: allTags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    skuName: storageSkuName
    deploymentContainerName: deploymentContainerName
    deleteRetentionDays: 7
    tags: allTags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    retentionInDays: logRetentionInDays
    tags: allTags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    storageAccountName: names.storage
    applicationInsightsName: names.applicationInsights
    appIdentityName: names.appIdentity
    eventGridIdentityName: names.eventGridIdentity
  }
  dependsOn: [
    storage
    monitoring
    appIdentity
    eventGridIdentity
  ]
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: allTags
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    identityId: appIdentity.outputs.id
    identityClientId: appIdentity.outputs.clientId
    applicationInsightsName: names.applicationInsights
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  // The host reads its storage and publishes telemetry as soon as the app starts: grant the roles first.
  dependsOn: [
    monitoring
    roles
  ]
}

module eventGrid 'modules/event-grid.bicep' = {
  name: 'event-grid'
  params: {
    systemTopicName: names.systemTopic
    location: location
    tags: allTags
    storageAccountName: names.storage
    identityName: names.eventGridIdentity
  }
  // The ingest queue must exist and Event Grid's identity must hold its role before the subscription is made.
  dependsOn: [
    storage
    roles
  ]
}

@description('Region the resources were deployed to.')
output AZURE_LOCATION string = location

@description('Name of the function app (the target of zip deploy).')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Base URL of the HTTP API.')
output CENTRIC_API_URL string = 'https://${functionApp.outputs.defaultHostName}/api'

@description('Name of the storage account (drop exports into its exports container).')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Client id of the app\'s managed identity.')
output AZURE_APP_IDENTITY_CLIENT_ID string = appIdentity.outputs.clientId

@description('Name of the Application Insights component.')
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName

@description('Name of the Event Grid system topic on the storage account.')
output EVENT_GRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.systemTopicName

// The function app on Flex Consumption (FC1). It runs the custom handler on the dotnet-isolated stack:
// host.json starts `dotnet Centric.Functions.dll`, so the platform's .NET runtime runs a framework-dependent
// build. Every connection is identity-based: no storage key or connection string is ever written.

@description('Name of the function app.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region of the plan and the app.')
param location string

@description('Tags applied to the plan and the app; the app also gets azd-service-name.')
param tags object

@description('Name of the storage account used by the host (AzureWebJobsStorage) and the handler.')
param storageAccountName string

@description('Blob endpoint of the storage account, ending in a slash.')
param storageBlobEndpoint string

@description('Blob container Flex Consumption deploys the app package from.')
param deploymentContainerName string

@description('Resource id of the app\'s user-assigned identity.')
param identityId string

@description('Client id of the app\'s user-assigned identity.')
param identityClientId string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Most instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // Host storage (timers' leases, queue triggers, keys) through the identity, no keys.
        { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        // The handler's Azure SDK clients pick the same identity through DefaultAzureCredential.
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        // Application Insights with Microsoft Entra authentication (the component has local auth off).
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        // Read by the timers' function.json (%ScanExportsSchedule%, %NightlyRecomputeSchedule%); NCRONTAB, UTC.
        { name: 'ScanExportsSchedule', value: '0 */5 * * * *' }
        { name: 'NightlyRecomputeSchedule', value: '0 0 2 * * *' }
        // The largest upload the API accepts, in bytes (the handler's Kestrel limit and the upload endpoint read it);
        // the Functions host's own HTTP limit is 100 MB too. Larger files go straight into the exports container.
        { name: 'maxUploadBytes', value: '104857600' }
        // The instance memory DuckDB's defaults are sized from (memory_limit is 60 % of it): the plan's own figure.
        { name: 'DuckDb__InstanceMemoryMb', value: string(instanceMemoryMB) }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

@description('Name of the function app.')
output name string = app.name

@description('Default host name of the function app.')
output defaultHostName string = app.properties.defaultHostName

// Parameters for both environments. CENTRIC_ENVIRONMENT picks one (dev when unset):
//   CENTRIC_ENVIRONMENT=prod az deployment group create -g <group> -p infra/main.bicepparam
// azd sets AZURE_ENV_NAME, which tags every resource so `azd down` finds them.
using 'main.bicep'

var selected = readEnvironmentVariable('CENTRIC_ENVIRONMENT', 'dev')
var isProd = selected == 'prod'

param environment = selected
param name = 'centric'
param maximumInstanceCount = isProd ? 200 : 40
param instanceMemoryMB = isProd ? 4096 : 2048
param storageSkuName = isProd ? 'Standard_ZRS' : 'Standard_LRS'
param logRetentionInDays = isProd ? 90 : 30
param tags = {
  'azd-env-name': readEnvironmentVariable('AZURE_ENV_NAME', 'centric-${selected}')
}

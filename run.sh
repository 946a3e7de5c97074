#!/usr/bin/env bash
# Runs Centric locally: installs Azurite (npm ci) when needed, then starts the local host, which starts Azurite,
# the handler and the triggers, seeds the generated sample dataset, and serves the API at http://127.0.0.1:7071/api.
# Extra arguments go to the local host (e.g. --port 7072). Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund --loglevel=error
exec dotnet run --project functions/Centric.LocalHost -c Release -- --sample "$@"

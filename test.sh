#!/usr/bin/env bash
# Runs every test: installs Azurite (npm ci), restores, builds warnings-as-errors, and runs the suite against a
# real Azurite that the test fixtures start on free ports. Prints one closing line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

npm ci --no-audit --no-fund --loglevel=error
dotnet restore Serverless.sln
dotnet build Serverless.sln --no-restore -c Release

log=$(mktemp)
status=0
dotnet test Serverless.sln --no-build -c Release "$@" 2>&1 | tee "$log" || status=$?

sum() { grep -Eo "$1: +[0-9]+" "$log" | awk '{ n += $2 } END { print n + 0 }'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
rm -f "$log"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"

#!/usr/bin/env bash
# Runs Centric locally: installs Azurite (npm ci) when needed, builds the local host when its sources changed since the
# last build, then starts it: it starts Azurite, the handler and the triggers, seeds the generated sample datasets, and
# serves the API at http://127.0.0.1:7071/api. Extra arguments go to the local host (e.g. --port 7072). Ctrl+C stops
# everything.
set -euo pipefail
cd "$(dirname "$0")"
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund --loglevel=error

host=functions/Centric.LocalHost/bin/Release/net10.0/Centric.LocalHost.dll
# A build, even one with nothing to do, costs tens of seconds: skip it when no source is newer than the built host.
if [ ! -f "$host" ] || [ -n "$(find functions Directory.Build.props Directory.Packages.props global.json \
      -newer "$host" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' -o -name '*.html' \
      -o -name '*.js' -o -name '*.css' \) -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
  echo "Building the local host and the handler (Release; the first build restores packages and takes a few minutes)..."
  dotnet build functions/Centric.LocalHost -c Release -nologo -clp:NoSummary -v:m
fi

# On a desktop, open the dashboard once the API answers (it shows each dataset as soon as its first numbers are in).
# CENTRIC_NO_BROWSER=1 leaves the browser closed.
if [ -z "${CENTRIC_NO_BROWSER:-}" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; } && command -v xdg-open >/dev/null; then
  port=7071
  args=("$@")
  for i in "${!args[@]}"; do [ "${args[$i]}" = "--port" ] && port="${args[$((i + 1))]:-7071}"; done
  (for _ in $(seq 1 120); do
     if curl -fs -o /dev/null "http://127.0.0.1:$port/api/health"; then xdg-open "http://127.0.0.1:$port/api/dashboard" >/dev/null 2>&1; break; fi
     sleep 1
   done) &
fi
exec dotnet "$host" --sample "$@"

#!/usr/bin/env bash
# Builds the deployment zip of the function app and checks its layout:
#   scripts/package.sh [output.zip]        (default: artifacts/centric-functions.zip)
# The zip holds a framework-dependent `dotnet publish -c Release -r linux-x64` of functions/Centric.Functions:
# host.json at the root, one folder per function with its function.json, and Centric.Functions.dll, which host.json
# starts as `dotnet Centric.Functions.dll` on the Flex Consumption dotnet-isolated stack. Unix modes are kept in the
# zip so executables stay executable. Needs the .NET SDK and python3; no network beyond NuGet restore.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/functions/Centric.Functions"
output="${1:-$root/artifacts/centric-functions.zip}"
case "$output" in /*) ;; *) output="$PWD/$output" ;; esac

command -v dotnet >/dev/null || { echo "package: the .NET SDK (dotnet) is required." >&2; exit 1; }
command -v python3 >/dev/null || { echo "package: python3 is required to write the zip." >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
publish="$work/publish"

dotnet publish "$project" -c Release -r linux-x64 --self-contained false -o "$publish" --nologo -v q >&2
# Settings for local runs never ship; the platform supplies app settings.
rm -f "$publish/local.settings.json"

mkdir -p "$(dirname "$output")"
rm -f "$output"

python3 - "$publish" "$project" "$output" <<'PY'
import json, os, stat, sys, zipfile

publish, project, output = sys.argv[1:4]

# Write: every file under the publish folder, paths relative to it, unix mode in the external attributes.
with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
    for folder, dirs, files in os.walk(publish):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            info = zipfile.ZipInfo.from_file(path, os.path.relpath(path, publish))
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as source:
                archive.writestr(info, source.read())

# Verify: the layout the Functions host and host.json expect.
problems = []
with zipfile.ZipFile(output) as archive:
    entries = {info.filename: info for info in archive.infolist()}
    names = set(entries)
    if "host.json" not in names:
        problems.append("host.json is not at the root")
    else:
        handler = json.loads(archive.read("host.json"))["customHandler"]["description"]
        arguments = handler.get("arguments", [])
        if handler.get("defaultExecutablePath") == "dotnet":
            if not arguments or arguments[0] not in names:
                problems.append(f"host.json runs dotnet {arguments} but the zip has no {arguments[:1]}")
        elif handler.get("defaultExecutablePath") not in names:
            problems.append(f"host.json runs {handler.get('defaultExecutablePath')}, which is not in the zip")
    functions = sorted(d for d in os.listdir(project)
                       if os.path.isfile(os.path.join(project, d, "function.json")))
    for function in functions:
        if f"{function}/function.json" not in names:
            problems.append(f"{function}/function.json is missing")
    if "Centric.Functions.dll" not in names:
        problems.append("Centric.Functions.dll is missing")
    for name, info in entries.items():
        base = os.path.basename(name)
        if base == "local.settings.json":
            problems.append(f"{name} must not ship")
        if base.endswith(".Tests.dll") or base.lower().startswith("xunit"):
            problems.append(f"{name} is a test assembly")
        if info.create_system != 3 or (info.external_attr >> 16) == 0:
            problems.append(f"{name} has no unix mode")
    apphost = entries.get("Centric.Functions")
    if apphost is not None and not (apphost.external_attr >> 16) & stat.S_IXUSR:
        problems.append("Centric.Functions lost its execute bit")
    size = sum(info.file_size for info in entries.values())
    print(f"{output}: {len(entries)} files, {size / 1e6:.1f} MB unpacked, "
          f"{os.path.getsize(output) / 1e6:.1f} MB zipped, functions: {', '.join(functions)}")

if problems:
    print("package: layout check failed:\n  " + "\n  ".join(problems), file=sys.stderr)
    sys.exit(1)
PY

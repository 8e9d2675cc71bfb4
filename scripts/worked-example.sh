#!/usr/bin/env bash
# Runs the README's worked example (every `sh` block of its section, in order) against a running
# server, and checks that each output the README states (a `# → ` line after a command) is what the
# server answered. Usage: API=http://localhost:3000/v1 scripts/worked-example.sh
# The platform administrator of the README must exist; curl and jq must be installed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
: "${API:?set API, e.g. http://localhost:3000/v1}"
for tool in curl jq; do command -v "$tool" >/dev/null || { echo "worked example: $tool is not installed" >&2; exit 2; }; done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The example reads the shipped curriculum and participant list and writes its files here.
ln -s "$root/curricula" "$work/curricula"
ln -s "$root/examples" "$work/examples"

awk '/^## Worked example/ { inside = 1; next }
     /^## / { inside = 0 }
     inside && /^```sh$/ { code = 1; next }
     inside && /^```$/ { code = 0; next }
     inside && code { print }' "$root/README.md" >"$work/example.sh"
[ -s "$work/example.sh" ] || { echo "worked example: no sh block found in the README" >&2; exit 2; }
sed -n 's/^# → //p' "$work/example.sh" >"$work/expected.txt"

cd "$work"
if ! API="$API" bash -euo pipefail example.sh >actual.txt 2>errors.txt; then
  echo "worked example: a command failed" >&2
  cat errors.txt actual.txt >&2
  exit 1
fi
if ! diff -u expected.txt actual.txt; then
  echo "worked example: the outputs above differ from the README (- README, + server)" >&2
  exit 1
fi
echo "worked example: $(wc -l <expected.txt) outputs as the README states them"

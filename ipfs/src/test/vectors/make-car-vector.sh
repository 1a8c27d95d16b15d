#!/usr/bin/env bash
# Regenerates ipfs/src/test/resources/vectors/car-basic.json with the JS reference (@ipld/car).
# Installs the npm packages in a temporary directory outside the repository.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../resources/vectors/car-basic.json"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --silent @ipld/car@5 @ipld/dag-pb@4 multiformats@13 >/dev/null
cp "$here/car-vector.mjs" .
mkdir -p "$(dirname "$out")"
node car-vector.mjs > "$out"
echo "wrote $out"

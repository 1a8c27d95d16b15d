#!/usr/bin/env bash
# Regenerates ../resources/vectors/unixfs-vectors.tsv with the JS reference importer.
# Installs pinned npm packages in a temp dir outside the repo (deleted afterwards); when Debian's
# ipfs-cid is installed (apt-get install -y ipfs-cid), the unixfs-v0-2015 file CIDs are checked
# against it too (a Rust implementation of Kubo's classic defaults).
# Usage: bash ipfs/src/test/vectors/make-vectors.sh     (takes ~10 s after the npm install)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../resources/vectors/unixfs-vectors.tsv"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent \
  ipfs-unixfs-importer@17 blockstore-core@7 multiformats@14 @multiformats/murmur3@2 >/dev/null
echo "ipfs-unixfs-importer $(node -p "require('./node_modules/ipfs-unixfs-importer/package.json').version")"
cp "$here/make-vectors.mjs" "$work/"
if command -v ipfs_cid >/dev/null; then check=ipfs-cid; else check=none; echo "ipfs_cid not installed: no cross-check"; fi
node make-vectors.mjs "$out" "$check"

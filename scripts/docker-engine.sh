#!/usr/bin/env bash
# Makes sure this machine has what the container and FUSE tests need, and that a Docker engine answers.
#
# Installs what is missing of Debian's docker.io, fuse3, busybox-static and nats-server with apt
# (nats-server is only installed, not started: the tests start their own), then, when `docker info`
# does not answer, starts dockerd in the background without a bridge network or iptables rules
# (jobs run with --network none; the machine has no registry to reach) and waits until it answers.
# Installing and starting need root; without root it only checks.
# Idempotent: safe to run before every test run. Exits non-zero, saying why, when no engine answers.
set -euo pipefail

LOG=${DOCKERD_LOG:-/tmp/dockerd.log}
WAIT_SECONDS=${DOCKERD_WAIT_SECONDS:-30}

engine_answers() {
    docker info --format '{{.ServerVersion}}' >/dev/null 2>&1
}

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v fusermount3 >/dev/null 2>&1 || missing+=(fuse3)
[ -x /bin/busybox ] || missing+=(busybox-static)
command -v nats-server >/dev/null 2>&1 || missing+=(nats-server)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "docker-engine: missing ${missing[*]}; installing them needs root (apt-get install ${missing[*]})" >&2
    else
        echo "docker-engine: installing ${missing[*]}"
        if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
                "${missing[@]}" >/dev/null; }; then
            echo "docker-engine: apt-get could not install ${missing[*]}" >&2
        fi
    fi
fi

if command -v docker >/dev/null 2>&1 && engine_answers; then
    echo "docker-engine: engine up ($(docker info --format '{{.ServerVersion}}'))"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "docker-engine: no Docker engine answers 'docker info', and starting dockerd needs root" >&2
    exit 1
fi
if ! command -v dockerd >/dev/null 2>&1; then
    echo "docker-engine: dockerd is not installed (Debian package docker.io) and could not be installed" >&2
    exit 1
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

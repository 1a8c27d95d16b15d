#!/usr/bin/env bash
# The test command: makes sure the Docker engine, FUSE, busybox and nats-server are here
# (scripts/docker-engine.sh), then runs every module's tests with `mvn verify`.
# Arguments are passed to Maven (e.g. scripts/test.sh -pl core -am).
#
# Without an engine (not root, or it does not start) the container tests are skipped with a
# warning; under CI=true that is an error instead, since CI must run them.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! scripts/docker-engine.sh; then
    if [ "${CI:-}" = "true" ]; then
        echo "test.sh: CI=true and no Docker engine is available (see the lines above); the container tests" \
             "cannot run, so the build fails. Run as root, or start a Docker engine first." >&2
        exit 1
    fi
    echo "test.sh: WARNING: no Docker engine is available (see the lines above); the container and FUSE tests" \
         "will be skipped." >&2
fi

exec mvn -B -ntp verify "$@"

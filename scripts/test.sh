#!/usr/bin/env bash
# The test command: makes sure the Docker engine, FUSE, busybox and nats-server are here
# (scripts/docker-engine.sh), runs every module's tests with `mvn verify`, checks the javadoc
# (`mvn javadoc:javadoc`, which fails on any warning), then executes the example notebooks with the
# Java kernel (scripts/notebooks.sh, which installs Jupyter as root).
# Arguments are passed to Maven (e.g. scripts/test.sh -pl core -am); the notebooks are left out when
# they name projects without examples, or skip tests.
#
# Without an engine (not root, or it does not start) the container tests are skipped with a
# warning, and without Jupyter (not root) the notebooks; under CI=true either is an error instead,
# since CI must run them.
set -euo pipefail
cd "$(dirname "$0")/.."

engine=yes
if ! scripts/docker-engine.sh; then
    engine=no
    if [ "${CI:-}" = "true" ]; then
        echo "test.sh: CI=true and no Docker engine is available (see the lines above); the container tests" \
             "cannot run, so the build fails. Run as root, or start a Docker engine first." >&2
        exit 1
    fi
    echo "test.sh: WARNING: no Docker engine is available (see the lines above); the container and FUSE tests" \
         "will be skipped." >&2
fi

# Javadoc over the public packages must stay free of warnings (the plugin fails on any); about 20-25 s
# here. In the same invocation as verify, so each module's javadoc resolves its sibling modules from
# this build: run alone, Maven takes them from ~/.m2, which on a fresh machine holds none (and here
# held stale ones that lacked this change's classes).
mvn -B -ntp verify javadoc:javadoc "$@"

# The notebooks need the examples jar: not run when the arguments pick projects without examples
# (-pl core) or skip tests; run offline when Maven is.
notebooks=yes
offline=
projects=
for arg in "$@"; do
    if [ "$projects" = next ]; then projects=$arg; continue; fi
    case "$arg" in
        -pl | --projects) projects=next ;;
        --projects=*) projects=${arg#--projects=} ;;
        -DskipTests | -DskipTests=true | -Dmaven.test.skip | -Dmaven.test.skip=true) notebooks=no ;;
        -o | --offline) offline=-o ;;
    esac
done
if [ -n "$projects" ] && [[ ",$projects," != *,examples,* && ",$projects," != *,:bacalhau4j-examples,* ]]; then
    notebooks=no
fi
if [ "$notebooks" = no ]; then
    echo "test.sh: the Maven arguments leave out examples or skip tests, so the notebooks are not run"
    exit 0
fi
# The shell example (a docker job) runs from its README command, on the jar verify just built.
if [ "$engine" = yes ]; then
    scripts/examples.sh
fi
rc=0
NOTEBOOKS_MVN_FLAGS=$offline scripts/notebooks.sh || rc=$?
if [ "$rc" -eq 77 ]; then
    if [ "${CI:-}" = "true" ]; then
        echo "test.sh: CI=true and Jupyter is missing (see the line above); the notebooks cannot run, so the" \
             "build fails. Run as root to have it installed." >&2
        exit 1
    fi
    echo "test.sh: WARNING: Jupyter is missing (see the line above); the notebooks were not run." >&2
    exit 0
fi
exit "$rc"

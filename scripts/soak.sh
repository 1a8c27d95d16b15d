#!/usr/bin/env bash
# Runs PeerFaultSoakTest for longer than the test suite does: scripts/soak.sh [SECONDS [SEED]].
# SECONDS of faults (default 600); SEED replays the schedule of a run that printed it. Needs
# nats-server (scripts/docker-engine.sh installs it). Prints the run's summary line at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
args=(-Dsoak.seconds="$seconds")
if [ -n "${2:-}" ]; then args+=(-Dsoak.seed="$2"); fi
log="$(mktemp -t soak-XXXXXX.log)"
status=0
mvn -B -ntp verify -pl api,ipfs,core,runtime-function,runtime-container,examples,src-test \
    -Dtest=PeerFaultSoakTest -Dsurefire.failIfNoSpecifiedTests=false "${args[@]}" >"$log" 2>&1 || status=$?
grep -E 'PeerFaultSoakTest(:| summary:)' "$log" || true
if [ "$status" -ne 0 ]; then
    echo "soak.sh: the soak failed (exit $status); the full log is in $log" >&2
    grep -E 'ERROR|FAIL|Expect|seed' "$log" | head -40 >&2 || true
else
    rm -f "$log"
fi
exit "$status"

#!/usr/bin/env bash
# Coverage-guided fuzzing of the parsers with Jazzer, one target after another.
#   scripts/fuzz.sh [seconds-per-target] [target-filter]
# seconds-per-target defaults to 60; target-filter (a grep pattern, e.g. Cid or JobSpec) picks
# targets. Maven flags can be added with MVN_FLAGS (e.g. MVN_FLAGS=-o for offline).
# FUZZ_SEED=N fixes libFuzzer's random seed and FUZZ_RUNS=N stops each target after N inputs: with
# both, and no <module>/.cifuzz-corpus/ left from earlier runs, a run repeats exactly (measured on
# the dag-pb and spec targets: the same coverage and the same corpus, byte for byte, every time).
#
# The normal suite (mvn verify) replays only the committed inputs of each @FuzzTest (Jazzer's
# regression mode, deterministic). This script runs each target in fuzzing mode (JAZZER_FUZZ=1,
# one JVM per target as Jazzer requires), with a heap of 512 MB so that an input that makes a parser
# allocate out of proportion shows up as an OutOfMemoryError, and a 30 s limit per input.
# A finding is written by Jazzer as crash-<sha1> (or timeout-/oom-<sha1>) into the target's inputs
# directory, src/test/resources/<package>/<Class>Inputs/<method>/, where the suite replays it from
# then on: fix the bug, rename the file to say what it found, and commit it. The corpus Jazzer grows
# while fuzzing stays in <module>/.cifuzz-corpus/ (not committed; delete it to start afresh).
# Exits 1 when any target found something, after running all of them.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
filter="${2:-.}"
# module:Class#method
targets=(
    api:dev.bacalhau4j.api.JobSpecFuzzTest#readYaml
    api:dev.bacalhau4j.api.JobSpecFuzzTest#readJson
    ipfs:dev.bacalhau4j.ipfs.jazzer.CidFuzzTest#parse
    ipfs:dev.bacalhau4j.ipfs.jazzer.CidFuzzTest#decode
    ipfs:dev.bacalhau4j.ipfs.jazzer.CidFuzzTest#multibase
    ipfs:dev.bacalhau4j.ipfs.jazzer.CidFuzzTest#varint
    ipfs:dev.bacalhau4j.ipfs.jazzer.DagPbFuzzTest#decode
    ipfs:dev.bacalhau4j.ipfs.jazzer.UnixFsFuzzTest#decode
    ipfs:dev.bacalhau4j.ipfs.jazzer.CarFuzzTest#read
    ipfs:dev.bacalhau4j.ipfs.jazzer.ExporterFuzzTest#walk
)
mvn_flags=(-B -ntp ${MVN_FLAGS:-})
# libFuzzer arguments after the three below; Jazzer reads jazzer.internal.arg.N up to the first gap
extra=()
[ -n "${FUZZ_SEED:-}" ] && extra+=(-Djazzer.internal.arg.$((3 + ${#extra[@]}))=-seed="$FUZZ_SEED")
[ -n "${FUZZ_RUNS:-}" ] && extra+=(-Djazzer.internal.arg.$((3 + ${#extra[@]}))=-runs="$FUZZ_RUNS")
logs=target/fuzz-logs
mkdir -p "$logs"

mvn "${mvn_flags[@]}" -q test-compile -pl api,ipfs || exit 2

failed=()
for entry in "${targets[@]}"; do
    module=${entry%%:*}
    test=${entry#*:}
    grep -q -- "$filter" <<<"$test" || continue
    name=${test##*.}
    log="$logs/${name/\#/-}.log"
    inputs="$module/src/test/resources/$(dirname "${test//.//}")/${name%%#*}Inputs/${name#*#}"
    before=$(ls "$inputs" 2>/dev/null | sort)
    echo "fuzz.sh: $name for ${seconds}s (log: $log)"
    JAZZER_FUZZ=1 mvn "${mvn_flags[@]}" surefire:test -pl "$module" -Dtest="$test" \
        -Dsurefire.failIfNoSpecifiedTests=false -DtrimStackTrace=false -DargLine=-Xmx512m \
        -Djazzer.hooks=true -Djazzer.internal.arg.0=fuzz \
        -Djazzer.internal.arg.1=-max_total_time="$seconds" -Djazzer.internal.arg.2=-timeout=30 "${extra[@]}" \
        >"$log" 2>&1
    rc=$?
    grep -E '^#[0-9]+[[:space:]]+DONE|^Done [0-9]+ runs' "$log" | tail -2 | sed 's/^/    /'
    found=$(comm -13 <(echo "$before") <(ls "$inputs" 2>/dev/null | sort) | grep -E '^(crash|timeout|oom|slow-unit)-' || true)
    if [ "$rc" -ne 0 ] || [ -n "$found" ]; then
        echo "    FINDING (exit $rc): ${found:-see the log}" | sed "s|: crash| in $inputs: crash|"
        failed+=("$name")
    fi
done

if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzz.sh: findings in: ${failed[*]}"
    exit 1
fi
echo "fuzz.sh: no findings"

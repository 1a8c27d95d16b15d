#!/usr/bin/env bash
# Runs the README's one-command examples that the Maven tests do not run (they run the Java ones,
# ExamplesTest): the container CSV example, checking the summary it prints. Needs the examples jar
# (mvn verify builds it) and a Docker engine; test.sh calls it after the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
node=$(mktemp -d)
trap 'rm -rf "$node"' EXIT
out=$(examples/bin/csv-in-container --node-dir "$node" 2> "$node/stderr") || {
    echo "examples.sh: examples/bin/csv-in-container failed:" >&2; echo "$out" >&2; cat "$node/stderr" >&2; exit 1; }
expected=$'region,units,revenue\nasia,67,229.90\neu,52,204.70\nus,50,216.25'
if [[ "$out" != *"$expected"* || "$out" != *"State:     Completed"* ]]; then
    echo "examples.sh: examples/bin/csv-in-container printed, without the expected summary:" >&2
    echo "$out" >&2
    exit 1
fi
echo "examples.sh: examples/bin/csv-in-container: ok"

#!/usr/bin/env bash
# Runs the parser fuzz targets for longer than the normal test suite does.
#   ipfs/src/test/fuzz/run-fuzz.sh [seconds-per-target] [seed]
# Defaults: 60 seconds per target, a fresh random seed (printed, so a finding can be replayed
# with the same seed). Findings are saved in ipfs/target/fuzz-findings/ as hex; add the ones that
# found a bug to ipfs/src/test/resources/fuzz/<target>.hex with a comment saying what it found.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
seconds="${1:-60}"
seed="${2:-$RANDOM$RANDOM}"
echo "fuzzing each target for ${seconds}s with seed ${seed}"
exec mvn -B -ntp -pl ipfs test -Dtest='ParserFuzzTest' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfuzz.seconds="${seconds}" -Dfuzz.seed="${seed}" -Dsurefire.timeout=0

#!/usr/bin/env bash
# Fuzzes what parses member input (Markdown cooking, the scanner's reading, form decoding, the
# redaction matcher, the text checks) for longer than the test command does, in a release build.
#   scripts/fuzz.sh [SECONDS]        total time, shared by the five targets (default 600)
#   CASEROOM_FUZZ_SEED=N scripts/fuzz.sh 10   replays a failure's seed
# The test command runs the same targets for 12 seconds in all.
set -euo pipefail
cd "$(dirname "$0")/.."
export CASEROOM_FUZZ_SECS="${1:-600}"
cargo test --release --features ssr --lib server::fuzz -- --nocapture --test-threads=2

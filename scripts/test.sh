#!/usr/bin/env bash
# Runs every check and test: formatting, lints, the wasm dependency guard, unit and integration
# tests on SQLite, the HTTP suite again on a throwaway PostgreSQL cluster (started here, stopped at
# the end), the browser journeys in Debian's Chromium with JavaScript on and off, and each
# benchmark once (criterion in test mode on the test build, the wrk/nginx load script for
# 2 seconds per backend on the debug build; the measured runs are separate commands).
# Installs what is missing first. Ends with one summary line "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --for-tests
step() { printf '\n== %s (%s)\n' "$*" "$(date +%T)"; }
# A smoke run that hangs fails here with its name, long before CI's own limit.
bounded() { # seconds command...
  local limit=$1 rc=0; shift
  timeout -k 30 "$limit" "$@" || rc=$?
  [[ $rc -eq 124 || $rc -eq 137 ]] && echo "'$*' did not finish within $limit s" >&2
  return "$rc"
}
log=$(mktemp -d)
pg_dir=$(mktemp -d)
trap 'bash scripts/postgres.sh stop "$pg_dir"' EXIT
# A one-off build gains nothing from incremental caches, which double the crate's share of
# target/ (CI once ran out of disk). Set CARGO_INCREMENTAL=1 to keep them while iterating.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

step "format"
cargo fmt --check

step "server crates stay out of the wasm build"
if cargo tree --target wasm32-unknown-unknown --no-default-features --features hydrate -e normal --prefix none \
    | grep -E '^(sqlx|tokio|axum|argon2|leptos_axum)[ -]'; then
  echo "a server-only crate reached the wasm dependency tree" >&2
  exit 1
fi

step "clippy"
cargo clippy --all-targets --features ssr -- -D warnings

step "unit and integration tests"
cargo test --features ssr 2>&1 | tee "$log/cargo.txt"

step "the HTTP suite on PostgreSQL (a throwaway cluster from Debian's postgresql package)"
pg_url=$(bash scripts/postgres.sh start "$pg_dir")
export CASEROOM_TEST_POSTGRES="$pg_url" CASEROOM_TEST_POSTGRES_DATA="$pg_dir/data"
cargo test --features ssr --test http 2>&1 | tee "$log/cargo-postgres.txt"
unset CASEROOM_TEST_POSTGRES CASEROOM_TEST_POSTGRES_DATA

step "build the site and the server for the browser tests"
bash scripts/build.sh debug

step "the deployment guide's nginx config in front of two nodes on PostgreSQL"
if ! command -v nginx >/dev/null; then
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq wrk nginx-light >/dev/null
fi
bash scripts/deploy-check.sh "$pg_url"

step "browser journeys (JavaScript on and off)"
(cd end2end && npx playwright test) 2>&1 | tee "$log/e2e.txt"

step "benchmarks, once each (smoke; the measured runs are in docs/BENCHMARKS.md)"
cargo test --features ssr --benches 2>&1 | tee "$log/benches.txt"
bounded 600 bash benches/load.sh 1 --debug --rounds 1
bounded 600 bash benches/memory.sh 15s --posts 200 --debug
bounded 600 bash benches/search.sh --posts 200 --debug --secs 1

rust_passed=$(cat "$log/cargo.txt" "$log/cargo-postgres.txt" | grep -Eo '^test result: ok\. [0-9]+ passed' | awk '{s+=$4} END {print s+0}')
e2e_passed=$(grep -Eo '^ *[0-9]+ passed' "$log/e2e.txt" | awk '{s+=$1} END {print s+0}')
e2e_skipped=$(grep -Eo '^ *[0-9]+ skipped' "$log/e2e.txt" | awk '{s+=$1} END {print s+0}')
echo
echo "rust tests: $rust_passed passed (the HTTP suite counted once per backend); browser tests: $e2e_passed passed, $e2e_skipped skipped (JavaScript-only checks in the no-JS run)"
echo "tests: $((rust_passed + e2e_passed)) passed, 0 failed"

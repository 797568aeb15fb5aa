#!/usr/bin/env bash
# Starts the built server on a fresh database with one admin for the browser journeys.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${CASEROOM_BIN:-target/debug/caseroom}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export DATABASE_URL="sqlite://$dir/e2e.db"
export LEPTOS_SITE_ADDR="127.0.0.1:${E2E_PORT:-3100}"
export LEPTOS_SITE_ROOT="target/site"
export RUST_LOG="${RUST_LOG:-caseroom=warn}"
"$bin" migrate >/dev/null
printf '%s\n' "velvet orchard compass" | "$bin" admin create --email admin@e2e.caseroom.example --name "E2E Admin" >/dev/null
"$bin" serve

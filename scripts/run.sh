#!/usr/bin/env bash
# Runs Caseroom on its embedded SQLite default (./caseroom.db) with demo accounts, at
# http://127.0.0.1:3000 unless LEPTOS_SITE_ADDR says otherwise. Installs missing build tools first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh release
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
target/release/caseroom migrate
target/release/caseroom demo
# The allocator gives freed memory back at once (docs/DEPLOYMENT.md, "Memory").
export MIMALLOC_PURGE_DELAY="${MIMALLOC_PURGE_DELAY:-0}" MIMALLOC_ARENA_EAGER_COMMIT="${MIMALLOC_ARENA_EAGER_COMMIT:-0}"
exec target/release/caseroom serve

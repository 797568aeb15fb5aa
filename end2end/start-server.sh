#!/usr/bin/env bash
# Starts the built server on a fresh database with one admin for the browser journeys, sending
# email to an SMTP sink on loopback (smtp-sink.mjs; its messages at E2E_MAIL_PORT + 1). Playwright
# stops the whole process group at the end, the sink with it.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${CASEROOM_BIN:-target/debug/caseroom}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export DATABASE_URL="sqlite://$dir/e2e.db"
export LEPTOS_SITE_ADDR="127.0.0.1:${E2E_PORT:-3100}"
export LEPTOS_SITE_ROOT="target/site"
export RUST_LOG="${RUST_LOG:-caseroom=warn}"
# Every journey comes from one address (127.0.0.1), as a whole practice's network would, and a
# full run brings more cases in an hour than the default allows one address, and more members
# (each one invited by the one admin) than an admin's default.
export CASEROOM_RATE_LIMITS="case=100/1h, invite=1000/1h"
mail_port="${E2E_MAIL_PORT:-3102}"
node end2end/smtp-sink.mjs "$mail_port" "$((mail_port + 1))" &
sink=$!
trap 'kill "$sink" 2>/dev/null; rm -rf "$dir"' EXIT
export CASEROOM_SMTP_URL="smtp://127.0.0.1:$mail_port"
export CASEROOM_MAIL_FROM="Caseroom <caseroom@e2e.caseroom.example>"
"$bin" migrate >/dev/null
printf '%s\n' "velvet orchard compass" | "$bin" admin create --email admin@e2e.caseroom.example --name "E2E Admin" >/dev/null
"$bin" serve

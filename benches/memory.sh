#!/usr/bin/env bash
# The server's memory with a large forum loaded, under a long read load: RSS after start, after a
# minute of load, at the end and at its peak, and the growth from the first minute to the end.
# Also the time from start to the first answer with that database. The data set is made by
# `caseroom demo --scale POSTS` (copies of the demo cases through the real gate and review; about
# ten minutes for 100,000 posts on 2 cores). The load is wrk at 16 connections: four requests in
# five open a random case, the rest the case list and the notifications page, all signed in.
# Every case read is written to the audit log as in production, so the database grows too.
# Usage: benches/memory.sh [duration, default 10m] [--posts N, default 100000] [--from DB] [--debug]
# The duration is wrk's (10m, 30s); a bare number is minutes. The test command runs it once for
# 15 seconds on 200 posts with the debug build, to prove it works.
# --from copies an SQLite database a previous `caseroom demo --scale` made instead of making one.
# Results go in docs/BENCHMARKS.md; not part of the test command.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=10m; posts=100000; profile=release; from=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --posts) posts="$2"; shift 2 ;;
    --from) from="$2"; shift 2 ;;
    --debug) profile=debug; shift ;;
    *) duration="$1"; [[ "$duration" =~ ^[0-9]+$ ]] && duration="${duration}m"; shift ;;
  esac
done
if ! command -v wrk >/dev/null; then
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq wrk >/dev/null
fi
[[ "$profile" == release ]] && bash scripts/build.sh release >/dev/null 2>&1
bin=$PWD/target/$profile/caseroom
[[ -x "$bin" ]] || { echo "no $bin: run scripts/build.sh $profile first" >&2; exit 1; }

source benches/lib.sh
dir=$(mktemp -d)
app_pid=""
cleanup() {
  stop_server "$dir/app.log" || true
  rm -rf "$dir"
}
trap cleanup EXIT

port=$(free_port 3310); base="http://127.0.0.1:$port"
export LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT=target/site RUST_LOG=caseroom=warn
export DATABASE_URL="sqlite://$dir/scale.db"

say "making the data set ($posts posts)"
started=$(date +%s)
if [[ -n "$from" ]]; then
  cp "$from" "$dir/scale.db"
  "$bin" demo --reset-passwords >"$dir/demo.txt" 2>"$dir/demo.err"
else
  "$bin" migrate >/dev/null
  "$bin" demo --scale "$posts" >"$dir/demo.txt" 2>"$dir/demo.err"
fi
made_s=$(( $(date +%s) - started ))
password=$(awk '$2 == "clinician@demo.caseroom.example" { print $3 }' "$dir/demo.txt")
[[ -n "$password" ]] || { echo "no demo password in the demo output" >&2; cat "$dir/demo.txt" "$dir/demo.err" >&2; exit 1; }
read -r cases replies < <(python3 -c "
import sqlite3; d = sqlite3.connect('$dir/scale.db')
print(d.execute('select count(*) from cases').fetchone()[0], d.execute('select count(*) from replies').fetchone()[0])")

rss() { awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$app_pid/status"; }
start_server "$dir/app.log"
rss_start=$(rss)
db_before=$(du -cm "$dir"/scale.db* | tail -1 | cut -f1)

curl -sf -o /dev/null -c "$dir/jar" -H "Origin: $base" --data-urlencode "email=clinician@demo.caseroom.example" \
  --data-urlencode "password=$password" "$base/login"
cookie=$(awk '$6 == "caseroom_session" { print $7 }' "$dir/jar")
[[ -n "$cookie" ]] || { echo "sign-in failed" >&2; exit 1; }

cat >"$dir/mix.lua" <<'LUA'
local cookie = os.getenv("BENCH_COOKIE")
local cases = tonumber(os.getenv("BENCH_CASES"))
math.randomseed(os.time())
request = function()
  local r = math.random()
  local path
  if r < 0.8 then path = "/cases/" .. math.random(1, cases)
  elseif r < 0.9 then path = "/cases"
  else path = "/notifications" end
  return wrk.format("GET", path, { ["Cookie"] = "caseroom_session=" .. cookie })
end
LUA

say "reading under load for $duration"
BENCH_COOKIE=$cookie BENCH_CASES=$cases wrk -t2 -c16 -d"$duration" -s "$dir/mix.lua" "$base" >"$dir/wrk.txt" &
wrk_pid=$!
peak=0; rss_minute=""; samples=0
while kill -0 "$wrk_pid" 2>/dev/null; do
  sleep 10
  alive "$app_pid" || { echo "the server stopped: $(tail -3 "$dir/app.log")" >&2; exit 1; }
  now=$(rss); samples=$((samples + 1))
  [[ $samples -eq 6 ]] && rss_minute=$now
  peak=$(awk -v a="$peak" -v b="$now" 'BEGIN { print (b > a) ? b : a }')
done
wait "$wrk_pid" || true
rss_end=$(rss)
rps=$(awk '/Requests\/sec/ { print $2 }' "$dir/wrk.txt")
errors=$(awk '/Non-2xx/ { print $5 }' "$dir/wrk.txt")

echo "data set: $cases cases and $replies replies ($((cases + replies)) posts), made in ${made_s}s; database $db_before MB before the run, $(du -cm "$dir"/scale.db* | tail -1 | cut -f1) MB after"
echo "start to first answer: $cold_ms ms"
echo "load: wrk -c16 for $duration, $rps req/s, non-2xx answers: ${errors:-0}"
echo "RSS MB: after start $rss_start, after 1 min ${rss_minute:-(run shorter)}, end $rss_end, peak $peak"
if [[ -n "$rss_minute" ]]; then
  echo "growth from minute 1 to the end: $(awk -v a="$rss_minute" -v b="$rss_end" 'BEGIN { printf "%.1f%%", (b - a) * 100 / a }')"
fi

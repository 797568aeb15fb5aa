#!/usr/bin/env bash
# Requests per second for a case page with 100 replies: Caseroom on SQLite and on PostgreSQL, side
# by side with nginx serving the same HTML bytes as a static file, in the same run, on loopback.
# Usage: benches/load.sh [seconds per run, default 10] [--backend sqlite|postgres|both] [--debug]
# The default measures the release build on both backends; PostgreSQL is a throwaway durable
# cluster (scripts/postgres.sh, fsync on). --debug uses the debug build that scripts/build.sh
# debug left (the test command's smoke run). Results go in docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=10; backend=both; profile=release
while [[ $# -gt 0 ]]; do
  case "$1" in
    --backend) backend="$2"; shift 2 ;;
    --debug) profile=debug; shift ;;
    *) secs="$1"; shift ;;
  esac
done
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq wrk nginx-light >/dev/null
fi
if [[ "$profile" == release ]]; then
  bash scripts/build.sh release >/dev/null 2>&1
fi
bin=target/$profile/caseroom
[[ -x "$bin" ]] || { echo "no $bin: run scripts/build.sh $profile first" >&2; exit 1; }

dir=$(mktemp -d)
pg_dir=""
app_pid=""; nginx_started=""
cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
  [[ -n "$nginx_started" ]] && nginx -c "$dir/nginx.conf" -s stop 2>/dev/null || true
  [[ -n "$pg_dir" ]] && bash scripts/postgres.sh stop "$pg_dir"
  rm -rf "$dir"
}
trap cleanup EXIT

app_port=3300; nginx_port=3301
base="http://127.0.0.1:$app_port"
export LEPTOS_SITE_ADDR="127.0.0.1:$app_port" LEPTOS_SITE_ROOT=target/site RUST_LOG=caseroom=warn
# The page under load shows 100 published replies; the reply gate is not what is measured.
export CASEROOM_REPLY_REVIEW_BELOW=0 CASEROOM_REPLY_REVIEW_ON_FINDINGS=false
# One member posts the 100 replies in a second; the posting rate limit is not what is measured.
export CASEROOM_RATE_LIMITS="reply=1000/1m"
run() { wrk -t2 -c16 -d"${secs}s" "$@" | awk '/Requests\/sec/ { print $2 }'; }

# Starts Caseroom on $DATABASE_URL, writes the case and its 100 replies through the real forms,
# saves the page as the reader sees it in $dir/www/case.html, and measures it into $app_rps.
measure() {
rm -f "$dir"/*.jar
$bin migrate >/dev/null
$bin serve >"$dir/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done

# Members through the real invite and registration path.
member() { # role email jar
  local link; link=$($bin invite --role "$1" --email "$2")
  curl -sf -o /dev/null -c "$3" -H "Origin: $base" --data-urlencode "token=${link##*token=}" \
    --data-urlencode "display_name=Load $1" --data-urlencode "password=load test passphrase" \
    --data-urlencode "confirm=load test passphrase" "$base/register"
}
member clinician clinician@load.example "$dir/c.jar"
member supervisor supervisor@load.example "$dir/s.jar"
member moderator moderator@load.example "$dir/m.jar"
para="A woman in her 30s has attended **eleven** sessions. She *changes the subject* whenever family comes up.

- avoidance formulation
- homework half done

> I think she is protecting me from something."
curl -sf -o /dev/null -b "$dir/c.jar" -H "Origin: $base" --data-urlencode "title=A case with one hundred replies" \
  -d "age_band=adult&setting=outpatient&modality=cbt&sessions=6-15&tag=anxiety&intent=publish" \
  -d "confirm=names&confirm=places&confirm=dates&confirm=contacts&confirm=images&confirm=combination" \
  -d "confirm=relations&confirm=own_location&disguise=composite" \
  --data-urlencode "situation=$para" --data-urlencode "stuck=$para" --data-urlencode "asking=What am I missing?" "$base/cases/new"
# The moderator approves it with the whole checklist ticked.
checks=""
for item in names places dates contacts images combination relations own_location findings; do
  checks="$checks&check.$item=absent"
done
revision=$(curl -sf -b "$dir/m.jar" "$base/review/1" | grep -o 'name="revision" value="[0-9]*"' | head -1 | sed -E 's/.*value="([0-9]+)"/\1/' || true)
curl -sf -o /dev/null -b "$dir/m.jar" -H "Origin: $base" -d "decision=approve&revision=${revision:-0}$checks" "$base/review/1/decide"
for i in $(seq 100); do
  curl -sf -o /dev/null -b "$dir/s.jar" -H "Origin: $base" --data-urlencode "body=Reply $i. $para" "$base/cases/1/replies"
done
cookie=$(awk '$6 == "caseroom_session" { print $7 }' "$dir/c.jar")

mkdir -p "$dir/www"
curl -sf -H "Cookie: caseroom_session=$cookie" "$base/cases/1" >"$dir/www/case.html"
app_rps=$(run -H "Cookie: caseroom_session=$cookie" "$base/cases/1")
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
}

sqlite_rps=""; pg_rps=""
if [[ "$backend" == sqlite || "$backend" == both ]]; then
  export DATABASE_URL="sqlite://$dir/load.db"
  measure; sqlite_rps=$app_rps
fi
if [[ "$backend" == postgres || "$backend" == both ]]; then
  pg_dir=$(mktemp -d)
  admin=$(bash scripts/postgres.sh start "$pg_dir" --durable)
  export DATABASE_URL="$admin"
  measure; pg_rps=$app_rps
fi
bytes=$(stat -c%s "$dir/www/case.html")
cat >"$dir/nginx.conf" <<CONF
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/nginx.err;
events { worker_connections 1024; }
http {
  access_log off;
  server { listen 127.0.0.1:$nginx_port; root $dir/www; location / { default_type text/html; } }
}
CONF
nginx -c "$dir/nginx.conf"; nginx_started=1

echo "page: /cases/1, 100 replies, $bytes bytes of HTML; wrk -t2 -c16 -d${secs}s on 2 cores; $profile build"
nginx_rps=$(run "http://127.0.0.1:$nginx_port/case.html")
echo "nginx (same bytes, static): $nginx_rps req/s"
ratio() { awk -v a="$1" -v n="$2" 'BEGIN { printf "%.3f", a / n }'; }
if [[ -n "$sqlite_rps" ]]; then
  echo "caseroom on SQLite: $sqlite_rps req/s"
  echo "ratio caseroom/nginx (SQLite): $(ratio "$sqlite_rps" "$nginx_rps")"
fi
if [[ -n "$pg_rps" ]]; then
  echo "caseroom on PostgreSQL: $pg_rps req/s"
  echo "ratio caseroom/nginx (PostgreSQL): $(ratio "$pg_rps" "$nginx_rps")"
fi
if [[ -n "$sqlite_rps" && -n "$pg_rps" ]]; then
  echo "ratio PostgreSQL/SQLite: $(ratio "$pg_rps" "$sqlite_rps")"
fi

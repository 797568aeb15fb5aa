#!/usr/bin/env bash
# The read path under load, side by side with nginx serving the same bytes as static files, in
# the same run, on loopback: the case page with 100 replies and the case list (a page of 20
# cases), both signed in, at 1, 16 and 64 connections, with p50 and p99; also the time from
# start to the first answer, each reply POST's latency and `caseroom scan`'s start to exit. Each (page,
# connections) pair runs nginx then Caseroom back to back, and the whole set is repeated
# `--rounds` times (default 3). The median round is reported, so a noisy neighbour on the
# shared machine moves one round, not the result.
# Usage: benches/load.sh [seconds per run, default 5] [--backend sqlite|postgres|both]
#                        [--rounds N] [--debug]
# The default measures the release build on both backends. PostgreSQL is a throwaway durable
# cluster (scripts/postgres.sh, fsync on). --debug uses the debug build that scripts/build.sh
# debug left (the test command's smoke run, one round). Results go in docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=5; backend=both; profile=release; rounds=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --backend) backend="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
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

source benches/lib.sh
dir=$(mktemp -d)
pg_dir=""
app_pid=""; nginx_started=""
cleanup() {
  stop_server "$dir/app.log" || true
  [[ -n "$nginx_started" ]] && nginx -c "$dir/nginx.conf" -s stop 2>/dev/null || true
  [[ -n "$pg_dir" ]] && bash scripts/postgres.sh stop "$pg_dir"
  rm -rf "$dir"
}
trap cleanup EXIT

app_port=$(free_port 3300); nginx_port=$(free_port $((app_port + 1)))
base="http://127.0.0.1:$app_port"
nginx_base="http://127.0.0.1:$nginx_port"
export LEPTOS_SITE_ADDR="127.0.0.1:$app_port" LEPTOS_SITE_ROOT=target/site RUST_LOG=caseroom=warn
# The page under load shows 100 published replies; the reply gate is not what is measured.
export CASEROOM_REPLY_REVIEW_BELOW=0 CASEROOM_REPLY_REVIEW_ON_FINDINGS=false
# One member posts the 100 replies and 25 cases in seconds; the posting limits are not what is
# measured.
export CASEROOM_RATE_LIMITS="reply=1000/1m,case=1000/1m"

mkdir -p "$dir/www"
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

# One wrk run: "req/s p50_ms p99_ms".
run() { # connections url [header]
  local c=$1 url=$2; shift 2
  local threads=2; [[ "$c" -lt 2 ]] && threads=1
  wrk -t"$threads" -c"$c" -d"${secs}s" --latency "$@" "$url" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /Requests\/sec/ { rps = $2 }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

# Starts Caseroom on $DATABASE_URL (timing start to the first answer) and writes, through the
# real forms, 25 cases (the list's first page holds 20) and 100 replies on the first (timing each
# POST); saves both pages as the reader sees them.
setup() {
say "starting the server on ${DATABASE_URL%%:*}; 25 cases and 100 replies through the forms"
rm -f "$dir"/*.jar
$bin migrate >/dev/null
start_server "$dir/app.log"

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
checks=""
for item in names places dates contacts images combination relations own_location findings; do
  checks="$checks&check.$item=absent"
done
for n in $(seq 25); do
  curl -sf -o /dev/null -b "$dir/c.jar" -H "Origin: $base" --data-urlencode "title=A case with many replies, number $n" \
    -d "age_band=adult&setting=outpatient&modality=cbt&sessions=6-15&tag=anxiety&intent=publish" \
    -d "confirm=names&confirm=places&confirm=dates&confirm=contacts&confirm=images&confirm=combination" \
    -d "confirm=relations&confirm=own_location&disguise=composite" \
    --data-urlencode "situation=$para" --data-urlencode "stuck=$para" --data-urlencode "asking=What am I missing?" "$base/cases/new"
  # The moderator approves it with the whole checklist ticked.
  revision=$(curl -sf -b "$dir/m.jar" "$base/review/$n" | grep -o 'name="revision" value="[0-9]*"' | head -1 | sed -E 's/.*value="([0-9]+)"/\1/' || true)
  curl -sf -o /dev/null -b "$dir/m.jar" -H "Origin: $base" -d "decision=approve&revision=${revision:-0}$checks" "$base/review/$n/decide"
done
# Each reply's POST as its client saw it (connect, gate, commit, 303), in milliseconds.
for i in $(seq 100); do
  curl -sf -o /dev/null -w '%{time_total}\n' -b "$dir/s.jar" -H "Origin: $base" \
    --data-urlencode "body=Reply $i. $para" "$base/cases/1/replies"
done | sort -n | awk '{ v[NR] = $1 * 1000 } END { printf "%.1f %.1f\n", v[int(NR / 2)], v[int(NR * 0.99)] }' >"$dir/post.txt"
cookie=$(awk '$6 == "caseroom_session" { print $7 }' "$dir/c.jar")
curl -sf -H "Cookie: caseroom_session=$cookie" "$base/cases/1" >"$dir/www/case.html"
curl -sf -H "Cookie: caseroom_session=$cookie" "$base/cases" >"$dir/www/list.html"
}

# Every round: for each page and connection count, nginx then Caseroom. Lines of
# "page c round app_rps app_p50 app_p99 nginx_rps nginx_p50 nginx_p99" into $1.
measure() { # results-file
  local out=$1
  say "measuring: $rounds round(s) of two pages at 1, 16 and 64 connections"
  for round in $(seq "$rounds"); do
    for page in case list; do
      local path=/cases/1; [[ "$page" == list ]] && path=/cases
      for c in 1 16 64; do
        local n a
        n=$(run "$c" "$nginx_base/$page.html")
        a=$(run "$c" "$base$path" -H "Cookie: caseroom_session=$cookie")
        echo "$page $c $round $a $n" >>"$out"
      done
    done
  done
}

# The median round (by Caseroom's req/s) of each page and connection count, as a table.
report() { # label results-file
  echo
  echo "$1: $(stat -c%s "$dir/www/case.html") B case page, $(stat -c%s "$dir/www/list.html") B case list; wrk ${secs}s per run, median of $rounds round(s), $profile build"
  echo "start to first answer: $cold_ms ms; reply POST p50 and p99 (100 posts, one client): $(cat "$dir/post.txt") ms"
  printf '%-5s %3s %9s %8s %8s %9s %8s %8s %6s\n' page c app_rps p50_ms p99_ms nginx_rps p50_ms p99_ms ratio
  sort -k1,1 -k2,2n -k4,4n "$2" | awk -v rounds="$rounds" '
    { key = $1 " " $2; n[key]++; if (n[key] == int((rounds + 1) / 2)) {
        printf "%-5s %3s %9s %8s %8s %9s %8s %8s %6.3f\n", $1, $2, $4, $5, $6, $7, $8, $9, $4 / $7 } }'
}

stop_app() { say "stopping the server"; stop_server "$dir/app.log"; }

echo "2 cores; app and nginx on the same machine as wrk"
# `caseroom scan` on a short file, start to exit, median of 11 runs (it needs no database).
echo "The client, a teacher in her 40s, missed two sessions in March." >"$dir/short.txt"
for _ in $(seq 11); do
  t=$(date +%s%N); $bin scan "$dir/short.txt" >/dev/null || true; echo $(( ($(date +%s%N) - t) / 1000000 ))
done | sort -n | awk '{ v[NR] = $1 } END { print "caseroom scan on a short file: " v[6] " ms (median of 11)" }'
if [[ "$backend" == sqlite || "$backend" == both ]]; then
  export DATABASE_URL="sqlite://$dir/load.db"
  setup; measure "$dir/sqlite.txt"; stop_app
  report "Caseroom on SQLite" "$dir/sqlite.txt"
fi
if [[ "$backend" == postgres || "$backend" == both ]]; then
  pg_dir=$(mktemp -d)
  admin=$(bash scripts/postgres.sh start "$pg_dir" --durable)
  export DATABASE_URL="$admin"
  setup; measure "$dir/postgres.txt"; stop_app
  report "Caseroom on PostgreSQL (fsync on)" "$dir/postgres.txt"
fi
if [[ -s "$dir/sqlite.txt" && -s "$dir/postgres.txt" ]]; then
  median() { awk '$1 == "case" && $2 == 16 { print $4 }' "$1" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
  echo
  echo "case page at c=16, PostgreSQL/SQLite: $(awk -v p="$(median "$dir/postgres.txt")" -v s="$(median "$dir/sqlite.txt")" 'BEGIN { printf "%.2f", p / s }')"
fi

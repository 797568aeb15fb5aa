#!/usr/bin/env bash
# Search over a large forum, on SQLite and PostgreSQL: p50 and p99 of each kind of query (one
# common word, two words, a phrase, a prefix, an exclusion, a word found nowhere) and of a mix of
# them, beside the case list's first page measured in the same run as the reference; the index's
# size against the size of the published text it indexes; the time to rewrite the whole index;
# and each reply POST's latency as its case's document grows (every published reply rewrites
# its case's document, docs/SEARCH.md).
# The data set is `caseroom demo --scale POSTS` (copies of the demo cases through the real gate
# and review: about ten minutes for 100,000 posts on SQLite on 2 cores).
# Usage: benches/search.sh [--posts N, default 100000] [--backend sqlite|postgres|both]
#                          [--from DB] [--pg-url URL] [--secs S, default 5] [--debug]
# --from copies an SQLite database a previous `caseroom demo --scale` made (SQLite only);
# --pg-url measures a PostgreSQL database such a run made (it gains three members, a case and
# 100 replies) instead of starting a cluster and making one (half an hour at 100,000 posts).
# The test command runs it once on 200 posts with the debug build, to prove it works. Results go
# in docs/BENCHMARKS.md; not part of the test command otherwise.
set -euo pipefail
[[ -n "${SEARCH_BENCH_TRACE:-}" ]] && set -x
cd "$(dirname "$0")/.."
posts=100000; backend=both; from=; pg_url=; secs=5; profile=release
while [[ $# -gt 0 ]]; do
  case "$1" in
    --posts) posts="$2"; shift 2 ;;
    --backend) backend="$2"; shift 2 ;;
    --from) from="$2"; shift 2 ;;
    --pg-url) pg_url="$2"; shift 2 ;;
    --secs) secs="$2"; shift 2 ;;
    --debug) profile=debug; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
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
app_pid=""; pg_dir=""
cleanup() {
  stop_server "$dir/app.log" || true
  [[ -n "$pg_dir" ]] && bash scripts/postgres.sh stop "$pg_dir"
  rm -rf "$dir"
}
trap cleanup EXIT
port=$(free_port 3400)
base="http://127.0.0.1:$port"
export LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT=target/site RUST_LOG=caseroom=warn
export CASEROOM_REPLY_REVIEW_BELOW=0 CASEROOM_REPLY_REVIEW_ON_FINDINGS=false
export CASEROOM_RATE_LIMITS="reply=1000/1m,case=1000/1m"

# The queries, as a member types them, with a label each.
queries=(
  "word|school"
  "word|grief"
  "two words|silence protest"
  "phrase|\"the room\""
  "phrase|\"every session\""
  "prefix|supervis*"
  "prefix|adolesc*"
  "exclusion|anger -school"
  "nowhere|quetzalcoatlus"
)
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

# One wrk run at one connection: "p50_ms p99_ms req/s".
run() { # url [wrk args]
  local url=$1; shift
  wrk -t1 -c1 -d"${secs}s" --latency "$@" "$url" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /Requests\/sec/ { rps = $2 }
    END { printf "%.2f %.2f %.0f\n", p50, p99, rps }'
}

# SQL for the size of the published text, in bytes: titles, sections and replies of approved
# cases (what the index holds). `$1…$2` around a column is the backend's byte length of it.
text_sql() { # before after
  local a=$1 b=$2
  echo "select coalesce(sum(n), 0) from (
  select ${a}title$b as n from cases where review_state = 'approved'
  union all select ${a}s.source_md$b from case_sections s join cases c on c.id = s.case_id where c.review_state = 'approved'
  union all select ${a}r.body_md$b from replies r join cases c on c.id = r.case_id
    where c.review_state = 'approved' and r.review_state = 'approved' and r.hidden_at is null) t"
}

bench() { # label
  local label=$1
  $bin migrate >/dev/null
  start_server "$dir/app.log"
  rm -f "$dir"/*.jar
  member() { # role email jar
    local link; link=$($bin invite --role "$1" --email "$2")
    curl -sf -o /dev/null -c "$3" -H "Origin: $base" --data-urlencode "token=${link##*token=}" \
      --data-urlencode "display_name=Search bench $1 $RANDOM" --data-urlencode "password=search bench passphrase" \
      --data-urlencode "confirm=search bench passphrase" "$base/register"
  }
  member clinician "clinician.$RANDOM@search.example" "$dir/c.jar"
  member moderator "moderator.$RANDOM@search.example" "$dir/m.jar"
  local cookie; cookie=$(awk '$6 == "caseroom_session" { print $7 }' "$dir/c.jar")
  local h="Cookie: caseroom_session=$cookie"

  echo
  echo "== $label: $(cat "$dir/dataset.txt"); wrk ${secs}s per run at one connection, $profile build"
  local list; list=$(run "$base/cases" -H "$h")
  printf '%-10s %-24s %8s %8s %8s %7s %9s\n' kind query p50_ms p99_ms req/s found p99/list
  printf '%-10s %-24s %8s %8s %8s %7s %9s\n' reference "the case list, page 1" $list - 1.00
  local list_p99; list_p99=$(echo "$list" | cut -d' ' -f2)
  local lua="$dir/mix.lua"
  echo 'local q = {' >"$lua"
  for entry in "${queries[@]}"; do
    local kind=${entry%%|*} q=${entry#*|} enc; enc=$(urlencode "${q}")
    echo "  \"/search?q=$enc\"," >>"$lua"
    local found; found=$(curl -sf -H "$h" "$base/search?q=$enc" | grep -oE '(More than )?[0-9,]+ cases? match' | sed -E 's/More than ([0-9,]+).*/>\1/; s/ cases? match//; s/,//g' || echo 0)
    local r; r=$(run "$base/search?q=$enc" -H "$h")
    printf '%-10s %-24s %8s %8s %8s %7s %9s\n' "$kind" "$q" $r "$found" \
      "$(awk -v a="$(echo "$r" | cut -d' ' -f2)" -v b="$list_p99" 'BEGIN { printf "%.2f", a / b }')"
  done
  cat >>"$lua" <<'LUA'
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", q[(i % #q) + 1])
end
LUA
  local mix; mix=$(run "$base/" -H "$h" -s "$lua")
  printf '%-10s %-24s %8s %8s %8s %7s %9s\n' mix "all of the above" $mix - \
    "$(awk -v a="$(echo "$mix" | cut -d' ' -f2)" -v b="$list_p99" 'BEGIN { printf "%.2f", a / b }')"

  # Sizes.
  if [[ "$DATABASE_URL" == sqlite* ]]; then
    local db=${DATABASE_URL#sqlite://}
    python3 - "$db" "$(text_sql 'length(cast(' ' as blob))')" <<'PY'
import sqlite3, sys
c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
text = c.execute(sys.argv[2]).fetchone()[0]
index = c.execute("select coalesce(sum(pgsize), 0) from dbstat where name like 'search%'").fetchone()[0]
docs = c.execute("select count(*) from search_docs").fetchone()[0]
print(f"index: {index / 1e6:.1f} MB for {text / 1e6:.1f} MB of published text ({docs} case documents): {index / text:.2f} of the text")
PY
  else
    psql -X -q -t -A "$DATABASE_URL" -c "select 'index: ' || round(pg_total_relation_size('search_docs') / 1e6, 1) || ' MB for ' || round(t.n / 1e6, 1) || ' MB of published text (' || (select count(*) from search_docs) || ' case documents): ' || round(pg_total_relation_size('search_docs')::numeric / t.n, 2) || ' of the text' from ($(text_sql 'octet_length(' ')')) t(n)"
  fi

  say "rewriting the index, then 100 reply POSTs"
  # The whole index rewritten, while the server runs.
  local t0; t0=$(date +%s%N)
  local rewrote; rewrote=$($bin search-index)
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  echo "rewrite of the whole index: $ms ms ($rewrote)"

  # The write path: a new case, approved, then 100 replies; each POST as its client saw it.
  curl -sf -o /dev/null -b "$dir/c.jar" -H "Origin: $base" --data-urlencode "title=A case for the search bench" \
    -d "age_band=adult&setting=outpatient&modality=cbt&sessions=6-15&tag=anxiety&intent=publish" \
    -d "confirm=names&confirm=places&confirm=dates&confirm=contacts&confirm=images&confirm=combination" \
    -d "confirm=relations&confirm=own_location&disguise=composite" \
    --data-urlencode "situation=She changes the subject whenever family comes up." \
    --data-urlencode "stuck=I cannot find the way in." --data-urlencode "asking=What am I missing?" \
    -D "$dir/new.h" "$base/cases/new"
  local id; id=$(grep -i '^location:' "$dir/new.h" | grep -oE '/cases/[0-9]+' | grep -oE '[0-9]+')
  local revision; revision=$(curl -sf -b "$dir/m.jar" "$base/review/$id" | grep -o 'name="revision" value="[0-9]*"' | head -1 | grep -oE '[0-9]+')
  local checks=""
  for item in names places dates contacts images combination relations own_location findings; do checks="$checks&check.$item=absent"; done
  curl -sf -o /dev/null -b "$dir/m.jar" -H "Origin: $base" -d "decision=approve&revision=$revision$checks" "$base/review/$id/decide"
  local para="She has attended eleven sessions. She changes the subject whenever family comes up, and I notice I let her."
  for i in $(seq 100); do
    curl -sf -o /dev/null -w '%{time_total}\n' -b "$dir/m.jar" -H "Origin: $base" \
      --data-urlencode "body=Reply $i. $para" "$base/cases/$id/replies"
  done >"$dir/posts.txt"
  local sorted; sorted=$(sort -n "$dir/posts.txt" | awk '{ v[NR] = $1 * 1000 } END { printf "p50 %.1f ms, p99 %.1f ms", v[int(NR / 2)], v[int(NR * 0.99)] }')
  awk -v sorted="$sorted" '{ v[NR] = $1 * 1000 } END {
    a = 0; for (i = 1; i <= 10; i++) a += v[i]; b = 0; for (i = NR - 9; i <= NR; i++) b += v[i]
    printf "reply POST (one client, %d replies to one case): %s; mean of the first ten %.1f ms, of the last ten %.1f ms (the case document holds the whole thread)\n", NR, sorted, a / 10, b / 10 }' "$dir/posts.txt"
  say "stopping the server"; stop_server "$dir/app.log"
}

dataset() { # makes or copies the data set on $DATABASE_URL
  say "making the data set ($posts posts) on ${DATABASE_URL%%:*}"
  local t0; t0=$(date +%s)
  if [[ -n "$from" && "$DATABASE_URL" == sqlite* ]]; then
    cp "$from" "${DATABASE_URL#sqlite://}"
    $bin migrate >/dev/null
  else
    $bin demo --scale "$posts" >"$dir/demo.txt" 2>"$dir/demo.err" || { cat "$dir/demo.err" >&2; exit 1; }
  fi
  echo "$posts posts asked, made in $(( $(date +%s) - t0 ))s" >"$dir/dataset.txt"
}

echo "2 cores; the server and wrk on the same machine"
if [[ "$backend" == sqlite || "$backend" == both ]]; then
  export DATABASE_URL="sqlite://$dir/search.db"
  dataset; bench "SQLite"
fi
if [[ "$backend" == postgres || "$backend" == both ]]; then
  export PATH="$PATH:$(ls -d /usr/lib/postgresql/*/bin | tail -1)"
  if [[ -n "$pg_url" ]]; then
    export DATABASE_URL="$pg_url"
    echo "an existing database" >"$dir/dataset.txt"
    bench "PostgreSQL (given)"
  else
    pg_dir=$(mktemp -d)
    export DATABASE_URL; DATABASE_URL=$(bash scripts/postgres.sh start "$pg_dir" --durable)
    dataset; bench "PostgreSQL (fsync on)"
  fi
fi

#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and benchmarks, from Debian's `postgresql` package
# (installed when missing): its own data directory, loopback only, password sign-in over TCP.
#
#   scripts/postgres.sh start DIR [--durable]   prints the admin URL (database "postgres")
#   scripts/postgres.sh stop DIR
#
# Without --durable the cluster skips fsync (a test cluster is thrown away, never recovered);
# benchmarks pass --durable so PostgreSQL pays for durability as a deployment would.
set -euo pipefail
cmd="${1:?start or stop}"; dir="${2:?a directory}"
password=caseroom-test

bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [[ -z "$d" ]]; then
    echo "[postgres] installing Debian's postgresql" >&2
    apt-get -o DPkg::Lock::Timeout=900 update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq postgresql >/dev/null
    d=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  echo "$d"
}

# initdb and postgres refuse to run as root: as root, run them as the package's `postgres` user.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    bin=$(bindir)
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
    printf '%s\n' "$password" >"$dir.pw"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir.pw"
    as_owner "$bin/initdb" -D "$dir/data" -U caseroom --pwfile="$dir.pw" --auth-local=trust \
      --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    rm -f "$dir.pw"
    durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [[ "${3:-}" == "--durable" ]] && durability=""
    for _ in 1 2 3 4 5; do
      port=$((20000 + RANDOM % 20000))
      if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
          -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 $durability" >/dev/null; then
        echo "postgres://caseroom:$password@127.0.0.1:$port/postgres"
        exit 0
      fi
    done
    echo "[postgres] the cluster did not start; see $dir/server.log" >&2
    exit 1
    ;;
  stop)
    bin=$(bindir)
    [[ -d "$dir/data" ]] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR [--durable]" >&2; exit 2 ;;
esac

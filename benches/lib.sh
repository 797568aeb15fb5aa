# Shared by the benchmark scripts (sourced, not run). Every wait here is bounded: a server that
# never answers or never stops ends the run with its log's last lines, instead of holding the
# test command until CI's limit (a smoke run once hung there with nothing to say why).

# Progress on stderr with the time, so a log shows where a slow or stuck run was.
say() { printf '[%s %s] %s\n' "$(date +%T)" "$(basename "$0")" "$*" >&2; }

# Every request the scripts make gives up after two minutes (a reply POST takes milliseconds).
curl() { command curl --connect-timeout 10 --max-time 120 "$@"; }

# A server left behind by an earlier run (killed before its trap ran) may still hold a port; the
# next free one is taken so the run never measures a stranger.
free_port() { local p=$1; while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done; echo "$p"; }

# Whether process $1 runs (a child that exited but was not waited for still answers `kill -0`).
alive() { local stat; stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1; [[ "${stat##*) }" != Z* ]]; }

# Starts `$bin serve` on $LEPTOS_SITE_ADDR with its output in $1 and waits (at most a minute)
# for /healthz. Sets app_pid, and cold_ms: start to the first answer.
start_server() { # log
  local log=$1 t0; t0=$(date +%s%N)
  "$bin" serve >"$log" 2>&1 &
  app_pid=$!
  local deadline=$((SECONDS + 60))
  until curl -sf -o /dev/null --max-time 5 "http://$LEPTOS_SITE_ADDR/healthz"; do
    if ! alive "$app_pid" || ((SECONDS > deadline)); then
      echo "the server did not start: $(tail -3 "$log")" >&2
      return 1
    fi
    sleep 0.01
  done
  cold_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}

# Stops the server as a deployment would (SIGTERM) and waits for it: it lets requests in flight
# finish within its shutdown grace (10 s) and closes the database. Still running after 30 s is a
# failure, reported with the log's last lines, and the server is killed.
stop_server() { # log
  local log=$1 pid=$app_pid
  [[ -n "$pid" ]] || return 0
  app_pid=""
  kill "$pid" 2>/dev/null || return 0
  local deadline=$((SECONDS + 30))
  while alive "$pid"; do
    if ((SECONDS > deadline)); then
      echo "the server (pid $pid) did not stop within 30 s of SIGTERM; its log ends:" >&2
      tail -20 "$log" >&2
      kill -9 "$pid" 2>/dev/null || true
      return 1
    fi
    sleep 0.1
  done
  wait "$pid" 2>/dev/null || true
}

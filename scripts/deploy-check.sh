#!/usr/bin/env bash
# Checks docs/deploy/nginx.conf as written: nginx (TLS with a throwaway self-signed certificate)
# in front of two Caseroom nodes on one database, configured as docs/DEPLOYMENT.md says.
#   scripts/deploy-check.sh [DATABASE_URL]    (default: a new SQLite file; the test command
#                                              passes a database on its PostgreSQL cluster)
# Uses target/debug/caseroom (scripts/build.sh debug). Checks: HTTP sends to HTTPS; sign-in
# through nginx sets a Secure cookie; both nodes answer the same session; the client cannot
# choose the address sign-in throttling counts by.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/debug/caseroom
[[ -x $bin ]] || { echo "no $bin: run scripts/build.sh debug first" >&2; exit 1; }
dir=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [[ -f "$dir/nginx.pid" ]] && nginx -c "$dir/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
fail() { echo "deploy check failed: $*" >&2; for n in 1 2; do tail -5 "$dir/node$n.log" >&2 || true; done; exit 1; }

export DATABASE_URL="${1:-sqlite://$dir/caseroom.db}"
https_port=$((30000 + RANDOM % 10000)); http_port=$((https_port + 1))
node1=$((https_port + 2)); node2=$((https_port + 3))
public="https://localhost:$https_port"

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
  -keyout "$dir/privkey.pem" -out "$dir/fullchain.pem" 2>/dev/null
# The documented file, with this machine's addresses, ports and certificate.
sed -e "s|server 10.0.0.11:3000;|server 127.0.0.1:$node1;|" \
    -e "s|server 10.0.0.12:3000;|server 127.0.0.1:$node2;|" \
    -e "s|listen 80;|listen 127.0.0.1:$http_port;|" \
    -e "s|listen 443 ssl http2;|listen 127.0.0.1:$https_port ssl http2;|" \
    -e "s|caseroom.example.org|localhost|g" \
    -e "s|/etc/ssl/caseroom/|$dir/|g" \
    -e "s|/var/log/nginx/caseroom.log|$dir/access.log|" \
    docs/deploy/nginx.conf >"$dir/caseroom.conf"
grep -q "127.0.0.1:$node2" "$dir/caseroom.conf" || fail "the documented upstream lines changed; update this script"
cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx.err;
events { worker_connections 256; }
http { include $dir/caseroom.conf; }
CONF

# Each node as the deployment guide configures it; the schema is migrated once, first.
export CASEROOM_PUBLIC_URL="$public" CASEROOM_SECURE_COOKIES=true CASEROOM_CLIENT_ADDRESS_HEADER=X-Real-IP
export LEPTOS_SITE_ROOT=target/site RUST_LOG=caseroom=info
$bin migrate >/dev/null
printf 'deploy check passphrase\n' | $bin admin create --email admin@deploy.example --name "Deploy Admin" >/dev/null
for n in 1 2; do
  port=$([[ $n == 1 ]] && echo $node1 || echo $node2)
  LEPTOS_SITE_ADDR="127.0.0.1:$port" $bin serve >"$dir/node$n.log" 2>&1 &
  pids+=($!)
done
# Both nodes answer before nginx starts: a node still starting would refuse nginx's first
# connection, and nginx would then leave it out for fail_timeout (10 s).
for port in $node1 $node2; do
  for _ in $(seq 200); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz") == 200 ]] && break; sleep 0.1
  done
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz") == 200 ]] || fail "node on port $port did not start"
done
nginx -c "$dir/nginx.conf"
curl_() { curl -sk --max-time 10 "$@"; }
for _ in $(seq 100); do
  [[ $(curl_ -o /dev/null -w '%{http_code}' "$public/healthz") == 200 ]] && break; sleep 0.1
done

redirect=$(curl_ -o /dev/null -w '%{http_code} %{redirect_url}' "http://localhost:$http_port/cases")
[[ $redirect == "301 https://"* ]] || fail "HTTP does not send to HTTPS ($redirect)"

headers=$(curl_ -D - -o /dev/null -c "$dir/jar" -H "Origin: $public" \
  --data-urlencode email=admin@deploy.example --data-urlencode "password=deploy check passphrase" "$public/login")
grep -q '^HTTP/[0-9.]* 303' <<<"$headers" || fail "sign-in through nginx: $headers"
grep -qi '^set-cookie: caseroom_session=.*; *Secure' <<<"$headers" || fail "the session cookie is not Secure"
for _ in 1 2 3 4 5 6; do
  [[ $(curl_ -o /dev/null -w '%{http_code}' -b "$dir/jar" "$public/admin/users") == 200 ]] || fail "a node did not know the session"
done
for n in 1 2; do grep -q '"/admin/users"' "$dir/node$n.log" || fail "node $n served no page: nginx did not spread requests"; done

# Failed sign-ins that each claim another address: nginx replaces X-Real-IP with the real one,
# so the address is locked after 20 however the client lies, even for the right password.
for i in $(seq 21); do
  curl_ -o /dev/null -H "Origin: $public" -H "X-Real-IP: 192.0.2.$i" -H "X-Forwarded-For: 192.0.2.$i" \
    --data-urlencode "email=nobody$i@deploy.example" --data-urlencode password=wrong "$public/login"
done
status=$(curl_ -o /dev/null -w '%{http_code}' -H "Origin: $public" -H "X-Real-IP: 198.51.100.7" \
  --data-urlencode email=admin@deploy.example --data-urlencode "password=deploy check passphrase" "$public/login")
[[ $status == 429 ]] || fail "the client chose its own address for throttling (got $status, wanted 429)"
curl_ -o /dev/null -b "$dir/jar" "$public/cases?modality=cbt"
! grep -q 'modality' "$dir/access.log" || fail "nginx logged a query string"
echo "deploy check: nginx config, two nodes, Secure cookies, proxy address: ok"

#!/usr/bin/env bash
# Two OffenderMgmt server instances on one PostgreSQL database, on loopback, for a demonstration
# of a multi-instance deployment (docs/deployment.md): one signing key shared by both, TLS from a
# self-signed certificate made here, the demo force seeded once (under the start-up lock).
#
#   deploy/two-instances.sh start [--connection-string "Host=127.0.0.1;Port=5432;Username=postgres"] [--ports "5338 5348"] [--plaintext]
#                                 [--listen-connection-string "Host=127.0.0.1;Port=5432;Username=postgres"]
#   deploy/two-instances.sh status
#   deploy/two-instances.sh same-username [NAME]   # two `accounts add NAME` at once, as two operators on two machines: one is kept
#   deploy/two-instances.sh stop            # SIGTERM each (graceful drain), waits for both to exit
#
# Behind pgbouncer in transaction pooling (deploy/pgbouncer-demo.sh), give the pooler as
# --connection-string and PostgreSQL itself as --listen-connection-string (the change listener's
# LISTEN needs a session of its own). The PostgreSQL server must be running and the user allowed to create a database; the database
# (offendermgmt_two by default: --database NAME) is created by the first instance to start.
# Everything this script makes (logs, pids, key, certificate) is kept in $STATE (default
# .two-instances/ in the repository); "stop" leaves it for reading, "start" begins afresh.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE=${STATE:-$ROOT/.two-instances}
CONNECTION="Host=127.0.0.1;Port=5432;Username=postgres"
LISTEN_CONNECTION=""
DATABASE=offendermgmt_two
PORTS="5338 5348"
TLS=1
NAME=""
COMMAND=${1:-}
[ $# -gt 0 ] && shift
while [ $# -gt 0 ]; do
  case "$1" in
    --connection-string) CONNECTION=$2; shift 2 ;;
    --listen-connection-string) LISTEN_CONNECTION=$2; shift 2 ;;
    --database) DATABASE=$2; shift 2 ;;
    --ports) PORTS=$2; shift 2 ;;
    --plaintext) TLS=0; shift ;;
    *) if [ "$COMMAND" = same-username ] && [ -z "$NAME" ]; then NAME=$1; shift; else echo "unknown option $1" >&2; exit 2; fi ;;
  esac
done

server_dll() { echo "$ROOT/server/bin/Release/net10.0/OffenderMgmt.Server.dll"; }

start() {
  if [ -f "$STATE/pids" ]; then echo "Already started (pids in $STATE/pids); run: $0 stop" >&2; exit 1; fi
  rm -rf "$STATE"; mkdir -p "$STATE"
  echo "Building the server (Release)..."
  dotnet build -c Release "$ROOT/server" -v q -nologo >"$STATE/build.log" 2>&1 || { cat "$STATE/build.log"; exit 1; }

  # One identity: every instance signs and checks tokens with the same key (Auth:SigningKey).
  openssl rand -base64 32 >"$STATE/signing.key"
  local scheme=http tls_args=() listen_args=()
  [ -n "$LISTEN_CONNECTION" ] && listen_args=("--Storage:ListenConnectionString=$LISTEN_CONNECTION;Database=$DATABASE")
  if [ "$TLS" = 1 ]; then
    # A self-signed certificate for localhost/127.0.0.1; clients trust it with --ca "$STATE/server.crt".
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 \
      -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
      -keyout "$STATE/server.key" -out "$STATE/server.crt" 2>/dev/null
    scheme=https
    tls_args=("--Tls:CertificatePath=$STATE/server.crt" "--Tls:KeyPath=$STATE/server.key")
  fi

  local i=0
  for port in $PORTS; do
    i=$((i + 1))
    mkdir -p "$STATE/instance$i"
    # Own process group (setsid), so "stop" signals exactly this server and nothing else.
    setsid dotnet "$(server_dll)" --demo \
      --Storage:Provider=Postgres --Storage:MultiInstance=true \
      "--Storage:ConnectionString=$CONNECTION;Database=$DATABASE" \
      "--Storage:DataDirectory=$STATE/instance$i" \
      "--Auth:SigningKey=$(cat "$STATE/signing.key")" \
      "${tls_args[@]}" "${listen_args[@]}" --urls "$scheme://127.0.0.1:$port" \
      >"$STATE/instance$i.log" 2>&1 </dev/null &
    echo "$! $port" >>"$STATE/pids"
    echo "$CONNECTION;Database=$DATABASE" >"$STATE/connection"
    echo "instance $i: pid $!, $scheme://127.0.0.1:$port, log $STATE/instance$i.log"
  done

  # Ready when each has printed its banner (migrated, seeded, listening).
  for n in $(seq 1 "$i"); do
    for _ in $(seq 1 600); do
      grep -q "OffenderMgmt is serving" "$STATE/instance$n.log" 2>/dev/null && break
      if ! kill -0 "$(sed -n "${n}p" "$STATE/pids" | cut -d' ' -f1)" 2>/dev/null; then
        echo "instance $n exited:" >&2; tail -n 30 "$STATE/instance$n.log" >&2; stop; exit 1
      fi
      sleep 0.5
    done
    grep -q "OffenderMgmt is serving" "$STATE/instance$n.log" || { echo "instance $n did not start in 5 minutes" >&2; stop; exit 1; }
  done
  echo
  echo "Both serving the demo force from one database. Try:"
  for port in $PORTS; do
    if [ "$TLS" = 1 ]; then echo "  dotnet run --project tui-client -- --server https://localhost:$port --ca $STATE/server.crt"
    else echo "  dotnet run --project tui-client -- --server http://127.0.0.1:$port"; fi
  done
  echo "Stop with: $0 stop"
}

status() {
  [ -f "$STATE/pids" ] || { echo "not started"; return 0; }
  while read -r pid port; do
    if kill -0 "$pid" 2>/dev/null; then echo "pid $pid (port $port): running"; else echo "pid $pid (port $port): stopped"; fi
  done <"$STATE/pids"
}

stop() {
  [ -f "$STATE/pids" ] || { echo "not started"; return 0; }
  # SIGTERM: each instance reports NOT_SERVING, finishes its calls, closes alert streams (drain).
  while read -r pid _; do kill -TERM "$pid" 2>/dev/null || true; done <"$STATE/pids"
  while read -r pid port; do
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then echo "pid $pid did not stop in 30 s; killing it" >&2; kill -KILL "$pid" 2>/dev/null || true; fi
    echo "pid $pid (port $port) stopped"
  done <"$STATE/pids"
  rm -f "$STATE/pids"
}

# Issue 15, point 10 (rules as constraints), from outside: no public RPC creates accounts, so two
# operators run the server's `accounts add` for the same new name at the same moment against the
# shared database. Exactly one must be created; the other must be refused plainly ("already
# exists", exit 1), never with a driver's stack trace, and the database must hold the name once.
same_username() {
  [ -f "$STATE/connection" ] || { echo "not started (no $STATE/connection); run: $0 start" >&2; exit 1; }
  local name=${1:-}
  [ -n "$name" ] || name="same.name.$(date +%s)"
  local connection
  connection=$(cat "$STATE/connection")
  local args=(--Storage:Provider=Postgres "--Storage:ConnectionString=$connection" "--Storage:DataDirectory=$STATE/instance1")
  rm -f "$STATE"/same-username.*
  for n in 1 2; do
    # (The subshell runs under set -e: the exit code is caught, not fatal.)
    ( rc=0; echo 'a-long-enough-password' | dotnet "$(server_dll)" accounts add "$name" --role analyst --name "Operator $n" "${args[@]}" \
        >"$STATE/same-username.$n.out" 2>&1 || rc=$?; echo "$rc" >"$STATE/same-username.$n.rc" ) &
  done
  wait
  local created=0 refused=0
  for n in 1 2; do
    local rc; rc=$(cat "$STATE/same-username.$n.rc")
    echo "operator $n: exit $rc: $(tr '\n' ' ' <"$STATE/same-username.$n.out")"
    if [ "$rc" = 0 ] && grep -q "Created account" "$STATE/same-username.$n.out"; then created=$((created + 1)); fi
    if [ "$rc" = 1 ] && grep -q "already exists" "$STATE/same-username.$n.out" && ! grep -q "   at " "$STATE/same-username.$n.out"; then refused=$((refused + 1)); fi
  done
  local listed
  listed=$(dotnet "$(server_dll)" accounts list "${args[@]}" 2>/dev/null | awk -v n="$name" '$1 == n' | wc -l)
  if [ "$created" = 1 ] && [ "$refused" = 1 ] && [ "$listed" = 1 ]; then
    echo "PASS  unique usernames: one of two simultaneous 'accounts add $name' created it, the other was refused as already existing; listed once"
  else
    echo "FAIL  unique usernames: $created created, $refused refused plainly, listed $listed time(s)"; exit 1
  fi
}

case "$COMMAND" in
  start) start ;;
  same-username) same_username "$NAME" ;;
  status) status ;;
  stop) stop ;;
  *) sed -n '2,14p' "$0"; exit 2 ;;
esac

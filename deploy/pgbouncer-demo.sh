#!/usr/bin/env bash
# pgbouncer in TRANSACTION pooling in front of a PostgreSQL on loopback, for trying the server
# behind it (docs/deployment.md, "pgbouncer"): every database name is passed through to that
# PostgreSQL, trust authentication (loopback only), pool_mode = transaction.
#
#   deploy/pgbouncer-demo.sh start [--postgres-port 5432] [--port 6432]
#   deploy/pgbouncer-demo.sh stop
#
# Then point Storage:ConnectionString at the pgbouncer port (with "No Reset On Close=true") and
# Storage:ListenConnectionString straight at PostgreSQL: LISTEN cannot pass transaction pooling.
# State (config, log, pid) is kept in $STATE (default .pgbouncer-demo/ in the repository).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE=${STATE:-$ROOT/.pgbouncer-demo}
POSTGRES_PORT=5432
PORT=6432
COMMAND=${1:-}
[ $# -gt 0 ] && shift
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres-port) POSTGRES_PORT=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

# pgbouncer refuses to run as root: as root it runs as the postgres user.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start() {
  if [ -f "$STATE/pgbouncer.pid" ] && kill -0 "$(cat "$STATE/pgbouncer.pid")" 2>/dev/null; then echo "already running" >&2; exit 1; fi
  rm -rf "$STATE"; mkdir -p "$STATE"
  echo '"postgres" ""' >"$STATE/users.txt"
  cat >"$STATE/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=$POSTGRES_PORT

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PORT
unix_socket_dir = $STATE
auth_type = trust
auth_file = $STATE/users.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 40
logfile = $STATE/pgbouncer.log
pidfile = $STATE/pgbouncer.pid
ignore_startup_parameters = extra_float_digits,search_path
INI
  [ "$(id -u)" = 0 ] && chown -R postgres "$STATE"
  as_owner /usr/sbin/pgbouncer -d "$STATE/pgbouncer.ini"
  for _ in $(seq 1 50); do [ -f "$STATE/pgbouncer.pid" ] && break; sleep 0.1; done
  echo "pgbouncer (transaction pooling) on 127.0.0.1:$PORT in front of PostgreSQL on 127.0.0.1:$POSTGRES_PORT; pid $(cat "$STATE/pgbouncer.pid"), log $STATE/pgbouncer.log"
}

stop() {
  [ -f "$STATE/pgbouncer.pid" ] || { echo "not started"; return 0; }
  kill -TERM "$(cat "$STATE/pgbouncer.pid")" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$(cat "$STATE/pgbouncer.pid")" 2>/dev/null || break; sleep 0.1; done
  echo "pgbouncer stopped"
}

case "$COMMAND" in
  start) start ;;
  stop) stop ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac

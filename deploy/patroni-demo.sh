#!/usr/bin/env bash
# A Patroni pair on loopback for trying OffenderMgmt's failover (docs/deployment.md): one etcd
# member, two PostgreSQL 15 nodes under Patroni with synchronous_mode on (a commit waits for
# the standby), trust authentication on 127.0.0.1 only. Debian packages: patroni, etcd-server,
# postgresql-15.
#
#   deploy/patroni-demo.sh start [--ports "55473 55483"] [--rest-ports "58473 58483"] [--etcd-ports "2391 2392"]
#   deploy/patroni-demo.sh status         # patronictl list: who leads, who is the synchronous standby
#   deploy/patroni-demo.sh leader         # the leader's PostgreSQL port
#   deploy/patroni-demo.sh kill-leader    # kill -9 the leader's Patroni and postgres (a lost machine)
#   deploy/patroni-demo.sh stop
#
# Point the server at both nodes: Host=127.0.0.1:55473,127.0.0.1:55483;Target Session Attributes=primary
# (Npgsql tries each and keeps the one that accepts writes). State is kept in $STATE (default
# .patroni-demo/ in the repository); "start" begins afresh.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE=${STATE:-$ROOT/.patroni-demo}
PORTS="55473 55483"
REST_PORTS="58473 58483"
ETCD_PORTS="2391 2392"
PG_BIN=/usr/lib/postgresql/15/bin
COMMAND=${1:-}
[ $# -gt 0 ] && shift
while [ $# -gt 0 ]; do
  case "$1" in
    --ports) PORTS=$2; shift 2 ;;
    --rest-ports) REST_PORTS=$2; shift 2 ;;
    --etcd-ports) ETCD_PORTS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
read -r ETCD_CLIENT ETCD_PEER <<<"$ETCD_PORTS"

# PostgreSQL (so Patroni) refuses to run as root: as root everything runs as the postgres user.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# Starts a command in the background in a session of its own, its output to $2, and echoes its pid.
launch() {
  local name=$1 log=$2; shift 2
  as_owner sh -c 'echo $$ >"$0"; exec setsid "$@"' "$STATE/$name.pid" "$@" >"$log" 2>&1 </dev/null &
  for _ in $(seq 1 50); do [ -s "$STATE/$name.pid" ] && break; sleep 0.1; done
  cat "$STATE/$name.pid"
}

start() {
  if [ -f "$STATE/pids" ]; then echo "Already started; run: $0 stop" >&2; exit 1; fi
  rm -rf "$STATE"; mkdir -p "$STATE"; chmod 700 "$STATE"
  [ "$(id -u)" = 0 ] && chown postgres "$STATE"
  # Own process groups (setsid), so "stop" signals exactly these.
  local pid
  pid=$(launch etcd "$STATE/etcd.log" /usr/bin/etcd --name om-demo --data-dir "$STATE/etcd" --enable-v2=true \
    --listen-client-urls "http://127.0.0.1:$ETCD_CLIENT" --advertise-client-urls "http://127.0.0.1:$ETCD_CLIENT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER" \
    --initial-cluster "om-demo=http://127.0.0.1:$ETCD_PEER")
  echo "etcd $pid etcd" >>"$STATE/pids"
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$ETCD_CLIENT/health" >/dev/null && break; sleep 0.2; done

  local i=0 rest
  set -- $REST_PORTS
  for port in $PORTS; do
    i=$((i + 1)); rest=$1; shift
    cat >"$STATE/pg$i.yml" <<YML
scope: offendermgmt-demo
name: pg$i
restapi:
  listen: 127.0.0.1:$rest
  connect_address: 127.0.0.1:$rest
etcd:
  host: 127.0.0.1:$ETCD_CLIENT
bootstrap:
  dcs:
    ttl: 20
    loop_wait: 5
    retry_timeout: 5
    maximum_lag_on_failover: 1048576
    synchronous_mode: true
    synchronous_mode_strict: false
    postgresql:
      use_pg_rewind: true
      parameters:
        max_connections: 300
        wal_level: replica
        hot_standby: "on"
        wal_log_hints: "on"
        synchronous_commit: "on"
  initdb:
    - encoding: UTF8
    - locale: C
  pg_hba:
    - local all all trust
    - host replication replicator 127.0.0.1/32 trust
    - host all all 127.0.0.1/32 trust
postgresql:
  listen: 127.0.0.1:$port
  connect_address: 127.0.0.1:$port
  data_dir: $STATE/pg$i
  bin_dir: $PG_BIN
  pgpass: $STATE/pgpass$i
  authentication:
    replication: { username: replicator, password: demo-only }
    superuser: { username: postgres, password: demo-only }
  parameters:
    unix_socket_directories: $STATE
YML
    [ "$(id -u)" = 0 ] && chown postgres "$STATE/pg$i.yml"
    pid=$(launch "patroni$i" "$STATE/patroni$i.log" /usr/bin/patroni "$STATE/pg$i.yml")
    echo "patroni $pid pg$i $port" >>"$STATE/pids"
    # The first node bootstraps the cluster; the second then copies it (pg_basebackup).
    [ "$i" = 1 ] && wait_for "pg1" "leader"
  done
  wait_for "pg2" "sync_standby"
  status
}

# Waits until patronictl lists the node in that role (up to 5 minutes).
wait_for() {
  for _ in $(seq 1 300); do
    patronictl_list | grep -E "\| $1 " | grep -qi "$(echo "$2" | sed 's/_/ /')" && return 0
    sleep 1
  done
  echo "$1 did not become $2; see $STATE/patroni*.log" >&2; exit 1
}

patronictl_list() { as_owner /usr/bin/patronictl -c "$STATE/pg1.yml" list 2>/dev/null; }

status() { patronictl_list; }

leader() {
  patronictl_list | awk -F'|' '$4 ~ /Leader/ { gsub(/ /, "", $3); split($3, a, ":"); print a[2] }'
}

kill_leader() {
  local port name
  port=$(leader); [ -n "$port" ] || { echo "no leader" >&2; exit 1; }
  name=$(awk -v p="$port" '$1 == "patroni" && $4 == p { print $3 }' "$STATE/pids")
  local patroni_pid postmaster_pid
  patroni_pid=$(awk -v p="$port" '$1 == "patroni" && $4 == p { print $2 }' "$STATE/pids")
  postmaster_pid=$(head -1 "$STATE/$name/postmaster.pid")
  kill -KILL "$patroni_pid" "$postmaster_pid"
  echo "killed -9 the leader $name (port $port): Patroni pid $patroni_pid, postgres pid $postmaster_pid"
}

stop() {
  [ -f "$STATE/pids" ] || { echo "not started"; return 0; }
  # Patroni first (it stops its PostgreSQL), etcd last.
  while read -r kind pid _; do [ "$kind" = patroni ] && kill -TERM "$pid" 2>/dev/null || true; done <"$STATE/pids"
  while read -r kind pid _; do
    [ "$kind" = patroni ] || continue
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  done <"$STATE/pids"
  # A node whose Patroni was killed leaves its postgres behind only if it outlived it.
  for data in "$STATE"/pg[0-9]; do
    [ -f "$data/postmaster.pid" ] && as_owner "$PG_BIN/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
  done
  while read -r kind pid _; do [ "$kind" = etcd ] && kill -TERM "$pid" 2>/dev/null || true; done <"$STATE/pids"
  rm -f "$STATE/pids"
  echo "stopped"
}

case "$COMMAND" in
  start) start ;;
  status) status ;;
  leader) leader ;;
  kill-leader) kill_leader ;;
  stop) stop ;;
  *) sed -n '2,16p' "$0"; exit 2 ;;
esac

#!/usr/bin/env bash
# Real-terminal smoke run of the terminal client under tmux: starts its own demo server on
# loopback (fresh data), signs in as each demo role at 120x40 and 100x30, does each role's main
# job and captures every workspace and its main dialogs as text into a folder it prints.
#
#   tests/smoke/tui-smoke.sh [--port N] [capture-dir]     (or PORT=N; default 5307)
#
# It waits for text to appear on the screen (polling, with a timeout), never for a fixed time,
# and stops its server and tmux sessions when it ends, however it ends.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-5307}
OUT=""
while (($#)); do
  case "$1" in
    --port) PORT=$2; shift 2 ;;
    --port=*) PORT=${1#--port=}; shift ;;
    -h|--help) sed -n 2,9p "$0"; exit 0 ;;
    *) OUT=$1; shift ;;
  esac
done
[[ "$PORT" =~ ^[0-9]+$ ]] || { echo "--port needs a number"; exit 2; }
OUT=${OUT:-/tmp/offendermgmt-tui-smoke-$PORT}
DATA=${DATA:-/tmp/offendermgmt-tui-smoke-data-$PORT}
PASSWORD=demo-only-password
SESSION=tuismoke-$$
mkdir -p "$OUT"
rm -f "$OUT"/*.txt
rm -rf "$DATA" && mkdir -p "$DATA"   # a fresh demo force, so every run starts from the same data

command -v tmux >/dev/null || { echo "tmux is needed (apt-get install -y tmux)"; exit 2; }
dotnet build server -v q -nologo >/dev/null
dotnet build tui-client -v q -nologo >/dev/null
SERVER_DLL=server/bin/Debug/net10.0/OffenderMgmt.Server.dll
CLIENT_DLL=tui-client/bin/Debug/net10.0/OffenderMgmt.Tui.dll

# From the project folder, as `dotnet run --project server` does: appsettings.json (HTTP/2, log levels) is read from there.
(cd server && exec dotnet "../$SERVER_DLL" --demo --port "$PORT" --data-dir "$DATA") >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
# A session that lives for the whole run keeps this socket's tmux server up between clients
# (closing the last session ends the server, and starting the next one could race with it).
tmux -L "$SESSION" new-session -d -s keep -x 120 -y 40
cleanup() {
  tmux -L "$SESSION" kill-server 2>/dev/null || true
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 600); do
  grep -q "Now listening on" "$OUT/server.log" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$OUT/server.log"; exit 1; }
  sleep 0.5
done

screen() { tmux -L "$SESSION" capture-pane -p -t "$SESSION"; }
# wait_for TEXT [seconds]: until the screen shows TEXT.
wait_for() {
  local deadline=$((SECONDS + ${2:-30}))
  until screen | grep -qF -- "$1"; do
    if ((SECONDS > deadline)); then echo "  timed out waiting for '$1'"; screen >"$OUT/$NAME-TIMEOUT.txt"; return 1; fi
    sleep 0.2
  done
}
shot() { screen >"$OUT/$NAME-$1.txt"; echo "  captured $NAME-$1.txt"; }
has() { screen | grep -qF -- "$1"; }
# type_in FIELD-KEY TEXT: focus the field (its Alt key) and type, again if a loaded machine lost the keys.
type_in() {
  for _ in 1 2 3; do
    keys "$1"; keys -l "$2"
    wait_for "${2:0:20}" 10 && return 0
  done
  return 1
}
keys() { tmux -L "$SESSION" send-keys -t "$SESSION" "$@"; }

start() {  # start USER WIDTH HEIGHT
  NAME="$1-$2x$3"
  echo "$NAME"
  tmux -L "$SESSION" kill-session -t "$SESSION" 2>/dev/null || true
  tmux -L "$SESSION" new-session -d -s "$SESSION" -x "$2" -y "$3" \
    "TERM=xterm-256color dotnet $CLIENT_DLL --server http://localhost:$PORT --user $1 --no-log"
  wait_for "(up)" && wait_for "Enter your username and password."
  # On a loaded machine keys sent while the form is still settling can be lost: type the
  # password again (up to three times) until the sign-in screen goes.
  for _ in 1 2 3; do
    keys -l "$PASSWORD"; keys Enter
    gone "Enter your username and password." 20 && return 0
    keys C-u
  done
  return 1
}
# gone TEXT [seconds]: until the screen no longer shows TEXT.
gone() {
  local deadline=$((SECONDS + ${2:-30}))
  while screen | grep -qF -- "$1"; do
    ((SECONDS > deadline)) && return 1
    sleep 0.2
  done
}
quit() { keys C-q; }

manager() {
  start demo.manager "$@"
  wait_for "cases" 40 && shot 1-caseload
  keys F9; wait_for "Note a contact" && wait_for "When:" && type_in M-n "Phoned to arrange the next home visit." && shot 2-note-contact
  keys M-s; gone "Note a contact" && shot 3-contact-noted
  keys Enter; wait_for "purpose:" && wait_for "Checks" && shot 4-person
  keys M-3; shot 5-person-checks
  keys F7; wait_for "Record a check outcome" && keys Down && shot 6-outcome-arrow-chose
  keys Escape; wait_for "Notification" && keys M-7; shot 7-person-notification
  keys M-8; wait_for "Assessments" && shot 8-person-risk-plan
  keys M-4; shot 9-person-breaches
  keys Escape
  quit
}

supervisor() {
  start demo.supervisor "$@"
  wait_for "Utilisation" 40 && wait_for "points (" && shot 1-team
  # The most loaded officer is on top: move one of their cases to someone with room for it.
  keys F6; wait_for "chooses who" && shot 2-move-cases
  keys Space; keys F7; wait_for "eligible, best first" && shot 3-move-suggestions
  keys Enter; wait_for "Move 1 case to" && shot 4-move-asks-with-count
  keys M-m; wait_for "now with" && shot 5-moved
  keys Down; keys F8; wait_for "still in post" && shot 6-officer-left-asks; keys Enter
  # The officer who left three weeks ago (first run only: afterwards they hold nothing).
  if has "Enter moves work"; then
    keys Up; keys Down; keys Down; keys Down
    keys Enter; wait_for "Officer left ·" && keys Enter && wait_for "to the queue?" && shot 7-officer-left-count
    keys M-m; wait_for "now in the orphaned queue" 60
  fi
  keys M-2; wait_for "Orphaned queue" && shot 8-orphaned
  keys M-3; wait_for "overdue" && shot 9-overdue
  keys F4; wait_for "sort: risk" && shot 10-overdue-by-risk
  keys F2; wait_for "Overdue checks of" && shot 11-overdue-officer-filter; keys Down; keys Enter; wait_for " for " && shot 12-overdue-one-officer
  keys M-4; wait_for "Meeting" && shot 13-iom-review
  keys M-5; wait_for "meetings from a month ago" && wait_for "Why on the agenda" && shot 14-mappa
  quit
}

officer() {
  start demo.officer "$@"
  wait_for "Pick a beat" 40
  keys -l "high t"; wait_for "1 beat"; keys Enter
  wait_for "living here" && wait_for "Who to call" && shot 1-briefing
  keys M-2; wait_for "Who to call" && shot 2-excluded
  keys F7; wait_for "Check a sighting"; keys Enter; wait_for "Checked for" && shot 3-verdict
  keys Escape
  keys F9; wait_for "zones here" && shot 4-near-here
  keys Escape
  keys F4; wait_for "Export the briefing" && shot 5-export
  keys Escape
  quit
}

partner() {
  start demo.partner "$@"
  wait_for "to discuss" 40 && shot 1-iom-review
  keys M-2; wait_for "meetings from a month ago" && wait_for "Why on the agenda" && shot 2-mappa
  quit
}

admin() {
  start demo.admin "$@"
  wait_for "Audit chain: INTACT" 40 && wait_for "calls shown" && shot 1-audit-trail
  keys F2; wait_for "Search the audit trail" && keys Tab && keys -l "demo.manager" && shot 2-search
  keys Enter; wait_for "Calls by demo.manager" && shot 3-calls-by-account
  keys Down; keys Enter; wait_for "Calls touching record" && shot 4-calls-on-a-record
  quit
}

analyst() {
  start demo.analyst "$@"
  wait_for "counts under" 40 && shot 1-report
  keys Down; wait_for "counts under" && shot 2-next-report
  keys F6; wait_for "Export the report as CSV" && shot 3-export; keys Escape
  quit
}

for size in "120 40" "100 30"; do
  # shellcheck disable=SC2086
  manager $size || true
  supervisor $size || true
  officer $size || true
  partner $size || true
  admin $size || true
  analyst $size || true
done
echo "Screens are in $OUT"
ls "$OUT" | grep -c '\.txt$' | xargs echo "captures:"
if ls "$OUT" | grep -q TIMEOUT; then echo "Some steps timed out:"; ls "$OUT" | grep TIMEOUT; exit 1; fi

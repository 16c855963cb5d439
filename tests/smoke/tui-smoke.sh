#!/usr/bin/env bash
# Real-terminal smoke run of the terminal client under tmux: starts its own demo server on
# loopback (fresh data), signs in as each demo role at 120x40 and 100x30, does each role's main
# job and captures every workspace and its main dialogs as text into a folder it prints.
#
#   tests/smoke/tui-smoke.sh [--port N] [--screens] [capture-dir]   (or PORT=N; default 5307)
#
# ROLES="officer admin" runs only those roles. --screens also copies each role's workspace to docs/screens/demo.ROLE-WxH.txt. It waits for
# text to appear on the screen (polling, WAIT=30 seconds a step by default), never for a fixed
# time; a step that is not drawn fails its role with a message and the last screen, and the
# run exits 1. It stops its server and tmux sessions when it ends, however it ends.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-5307}
OUT=""
SCREENS=""
WAIT=${WAIT:-30}
while (($#)); do
  case "$1" in
    --port) PORT=$2; shift 2 ;;
    --port=*) PORT=${1#--port=}; shift ;;
    --screens) SCREENS=docs/screens; shift ;;
    -h|--help) sed -n 2,13p "$0"; exit 0 ;;
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
keys() { tmux -L "$SESSION" send-keys -t "$SESSION" "$@"; }
# fail WHY: say what was not drawn, with the last screen, and stop this role (its steps run under set -e).
fail() {
  screen >"$OUT/$NAME-FAILED.txt" 2>/dev/null || true
  { echo "  FAILED ($NAME): $1. The last screen (also in $OUT/$NAME-FAILED.txt):"; cat "$OUT/$NAME-FAILED.txt"; } >&2
  return 1
}
# need TEXT [seconds]: until the screen shows TEXT (polling; a loaded machine is slow), else fail.
need() {
  local deadline=$((SECONDS + ${2:-$WAIT}))
  until screen | grep -qF -- "$1"; do
    ((SECONDS <= deadline)) || { fail "waited ${2:-$WAIT}s for '$1' to be drawn"; return 1; }
    sleep 0.2
  done
}
# gone TEXT [seconds]: until the screen no longer shows TEXT, else fail.
gone() {
  local deadline=$((SECONDS + ${2:-$WAIT}))
  while screen | grep -qF -- "$1"; do
    ((SECONDS <= deadline)) || { fail "waited ${2:-$WAIT}s for '$1' to go"; return 1; }
    sleep 0.2
  done
}
has() { screen | grep -qF -- "$1"; }
# shot STEP: capture the screen as it is now (after the step's need).
shot() { screen >"$OUT/$NAME-$1.txt"; echo "  captured $NAME-$1.txt"; }
# workspace ROLE: the role's workspace, also kept in docs/screens (with --screens).
workspace() {
  shot "$1"
  [[ -z "$SCREENS" ]] || cp "$OUT/$NAME-$1.txt" "$SCREENS/$NAME.txt"
}

# row_to TEXT: move a table's cursor to the row showing TEXT (Home, then Down as many rows as it
# is below the first one under the table's rule, "── 3 of 11 ─").
row_to() {
  local rows
  rows=$(screen | awk -v want="$1" '/─ [0-9]+ of [0-9]+ ─/ { rule = NR; next } rule && index($0, want) { print NR - rule - 1; exit }')
  [[ -n "$rows" ]] || { fail "no row shows '$1'"; return 1; }
  keys Home
  for ((i = 0; i < rows; i++)); do keys Down; done
}

start() {  # start USER WIDTH HEIGHT
  NAME="$1-$2x$3"
  echo "$NAME"
  tmux -L "$SESSION" kill-session -t "$SESSION" 2>/dev/null || true
  tmux -L "$SESSION" new-session -d -s "$SESSION" -x "$2" -y "$3" \
    "TERM=xterm-256color dotnet $CLIENT_DLL --server http://localhost:$PORT --user $1 --no-log"
  # Typed before the client has the terminal, keys go through the terminal's line editing
  # (Enter becomes a newline): wait for the sign-in window, then type ahead freely.
  need "(up)" 60
  keys -l "$PASSWORD"; keys Enter
  gone "· sign in"
}
quit() { keys C-q; }

# Each role's steps: keys are typed ahead as a user would (the client keeps them for the dialog
# they open), and each capture waits only for the screen it needs.
manager() {
  start demo.manager "$@"
  need "cases ·" 60
  # The workload gauge comes with its own call: the workspace is whole once it is drawn.
  gone "Workload: loading" 60
  workspace 1-caseload
  # F9 and, at once, the note's Alt key and the note: the dialog opens when the record is back.
  keys F9 M-n; keys -l "Phoned to arrange the next home visit."
  need "Phoned to arrange the next home visit."
  need "When:"
  shot 2-note-contact
  keys M-s
  need "noted."
  shot 3-contact-noted
  keys Enter
  need "purpose:"
  need "Checks"
  shot 4-person
  keys M-3
  need "Completed"
  shot 5-person-checks
  keys F7
  need "Record a check outcome"
  keys Down
  shot 6-outcome-arrow-chose
  keys Escape
  gone "Record a check outcome"
  keys M-7
  need "F4 records a notification"
  shot 7-person-notification
  keys M-8
  need "Assessments"
  shot 8-person-risk-plan
  keys M-4
  need "Condition"
  shot 9-person-breaches
  keys Escape
  quit
}

supervisor() {
  start demo.supervisor "$@"
  need "Utilisation" 60
  need "points ("
  workspace 1-team
  # The most loaded officer is on top: move one of their cases to someone with room for it.
  keys F6
  need "chooses who"
  shot 2-move-cases
  keys Space F7
  need "eligible, best first"
  shot 3-move-suggestions
  keys Enter
  need "Move 1 case to"
  shot 4-move-asks-with-count
  keys M-m
  need "now with"
  shot 5-moved
  keys Down F8
  need "still in post"
  shot 6-officer-left-asks
  keys Enter
  gone "still in post"
  # The officer who left three weeks ago (first run only: afterwards they hold nothing).
  if has "Enter moves work"; then
    row_to "Enter moves work"
    keys Enter
    need "Officer left ·"
    keys Enter
    need "to the queue?"
    shot 7-officer-left-count
    keys M-m
    need "now in the orphaned" 60
  fi
  keys M-2
  need "Orphaned queue"
  shot 8-orphaned
  keys M-3
  need "overdue"
  shot 9-overdue
  keys F4
  need "sort: risk"
  shot 10-overdue-by-risk
  keys F2
  need "Overdue checks of"
  shot 11-overdue-officer-filter
  keys Down Enter
  need " for "
  shot 12-overdue-one-officer
  keys M-4
  need "This agenda is for the IOM team"
  # Not the supervisor's own cases: the agenda opens with a reason (F5), typed ahead.
  if has "F5 here gives a reason"; then
    keys F5; keys -l "Preparing the monthly IOM review"; keys Enter
    gone "F5 here gives a reason"
  fi
  need "Decision"
  shot 13-iom-review
  keys M-5
  need "meetings from a month ago"
  need "Why on the agenda"
  shot 14-mappa
  quit
}

officer() {
  start demo.officer "$@"
  need "Pick a beat" 60
  keys -l "high t"
  need "1 beat"
  keys Enter
  need "living here"
  need "Who to call"
  workspace 1-briefing
  keys M-2
  need "Who to call"
  shot 2-excluded
  keys F7
  need "Find someone else"
  keys Enter
  need "Checked for"
  shot 3-verdict
  keys Escape
  gone "Check a sighting"
  keys F9
  need "zones here"
  shot 4-near-here
  keys Escape
  keys F4
  need "Export the briefing"
  shot 5-export
  keys Escape
  quit
}

partner() {
  start demo.partner "$@"
  need "to discuss" 60
  workspace 1-iom-review
  keys M-2
  need "meetings from a month ago"
  need "Why on the agenda"
  shot 2-mappa
  quit
}

admin() {
  start demo.admin "$@"
  need "Audit chain: INTACT" 60
  need "calls shown"
  workspace 1-audit-trail
  keys F2
  need "Search the audit trail"
  keys Tab; keys -l "demo.manager"
  need "demo.manager"
  shot 2-search
  keys Enter
  need "Calls by demo.manager"
  shot 3-calls-by-account
  keys Down Enter
  need "Calls touching record"
  shot 4-calls-on-a-record
  quit
}

analyst() {
  start demo.analyst "$@"
  need "Compliance checks done on time" 60
  workspace 1-report
  keys Down
  gone "Compliance checks done on time"
  need " of "
  shot 2-next-report
  keys F6
  need "Export the report as CSV"
  shot 3-export
  keys Escape
  quit
}

failed=()
set +e
for size in "120 40" "100 30"; do
  for role in ${ROLES:-manager supervisor officer partner admin analyst}; do
    # A role stops at its first step that fails (set -e in its own shell); the others still run.
    # shellcheck disable=SC2086
    ( set -e; "$role" $size )
    (($? == 0)) || failed+=("demo.$role-${size/ /x}")
  done
done
set -e
echo "Screens are in $OUT"
ls "$OUT" | grep -c '\.txt$' | xargs echo "captures:"
[[ -z "$SCREENS" ]] || echo "Workspaces copied to $SCREENS"
if ((${#failed[@]})); then echo "FAILED: ${failed[*]}"; exit 1; fi
echo "All roles passed at both sizes."

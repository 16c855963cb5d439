#!/bin/bash
# Traces the server with dotnet-trace (sampled thread time) during each RPC's run at 64 calls in
# flight, while the throughput bench drives it. Usage, from the repository root:
#   bench/profile/trace-each-rpc.sh OUTDIR [bench args...]      e.g. OUTDIR=/tmp/trace --port 5470
# then: python3 bench/profile/shares.py OUTDIR/*.speedscope.json
# DOTNET_TRACE (default: dotnet-trace on PATH) is the dotnet-trace to use. The bench runs with
# --seconds 12, so each 64-in-flight run lasts 13 s; the trace starts 2 s into it and lasts 6 s,
# and so ends before the bench stops the server (a trace cut by the server's exit is unreadable).
# Each RPC's 64-in-flight run follows the Greeter's run beside it, so the trace waits for that line.
OUT=$1; shift
TRACE=${DOTNET_TRACE:-dotnet-trace}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$OUT"; LOG=$OUT/bench.log
cd "$ROOT"
dotnet run -c Release --no-build --project bench -- --throughput --seconds 12 "$@" > "$LOG" 2>&1 &
BENCH=$!
seen=""
while kill -0 $BENCH 2>/dev/null; do
  line=$(grep -E '^  Greeter SayHello \(beside demo .*\), 64 in flight:' "$LOG" | tail -1)
  if [ -n "$line" ] && [ "$line" != "$seen" ]; then
    seen="$line"
    name=$(echo "$line" | sed -E 's/^  Greeter SayHello \(beside demo (.*)\), 64 in flight:.*/\1/' | tr -c 'A-Za-z0-9\n' '-')
    pid=$(pgrep -f "OffenderMgmt.Server.dll --Storage:ConnectionString=.*$ROOT/.bench-data" | head -1)
    sleep 2
    "$TRACE" collect -p "$pid" --profile dotnet-sampled-thread-time --duration 00:00:00:06 --format Speedscope -o "$OUT/$name.nettrace" > "$OUT/$name.trace.log" 2>&1
  fi
  sleep 0.5
done
echo done >> "$LOG"

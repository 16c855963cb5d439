#!/bin/bash
# What each layer of OffenderMgmt's host costs a call, measured on the Greeter: the plain Greeter,
# then the Greeter with one more layer each time (bench/Greeter/Program.cs, --layers), interleaved
# over ROUNDS rounds in the same minutes. For each: calls/s and the Greeter's CPU ms per call at
# 64 in flight (4 connections of 16 streams, as the throughput bench), h2load on loopback.
# Usage, from the repository root, after `dotnet build -c Release bench/Greeter`:
#   bench/profile/greeter-layers.sh [PORT] [ROUNDS] [SECONDS]        (defaults 5532, 3, 4)
PORT=${1:-5532}; ROUNDS=${2:-3}; SECONDS_EACH=${3:-4}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DLL=$ROOT/bench/Greeter/bin/Release/net10.0/OffenderMgmt.Bench.Greeter.dll
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
# SayHello { name: "world" }, length-prefixed as gRPC frames it.
printf '\x00\x00\x00\x00\x07\x0a\x05world' > "$WORK/body"
CONFIGS=(
  ""
  "logging"
  "logging,quiethosting"
  "accessor"
  "jwt"
  "jwt,nosave"
  "jwt,nosave,authz"
  "metrics"
  "interceptors"
  "logging,accessor,jwt,authz,metrics,interceptors"
  "logging,quiethosting,jwt,nosave,metrics,interceptors"
)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # utime + stime, in clock ticks
TICK=$(getconf CLK_TCK)
echo "| layers added to the Greeter | round | calls/s | Greeter CPU ms/call |"
echo "|---|---:|---:|---:|"
for round in $(seq 1 "$ROUNDS"); do
  for config in "${CONFIGS[@]}"; do
    rm -f "$WORK/token"
    dotnet "$DLL" --urls "http://127.0.0.1:$PORT" --layers "$config" --token-file "$WORK/token" > "$WORK/greeter.log" 2>&1 &
    pid=$!
    auth=()
    for _ in $(seq 1 100); do
      if h2load -n1 -c1 "http://127.0.0.1:$PORT/greet.Greeter/SayHello" -H 'content-type: application/grpc' -H 'te: trailers' -d "$WORK/body" > /dev/null 2>&1; then break; fi
      sleep 0.1
    done
    [ -s "$WORK/token" ] && auth=(-H "authorization: Bearer $(cat "$WORK/token")")
    args=(-c4 -m16 -t1 "http://127.0.0.1:$PORT/greet.Greeter/SayHello" -H 'content-type: application/grpc' -H 'te: trailers' "${auth[@]}" -d "$WORK/body")
    h2load "${args[@]}" -D 2 > /dev/null 2>&1     # warm-up: the JIT's tiers settle
    before=$(cpu $pid)
    out=$(h2load "${args[@]}" -D "$SECONDS_EACH" 2>&1)
    after=$(cpu $pid)
    kill $pid; wait $pid 2>/dev/null
    done_calls=$(echo "$out" | awk '/^requests:/ {print $8}')
    rate=$(echo "$out" | awk '/^finished in/ {gsub(",", "", $4); print $4}')
    ms=$(awk -v a="$after" -v b="$before" -v t="$TICK" -v n="$done_calls" 'BEGIN { printf "%.4f", (a - b) * 1000 / t / n }')
    echo "| ${config:-(plain Greeter)} | $round | ${rate%.*} | $ms |"
  done
done

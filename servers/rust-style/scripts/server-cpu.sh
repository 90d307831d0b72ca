#!/usr/bin/env bash
# scripts/server-cpu.sh idle BINARY PORT, or json BINARY PORT APIBENCH (run under the build lock): server on CPU 0 (--threads 1), client on CPU 1.
# Prints the server's CPU time (sum of its threads' schedstat run time) over the window.
set -euo pipefail
ulimit -n 20000  # 10,000 client sockets in the idle run
mode=$1 bin=$2 port=$3
cpu_ns() { local t=0; for f in /proc/$1/task/*/schedstat; do read -r run _ < "$f"; t=$((t + run)); done; echo $t; }
taskset -c 0 "$bin" --port "$port" --threads 1 --idle-timeout-ms 60000 > /tmp/server-cpu.server.out 2>&1 &
srv=$!
for _ in $(seq 50); do grep -q listening /tmp/server-cpu.server.out && break; sleep 0.1; done
if [[ $mode == idle ]]; then
  taskset -c 1 python3 "$(dirname "$0")/hold_idle.py" "$port" 10000 > /tmp/server-cpu.hold.out 2>&1 &
  cli=$!
  for _ in $(seq 600); do grep -q held /tmp/server-cpu.hold.out && break; sleep 0.1; done
  sleep 1
  a=$(cpu_ns $srv); sleep 10; b=$(cpu_ns $srv)
  echo "idle-10k $bin server CPU over 10 s: $(( (b - a) / 1000 )) us ($(awk -v d=$((b-a)) 'BEGIN{printf "%.3f", d/1e8}') % of a core)"
  kill $cli; wait $cli 2>/dev/null || true
else
  apibench=$4
  a=$(cpu_ns $srv)
  taskset -c 1 "$apibench" load "http://127.0.0.1:$port/json" --rate 14000 -c 64 -d 5s --warmup 0s --cpus 1 --json /tmp/server-cpu.load.json > /tmp/server-cpu.load.out 2>&1
  b=$(cpu_ns $srv)
  n=$(curl -s "http://127.0.0.1:$port/metrics" | awk '/^apibench_requests_total/ {s+=$2} END {print s}')
  echo "json $bin: server CPU $(( (b - a) / 1000 )) us for $n requests (metrics total incl. this one) = $(awk -v d=$((b-a)) -v n=$n 'BEGIN{printf "%.3f", d/1e3/n}') us/request"
fi
kill -TERM $srv; wait $srv 2>/dev/null || true

#!/usr/bin/env bash
# The blocking cell by hand, with what the design suite does not show: how idle the
# server's CPU is and how often Go's sysmon wakes (servers/peers/README.md, "Why the Go
# peers collapse beside a blocking /work"). One Go peer at GOMAXPROCS=N on SERVER_CPUS,
# 64 connections in /work?ms=50 beside 64 on /json, both generators on CPU 1.
#   servers/peers/bench/go-blocking.sh BUILD_DIR [PEER] [SERVER_CPUS] [GOMAXPROCS] [ENV=VALUE...]
#   e.g. servers/peers/bench/go-blocking.sh build/release go-nethttp 0 2 GODEBUG=schedtrace=1000
# Run it under the build lock (flock /tmp/apibench-build.lock ...); about 8 s.
set -euo pipefail
build=$(cd "${1:?usage: go-blocking.sh BUILD_DIR [PEER] [SERVER_CPUS] [GOMAXPROCS] [ENV=VALUE...]}" && pwd)
peer=${2:-go-nethttp} cpus=${3:-0} procs=${4:-1}
shift $(($# < 4 ? $# : 4))
apibench=$build/apibench
server=$build/servers/peers/$peer/apibench-$peer
out=$(mktemp -d)
trap 'kill "$spid" 2>/dev/null || true; rm -rf "$out"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

env "$@" taskset -c "$cpus" "$server" --port "$port" --threads "$procs" >"$out/server.log" 2>&1 &
spid=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.1; done
# sysmon is the runtime's second thread: runtime.main starts it before anything else.
sysmon=$(ls "/proc/$spid/task" | sort -n | sed -n 2p)

# CPU 0's idle jiffies, the server's CPU jiffies, sysmon's voluntary switches (one per wake-up).
snapshot() {
  echo "$(awk '/^cpu0 /{print $5+$6}' /proc/stat) $(awk '{print $14+$15}' "/proc/$spid/stat")" \
       "$(awk '/^voluntary/{print $2}' "/proc/$spid/task/$sysmon/status")" "$(date +%s.%N)"
}

taskset -c 1 "$apibench" load -c 64 -d 6s --warmup 0s --json "$out/work.json" \
  "http://127.0.0.1:$port/work?ms=50" >/dev/null &
wpid=$!
sleep 0.5
before=$(snapshot)
taskset -c 1 "$apibench" load -c 64 -d 4s --warmup 1s --json "$out/json.json" \
  "http://127.0.0.1:$port/json" >/dev/null
after=$(snapshot)
threads=$(ls "/proc/$spid/task" | wc -l)
wait "$wpid"

python3 - "$out" "$before" "$after" "$threads" "$peer GOMAXPROCS=$procs CPUs $cpus $*" <<'PY'
import json, os, sys
out, before, after, threads, label = sys.argv[1:]
b = [float(x) for x in before.split()]; a = [float(x) for x in after.split()]
seconds, hz = a[3] - b[3], os.sysconf("SC_CLK_TCK")
def cell(name):
    d = json.load(open(f"{out}/{name}.json"))
    return d["requests_per_second"], d["latency"]["percentiles_ns"]["p99"] / 1e6
json_rps, json_p99 = cell("json"); work_rps, work_p99 = cell("work")
print(f"{label}\n  /json {json_rps:,.0f} req/s, p99 {json_p99:.2f} ms; /work {work_rps:,.0f} req/s, p99 {work_p99:.1f} ms\n"
      f"  CPU 0 idle {(a[0]-b[0])/hz/seconds:.0%}, server CPU {(a[1]-b[1])/hz/seconds:.0%}, "
      f"sysmon {(a[2]-b[2])/seconds:,.0f} wake-ups/s, {threads} threads")
PY

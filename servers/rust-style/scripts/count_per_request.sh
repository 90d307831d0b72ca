#!/usr/bin/env bash
# Deterministic per-request counts for one server binary on GET /json, 64
# keep-alive connections, server on CPU 0 (--threads 1), load on CPU 1:
#   syscalls      perf's syscall tracepoints over a 3 s wrk run, per request
#                 (strace -c stops the server at every call, so the client has
#                 always answered by the time it reads: it hides failed reads)
#   strace        strace -c over a 3 s wrk run, each call divided by the requests
#   allocs        the LD_PRELOAD allocation counter around a 3 s wrk run
#   instructions  callgrind, counters zeroed after a warm-up, then a fixed -n
# Usage: count_per_request.sh SERVER_BINARY syscalls|strace|allocs|instructions [PORT]
# Env: APIBENCH (the CLI, for -n), ALLOC_PRELOAD (libapibench-alloccount.so).
# Run it under /tmp/apibench-build.lock: it puts load on the machine.
set -euo pipefail
server=$1 mode=$2 port=${3:-18931}
url="http://127.0.0.1:$port/json"
apibench=${APIBENCH:-/work/main/build/release/apibench}
preload=${ALLOC_PRELOAD:-/work/main/build/release/alloccount/libapibench-alloccount.so}
out=$(mktemp -d)
pid=

stop() { [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$out"; }
trap stop EXIT

start() {  # start [wrapper...]: the server, pinned; waits for its port
  taskset -c 0 "$@" "$server" --threads 1 --port "$port" >"$out/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 300); do curl -sf -o /dev/null "$url" && return; sleep 0.1; done
  echo "server did not start" >&2; exit 1
}
load() { taskset -c 1 wrk -t1 -c64 -d"$1" "$url" | awk '/requests in/ {print $1}'; }
counters() { od -An -t u8 -j 8 -N 16 "/dev/shm/apibench-alloc-$pid"; }  # allocations, frees

case $mode in
  syscalls)
    start
    load 1s >/dev/null
    events=(-e raw_syscalls:sys_enter -e syscalls:sys_enter_recvfrom -e syscalls:sys_exit_recvfrom --filter 'ret == -11'
            -e syscalls:sys_enter_sendmsg -e syscalls:sys_enter_sendto -e syscalls:sys_enter_epoll_wait
            -e syscalls:sys_enter_epoll_ctl)
    perf stat -x, -o "$out/perf" "${events[@]}" -p "$pid" & counter=$!
    sleep 0.5
    requests=$(load 3s)
    kill -INT "$counter"; wait "$counter" || true
    echo "requests: $requests (recvfrom EAGAIN is the sys_exit_recvfrom line)"
    awk -F, -v n="$requests" '$3 ~ /:/ { printf "%-32s %8.3f per request\n", $3, $1 / n }' "$out/perf" ;;
  strace)
    start
    load 1s >/dev/null
    strace -c -f -o "$out/strace" -p "$pid" & tracer=$!
    sleep 0.5
    requests=$(load 3s)
    kill -INT "$tracer"; wait "$tracer" || true
    echo "requests: $requests"
    awk -v n="$requests" '$1 ~ /^[0-9.]+$/ && NF >= 5 {
      calls = $4; errors = (NF == 6 ? $5 : 0); name = $NF
      printf "%-14s %8.3f per request, %8.3f failed\n", name, calls / n, errors / n }' "$out/strace" ;;
  allocs)
    LD_PRELOAD=$preload start
    load 1s >/dev/null
    read -r a0 f0 < <(counters)
    requests=$(load 3s)
    read -r a1 f1 < <(counters)
    echo "requests: $requests allocations: $((a1 - a0)) frees: $((f1 - f0))"
    awk -v a=$((a1 - a0)) -v n="$requests" 'BEGIN { printf "allocations per request: %.5f\n", a / n }' ;;
  instructions)
    start valgrind --tool=callgrind --callgrind-out-file="$out/cg.%p"
    taskset -c 1 "$apibench" load --warmup 0s -c 64 -n 2000 "$url" >/dev/null
    callgrind_control -z "$pid" >/dev/null
    taskset -c 1 "$apibench" load --warmup 0s -c 64 -n 20000 "$url" >/dev/null
    callgrind_control -d "$pid" >/dev/null
    sleep 1
    ir=$(awk '/^summary:|^totals:/ {print $2}' "$out/cg.$pid.1" | tail -1)
    echo "instructions: $ir requests: 20000"
    awk -v ir="$ir" 'BEGIN { printf "instructions per request: %.0f\n", ir / 20000 }' ;;
  *) echo "mode: syscalls, strace, allocs or instructions" >&2; exit 2 ;;
esac

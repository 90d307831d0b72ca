#!/usr/bin/env bash
# Issue #9's benchmark: does normal traffic keep its p99 while 1,000 connections
# send one header byte a second? (tests/overload checks that they are dropped;
# this measures what they cost everyone else.)
#   scripts/bench-slow-headers.sh SERVER [--rate R] [--seconds N] [--slow N] [--burst]
# SERVER is rust-style or go-style. The server runs on CPU 0 (--threads 1), the
# load generator and the slow connections on CPU 1. Open-loop GET /json at a fixed
# rate (default: 30% of a quick sweep's maximum at p99 <= 10 ms) for N seconds
# (default 20), once alone and once beside the slow connections; prints
# p50/p99/p99.9 of both and the ratios, for the corrected latency (from each
# request's intended send time) and the service time (from its actual send), and
# when the server dropped the slow ones (the header timeout, --header-timeout-ms,
# is 5 s by default: docs/api.md).
# The slow connections are bench/slow-headers' apibench-slow-headers: one epoll
# thread whose sends are spread evenly over each second, its connections opened
# over the first second, so the drops and reopenings are spread too (a slowloris's
# steady state). --burst opens and drips them all at the same instant instead, so
# they are dropped and reopened in one wave. It shares CPU 1 with the load
# generator, so its CPU use during the measured run is printed.
# The load generator records no lateness of its own: corrected latency minus
# service time is how long requests waited to be sent (the generator late, or no
# free connection).
# The measured runs hold /tmp/apibench-build.lock, so no build shares the CPUs.
# APIBENCH_BUILD_DIR picks the build (default build/release).
set -euo pipefail
trap 'echo "bench-slow-headers: failed at line $LINENO" >&2' ERR
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${APIBENCH_BUILD_DIR:-$root/build/release}
usage() { echo "usage: $0 rust-style|go-style [--rate R] [--seconds N] [--slow N] [--burst]" >&2; exit 2; }

server=${1:-}
[[ $server == rust-style || $server == go-style ]] || usage
shift
rate="" seconds=20 slow=1000 burst=()
while (($#)); do
  case $1 in
    --rate) rate=${2:?}; shift 2 ;;
    --seconds) seconds=${2:?}; shift 2 ;;
    --slow) slow=${2:?}; shift 2 ;;
    --burst) burst=(--burst); shift ;;
    *) usage ;;
  esac
done

apibench=$build/apibench
program=$build/servers/$server/apibench-$server
dripper=$build/bench/slow-headers/apibench-slow-headers
for f in "$apibench" "$program" "$dripper"; do
  [[ -x $f ]] || { echo "bench-slow-headers: $f is not built (scripts/build.sh, or set APIBENCH_BUILD_DIR)" >&2; exit 2; }
done
ulimit -n "$(ulimit -Hn)"  # the server holds the slow connections beside the load's
if (($(ulimit -n) < slow + 256)); then
  echo "bench-slow-headers: the open-file limit ($(ulimit -n)) is too low for $slow slow connections" >&2
  exit 2
fi

work=$(mktemp -d)
server_pid=""
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

taskset -c 0 "$program" --port 0 --threads 1 >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 100); do
  port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$work/server.out")
  [[ -n $port ]] && break
  sleep 0.1
done
[[ -n ${port:-} ]] || { echo "bench-slow-headers: $server printed no ready line" >&2; cat "$work/server.err" >&2; exit 1; }
url=http://127.0.0.1:$port/json

metric() {  # the value of one /metrics line, e.g. apibench_connections_total
  curl -s "http://127.0.0.1:$port/metrics" | awk -v name="$1" '$1 == name { print $2 }'
}

# p50 p99 p99.9 of the corrected latency, then of the service time, in microseconds;
# the requests/s reached and the errors; from `load --json`.
percentiles() {
  python3 - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
us = lambda kind: " ".join(f'{r[kind]["percentiles_ns"][p] / 1e3:.0f}' for p in ("p50", "p99", "p99.9"))
print(f'{us("latency")} {us("service_time")} {r["requests_per_second"]:.0f} {r["errors"]["total"]}')
PY
}

# utime + stime of a process in clock ticks (/proc/PID/stat fields 14 and 15; the
# program's name, field 2, holds no space).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

measure() {  # $1: name of the result file
  if ! taskset -c 1 "$apibench" load "$url" --rate "$rate" -c 64 -d "${seconds}s" --warmup 1s --cpus 1 \
      --json "$work/$1.json" >"$work/$1.out" 2>&1; then
    echo "bench-slow-headers: the $1 run failed:" >&2
    cat "$work/$1.out" >&2
    exit 1
  fi
}

exec 9>/tmp/apibench-build.lock
echo "bench-slow-headers: waiting for /tmp/apibench-build.lock" >&2
flock 9
if [[ -z $rate ]]; then
  taskset -c 1 "$apibench" load "$url" --sweep --slo 10ms -c 64 -d 1s --cpus 1 >"$work/sweep.out" 2>&1 || true
  max=$(sed -n 's/^max throughput at p99 <= .*: \([0-9]*\) requests\/s$/\1/p' "$work/sweep.out")
  probe=$(sed -n 's/^closed-loop probe: \([0-9]*\) requests\/s$/\1/p' "$work/sweep.out")
  if [[ -n $max ]]; then
    rate=$((max * 30 / 100))
    echo "sweep maximum at p99 <= 10 ms: $max req/s; rate: 30% = $rate req/s"
  elif [[ -n $probe ]]; then  # even the first step (half the probe) missed: a loaded machine
    rate=$((probe * 30 / 100))
    echo "the sweep met p99 <= 10 ms at no step; rate: 30% of its closed-loop probe ($probe req/s) = $rate req/s"
  else
    echo "bench-slow-headers: the sweep measured nothing (give --rate):" >&2
    cat "$work/sweep.out" >&2
    exit 1
  fi
fi

measure alone
total_before=$(metric apibench_connections_total)
taskset -c 1 "$dripper" --port "$port" --connections "$slow" --duration $((seconds + 4)) "${burst[@]}" \
  >"$work/slow.out" &
slow_pid=$!
sleep 2  # the slow connections are open and dripping before the clock starts
ticks_before=$(cpu_ticks "$slow_pid")
measure attacked
ticks_after=$(cpu_ticks "$slow_pid")
open_at_end=$(metric apibench_connections_open)
wait "$slow_pid"
total_after=$(metric apibench_connections_total)
flock -u 9

read -r a50 a99 a999 as50 as99 as999 arps aerr < <(percentiles "$work/alone.json")
read -r b50 b99 b999 bs50 bs99 bs999 brps berr < <(percentiles "$work/attacked.json")
ratio() { python3 -c "print(f'{$2 / $1:.2f}x' if $1 > 0 else '-')"; }
row() { printf '%-22s %8s %8s %8s   %8s %8s %8s %9s %7s\n' "$@"; }
shape=spread
((${#burst[@]})) && shape=burst
echo
echo "$server, GET /json open loop at $rate req/s, ${seconds}s each, 64 connections; server CPU 0, load CPU 1"
echo "latency in us: corrected (from the intended send), then service time (svc, from the actual send)"
row "run" "p50" "p99" "p99.9" "svc p50" "svc p99" "svc p99.9" "req/s" "errors"
row "alone" "$a50" "$a99" "$a999" "$as50" "$as99" "$as999" "$arps" "$aerr"
row "$slow slow ($shape)" "$b50" "$b99" "$b999" "$bs50" "$bs99" "$bs999" "$brps" "$berr"
row "ratio" "$(ratio "$a50" "$b50")" "$(ratio "$a99" "$b99")" "$(ratio "$a999" "$b999")" \
    "$(ratio "$as50" "$bs50")" "$(ratio "$as99" "$bs99")" "$(ratio "$as999" "$bs999")"
echo
cat "$work/slow.out"
python3 -c "t = ($ticks_after - $ticks_before) / $(getconf CLK_TCK)
print(f'slow-header client CPU during the measured run: {t:.2f} s in $seconds s ({100 * t / $seconds:.1f}% of CPU 1)')"
echo "server /metrics: apibench_connections_total grew by $((total_after - total_before)) during the slow run" \
     "(the slow connections and their reconnections, plus the 64 of the load and these /metrics requests);" \
     "apibench_connections_open was $open_at_end as the load finished"

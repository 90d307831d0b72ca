#!/usr/bin/env bash
# What the load generator costs per request, next to wrk: in one run, wrk and
# `apibench load --io epoll` and `--io uring` each load the same server with the
# same connections, duration and one thread (server pinned to one CPU, generator
# to another), against (a) apibench-floor-server, an epoll server that answers
# every read with a fixed response (so the generator is the bottleneck), and
# (b) rust-style on /json. For each generator it measures the CPU time (user+sys
# of the generator process, from wait4's rusage) divided by its completed
# requests, and requests/s. Repeats the round (each in a rotated order); prints
# medians with min-max and each generator's ratio to wrk in the same round.
# With --strace it also runs each generator once more under `strace -c -f` and
# prints system calls per completed request (strace slows the run; only the
# counts matter).
#
#   scripts/bench-loadgen.sh [--repetitions N] [--duration 5s] [--connections N]
#                            [--server-cpu N] [--load-cpu N] [--strace]
#                            [--build-dir DIR]
#
# Needs wrk (Debian package) and a build with apibench, apibench-floor-server and
# apibench-rust-style (default build/release; scripts/build.sh makes it).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
repetitions=3
duration=5s
connections=64
server_cpu=0
load_cpu=1
strace=0
build="$root/build/release"

usage() { sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repetitions) repetitions=${2:?}; shift 2 ;;
    --duration) duration=${2:?}; shift 2 ;;
    --connections) connections=${2:?}; shift 2 ;;
    --server-cpu) server_cpu=${2:?}; shift 2 ;;
    --load-cpu) load_cpu=${2:?}; shift 2 ;;
    --strace) strace=1; shift ;;
    --build-dir) build=$(cd "${2:?}" && pwd); shift 2 ;;
    -h|--help) usage ;;
    *) echo "bench-loadgen: unknown argument '$1'" >&2; usage ;;
  esac
done

for program in apibench bench/apibench-floor-server servers/rust-style/apibench-rust-style; do
  if [[ ! -x "$build/$program" ]]; then
    echo "bench-loadgen: $build/$program is missing (build first, or give --build-dir)" >&2
    exit 1
  fi
done
command -v wrk > /dev/null || { echo "bench-loadgen: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
[[ $strace == 1 ]] && { command -v strace > /dev/null || { echo "bench-loadgen: strace is not installed" >&2; exit 1; }; }

exec python3 - "$build" "$repetitions" "$duration" "$connections" "$server_cpu" "$load_cpu" "$strace" <<'PYTHON'
import json, os, re, statistics, subprocess, sys, tempfile

build, repetitions, duration, connections, server_cpu, load_cpu, strace = sys.argv[1:]
repetitions, strace = int(repetitions), strace == "1"
scratch = tempfile.mkdtemp(prefix="bench-loadgen-")

SERVERS = {  # name: (command, path loaded)
    "floor": ([f"{build}/bench/apibench-floor-server", "--port", "0"], "/"),
    "rust-style /json": ([f"{build}/servers/rust-style/apibench-rust-style", "--port", "0", "--threads", "1"], "/json"),
}
GENERATORS = ["wrk", "apibench epoll", "apibench uring"]


def start_server(command):
    server = subprocess.Popen(["taskset", "-c", server_cpu, *command], stdout=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    match = re.search(r"listening on [^:]+:(\d+)", line)
    if not match:
        server.kill()
        sys.exit(f"bench-loadgen: {command[0]} did not start (said {line!r})")
    return server, int(match.group(1))


def generator_command(generator, url, json_path):
    if generator == "wrk":
        return ["wrk", "-t1", f"-c{connections}", f"-d{duration}", url]
    io = generator.split()[1]
    return [f"{build}/apibench", "load", url, "-c", connections, "-d", duration, "-t", "1", "--warmup", "0s",
            "--io", io, "--json", json_path]


def completed_requests(generator, output, json_path):
    if generator == "wrk":
        match = re.search(r"(\d+) requests in", output)
        if not match:
            sys.exit(f"bench-loadgen: cannot read wrk's output:\n{output}")
        return int(match.group(1))
    with open(json_path) as f:
        return int(json.load(f)["requests"])


def run_generator(generator, url, wrapper=()):
    """(completed requests, CPU seconds of the generator, its output)."""
    json_path = os.path.join(scratch, "result.json")
    command = ["taskset", "-c", load_cpu, *wrapper, *generator_command(generator, url, json_path)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"bench-loadgen: {' '.join(command)} failed:\n{output}")
    return completed_requests(generator, output, json_path), usage.ru_utime + usage.ru_stime, output


def seconds_of(text):
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(ms|s)", text)
    return float(match.group(1)) / (1000 if match.group(2) == "ms" else 1)


def one_round(url, number):
    round_result = {}
    order = GENERATORS[number % 3:] + GENERATORS[:number % 3]  # rotated, so drifting noise hits each in turn
    for generator in order:
        requests, cpu, _ = run_generator(generator, url)
        round_result[generator] = {"us_per_request": cpu * 1e6 / max(requests, 1),
                                   "requests_per_second": requests / seconds_of(duration)}
    for generator in GENERATORS:
        round_result[generator]["ratio"] = (round_result[generator]["us_per_request"] /
                                            round_result["wrk"]["us_per_request"])
    return round_result


def syscalls_per_request(url):
    counts = {}
    for generator in GENERATORS:
        summary = os.path.join(scratch, "strace.txt")
        requests, _, _ = run_generator(generator, url, ("strace", "-c", "-f", "-o", summary))
        with open(summary) as f:
            total_line = [line for line in f if line.rstrip().endswith("total")][0]
        calls = int(total_line.split()[3])  # % time, seconds, usecs/call, calls, [errors,] total
        counts[generator] = calls / max(requests, 1)
    return counts


def spread(values):
    return f"{statistics.median(values):7.2f} ({min(values):.2f}-{max(values):.2f})"


print(f"load generators, {connections} connections, {duration}, 1 thread; server on CPU {server_cpu}, "
      f"generator on CPU {load_cpu}; {repetitions} rounds; median (min-max)")
for name, (command, path) in SERVERS.items():
    server, port = start_server(command)
    url = f"http://127.0.0.1:{port}{path}"
    try:
        rounds = [one_round(url, number) for number in range(repetitions)]
        calls = syscalls_per_request(url) if strace else None
    finally:
        server.terminate()
        server.wait()
    print(f"\n{name}")
    header = f"  {'generator':<16} {'CPU us/request':>22} {'x wrk (same round)':>22} {'requests/s':>26}"
    print(header + ("  syscalls/request" if calls else ""))
    for generator in GENERATORS:
        us = [r[generator]["us_per_request"] for r in rounds]
        ratio = [r[generator]["ratio"] for r in rounds]
        rps = [r[generator]["requests_per_second"] / 1000 for r in rounds]
        line = f"  {generator:<16} {spread(us):>22} {spread(ratio):>22} {spread(rps) + ' k':>26}"
        print(line + (f"  {calls[generator]:16.2f}" if calls else ""))
PYTHON

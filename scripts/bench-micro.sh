#!/usr/bin/env bash
# Runs every Google Benchmark micro-benchmark (bench/bm_*.cpp) pinned to one
# CPU with repetitions (aggregates only: mean, median, stddev, cv), keeps
# Google Benchmark's JSON (it carries the host, the CPUs, and our build type,
# compiler and commit) in results/<UTC timestamp>-micro/micro/<name>.json, and
# writes report.md and report.html there with `apibench report`: per topic, each
# benchmark's median time, its cv over the repetitions and its allocations per
# operation. Prints report.md.
#
#   scripts/bench-micro.sh [--repetitions N] [--cpus LIST] [--filter REGEX]
#                          [--build-dir DIR] [--no-build]
#
# By default it builds Release with scripts/build.sh and runs build/release.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
repetitions=5
cpus=1
filter=.
build="$root/build/release"
do_build=1

usage() { sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repetitions) repetitions=${2:?}; shift 2 ;;
    --cpus) cpus=${2:?}; shift 2 ;;
    --filter) filter=${2:?}; shift 2 ;;
    --build-dir) build=$(cd "${2:?}" && pwd); shift 2 ;;
    --no-build) do_build=0; shift ;;
    -h|--help) usage ;;
    *) echo "bench-micro: unknown argument '$1'" >&2; usage ;;
  esac
done

[[ $do_build == 1 ]] && "$root/scripts/build.sh"
shopt -s nullglob
binaries=("$build"/bench/bm_*)
if [[ ${#binaries[@]} -eq 0 ]]; then
  echo "bench-micro: no bm_* programs in $build/bench (build first, or give --build-dir)" >&2
  exit 1
fi
if [[ ! -x "$build/apibench" ]]; then
  echo "bench-micro: no apibench in $build to write the report (build the apibench target)" >&2
  exit 1
fi

out="$root/results/$(date -u +%Y%m%dT%H%M%SZ)-micro"
mkdir -p "$out/micro"
echo "load before the run: $(uptime)" | tee "$out/load.txt"

for binary in "${binaries[@]}"; do
  name=$(basename "$binary")
  echo "== $name" >&2
  taskset -c "$cpus" "$binary" --benchmark_filter="$filter" --benchmark_repetitions="$repetitions" \
    --benchmark_report_aggregates_only=true --benchmark_out="$out/micro/$name.json" \
    --benchmark_out_format=json >/dev/null
done

"$build/apibench" report "$out" >/dev/null
cat "$out/report.md"
echo "results: $out (report.md, report.html)" >&2

#!/usr/bin/env bash
# Runs every Google Benchmark micro-benchmark (bench/bm_*.cpp) pinned to one
# CPU with repetitions, keeps Google Benchmark's JSON (it carries the host, the
# CPUs and the build type) in results/<UTC timestamp>-micro/micro/<name>.json,
# and prints each benchmark's median time, its coefficient of variation over
# the repetitions and its allocations per operation.
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

usage() { sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
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

# Google Benchmark's JSON is one field per line; collect each aggregate's
# fields, then print the median row of every benchmark with its cv.
medians() {
  awk '
    function ns(t, unit) { return unit == "us" ? t * 1e3 : unit == "ms" ? t * 1e6 : unit == "s" ? t * 1e9 : t }
    /^ *"run_name":/        { split($0, f, "\""); run = f[4] }
    /^ *"aggregate_name":/  { split($0, f, "\""); agg = f[4] }
    /^ *"real_time":/       { gsub(/[ ,]/, "", $2); real = $2 }
    /^ *"time_unit":/       { split($0, f, "\""); unit = f[4] }
    /^ *"allocs_per_op":/   { gsub(/[ ,]/, "", $2); allocs = $2 }
    /^ *}/ && run != "" {
      if (agg == "median") { order[++n] = run; median[run] = ns(real, unit); alloc[run] = allocs }
      if (agg == "cv") cv[run] = real * 100
      run = agg = allocs = ""
    }
    END {
      for (i = 1; i <= n; ++i) {
        r = order[i]
        printf "%-64s %14.1f %7.2f %10s\n", r, median[r], cv[r], alloc[r] == "" ? "-" : sprintf("%.2f", alloc[r])
      }
    }' "$@"
}

{
  printf "%-64s %14s %7s %10s\n" "benchmark" "median ns" "cv %" "allocs/op"
  for json in "$out"/micro/*.json; do medians "$json"; done
} | tee "$out/medians.txt"
echo "results: $out" >&2

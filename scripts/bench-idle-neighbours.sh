#!/usr/bin/env bash
# What idle servers beside the measured one cost it. `apibench run` keeps every
# server of a workload up on the server CPUs while one of them is measured
# (runner/cell_group.hpp); this measures the price. Runs of the quick suite
# (GET /json, 64 connections) alternate: SERVER alone, then SERVER with the
# NEIGHBOURS (each idle while SERVER takes its turns), ROUNDS times; it prints
# SERVER's CPU us/request and requests/s (medians over each run's repetitions)
# and the median over the rounds of beside / alone.
#   scripts/bench-idle-neighbours.sh [SERVER] [NEIGHBOURS] [ROUNDS] [apibench run options...]
#   defaults: rust-style  go-style,nginx,rust-hyper,go-nethttp  3
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
apibench=${APIBENCH_BUILD_DIR:-$root/build/release}/apibench
server=${1:-rust-style}
neighbours=${2:-go-style,nginx,rust-hyper,go-nethttp}
rounds=${3:-3}
shift $(($# < 3 ? $# : 3))
[[ -x $apibench ]] || { echo "bench-idle-neighbours: $apibench is not built (scripts/build.sh)" >&2; exit 2; }
[[ $rounds =~ ^[1-9][0-9]*$ ]] || { echo "bench-idle-neighbours: ROUNDS must be a positive integer, not '$rounds'" >&2; exit 2; }
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# Prints "<cpu us/request> <requests/s>" of SERVER's json cell in the run of the given servers.
measure() {
  local servers=$1; shift
  "$apibench" run --suite quick --servers "$servers" --results "$results" "$@" >/dev/null
  local run; run=$(ls -td "$results"/*/ | head -n 1)
  python3 - "$run/run.json" "$server" <<'PY'
import json, sys
cell = next(c for c in json.load(open(sys.argv[1]))["cells"] if c["server"] == sys.argv[2])
s = cell["summary"]
print(f'{s["cpu_us_per_request"]["median"]:.3f} {s["requests_per_second"]["median"]:.0f}')
PY
}

echo "round  alone: CPU us/req  req/s   beside $neighbours: CPU us/req  req/s"
ratios=()
for ((r = 1; r <= rounds; ++r)); do
  read -r cpu_alone rps_alone < <(measure "$server" "$@")
  read -r cpu_beside rps_beside < <(measure "$server,$neighbours" "$@")
  printf '%5d  %17s  %6s   %17s  %6s\n' "$r" "$cpu_alone" "$rps_alone" "$cpu_beside" "$rps_beside"
  ratios+=("$(python3 -c "print($cpu_beside / $cpu_alone, $rps_beside / $rps_alone)")")
done
printf '%s\n' "${ratios[@]}" | python3 -c '
import statistics, sys
pairs = [tuple(map(float, l.split())) for l in sys.stdin]
cpu, rps = [p[0] for p in pairs], [p[1] for p in pairs]
print(f"beside / alone, median (min-max) over {len(pairs)} rounds: CPU us/request {statistics.median(cpu):.3f}x "
      f"({min(cpu):.3f}-{max(cpu):.3f}), requests/s {statistics.median(rps):.3f}x ({min(rps):.3f}-{max(rps):.3f})")'

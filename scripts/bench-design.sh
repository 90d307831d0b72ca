#!/usr/bin/env bash
# The reference servers' design targets: the design suite with nginx, rust-style,
# rust-hyper, go-style and go-nethttp side by side in ONE run (server on CPU 0, load on
# CPU 1 by default), then the targets as ratios, printed from that run by
# `apibench ratios` (reproduce/design_ratios.cpp), among them rust-style's /json p99 at 50%
# of its own maximum (the suite's open-loop json-half-max workload).
#   scripts/bench-design.sh [extra `apibench run` options, e.g. -d 4s -r 3]
# APIBENCH_BUILD_DIR picks the build (default build/release).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${APIBENCH_BUILD_DIR:-$root/build/release}
apibench=$build/apibench
if [[ ! -x $apibench ]]; then
  echo "bench-design: $apibench is not built (scripts/build.sh, or set APIBENCH_BUILD_DIR)" >&2
  exit 2
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
"$apibench" run --suite design --servers nginx,rust-style,rust-hyper,go-style,go-nethttp "$@" | tee "$log" || status=$?
run_dir=$(sed -n 's/^results: //p' "$log" | tail -n 1)
if [[ -z $run_dir ]]; then
  echo "bench-design: the run wrote no results folder" >&2
  exit $((status ? status : 1))
fi
echo
"$apibench" ratios "$run_dir"
exit "$status"

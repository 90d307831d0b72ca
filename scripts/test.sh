#!/usr/bin/env bash
# The README's test command (and CI's, through .ci/run): set up, build, run
# every test, then the sanitizer builds and the fuzz targets; non-zero when any
# phase fails. Each phase's wall time is printed at the end.
#   scripts/test.sh [ctest arguments...]
#   APIBENCH_TEST_QUICK=1 scripts/test.sh    only setup, build and ctest
#   APIBENCH_FUZZ_SECONDS=N                  seconds per fuzz target (default 30)
# The phases after ctest run even when ctest fails, so one run shows every failure;
# a failed setup or build ends the run at once.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
fuzz_seconds=${APIBENCH_FUZZ_SECONDS:-30}

timings=()
failed=()
phase() {  # name command...
  local name=$1 start=$SECONDS status=0
  shift
  echo "==== $name"
  "$@" || status=$?
  timings+=("$(printf '%-8s %5d s  %s' "$name" $((SECONDS - start)) "$( ((status == 0)) && echo ok || echo "FAILED ($status)")")")
  ((status == 0)) || failed+=("$name")
  return 0
}

summary() {
  echo "==== phase times"
  printf '  %s\n' "${timings[@]}"
  echo "  total    $SECONDS s"
}

run_ctest() { (cd "$root/build/release" && ctest --output-on-failure --timeout 300 -j"$(nproc)" "$@"); }

phase setup "$root/scripts/setup.sh"
phase build "$root/scripts/build.sh"
if ((${#failed[@]})); then
  summary
  echo "test: ${failed[*]} failed; nothing was tested" >&2
  exit 1
fi
phase ctest run_ctest "$@"
if [[ -z ${APIBENCH_TEST_QUICK:-} ]]; then
  phase asan "$root/scripts/sanitize.sh" asan
  phase tsan "$root/scripts/sanitize.sh" tsan
  phase fuzz "$root/scripts/fuzz.sh" "$fuzz_seconds"
fi
summary
if ((${#failed[@]})); then
  echo "test: failed: ${failed[*]}" >&2
  exit 1
fi
echo "test: every phase passed"

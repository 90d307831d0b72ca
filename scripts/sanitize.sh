#!/usr/bin/env bash
# The C++ tests under sanitizers (g++), each build restricted to the targets it runs:
#   build/asan  AddressSanitizer + UndefinedBehaviorSanitizer: contract, histogram,
#               runner, loadgen, both servers' unit and integration tests, and the
#               conformance, hostile-input and overload suites for the two C++
#               servers (their servers built with ASan too, so a request that
#               corrupts memory aborts them and the suite sees a dead server).
#   build/tsan  ThreadSanitizer: every go-style test (its runtime, channels,
#               WaitGroup, caches and whole-server tests, tasks on fibers included);
#               rust-style's tests (its sharded cache, event loops and blocking pool,
#               and its server tests); loadgen (generator threads), contract, histogram.
#   scripts/sanitize.sh [asan|tsan]    (default: both)
# Any sanitizer report fails the run (halt_on_error); the output is in
# build/<asan|tsan>/sanitize-<test>.log.
#
# Compiled -O1 -g1 with assertions on: sanitizer builds are for finding bugs, and
# -O1 with line tables compiles in about half the time of -O2 -g.
#
# Boost.Context fibers (go-style's tasks; asio::spawn runs on Boost.Coroutine v1 in
# Boost 1.74) and the sanitizers:
# - ASan: the fibers switch stacks with fcontext (jump_fcontext), and Debian's
#   libboost-context is built for fcontext only. BOOST_USE_ASAN works only with the
#   ucontext implementation (BOOST_USE_UCONTEXT), which would need Boost.Context
#   rebuilt from source, and Coroutine v1, which asio::spawn uses, has no
#   annotations at all. Unannotated switches are sound for ASan as long as no fake
#   stack is in use, so detect_stack_use_after_return=0 (ASan then still checks
#   heap, globals and stack-buffer overflows on every fiber stack). ASan's warning
#   about a stack switch it did not expect is informational.
# - TSan: a stack switch TSan is not told about (__tsan_switch_to_fiber, which
#   Boost.Context gained only in 1.81 and Coroutine v1 never did) leaves TSan's
#   shadow call stack pointing into another fiber's stack, and TSan crashed at
#   random inside itself (SEGV in its stack-depot hash) in go-style's fiber tests.
#   So TSan builds link servers/go-style/tsan/fiber_switches.cpp into go_style_test
#   and the go-style server: it defines make_fcontext / jump_fcontext /
#   ontop_fcontext in the executable, which libboost_coroutine's calls bind to
#   first, announces each switch to TSan and forwards to libboost_context. With it
#   every go-style test runs under TSan but one: Routes.WorkDoesNotStallOther-
#   Connections expects /json answered while 64 /work?ms=1000 handlers sleep, so
#   64 connects, 64 pool threads and the /json request must fit in one second;
#   TSan's slowdown on the shared 2-core machine broke that in 2 runs of 3 (the
#   one run alone passed; 2026-11-24, 34 and 15 sleepers answered first, no TSan
#   report). It checks an order bounded by a deadline, not memory safety: it runs
#   under ASan and in the release ctest.
# Warnings are not errors here: GCC 12 emits false -Wmismatched-new-delete on
# Asio's coroutine frames once -fsanitize is on; the -Werror build is the normal one.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
which=${1:-all}

configure() {  # dir flags
  cmake -S "$root" -B "$1" -G Ninja -DCMAKE_BUILD_TYPE=Sanitize -DAPIBENCH_WERROR=OFF \
    -DAPIBENCH_BUILD_BENCH=OFF "-DCMAKE_CXX_FLAGS_SANITIZE=-O1 -g1" "-DCMAKE_CXX_FLAGS=$2" >/dev/null
}

build() {  # dir targets...
  local dir=$1
  shift
  flock /tmp/apibench-build.lock cmake --build "$dir" --target "$@" -j2
}

failures=()
run() {  # dir test-binary [gtest filter]
  local dir=$1 binary=$2 filter=${3:-*} name
  name=$(basename "$binary")
  local start=$SECONDS
  if "$dir/$binary" --gtest_filter="$filter" --gtest_brief=1 >"$dir/sanitize-$name.log" 2>&1; then
    echo "  ok   $name ($((SECONDS - start)) s)"
  else
    echo "  FAIL $name ($((SECONDS - start)) s): $dir/sanitize-$name.log"
    grep -E "ERROR: (Address|Thread|Undefined|Leak)Sanitizer|runtime error|WARNING: ThreadSanitizer|FAILED|^\[  FAILED" \
      "$dir/sanitize-$name.log" | head -20 || true
    failures+=("$(basename "$dir"):$name")
  fi
}

cxx_servers='*rust_style*:*go_style*'

asan() {
  local dir=$root/build/asan start=$SECONDS
  echo "== ASan + UBSan ($dir)"
  configure "$dir" "-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
  build "$dir" contract_test histogram_test runner_test loadgen_test rust_style_test go_style_test \
    conformance_test hostile_test overload_test apibench-rust-style apibench-go-style
  echo "  built in $((SECONDS - start)) s"
  export ASAN_OPTIONS=detect_stack_use_after_return=0:detect_leaks=1:halt_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  run "$dir" contract/contract_test
  run "$dir" histogram/histogram_test
  run "$dir" runner/runner_test
  run "$dir" loadgen/loadgen_test
  run "$dir" servers/rust-style/tests/rust_style_test
  # TaskStack measures the release build's stack use; ASan's redzones make every frame larger.
  run "$dir" servers/go-style/go_style_test '-TaskStack.*'
  run "$dir" tests/conformance_test "$cxx_servers"
  run "$dir" tests/hostile/hostile_test "*HostileCppServer*"
  run "$dir" tests/overload/overload_test
  unset ASAN_OPTIONS UBSAN_OPTIONS
  echo "  ASan stage: $((SECONDS - start)) s"
}

tsan() {
  local dir=$root/build/tsan start=$SECONDS
  echo "== TSan ($dir)"
  configure "$dir" "-fsanitize=thread -fno-omit-frame-pointer"
  build "$dir" contract_test histogram_test loadgen_test rust_style_test go_style_test
  echo "  built in $((SECONDS - start)) s"
  export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
  run "$dir" contract/contract_test
  run "$dir" histogram/histogram_test
  run "$dir" loadgen/loadgen_test
  run "$dir" servers/rust-style/tests/rust_style_test
  run "$dir" servers/go-style/go_style_test '-Routes.WorkDoesNotStallOtherConnections'  # see the top
  unset TSAN_OPTIONS
  echo "  TSan stage: $((SECONDS - start)) s"
}

case $which in
  asan) asan ;;
  tsan) tsan ;;
  all) asan; tsan ;;
  *) echo "usage: scripts/sanitize.sh [asan|tsan]" >&2; exit 2 ;;
esac

if ((${#failures[@]})); then
  echo "sanitize: failed: ${failures[*]}" >&2
  exit 1
fi
echo "sanitize: every test passed under the sanitizers"

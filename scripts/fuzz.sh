#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ with clang (ASan + UBSan + libFuzzer)
# in build/fuzz and runs each for a fixed time.
#   scripts/fuzz.sh [seconds per target]   (default 30)
# Targets: rust_request_fuzz and go_request_fuzz (each C++ server's request
# parsing, routing and handlers), rust_orders_fuzz (rust-style's typed POST
# /orders reader) and go_orders_fuzz (go-style's decode_order, its /orders path).
# clang and its sanitizer/libFuzzer runtimes come from Debian (installed here
# when missing: setup.sh's list is for the normal build).
# Exits non-zero when a target finds a crash; the crashing input is kept in
# build/fuzz/crashes/<target>/ (reproduce: build/fuzz/fuzz/<target> <file>).
# New corpus entries go to build/fuzz/corpus/<target>/; fuzz/corpus/ holds the
# committed seeds and is only read.
set -euo pipefail

seconds=${1:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build/fuzz
targets=(rust_request_fuzz rust_orders_fuzz go_request_fuzz go_orders_fuzz)

source "$root/scripts/apt-ensure.sh"
apt_ensure "apibench fuzz" clang libclang-rt-14-dev

# fuzzer-no-link everywhere, so the servers' code (not only the harnesses) gives coverage.
# Boost 1.74's Asio enables co_await under clang only with <experimental/coroutine>,
# which libstdc++ lacks; clang 14 has C++20 coroutines and <coroutine>, so say so.
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DAPIBENCH_FUZZ=ON -DAPIBENCH_BUILD_TESTS=OFF -DAPIBENCH_BUILD_BENCH=OFF \
  "-DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -DBOOST_ASIO_HAS_CO_AWAIT=1" \
  >/dev/null
flock /tmp/apibench-build.lock cmake --build "$build" --target "${targets[@]}" -j2

# go-style's tasks are Boost.Context fibers that ASan cannot be told about (Boost 1.74's
# Coroutine v1 has no sanitizer hooks): fake stacks for use-after-return would be
# switched away from under ASan's feet, so that check is off (see scripts/sanitize.sh).
export ASAN_OPTIONS=detect_stack_use_after_return=0:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

failed=()
for target in "${targets[@]}"; do
  mkdir -p "$build/corpus/$target" "$build/crashes/$target"
  echo "== $target: ${seconds}s"
  if ! "$build/fuzz/$target" -max_total_time="$seconds" -timeout=10 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$build/crashes/$target/" "$build/corpus/$target" "$root/fuzz/corpus/$target" \
      >"$build/$target.log" 2>&1; then
    failed+=("$target")
    tail -n 60 "$build/$target.log"
  fi
  grep -E "^stat::number_of_executed_units|^Done" "$build/$target.log" || true
done

if ((${#failed[@]})); then
  echo "fuzz: crashes in ${failed[*]} (inputs in $build/crashes/)" >&2
  exit 1
fi
echo "fuzz: ${#targets[@]} targets, ${seconds}s each, no crash"

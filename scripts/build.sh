#!/usr/bin/env bash
# Configures (once) and builds the Release tree in build/release. Under CI,
# warnings are errors.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$root/build/release"
werror=OFF
[[ -n "${CI:-}" ]] && werror=ON
if [[ ! -f "$build/build.ninja" ]]; then
  cmake --preset release -S "$root" -DAPIBENCH_WERROR=$werror >/dev/null
fi
cmake --build "$build" -j"$(nproc)"

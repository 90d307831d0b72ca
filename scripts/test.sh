#!/usr/bin/env bash
# The README's test command: set up, build, run every test; non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
cd "$root/build/release"
exec ctest --output-on-failure --timeout 300 -j"$(nproc)" "$@"

#!/usr/bin/env bash
# The README's main command: set up, build, run the quick suite.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
exec "$root/build/release/apibench" run --suite quick "$@"

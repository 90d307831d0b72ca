#!/usr/bin/env bash
# Installs what apibench needs from Debian's archive. Idempotent: when every
# package is present it only checks, which takes well under a second.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/apt-ensure.sh"

packages=(
  build-essential cmake ninja-build pkg-config
  libboost-dev libboost-context-dev libboost-coroutine-dev
  nlohmann-json3-dev libfmt-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  liburing-dev
  wrk nginx-light curl
  apache2-utils nghttp2-client
  python3 util-linux  # the benchmark scripts (python3, taskset) and their smoke tests
  gnuplot-nox chromium
)
apt_ensure "apibench setup" "${packages[@]}"

# The real Rust and Go servers have their own list (toolchains and crates).
"$root/scripts/setup-peers.sh"

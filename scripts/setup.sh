#!/usr/bin/env bash
# Installs what apibench needs from Debian's archive. Idempotent: when every
# package is present it only checks, which takes well under a second.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost-dev libboost-context-dev libboost-coroutine-dev
  nlohmann-json3-dev libfmt-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  liburing-dev
  wrk nginx-light curl
  gnuplot-nox chromium
)

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The real Rust and Go servers have their own list (toolchains and crates).
if [[ -x "$root/scripts/setup-peers.sh" ]]; then
  "$root/scripts/setup-peers.sh"
fi

# One dpkg-query for all: a package it does not print is not installed.
installed=$( (dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${packages[@]}" 2>/dev/null || true) | awk '$2 == "installed" {print $1}')
missing=()
for p in "${packages[@]}"; do
  grep -qx -- "$p" <<<"$installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "apibench setup: installing ${missing[*]}" >&2
sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
# Keep package installs from starting services (nginx) that would hold ports.
policy=/usr/sbin/policy-rc.d
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
  "${sudo[@]}" chmod +x "$policy"
  trap '"${sudo[@]}" rm -f "$policy"' EXIT
fi
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

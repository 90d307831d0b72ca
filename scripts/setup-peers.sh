#!/usr/bin/env bash
# Installs the toolchains and the packaged libraries of the real Rust and Go
# peers (servers/peers/) from Debian's archive: the peers build offline against
# them. Idempotent: when everything is present it only checks, in well under a
# second. A cargo already on PATH (rustup's, say) is kept; Debian's is
# installed only when there is none.
set -euo pipefail

packages=(
  golang-go
  golang-github-gin-gonic-gin-dev
  golang-github-labstack-echo-dev
  librust-hyper-dev
  librust-tokio-dev
  librust-serde-json-dev
  librust-serde-derive-dev
  librust-lru-dev
  nginx-light
)
command -v cargo >/dev/null 2>&1 || packages+=(cargo)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [[ "$status" == installed ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "apibench peers setup: installing ${missing[*]}" >&2
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
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

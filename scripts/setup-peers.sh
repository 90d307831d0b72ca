#!/usr/bin/env bash
# Installs the toolchains and the packaged libraries of the real Rust and Go
# peers (servers/peers/) from Debian's archive: the peers build offline against
# them. Idempotent: when everything is present it only checks, in well under a
# second. A cargo already on PATH (rustup's, say) is kept; Debian's is
# installed only when there is none.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/apt-ensure.sh"

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

apt_ensure "apibench peers setup" "${packages[@]}"

#!/usr/bin/env bash
# Fetches what the real peers (servers/peers/) build from, so that the build
# itself runs offline: nginx from Debian's archive, the Rust workspace's crates
# (pinned by servers/peers/Cargo.lock) from crates.io, and the Go module's
# dependencies (pinned by servers/peers/go.sum) from the Go module proxy.
# Idempotent: when everything is already fetched it only checks.
# A toolchain that is missing or too old skips its peers with one line; the
# C++ servers, nginx and the quick suite's C++ half do not need it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
peers="$root/servers/peers"
source "$root/scripts/apt-ensure.sh"

apt_ensure "apibench peers setup" nginx-light

# --- Rust peers: the Cargo workspace --------------------------------------
# Offline first: when every locked crate is already in cargo's cache this
# needs no network and takes a fraction of a second.
fetch_rust_peers() {
  local manifest="$peers/Cargo.toml" required found
  if ! command -v cargo >/dev/null 2>&1; then
    echo "apibench peers setup: Rust peers skipped: no cargo on PATH (install Rust with rustup)"
    return 0
  fi
  [[ -f "$manifest" ]] || return 0
  required=$(sed -n 's/^rust-version = "\(.*\)"/\1/p' "$manifest")
  found=$(rustc -V 2>/dev/null | awk '{print $2}')
  if [[ -z "$found" ]] || ! printf '%s\n%s\n' "$required" "$found" | sort -V -C; then
    echo "apibench peers setup: Rust peers skipped: rustc ${found:-not found} is older than the workspace's rust-version $required (rustup update)"
    return 0
  fi
  cargo fetch --locked --offline --manifest-path "$manifest" --quiet 2>/dev/null ||
    cargo fetch --locked --manifest-path "$manifest" --quiet
}

# --- Go peers: the Go module ------------------------------------------------
# GOTOOLCHAIN=local: the go on PATH fetches and builds, never a downloaded
# toolchain; one too old for go.mod's `go` line skips the Go peers.
fetch_go_peers() {
  if ! command -v go >/dev/null 2>&1; then
    echo "apibench peers setup: Go peers skipped: no go on PATH (install Go from go.dev)"
    return 0
  fi
  [[ -f "$peers/go.mod" ]] || return 0
  local needed have
  needed=$(sed -n 's/^go //p' "$peers/go.mod")
  have=$(GOTOOLCHAIN=local go env GOVERSION)
  if ! printf '%s\n%s\n' "$needed" "${have#go}" | sort -V -C; then
    echo "apibench peers setup: Go peers skipped: $(command -v go) is $have, go.mod needs go $needed or newer (install Go from go.dev)"
    return 0
  fi
  (cd "$peers" && GOTOOLCHAIN=local GOFLAGS=-mod=readonly GOWORK=off go mod download)
}

fetch_rust_peers
fetch_go_peers

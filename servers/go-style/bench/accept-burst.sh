#!/usr/bin/env bash
# The accept burst: go-style on CPU 0 (--threads 1), `apibench load` on
# CPU 1 opening CONNS connections in one burst, then 2 s of GET /health. Prints
# the load's summary (connect errors among the errors). Takes no lock itself:
# run it under flock /tmp/apibench-build.lock.
#   servers/go-style/bench/accept-burst.sh BUILD_DIR [CONNS] [SERVER_BINARY]
set -euo pipefail
build=${1:?usage: $0 BUILD_DIR [CONNS] [SERVER_BINARY]}
conns=${2:-10000}
program=${3:-$build/servers/go-style/apibench-go-style}
ulimit -n "$(ulimit -Hn)"
out=$(mktemp)
taskset -c 0 "$program" --port 0 --threads 1 >"$out" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 100); do
  port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$out")
  [[ -n $port ]] && break
  sleep 0.1
done
[[ -n ${port:-} ]] || { echo "accept-burst: no ready line" >&2; exit 1; }
"$build/apibench" load --cpus 1 -c "$conns" -d 2s "http://127.0.0.1:$port/health"

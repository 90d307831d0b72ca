#!/usr/bin/env bash
# Soak benchmark (not a CI test): a C++ server under open-loop load at 70% of
# its maximum throughput for a long time, its RSS sampled from /proc every 10 s.
# A server that leaks per request grows; one that does not stays flat.
#
#   scripts/soak.sh SERVER [--minutes N] [--path /json] [--threshold-mib M] [--build DIR]
#     SERVER      rust-style or go-style
#     --minutes   how long the load runs (default 10)
#     --path      the route loaded (default /json)
#     --threshold-mib   growth that counts as growth (default: 4 MiB or 10% of the
#                 warmed-up RSS, whichever is larger)
#     --build     the build directory holding the server and apibench (default build/release)
#
# Maximum throughput is what `apibench load --sweep` finds (the highest open-loop
# rate whose p99 stays within 10 ms); the soak then runs `apibench load --rate`
# at 70% of it. Server pinned to CPU 0, load to CPU 1. Takes the build lock
# (/tmp/apibench-build.lock) so no build shares the machine with it.
# Prints the RSS series and the verdict; exits 1 when RSS grew.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

server=${1:-}
[[ $server == rust-style || $server == go-style ]] || usage
shift
minutes=10 path=/json threshold_mib= build=$root/build/release
while (($#)); do
  case $1 in
    --minutes) minutes=$2; shift 2 ;;
    --path) path=$2; shift 2 ;;
    --threshold-mib) threshold_mib=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    *) usage ;;
  esac
done
[[ $minutes =~ ^[0-9]+$ && $minutes -ge 1 ]] || { echo "soak: --minutes must be a whole number >= 1" >&2; exit 2; }

program=$build/servers/$server/apibench-$server
apibench=$build/apibench
for f in "$program" "$apibench"; do
  [[ -x $f ]] || { echo "soak: $f is not built (cmake --build $build --target apibench apibench-$server)" >&2; exit 2; }
done

work=$(mktemp -d)
server_pid= load_pid=
cleanup() {
  [[ -n $load_pid ]] && kill "$load_pid" 2>/dev/null || true
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# Holds the build lock on fd 9 for the whole run.
exec 9>/tmp/apibench-build.lock
echo "soak: waiting for the build lock" >&2
flock 9

taskset -c 0 "$program" --port 0 --threads 1 >"$work/stdout" 2>"$work/stderr" 9>&- &
server_pid=$!
for _ in $(seq 100); do
  grep -q '^listening on ' "$work/stdout" && break
  sleep 0.1
done
address=$(sed -n 's/^listening on //p' "$work/stdout" | head -1)
[[ -n $address ]] || { echo "soak: $server did not become ready: $(tail -3 "$work/stderr")" >&2; exit 1; }
url=http://$address$path

# A sweep whose last step still met the SLO never found the limit: its closed-loop
# probe ran slow (a stall on this shared machine), so its maximum is only a lower
# bound, and 70% of it would soak at the wrong load. Such a sweep is run again.
find_max() {
  local attempt
  for attempt in 1 2 3; do
    echo "== $server at $url: finding the maximum throughput (apibench load --sweep, p99 <= 10 ms), attempt $attempt"
    taskset -c 1 "$apibench" load "$url" --sweep --slo 10ms -d 2s -c 32 9>&- | tee "$work/sweep"
    max=$(sed -n 's/^max throughput at p99 <= [^:]*: \([0-9.]*\) requests\/s$/\1/p' "$work/sweep")
    [[ -n $max ]] || { echo "soak: the sweep found no rate within the SLO" >&2; exit 1; }
    last_verdict=$(awk '$1 ~ /^[0-9]+$/ && $2 ~ /^[0-9]+$/ {v = $0} END {print v}' "$work/sweep")
    # The verdicts that end a sweep at its limit: "p99 over the SLO", "fell behind", "errors".
    [[ $last_verdict =~ (over\ the\ SLO|fell\ behind|errors)$ ]] && return 0
    echo "soak: every step met the SLO, so $max requests/s is only a lower bound of the maximum" >&2
  done
  echo "soak: three sweeps ended below the limit; the machine is too noisy for a soak now" >&2
  exit 1
}
find_max
rate=$(awk -v m="$max" 'BEGIN {printf "%d", m * 0.7}')

echo "== soak: $rate requests/s (70% of $max) for $minutes min; RSS every 10 s"
taskset -c 1 "$apibench" load "$url" --rate "$rate" -d "${minutes}m" --warmup 5s -c 32 >"$work/load" 2>&1 9>&- &
load_pid=$!
samples=()
start=$SECONDS
sleep 10  # the first sample comes after warm-up
while kill -0 "$load_pid" 2>/dev/null; do
  kib=$(rss_kib "$server_pid")
  samples+=("$kib")
  printf '  %4d s  %8d KiB\n' $((SECONDS - start)) "$kib"
  sleep 10
done
load_status=0
wait "$load_pid" || load_status=$?
load_pid=
cat "$work/load"
((load_status == 0)) || { echo "soak: the load run failed (exit $load_status)" >&2; exit 1; }
kill -0 "$server_pid" 2>/dev/null || { echo "soak: the server died: $(tail -3 "$work/stderr")" >&2; exit 1; }
((${#samples[@]} >= 4)) || { echo "soak: too few samples for a verdict" >&2; exit 1; }

# Early: the mean of samples 1-3 (10-30 s). Late: the mean of the last three.
# Means of three smooth out the allocator's ups and downs.
printf '%s\n' "${samples[@]}" | awk -v threshold_mib="$threshold_mib" '
  { s[NR] = $1 }
  END {
    early = (s[1] + s[2] + s[3]) / 3
    late = (s[NR] + s[NR - 1] + s[NR - 2]) / 3
    limit = threshold_mib != "" ? threshold_mib * 1024 : (early / 10 > 4096 ? early / 10 : 4096)
    growth = late - early
    printf "RSS early %.0f KiB, late %.0f KiB, growth %+.0f KiB (threshold %.0f KiB)\n", early, late, growth, limit
    if (growth > limit) { print "verdict: RSS GREW"; exit 1 }
    print "verdict: no RSS growth"
  }'

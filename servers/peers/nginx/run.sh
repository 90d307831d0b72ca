#!/usr/bin/env bash
# Runs nginx as the apibench anchor with the common server flags: writes the
# config for --host/--port/--threads into a temp dir, starts nginx in the
# foreground, prints the ready line once the port accepts, and turns SIGTERM
# or SIGINT into nginx's graceful quit (SIGQUIT), exiting 0.
set -euo pipefail

usage="usage: run.sh [--host H] [--port P] [--threads N] (other apibench server flags are accepted and ignored)"
host=127.0.0.1 port=0 threads=$(nproc)
while [[ $# -gt 0 ]]; do
  flag=$1 value=${2-}
  case $flag in
    --help|-h) echo "$usage"; exit 0 ;;
    --host|--port|--threads|--cache-mb|--body-limit|--idle-timeout-ms|--header-timeout-ms|--max-conns)
      [[ $# -ge 2 ]] || { echo "run.sh: $flag needs a value" >&2; echo "$usage" >&2; exit 2; } ;;
    *) echo "run.sh: unknown flag $flag" >&2; echo "$usage" >&2; exit 2 ;;
  esac
  case $flag in
    --host) host=$value ;;
    --port) port=$value ;;
    --threads) threads=$value ;;
  esac
  shift 2
done
[[ $port =~ ^[0-9]+$ && $port -ge 1 && $port -le 65535 ]] ||
  { echo "run.sh: --port must be 1..65535 (nginx cannot report a port it picked)" >&2; exit 2; }
[[ $threads =~ ^[0-9]+$ && $threads -ge 1 ]] || { echo "run.sh: --threads must be >= 1" >&2; exit 2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
rundir=$(mktemp -d "${TMPDIR:-/tmp}/apibench-nginx.XXXXXX")
trap 'rm -rf "$rundir"' EXIT
sed -e "s|@THREADS@|$threads|; s|@HOST@|$host|; s|@PORT@|$port|; s|@RUNDIR@|$rundir|g" \
  "$here/nginx.conf.in" >"$rundir/nginx.conf"

nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)  # /usr/sbin may be off a user's PATH
"$nginx_bin" -p "$rundir" -c "$rundir/nginx.conf" -e stderr -g 'daemon off;' &
nginx_pid=$!
trap 'kill -QUIT "$nginx_pid" 2>/dev/null || true' TERM INT

# nginx prints no ready line: poll the port (bounded: 10 s).
for _ in $(seq 100); do
  kill -0 "$nginx_pid" 2>/dev/null || { wait "$nginx_pid" || true; echo "run.sh: nginx exited" >&2; exit 1; }
  if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then
    echo "listening on $host:$port"
    break
  fi
  sleep 0.1
done
# wait returns early when a trapped signal arrives; keep waiting until nginx is gone.
status=0
while kill -0 "$nginx_pid" 2>/dev/null; do
  wait "$nginx_pid" || status=$?
done
# After our SIGQUIT, nginx's own exit code is 0; a crash keeps its code.
[[ $status -ge 128 ]] && status=0
exit "$status"

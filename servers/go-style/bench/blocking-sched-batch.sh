#!/bin/bash
# Does SCHED_BATCH on the blocking pool's threads take /work's wake-ups off /json's p99?
#   servers/go-style/bench/blocking-sched-batch.sh [BUILD_DIR]   (SERVER=rust-style for the other one)
# Server on CPU 0 (--threads 1); /json alone, beside 64 connections in /work?ms=50, and
# beside them again after every thread started after the server's first ones (the pool)
# was moved to SCHED_BATCH with chrt. Two rounds. Run it under the build lock.
set -u
B=${1:-build/release}
bin=$B/servers/${SERVER:-go-style}/apibench-${SERVER:-go-style}
port=$((20000 + RANDOM % 10000))
taskset -c 0 $bin --port $port --threads 1 >/dev/null 2>&1 &
pid=$!
sleep 0.5
base_tids=$(ls /proc/$pid/task | sort -n)
echo "threads at start: $(echo $base_tids | wc -w)"
fg() { taskset -c 1 $B/apibench load -c 64 -d 4s --warmup 1s http://127.0.0.1:$port/json | awk '/^  req\/s/ {r=$2} /^  p99 / {p=$2" "$3} END {print "req/s " r "  p99 " p}'; }
for round in 1 2; do
  echo "alone:  $(fg)"
  taskset -c 1 $B/apibench load -c 64 -d 14s --warmup 0s "http://127.0.0.1:$port/work?ms=50" >/dev/null &
  bg=$!
  sleep 1
  echo "beside: $(fg)"
  for t in $(ls /proc/$pid/task); do echo "$base_tids" | grep -qx $t || chrt -b -p 0 $t; done
  echo "beside, pool SCHED_BATCH: $(fg)"
  for t in $(ls /proc/$pid/task); do echo "$base_tids" | grep -qx $t || chrt -o -p 0 $t; done
  wait $bg
done
kill $pid; wait $pid 2>/dev/null

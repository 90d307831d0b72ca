#!/usr/bin/env python3
"""The blocking claim from one run of bench/blocking.json, per server:
/json p99 alone and beside 64 connections in /work?ms=50 (median and range of the
repetitions), their ratio, server CPU us per /json request, the extra CPU the
/work calls cost (us per /work call), and /work's own p50 and p99.
    servers/go-style/bench/blocking-summary.py results/<run>/run.json"""
import json
import statistics
import sys


def reps(cell, pick):
    return [pick(r) for r in cell["repetitions"]]


def spread(values, fmt="{:.0f}"):
    return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}-{fmt.format(max(values))})"


def main(path):
    cells = {(c["server"], c["workload"]): c for c in json.load(open(path))["cells"]}
    for server in dict.fromkeys(s for s, _ in cells):
        alone, beside = cells.get((server, "json")), cells.get((server, "blocking"))
        if not alone or not beside:
            continue
        p99_alone = statistics.median(reps(alone, lambda r: r["latency"]["p99_us"]))
        p99_beside = statistics.median(reps(beside, lambda r: r["latency"]["p99_us"]))
        cpu_alone = statistics.median(reps(alone, lambda r: r["server"]["cpu_us_per_request"]))
        # The CPU the background costs, per /work call: beside's CPU less what its /json requests cost alone.
        per_work = reps(beside, lambda r: (r["server"]["cpu_seconds"] * 1e6 - cpu_alone * r["requests"])
                        / r["background"]["requests"])
        print(f"{server}: /json p99 alone {spread(reps(alone, lambda r: r['latency']['p99_us']))} us, "
              f"beside {spread(reps(beside, lambda r: r['latency']['p99_us']))} us, "
              f"ratio {p99_beside / p99_alone:.2f}")
        print(f"  CPU us per /json request alone {spread(reps(alone, lambda r: r['server']['cpu_us_per_request']), '{:.2f}')}, "
              f"beside {spread(reps(beside, lambda r: r['server']['cpu_us_per_request']), '{:.2f}')}; "
              f"us per /work call {spread(per_work)}")
        print(f"  /work p50 {spread(reps(beside, lambda r: r['background']['latency']['p50_us']))} us, "
              f"p99 {spread(reps(beside, lambda r: r['background']['latency']['p99_us']))} us, "
              f"{spread(reps(beside, lambda r: r['background']['requests_per_second']))} calls/s")


if __name__ == "__main__":
    main(sys.argv[1])

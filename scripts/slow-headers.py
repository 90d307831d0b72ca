#!/usr/bin/env python3
"""Slow-header (slowloris) connections for scripts/bench-slow-headers.sh.

Keeps N connections to 127.0.0.1:PORT, each sending one byte of a request head
that never ends, one byte per connection per second (the sends spread over the
second). A connection the server closes is counted as dropped, with the time
from its first byte to the close, and opened again, so N stay attacking for the
whole run. Prints a summary when --duration is over or on SIGTERM/SIGINT.
"""
import argparse
import errno
import selectors
import signal
import socket
import statistics
import sys
import time

HEAD = b"GET /json HTTP/1.1\r\nHost: bench\r\nX-Slow: "


class Dripper:
    def __init__(self, port, count):
        self.port = port
        self.count = count
        self.selector = selectors.DefaultSelector()
        self.conns = {}  # socket -> [first byte time or None, bytes sent]
        self.opened = 0
        self.refused = 0
        self.drops = []  # (time since start, seconds from first byte to close)
        self.start = time.monotonic()

    def open_one(self):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setblocking(False)
        err = s.connect_ex(("127.0.0.1", self.port))
        if err not in (0, errno.EINPROGRESS):
            s.close()
            self.refused += 1
            return
        self.conns[s] = [None, 0]
        self.selector.register(s, selectors.EVENT_READ)
        self.opened += 1

    def close(self, s, dropped):
        first, _ = self.conns.pop(s)
        self.selector.unregister(s)
        s.close()
        if dropped:
            now = time.monotonic()
            self.drops.append((now - self.start, now - first if first else 0.0))

    def send_byte(self, s):
        state = self.conns[s]
        byte = HEAD[state[1] : state[1] + 1] or b"a"  # past the prefix: a header value that never ends
        try:
            if s.send(byte) == 1:
                state[1] += 1
                if state[0] is None:
                    state[0] = time.monotonic()
        except BlockingIOError:
            pass  # not connected yet: the next second
        except OSError:
            self.close(s, dropped=True)

    def read_closed(self, timeout):
        for key, _ in self.selector.select(timeout):
            s = key.fileobj
            try:
                if s.recv(4096):
                    continue  # an answer before the close (a 400, say): the EOF follows
            except BlockingIOError:
                continue
            except OSError:
                pass
            self.close(s, dropped=True)

    def run(self, duration, stop):
        while len(self.conns) < self.count:
            self.open_one()
        end = self.start + duration
        while not stop() and time.monotonic() < end:
            tick = time.monotonic()
            socks = list(self.conns)
            for i, s in enumerate(socks):
                if s in self.conns:
                    self.send_byte(s)
                if i % 50 == 49:  # spread the second's sends, and see closes as they come
                    self.read_closed(max(0.0, tick + (i + 1) / len(socks) - time.monotonic()))
            self.read_closed(max(0.0, tick + 1 - time.monotonic()))
            while len(self.conns) < self.count and not stop():
                self.open_one()

    def summary(self):
        lines = [f"slow connections: {self.count} kept open, {self.opened} opened in all, "
                 f"{len(self.drops)} dropped by the server, {self.refused} refused at connect"]
        if self.drops:
            after = sorted(d for _, d in self.drops)
            lines.append("  dropped after their first byte (s): min {:.2f}, median {:.2f}, max {:.2f}".format(
                after[0], statistics.median(after), after[-1]))
            per_second = {}
            for at, _ in self.drops:
                per_second[int(at)] = per_second.get(int(at), 0) + 1
            series = " ".join(f"{s}s:{per_second[s]}" for s in sorted(per_second))
            lines.append(f"  drops by second of the run: {series}")
        return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds (default 30)")
    args = parser.parse_args()
    stopping = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stopping.append(True))
    dripper = Dripper(args.port, args.connections)
    dripper.run(args.duration, lambda: bool(stopping))
    print(dripper.summary(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

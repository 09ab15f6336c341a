#!/usr/bin/env python3
"""`fwevents observe` against `fwevents validate --ndjson` on the same log, whole process,
and observe's peak memory on logs of growing size.

Run from the repository root after `cargo build --release --locked --bin fwevents`:

    python3 bench/observe_vs_validate.py [LOG_MB] [ROUNDS] [--no-memory]

The log is seeded fixtures of every event (200 each, all valid, so validate prints nothing
and does all its work), repeated to LOG_MB (default 200; 20 or so for a quick look). The runs are interleaved, ROUNDS
times (default 5), and the fastest of each is kept: on a shared machine noise only ever adds
time, and the ratio of two runs taken side by side is steadier than either time. The memory
runs feed observe a log of 100 MB, 300 MB and 1 GB on standard input (generated as it is
read, so nothing that size is written to disk) and read the child's peak resident size;
--no-memory leaves them out. FWEVENTS names another binary to run (one built from another
commit, say).
"""
import os
import subprocess
import sys
import tempfile
import time

BIN = os.environ.get("FWEVENTS", os.path.join("target", "release", "fwevents"))


def events():
    out = []
    for product in sorted(os.listdir("spec")):
        d = os.path.join("spec", product)
        if os.path.isdir(d):
            out += [f"{product}/{f[:-5]}" for f in sorted(os.listdir(d)) if f.endswith(".yaml")]
    return out


def chunk():
    lines = []
    for e in events():
        out = subprocess.run([BIN, "fixture", e, "--seed", "1", "--count", "200"], check=True, capture_output=True).stdout
        lines.append(out)
    return b"".join(lines)


def run(args, stdin=None, feed=None):
    """Wall time (s) and peak RSS (MB) of one run; output discarded."""
    start = time.perf_counter()
    p = subprocess.Popen([BIN] + args, stdin=subprocess.PIPE if feed else stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if feed:
        feed(p.stdin)
        p.stdin.close()
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{args}: exit {code}")
    return elapsed, usage.ru_maxrss / 1024


def main():
    args = [a for a in sys.argv[1:] if a != "--no-memory"]
    memory = "--no-memory" not in sys.argv[1:]
    mb = int(args[0]) if len(args) > 0 else 200
    rounds = int(args[1]) if len(args) > 1 else 5
    base = chunk()
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "log.ndjson")
        with open(log, "wb") as f:
            while f.tell() < mb * 1_000_000:
                f.write(base)
        size = os.path.getsize(log) / 1e6
        cases = []
        for jobs in ("1", "2"):
            cases.append((f"validate --ndjson --jobs {jobs}", ["validate", "--ndjson", "--jobs", jobs, log]))
            cases.append((f"observe --format json --jobs {jobs}", ["observe", "--format", "json", "--jobs", jobs, log]))
        best = {name: float("inf") for name, _ in cases}
        for _ in range(rounds):
            for name, args in cases:
                best[name] = min(best[name], run(args)[0])
        print(f"log: {size:.0f} MB, {rounds} rounds, fastest of each\n")
        print("| run | time | MB/s |\n| --- | --- | --- |")
        for name, _ in cases:
            print(f"| `{name}` | {best[name]:.2f} s | {size / best[name]:.0f} |")
        print()
        for jobs in ("1", "2"):
            v, o = best[f"validate --ndjson --jobs {jobs}"], best[f"observe --format json --jobs {jobs}"]
            print(f"observe / validate throughput, --jobs {jobs}: {v / o:.2f}")

    if not memory:
        return
    print("\n| log on standard input | observe peak RSS |\n| --- | --- |")
    for total in (100, 300, 1000):
        def feed(pipe, total=total):
            sent = 0
            while sent < total * 1_000_000:
                pipe.write(base)
                sent += len(base)
        _, rss = run(["observe", "--format", "json", "-"], feed=feed)
        print(f"| {total} MB | {rss:.1f} MB |")


if __name__ == "__main__":
    main()

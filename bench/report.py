#!/usr/bin/env python3
"""Prints the benchmark table (Markdown) from criterion's saved estimates.

Run after `cargo bench` in this directory: `python3 report.py`."""
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "target", "criterion")


def estimate(*parts):
    """The lowest median over every saved run (`new` and each `--save-baseline NAME`):
    on a shared machine, noise only ever adds time."""
    base = os.path.join(ROOT, *parts)
    best = None
    for run in sorted(os.listdir(base)) if os.path.isdir(base) else []:
        if run == "change":  # relative changes, not times
            continue
        path = os.path.join(base, run, "estimates.json")
        try:
            with open(path) as f:
                median = json.load(f)["median"]["point_estimate"]
        except (OSError, KeyError, ValueError):
            continue
        best = median if best is None else min(best, median)
    return best


def fmt(ns):
    if ns is None:
        return "—"
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    return f"{ns / 1e3:.0f} µs"


def main():
    groups = sorted(d for d in os.listdir(ROOT) if d.startswith("parse_"))
    ratio = lambda a, b: f"{a / b:.2f}" if a and b else "—"
    names = lambda g: g[len("parse_"):].replace("_", "/", 1)
    print("| payloads | generated (parse + validate) | Value parse | Value + jsonschema | bare derive | generated / Value | jsonschema / generated | generated / bare |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for g in groups:
        gen, val, js, bare = (estimate(g, b) for b in ("generated", "value", "jsonschema", "bare"))
        print(f"| {names(g)} | {fmt(gen)} | {fmt(val)} | {fmt(js)} | {fmt(bare)} | {ratio(gen, val)} | {ratio(js, gen)} | {ratio(gen, bare)} |")
    print("\n| payloads | compiled validator | jiter walk | Value / compiled | jsonschema / compiled | compiled / jiter walk | generated / compiled |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for g in groups:
        comp, walk, val, js, gen = (estimate(g, b) for b in ("compiled", "jiter walk", "value", "jsonschema", "generated"))
        print(f"| {names(g)} | {fmt(comp)} | {fmt(walk)} | {ratio(val, comp)} | {ratio(js, comp)} | {ratio(comp, walk)} | {ratio(gen, comp)} |")
    nd = os.path.join(ROOT, "ndjson")
    if os.path.isdir(nd):
        print("\n| ndjson, end to end | time | MB/s |\n| --- | --- | --- |")
        rates = {}
        for b in sorted(os.listdir(nd)):
            if not os.path.isdir(os.path.join(nd, b)) or b == "report":
                continue
            for size in os.listdir(os.path.join(nd, b)):
                e = estimate("ndjson", b, size)
                if e:
                    mb = int(size) / 1e6
                    rates[b] = mb / (e / 1e9)
                    print(f"| {b} ({mb:.1f} MB) | {fmt(e)} | {rates[b]:.0f} |")
        one, two = (rates.get(f"fwevents validate --ndjson --jobs {n}") for n in (1, 2))
        if one and two:
            print(f"\n--jobs 2 / --jobs 1: {two / one:.2f}x")
    gen_root = os.path.join(ROOT, "generate")
    if os.path.isdir(gen_root):
        print("\n| spec | generation time |\n| --- | --- |")
        print(f"| shipped (5 events) | {fmt(estimate('generate', 'shipped spec'))} |")
        for n in (10, 100, 1000):
            print(f"| synthetic, {n} events | {fmt(estimate('generate', 'synthetic events', str(n)))} |")


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Hottest paths of a JFR recording: jdk.ExecutionSample stacks, cut to their top DEPTH frames, counted.

    jfr print --json --stack-depth 64 --events jdk.ExecutionSample REC.jfr | python3 bench/tools/jfr-hot-paths.py [DEPTH] [TOP] [FILTER]

FILTER (optional): only samples with a frame whose method contains this text (e.g. sched.runtime).
"""
import collections
import json
import sys

depth = int(sys.argv[1]) if len(sys.argv) > 1 else 4
top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
flt = sys.argv[3] if len(sys.argv) > 3 else None
doc = json.load(sys.stdin)
events = doc["recording"]["events"]
paths = collections.Counter()
total = 0
for e in events:
    st = e["values"].get("stackTrace")
    if not st:
        continue
    frames = []
    for f in st["frames"]:
        m = f["method"]
        frames.append(m["type"]["name"].split(".")[-1] + "." + m["name"] + ":" + str(f.get("lineNumber", "?")))
    if flt and not any(flt in (f["method"]["type"]["name"] + "." + f["method"]["name"]) for f in st["frames"]):
        continue
    total += 1
    paths[" <- ".join(frames[:depth])] += 1
print(f"{total} samples; top {top} paths (top {depth} frames, innermost first)")
for p, n in paths.most_common(top):
    print(f"{100.0 * n / max(total, 1):5.1f}%  {n:5d}  {p}")

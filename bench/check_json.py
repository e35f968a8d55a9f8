#!/usr/bin/env python3
"""Runs one benchmark with --json and checks what a script reading it relies on: stdout is one JSON
object (the human table went to stderr), naming the benchmark and the machine, with at least one
figure or value, every figure carrying n, median and p95 in a unit. Usage: check_json.py NAME CMD..."""
import json
import subprocess
import sys


def main() -> int:
    name, cmd = sys.argv[1], sys.argv[2:]
    run = subprocess.run(cmd + ["--json"], capture_output=True, text=True, timeout=240)
    if run.returncode != 0:
        print(f"{name}: exit {run.returncode}\n{run.stderr}", file=sys.stderr)
        return 1
    try:
        doc = json.loads(run.stdout)
    except json.JSONDecodeError as e:
        print(f"{name}: stdout is not one JSON object ({e}):\n{run.stdout[:400]}", file=sys.stderr)
        return 1
    problems = []
    if doc.get("bench") != name:
        problems.append(f"bench is {doc.get('bench')!r}")
    if not doc.get("machine"):
        problems.append("no machine")
    if not doc.get("figures") and not doc.get("values"):
        problems.append("no figures and no values")
    for f in doc.get("figures", []):
        if f["n"] > 0 and not all(k in f for k in ("median", "p95", "unit")):
            problems.append(f"figure {f.get('name')!r} lacks median, p95 or unit")
    if not run.stderr.strip():
        problems.append("the human table did not go to stderr")
    for p in problems:
        print(f"{name}: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

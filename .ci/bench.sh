#!/usr/bin/env bash
# `make bench`: performance figures for the release build. A benchmark, not a test: it prints
# numbers and never fails on a slow machine.
#   1. In-process: each key press reduced, rendered, diffed and painted through ncurses into a
#      file (time and exact bytes per key).
#   2. As a user meets it, when ttyprobe.py (from the project's shared tools) and pyte are
#      available: startup to the settled first frame, key latency, bytes per key, peak memory,
#      over a real pseudo-terminal at 100x30 with 50 presses of the right arrow.
set -uo pipefail
cd "$(dirname "$0")/.."
bin="${1:-.build/release/learnerpower}"
swift build -c release --static-swift-stdlib --product LearnerPowerBench >/dev/null
.build/release/LearnerPowerBench --width 100 --height 30 --presses 50 --runs 5

probe="${TTYPROBE:-../shared/tools/ttyprobe.py}"
if [ -f "$probe" ] && python3 -c 'import pyte' 2>/dev/null; then
  home=$(mktemp -d)
  trap 'rm -rf "$home"' EXIT
  echo
  echo "In a pseudo-terminal (100x30, 50 presses of Right, medians of 5 runs):"
  env HOME="$home" XDG_CONFIG_HOME="$home/c" XDG_STATE_HOME="$home/s" XDG_DATA_HOME="$home/d" \
    python3 "$probe" --cols 100 --rows 30 --key right --count 50 --quit-key q \
      --ready "Learner Power explorer" --runs 5 -- "$bin" --current 40 --target 60 \
    | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("  startup to settled first frame: %.1f ms" % d["startup_settled_ms"])
k = d["key_latency_ms"]
print("  key latency: median %.2f ms, p90 %.2f ms, max %.2f ms" % (k["median"], k["p90"], k["max"]))
b = d["bytes_per_key"]
print("  bytes per key: median %d, max %d" % (b["median"], b["max"]))
print("  CPU per key: %.2f ms; peak RSS: %.1f MB; terminal restored: %s" % (d["cpu_per_key_ms"], d["peak_rss_kb"] / 1024, d["restored"]))
'
else
  echo
  echo "(pseudo-terminal figures skipped: needs $probe and 'pip install pyte')"
fi

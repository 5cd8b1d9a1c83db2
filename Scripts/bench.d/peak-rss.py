#!/usr/bin/env python3
"""Runs a command and prints its wall time (s) and peak resident memory (MB): `peak-rss.py CMD ARGS...`."""
import resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
wall = time.perf_counter() - t
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{wall:.3f} {peak_kb / 1024:.1f} {rc}")

#!/usr/bin/env python3
"""Sums meson test logs (testlog.json, one JSON object per line) and prints
`N passed, N failed` as the last line. Exit 1 when anything failed or a log
is missing."""
import json
import sys

passed = failed = skipped = 0
missing = False
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                result = json.loads(line).get("result")
                if result in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                elif result == "SKIP":
                    skipped += 1
                else:
                    failed += 1
    except FileNotFoundError:
        print(f"{path}: no test log (the build failed)")
        missing = True
        failed += 1

print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed or missing else 0)

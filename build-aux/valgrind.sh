#!/bin/sh
# Runs the core and server test suites under valgrind memcheck (build in
# _build-valgrind, no sanitizers) and fails on any memory error or definite
# leak in any process, the awp-server and awpctl the script tests start
# included. Prints the figures: sh build-aux/valgrind.sh [MESON TEST ARGS…]
set -u
cd "$(dirname "$0")/.."
sh build-aux/install-deps.sh || exit 1
builddir=_build-valgrind
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" --buildtype=debug -Db_sanitize=none || exit 1
fi
meson compile -C "$builddir" || exit 1

logs="$PWD/$builddir/valgrind-logs"
rm -rf "$logs"
mkdir -p "$logs"
# GLib 2.74 still has its slice allocator: plain malloc, so memcheck sees
# every block.
export AWP_VALGRIND_LOGDIR="$logs" G_SLICE=always-malloc
meson test -C "$builddir" --suite core --suite server --timeout-multiplier 20 \
  --wrapper "$PWD/build-aux/valgrind-wrap.sh" --print-errorlogs "$@"
tests=$?

python3 - "$logs" "$builddir/meson-logs/testlog-valgrind-wrap.sh.json" <<'PY'
import glob, json, re, sys
logs, testlog = sys.argv[1], sys.argv[2]
results = [json.loads(l) for l in open(testlog)]
passed = sum(r["result"] == "OK" for r in results)
procs = errors = lost = 0
bad = []
for path in sorted(glob.glob(logs + "/*.log")):
    text = open(path, errors="replace").read()
    procs += 1
    m = re.findall(r"ERROR SUMMARY: ([\d,]+) errors", text)
    e = int(m[-1].replace(",", "")) if m else 0
    d = re.findall(r"definitely lost: ([\d,]+) bytes", text)
    l = int(d[-1].replace(",", "")) if d else 0
    errors += e
    lost += l
    if e or l or "Invalid" in text or "uninitialised" in text:
        bad.append(path)
print(f"valgrind: {len(results)} tests ({passed} passed), {procs} processes under memcheck, "
      f"{errors} errors, {lost} bytes definitely lost")
for path in bad:
    print("  see", path)
sys.exit(1 if errors or lost or bad or passed != len(results) else 0)
PY
summary=$?
[ $tests -eq 0 ] && [ $summary -eq 0 ]

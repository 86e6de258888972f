#!/bin/sh
# Soak test of sync (docs/sync.md, docs/SECURITY.md): builds awp-server and
# awpctl into _build-soak (or $AWP_BUILDDIR) and runs tests/soak.py with them.
# Arguments go to the script, e.g.: build-aux/soak.sh --clients 6 --minutes 5 --seed 7
# Exit 0 when every invariant held, 1 on any violation.
set -eu
cd "$(dirname "$0")/.."
builddir=${AWP_BUILDDIR:-_build-soak}
[ -f "$builddir/build.ninja" ] || meson setup "$builddir" --werror
meson compile -C "$builddir" src/server/awp-server src/ctl/awpctl
AWP_SERVER="$builddir/src/server/awp-server" AWPCTL="$builddir/src/ctl/awpctl" \
  exec python3 tests/soak.py "$@"

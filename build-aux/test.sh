#!/bin/sh
# Builds with warnings as errors into _build-test and runs the whole suite.
# Extra arguments go to meson setup (e.g. -Db_sanitize=address,undefined).
set -eu
cd "$(dirname "$0")/.."
sh build-aux/install-deps.sh
builddir=${AWP_BUILDDIR:-_build-test}
if [ -f "$builddir/build.ninja" ]; then
  meson setup --reconfigure "$builddir" --werror "$@"
else
  meson setup "$builddir" --werror "$@"
fi
meson compile -C "$builddir"
exec meson test -C "$builddir" --print-errorlogs --timeout-multiplier "${AWP_TIMEOUT_MULTIPLIER:-1}"

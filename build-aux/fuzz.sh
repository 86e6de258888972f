#!/bin/sh
# Builds the libFuzzer targets with clang, ASan and UBSan into _build-fuzz and
# runs each for SECONDS (default 60): sh build-aux/fuzz.sh [SECONDS]
set -eu
cd "$(dirname "$0")/.."
sh build-aux/install-deps.sh
seconds=${1:-60}
if [ -f _build-fuzz/build.ninja ]; then
  meson configure _build-fuzz -Dfuzz_seconds="$seconds"
else
  CC=clang-14 meson setup _build-fuzz -Dfuzzing=true -Dfuzz_seconds="$seconds" \
    -Db_sanitize=address,undefined -Db_lundef=false --werror
fi
meson compile -C _build-fuzz
exec meson test -C _build-fuzz --suite fuzz --print-errorlogs

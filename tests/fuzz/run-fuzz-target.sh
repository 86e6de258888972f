#!/bin/sh
# run-fuzz-target.sh TARGET SEED_DIR SECONDS: fuzzes over a scratch copy of
# the seeds so the committed corpus only changes by hand.
set -eu
target=$1; seeds=$2; seconds=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$seeds"/. "$work"/
exec "$target" -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=10 \
  -artifact_prefix="${MESON_BUILD_ROOT:-.}/" "$work"

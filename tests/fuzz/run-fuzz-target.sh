#!/bin/sh
# run-fuzz-target.sh TARGET SEED_DIR SECONDS: fuzzes over a scratch copy of
# the seeds so the committed corpus only changes by hand. A crash, leak or
# timeout exits 1: libFuzzer's default, 77, is meson's "skipped", so a
# finding would have passed CI unseen. No exec: the trap must still run.
set -eu
target=$1; seeds=$2; seconds=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$seeds"/. "$work"/
"$target" -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=10 \
  -error_exitcode=1 -timeout_exitcode=1 \
  -artifact_prefix="${MESON_BUILD_ROOT:-.}/" "$work"

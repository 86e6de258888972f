#!/bin/sh
# Builds the workstation into _build and starts it uninstalled.
set -eu
cd "$(dirname "$0")/.."
sh build-aux/install-deps.sh
[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build
exec meson devenv -C _build awp "$@"

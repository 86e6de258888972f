#!/bin/sh
# Builds the workstation into _build and starts it uninstalled.
set -eu
cd "$(dirname "$0")/.."
sh build-aux/install-deps.sh
[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build
# No arguments: training mode (README); "--" alone: the real workstation.
if [ $# -eq 0 ]; then
  set -- --training
elif [ "$1" = "--" ]; then
  shift
fi
exec meson devenv -C _build awp "$@"

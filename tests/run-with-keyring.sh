#!/bin/sh
# run-with-keyring.sh PROGRAM [ARGS…]: runs PROGRAM in a private D-Bus
# session with a fresh, unlocked gnome-keyring in a throwaway home, so tests
# use a real Secret Service and never touch the user's keyring.
set -eu
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
       XDG_CACHE_HOME="$home/cache" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
exec dbus-run-session -- sh -c '
  # The daemon is not ours to debug: no malloc checking or sanitizer options.
  printf "awp-test" | env -u MALLOC_CHECK_ -u MALLOC_PERTURB_ -u ASAN_OPTIONS -u LSAN_OPTIONS -u G_DEBUG \
    gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' sh "$@"

#!/bin/sh
# valgrind-wrap.sh PROGRAM [ARGS…]: the `meson test --wrapper` of
# build-aux/valgrind.sh. A compiled program runs under memcheck, logging to
# $AWP_VALGRIND_LOGDIR/PID.log. A script (the Python server tests, the
# keyring runner) runs natively, but the programs it starts do not: awp-server
# and awpctl are swapped for memcheck-wrapped stand-ins, and a shell runner's
# program argument is wrapped too.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
self="$here/valgrind-wrap.sh"
: "${AWP_VALGRIND_LOGDIR:?run build-aux/valgrind.sh}"

is_elf () {
  [ -f "$1" ] && [ "$(head -c 4 "$1" | tail -c 3)" = "ELF" ]
}

case "$(basename "$1")" in
  python*)
    for var in AWP_SERVER AWPCTL; do
      eval real=\${$var:-}
      [ -n "$real" ] || continue
      stand_in="$AWP_VALGRIND_LOGDIR/bin/$(basename "$real")"
      mkdir -p "$AWP_VALGRIND_LOGDIR/bin"
      printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$self" "$real" > "$stand_in"
      chmod +x "$stand_in"
      export "$var=$stand_in"
    done
    exec "$@"
    ;;
esac

if ! is_elf "$1"; then
  # A shell runner (run-with-keyring.sh PROGRAM…): wrap its program.
  script=$1; shift
  if [ $# -gt 0 ] && is_elf "$1"; then
    exec "$script" "$self" "$@"
  fi
  exec "$script" "$@"
fi

exec valgrind --tool=memcheck --quiet \
  --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
  --error-exitcode=99 --num-callers=30 \
  --trace-children=yes --trace-children-skip='*/python*,*/sh,*/dash,*/bash,*/dbus-*,*/gnome-keyring*' \
  --suppressions="$here/../tests/valgrind.supp" \
  --suppressions=/usr/share/glib-2.0/valgrind/glib.supp \
  --gen-suppressions=all \
  --log-file="$AWP_VALGRIND_LOGDIR/%p.log" \
  "$@"

#!/bin/sh
# Installs what building, running and testing the workstation needs on
# Debian 12 (run as root). Quiet and quick when everything is there.
set -eu

packages="
  meson ninja-build gcc pkg-config gettext
  libglib2.0-dev libglib2.0-bin libglib2.0-dev-bin
  libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libsqlite3-dev sqlite3 libjson-glib-dev json-glib-tools libsoup-3.0-dev
  libsecret-1-dev gnome-keyring libcrypt-dev libical-dev
  desktop-file-utils appstream
  clang-14 libclang-rt-14-dev
  valgrind
  xvfb xauth dbus-x11 dbus-daemon python3 python3-yaml python3-jsonschema
  openssl glib-networking
  adwaita-icon-theme hicolor-icon-theme fonts-dejavu-core
"

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-deps: missing packages:$missing (run as root, or: sudo $0)" >&2
    exit 1
  fi
  echo "install-deps: installing$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

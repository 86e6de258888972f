#!/usr/bin/env python3
"""The Flatpak manifest parses, names our app id and command, grants only the
minimal permissions, and builds this repository with meson."""
import json
import sys

path, app_id, command = sys.argv[1:4]
errors = []
with open(path, encoding="utf-8") as f:
    m = json.load(f)

if m.get("app-id", m.get("id")) != app_id:
    errors.append(f"app-id is {m.get('app-id')!r}, the build uses {app_id!r}")
if m.get("command") != command:
    errors.append(f"command is {m.get('command')!r}, the build installs {command!r}")
if not str(m.get("runtime", "")).startswith("org.gnome."):
    errors.append("runtime is not a GNOME runtime")
allowed = {"--share=network", "--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}
extra = set(m.get("finish-args", [])) - allowed
if extra:
    errors.append(f"finish-args beyond the minimum: {sorted(extra)}")
if any(a.startswith("--filesystem") for a in m.get("finish-args", [])):
    errors.append("filesystem access requested")
last = m.get("modules", [{}])[-1]
if last.get("buildsystem") != "meson":
    errors.append("the last module is not built with meson")
if not any(s.get("type") == "dir" and s.get("path") == ".." for s in last.get("sources", [])):
    errors.append("the last module does not build this repository (dir ..)")

print("1..1")
if errors:
    print("not ok 1 - flatpak manifest")
    for e in errors:
        print("# " + e)
    sys.exit(1)
print("ok 1 - flatpak manifest")

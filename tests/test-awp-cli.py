#!/usr/bin/env python3
"""The command-line face of the programs: --version and --help work without
a display and exit 0; unknown commands are usage errors (exit 2)."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done, run  # noqa: E402

awp = os.environ["AWP"]
awpctl = os.environ["AWPCTL"]

r = run([awp, "--version"], env={"DISPLAY": "", "WAYLAND_DISPLAY": ""})
ok(r.returncode == 0 and r.stdout.startswith("awp "), "awp --version", r.stderr)

r = run([awp, "--help"], env={"DISPLAY": "", "WAYLAND_DISPLAY": ""})
ok(r.returncode == 0 and "--version" in r.stdout, "awp --help lists --version", r.stderr)

r = run([awp, "--help"], env={"LANGUAGE": "ru", "LANG": "C.UTF-8", "DISPLAY": ""})
ok(r.returncode == 0 and "Показать версию и выйти" in r.stdout, "awp --help in Russian", r.stdout)

r = run([awpctl, "--version"])
ok(r.returncode == 0 and r.stdout.startswith("awpctl "), "awpctl --version", r.stderr)

r = run([awpctl, "help"])
ok(r.returncode == 0 and "version" in r.stdout, "awpctl help lists commands", r.stderr)

r = run([awpctl, "no-such-command"])
ok(r.returncode == 2 and "no-such-command" in r.stderr, "unknown awpctl command is a usage error", r.stderr)

r = run([awpctl, "no-such-command"], env={"LANGUAGE": "kk", "LANG": "C.UTF-8"})
ok(r.returncode == 2 and "белгісіз" in r.stderr, "awpctl error in Kazakh", r.stderr)

done()

#!/usr/bin/env python3
"""awpctl sync against a real awp-server, inside a private Secret Service
(run-with-keyring.sh): the first run reads the password from stdin and keeps
the sign-in in the keyring, the next runs need no password; a wrong password
is refused; the figures line has the documented shape; usage errors exit 2;
without a keyring --no-keyring still works and the error is clear."""
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done, run  # noqa: E402
from awpserver import Server  # noqa: E402

ctl = os.environ["AWPCTL"]
LINE = re.compile(r"^pushed (\d+) applied (\d+) conflicts (\d+) rejected (\d+) pulled (\d+)\n$")

with Server() as s, tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "awp.db")
    base = [ctl, "sync", "--server", s.url, "--user", "admin.turkistan", "--db", db]

    r = run(base, input="wrong\n")
    ok(r.returncode == 1 and "password" in r.stderr, "a wrong password is refused, naming it", r.stderr)

    r = run(base, input="demo-2026\n")
    m = LINE.match(r.stdout)
    ok(r.returncode == 0 and m and int(m.group(5)) >= 50, "the first sync pulls the body's records", (r.stdout, r.stderr))

    r = run(base, input="")
    m = LINE.match(r.stdout)
    ok(r.returncode == 0 and m and int(m.group(5)) == 0,
       "the next sync signs in from the keyring: no password, nothing new", (r.stdout, r.stderr))

    r = run(base, env={"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/awp-no-bus"}, input="")
    ok(r.returncode == 1 and r.stderr.strip() != "", "no keyring and no password: a clear error", r.stderr)
    r = run(base + ["--no-keyring"], env={"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/awp-no-bus"},
            input="demo-2026\n")
    ok(r.returncode == 0 and LINE.match(r.stdout), "--no-keyring works without a keyring", (r.stdout, r.stderr))

    r = run([ctl, "sync", "--server", s.url])
    ok(r.returncode == 2, "a missing --user is a usage error", r.stderr)
    r = run([ctl, "sync", "--server", s.url, "--user", "u", "--batch", "0"])
    ok(r.returncode == 2 and "--batch" in r.stderr, "a bad --batch is a usage error naming it", r.stderr)

done()

#!/usr/bin/env python3
"""awpctl seed and awpctl audit verify on real files: output, exit codes,
determinism, and tamper detection through a separate sqlite3 connection."""
import os
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done, run  # noqa: E402

awpctl = os.environ["AWPCTL"]
EN = {"LANGUAGE": "en", "LANG": "C.UTF-8"}


def ctl(*args):
    return run([awpctl, *args], env=EN)


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "a.db")
    r = ctl("seed", "--requests", "300", db)
    ok(r.returncode == 0 and r.stdout.startswith("seeded "), "seed succeeds", r.stderr)
    con = sqlite3.connect(db)
    n_req = con.execute("SELECT count(*) FROM record WHERE type = 'blog_request'").fetchone()[0]
    ok(n_req == 300, "seed writes the requested number of requests", n_req)
    statuses = {s for (s,) in con.execute("SELECT DISTINCT status FROM record WHERE type = 'blog_request'")}
    ok({"answered", "received", "accepted"} <= statuses, "seeded requests span states", statuses)
    kk = con.execute("SELECT count(*) FROM record WHERE subject LIKE '%ә%' OR subject LIKE '%қ%' OR subject LIKE '%ө%'").fetchone()[0]
    ru = con.execute("SELECT count(*) FROM record WHERE subject LIKE '%ы%'").fetchone()[0]
    ok(kk > 0 and ru > 0, "seed has Kazakh and Russian subjects", (kk, ru))
    bad_due = con.execute("SELECT count(*) FROM record WHERE type = 'blog_request'"
                          " AND (due_on IS NULL OR due_on <= received_on)").fetchone()[0]
    ok(bad_due == 0, "every seeded request has a due date after receipt")
    types = {t for (t,) in con.execute("SELECT DISTINCT type FROM record")}
    ok({"organization", "conference", "survey", "meeting", "channel"} <= types, "seed covers other entities", types)
    pending = con.execute("SELECT count(*) FROM outbox").fetchone()[0]
    ok(pending == 0, "seeded data is not queued for sending")
    con.close()

    # Deterministic: same seed, same data (ids included).
    db2 = os.path.join(tmp, "b.db")
    ctl("seed", "--requests", "300", db2)
    dump = lambda p: sqlite3.connect(p).execute(
        "SELECT group_concat(id || data, '|') FROM (SELECT id, data FROM record ORDER BY id)").fetchone()[0]
    ok(dump(db) == dump(db2), "seed is deterministic")
    db3 = os.path.join(tmp, "c.db")
    ctl("seed", "--requests", "300", "--seed", "2", db3)
    ok(dump(db) != dump(db3), "another seed gives other data")

    r = ctl("audit", "verify", db)
    ok(r.returncode == 0 and r.stdout == "ok 1 entries\n", "audit verify on a fresh seed", r.stdout + r.stderr)

    # More entries through the store (a second seed appends one each).
    for k in range(4):
        r = ctl("seed", "--requests", "1", "--seed", str(10 + k), db)
        ok(r.returncode == 0, f"seed {10 + k} adds to an existing file", r.stderr)
    r = ctl("audit", "verify", db)
    ok(r.returncode == 0 and r.stdout == "ok 5 entries\n", "audit verify counts entries", r.stdout)

    con = sqlite3.connect(db)
    con.execute("DROP TRIGGER audit_no_update")
    con.execute("UPDATE audit SET detail = '{\"requests\":999}' WHERE id = 3")
    con.commit()
    con.close()
    r = ctl("audit", "verify", db)
    ok(r.returncode == 1 and r.stdout == "broken 3\n", "audit verify names the edited entry", r.stdout + r.stderr)

    # The full integrity check: a sound file stays, a damaged one is moved.
    db4 = os.path.join(tmp, "d.db")
    ctl("seed", "--requests", "2000", db4)
    r = ctl("store", "check", db4)
    ok(r.returncode == 0 and r.stdout == "ok\n", "store check passes a sound file", r.stdout + r.stderr)
    pages = os.path.getsize(db4) // 4096
    with open(db4, "r+b") as f:
        f.seek((pages // 2) * 4096 + 8)
        f.write(b"\x5a" * 4096 * 4)
    r = ctl("store", "check", db4)
    moved = r.stdout[len("moved "):].strip() if r.stdout.startswith("moved ") else ""
    ok(r.returncode == 1 and ".damaged-" in moved and os.path.exists(moved),
       "store check moves a damaged file aside and names it", r.stdout + r.stderr)
    ok(moved in r.stderr, "store check tells where the damaged file went", r.stderr)
    r = ctl("store", "check", db4)
    ok(r.returncode == 0 and r.stdout == "ok\n", "a new file takes the damaged one's place", r.stdout + r.stderr)
    r = ctl("store", "check", os.path.join(tmp, "missing.db"))
    ok(r.returncode == 2 and not os.path.exists(os.path.join(tmp, "missing.db")),
       "store check of a missing file creates nothing", r.stderr)

    r = ctl("audit", "verify", os.path.join(tmp, "missing.db"))
    ok(r.returncode == 2 and not os.path.exists(os.path.join(tmp, "missing.db")),
       "audit verify of a missing file creates nothing", r.stderr)
    r = ctl("audit", "check", db)
    ok(r.returncode == 2, "unknown audit subcommand is a usage error")
    r = ctl("seed", "--requests", "many", db)
    ok(r.returncode == 2 and "--requests" in r.stderr, "bad --requests names the option", r.stderr)
    r = ctl("seed")
    ok(r.returncode == 2, "seed without DB is a usage error")

done()

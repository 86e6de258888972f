#!/usr/bin/env python3
"""awpctl edit (the soak test's workstation): every change goes through the
store into the outbox and is printed in the ledger; the same seed makes the
same changes; processes opening one new store file at once all succeed
(schema and client id made once); usage errors exit 2."""
import os
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done, run  # noqa: E402

awpctl = os.environ["AWPCTL"]
EN = {"LANGUAGE": "en", "LANG": "C.UTF-8"}


def ctl(*args):
    return run([awpctl, *args], env=EN)


def ledger(out):
    return [line.split(" ", 1) for line in out.splitlines()]


with tempfile.TemporaryDirectory() as tmp:
    for args in ([], ["random"], ["nonsense", "--db", "x"], ["random", "--db", "x", "--count", "many"],
                 ["random", "--db"]):
        r = ctl("edit", *args)
        ok(r.returncode == 2 and "Usage: awpctl edit" in r.stderr, f"usage error: edit {' '.join(args)}", r.stderr)

    # Offline edits of a seeded store: one outbox row per printed change.
    db = os.path.join(tmp, "a.db")
    ok(ctl("seed", "--requests", "40", db).returncode == 0, "a seeded store")
    r = ctl("edit", "random", "--db", db, "--seed", "5", "--count", "30")
    made = [m for w, m in ledger(r.stdout) if w == "made"]
    ok(r.returncode == 0 and len(made) >= 25, "30 random changes", (r.returncode, r.stderr, len(made)))
    con = sqlite3.connect(db)
    rows = dict(con.execute("SELECT mutation_id, status FROM outbox").fetchall())
    ok(sorted(rows) == sorted(made) and set(rows.values()) == {"pending"},
       "the ledger names exactly the outbox rows, all pending", (len(rows), len(made)))
    ops = {op for (op,) in con.execute("SELECT DISTINCT op FROM outbox")}
    ok({"create", "update"} <= ops, "creates and updates", ops)
    n_audit = con.execute("SELECT count(*) FROM audit").fetchone()[0]
    ok(n_audit >= len(made), "each change has its audit entry", (n_audit, len(made)))
    con.close()

    # Deterministic: the same seed on the same data makes the same kind of changes.
    db2 = os.path.join(tmp, "b.db")
    ctl("seed", "--requests", "40", db2)
    r2 = ctl("edit", "random", "--db", db2, "--seed", "5", "--count", "30")
    ok(len([m for w, m in ledger(r2.stdout) if w == "made"]) == len(made), "the same seed, the same number of changes")
    q = "SELECT op, entity_type, patch FROM outbox ORDER BY seq"
    ok(sqlite3.connect(db).execute(q).fetchall() == sqlite3.connect(db2).execute(q).fetchall(),
       "… and the same patches")

    # Nothing held: resolve has nothing to do.
    r = ctl("edit", "resolve", "--db", db)
    ok(r.returncode == 0 and r.stdout == "", "resolve with nothing held prints nothing", r.stdout + r.stderr)

    # Eight processes open one new store file at the same moment.
    fresh = os.path.join(tmp, "fresh.db")
    procs = [subprocess.Popen([awpctl, "edit", "random", "--db", fresh, "--seed", str(i), "--count", "3"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ, **EN))
             for i in range(8)]
    results = [(p.wait(timeout=60), p.stdout.read(), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    ok(all(rc == 0 for rc, _, _ in results), "every process opening a new file at once succeeds",
       [e for rc, _, e in results if rc != 0])
    con = sqlite3.connect(fresh)
    ok(con.execute("SELECT count(*) FROM sync_state").fetchone()[0] == 1, "one client id")
    # (Editors running at once on one file see each other's rows: the ledger
    # is exact for one editor per store, as the soak runs them.)
    made = {m for _, out, _ in results for w, m in ledger(out) if w == "made"}
    ok({m for (m,) in con.execute("SELECT mutation_id FROM outbox")} == made, "every printed change is in the outbox",
       len(made))

done()

#!/usr/bin/env python3
"""awp-server's command line: configuration errors name the key, the demo
seed is deterministic, --seed-requests adds scale data, and SIGTERM closes
the database cleanly (WAL checkpointed)."""
import os
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done, run  # noqa: E402
from awpserver import Server  # noqa: E402

server = os.environ["AWP_SERVER"]

with tempfile.TemporaryDirectory() as tmp:
    conf = os.path.join(tmp, "bad.conf")
    with open(conf, "w") as f:
        f.write("[auth]\naccess-ttl=soon\n")
    r = run([server, "--config", conf, "--db", os.path.join(tmp, "x.db")])
    ok(r.returncode == 1 and "access-ttl" in r.stderr, "a bad configuration value names the key", r.stderr)
    r = run([server, "--config", os.path.join(tmp, "none.conf")])
    ok(r.returncode == 1, "a missing configuration file is an error", r.stderr)
    r = run([server, "--seed", "everything"], env={"LANGUAGE": "ru", "LANG": "C.UTF-8"})
    ok(r.returncode == 2 and "demo" in r.stderr and "единственный" in r.stderr, "an unknown seed is a usage error, translated", r.stderr)
    r = run([server, "--seed-requests", "-5"])
    ok(r.returncode == 2, "a negative request count is a usage error", r.stderr)
    r = run([server, "--db", os.path.join(tmp, "no", "such", "dir.db"), "--port", "0"])
    ok(r.returncode == 1 and r.stderr.startswith("awp-server:"), "an unusable database path is an error", r.stderr)


def snapshot(db):
    c = sqlite3.connect(db)
    rows = c.execute("SELECT entity_type, id, org_id, data FROM records ORDER BY seq").fetchall()
    users = c.execute("SELECT id, username, role, org_id FROM users ORDER BY id").fetchall()
    c.close()
    return rows, users


with Server() as s1, Server() as s2:
    a, b = snapshot(s1.db), snapshot(s2.db)
    ok(a == b and len(a[0]) >= 300, "the demo seed is deterministic and has a few hundred records", len(a[0]))
    langs = {r[3].count('"lang":"kk"') > 0 for r in a[0] if r[0] == "blog_request"}
    ok(langs == {True, False}, "demo requests are in Kazakh and in Russian")
    states = {__import__("json").loads(r[3])["status"] for r in a[0] if r[0] == "blog_request"}
    ok({"received", "accepted", "forwarded", "returned", "answered", "refused", "extended"} <= states,
       "demo requests are in every state", states)
    ok({u[2] for u in a[1]} == {"administrator", "operator", "authorized_body", "trainer"}, "users of every role")

with Server(args=["--seed-requests", "1000"]) as s:
    c = sqlite3.connect(s.db)
    n = c.execute("SELECT COUNT(*) FROM records WHERE entity_type='blog_request'").fetchone()[0]
    c.close()
    ok(n >= 1150, "--seed-requests adds scale data", n)
    a = s.login("admin.edu")
    changes, _, _ = s.pull_all(a)
    ok(sum(1 for c in changes if c["entity_type"] == "blog_request") >= 230, "scale data is spread over the bodies")
    rc = s.stop()
    ok(rc == 0, "SIGTERM: exit 0", rc)
    wal = s.db + "-wal"
    ok(not os.path.exists(wal) or os.path.getsize(wal) == 0, "the database was closed cleanly (WAL checkpointed)")
    # Restart on the same file: the data is there, the seed is not doubled.
    with Server(db=s.db) as again:
        c = sqlite3.connect(again.db)
        n2 = c.execute("SELECT COUNT(*) FROM records WHERE entity_type='blog_request'").fetchone()[0]
        c.close()
        ok(n2 == n, "a restart with --seed demo on the same database adds nothing", (n, n2))

# Crash after commit: a push the client never saw answered is replayed
# after kill -9 and a restart; it is not applied twice and answers the same.
with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "crash.db")
    body = {"client_id": "crash-ws", "mutations": [
        {"mutation_id": "crash-1", "entity_type": "conference", "entity_id": "crash-ch", "op": "create",
         "patch": {"status": "draft", "title_kk": "Эфир", "title_ru": "Эфир"}}]}
    with Server(db=db) as s:
        a = s.login("admin.edu")
        st, _, first = s.request("POST", "/api/v1/sync/push", body, token=a, headers={"Idempotency-Key": "crash-batch"})
        s.proc.kill()
        s.proc.wait()
    with Server(db=db) as s:
        a = s.login("admin.edu")
        st, _, again = s.request("POST", "/api/v1/sync/push", body, token=a, headers={"Idempotency-Key": "retry-batch"})
        ok(st == 200 and again == first, "after kill -9 and a restart the replay answers byte-identically", (first, again))
        changes, _, _ = s.pull_all(a)
        mine = [c for c in changes if c["id"] == "crash-ch"]
        ok(len(mine) == 1 and mine[0]["version"] == 1, "the committed edit survived, applied once", mine)

done()

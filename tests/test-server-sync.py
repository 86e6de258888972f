#!/usr/bin/env python3
"""Push and pull against a real awp-server (DESIGN.md §4, offline-sync §7-8):
exactly-once application with byte-identical replays, field-level merge,
conflicts for same-field and delete-vs-edit, and a gap-free, monotonic,
paged change cursor with 410 past retention."""
import os
import sqlite3
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done  # noqa: E402
from awpserver import Server, mutation  # noqa: E402

CH = "channel"

with Server() as s:
    a = s.login("admin.edu")
    a2 = s.login("admin.edu")  # a second workstation of the same body

    # Create.
    st, r = s.push(a, "ws-a", [mutation("m-1", CH, "ch-1", "create", {"name": "Эфир", "kind": "broadcast"})],
                   key="batch-1")
    ok(st == 200 and r["results"] == [{"mutation_id": "m-1", "status": "applied", "new_version": 1, "merged": False}],
       "push applies a create at version 1", r)

    # Replay: same batch key and body -> byte-identical, nothing applied twice.
    body = {"client_id": "ws-a", "mutations": [mutation("m-1", CH, "ch-1", "create", {"name": "Эфир", "kind": "broadcast"})]}
    st1, _, raw1 = s.request("POST", "/api/v1/sync/push", body, token=a, headers={"Idempotency-Key": "batch-1"})
    st2, _, raw2 = s.request("POST", "/api/v1/sync/push", body, token=a, headers={"Idempotency-Key": "batch-2"})
    db = sqlite3.connect(s.db)
    ver, seq = db.execute("SELECT version, seq FROM records WHERE id='ch-1'").fetchone()
    ok(st1 == 200 and st2 == 200 and raw1 == raw2, "a replayed batch and a replayed mutation answer byte-identically",
       (raw1, raw2))
    ok(ver == 1, "a replay changes nothing (still version 1)", ver)
    n = db.execute("SELECT COUNT(*) FROM applied_mutations WHERE mutation_id='m-1'").fetchone()[0]
    ok(n == 1, "the mutation is recorded once", n)
    body2 = dict(body, mutations=[mutation("m-x", CH, "ch-x", "create", {"name": "x", "kind": "blog"})])
    st, r = s.json("POST", "/api/v1/sync/push", body2, token=a, headers={"Idempotency-Key": "batch-1"})
    ok(st == 422 and r["error"]["code"] == "idempotency_key_reused", "a batch key reused with another body is 422", r)
    st, r = s.json("POST", "/api/v1/sync/push", body, token=a)
    ok(st == 400 and r["error"]["code"] == "idempotency_key_missing", "a push without Idempotency-Key is 400", r)

    # Rejections name the fields.
    st, r = s.push(a, "ws-a", [mutation("m-bad", CH, "ch-bad", "create", {"name": "", "kind": "tv", "colour": 1})])
    res = r["results"][0]
    ok(res["status"] == "rejected" and res["code"] == "validation_failed"
       and sorted(e["field"] for e in res["errors"]) == ["colour", "kind", "name"],
       "an invalid create is rejected naming each field", res)
    st, r = s.push(a, "ws-a", [{"mutation_id": "m-bad2", "entity_type": CH, "op": "create"}])
    res = r["results"][0]
    ok(res["status"] == "rejected" and res["errors"][0]["field"] == "entity_id", "a malformed mutation names the member", res)
    st, r = s.push(a, "ws-a", [mutation("m-bad3", "spaceship", "x1", "create", {"a": 1})])
    ok(r["results"][0]["code"] == "unknown_entity", "an unknown entity type is rejected", r)
    st, r = s.push(a, "ws-a", [mutation("m-dup", CH, "ch-1", "create", {"name": "again", "kind": "blog"})])
    ok(r["results"][0]["code"] == "duplicate_id", "creating an existing id is rejected", r)
    st, r = s.push(a, "ws-a", [mutation("m-ahead", CH, "ch-1", "update", {"name": "z"}, base_version=9, base_values={"name": "Эфир"})])
    ok(r["results"][0]["status"] == "rejected", "a base_version ahead of the server is rejected", r)

    # Two clients edit different fields -> merged.
    st, r1 = s.push(a, "ws-a", [mutation("m-2", CH, "ch-1", "update", {"name": "Тікелей эфир"}, 1, {"name": "Эфир"})])
    st, r2 = s.push(a2, "ws-b", [mutation("m-3", CH, "ch-1", "update", {"kind": "news"}, 1, {"kind": "broadcast"})])
    ok(r1["results"][0] == {"mutation_id": "m-2", "status": "applied", "new_version": 2, "merged": False},
       "first edit applies at version 2", r1)
    ok(r2["results"][0] == {"mutation_id": "m-3", "status": "applied", "new_version": 3, "merged": True},
       "a concurrent edit of another field merges at version 3", r2)
    data = db.execute("SELECT data FROM records WHERE id='ch-1'").fetchone()[0]
    ok('"name":"Тікелей эфир"' in data and '"kind":"news"' in data, "both edits are kept", data)

    # Same field, different values -> conflict with the server copy and the field.
    st, r = s.push(a2, "ws-b", [mutation("m-4", CH, "ch-1", "update", {"name": "Прямой эфир"}, 1, {"name": "Эфир"})])
    res = r["results"][0]
    ok(res["status"] == "conflict" and res["fields"] == ["name"] and res["server"]["version"] == 3
       and res["server"]["data"]["name"] == "Тікелей эфир", "same field changed differently is a conflict", res)
    org = db.execute("SELECT org_id FROM records WHERE id='ch-1'").fetchone()[0]
    ok(res["server"]["data"].get("org_id") == org, "the conflict's server copy names its body, as a pull does", res)
    ver = db.execute("SELECT version FROM records WHERE id='ch-1'").fetchone()[0]
    ok(ver == 3, "a conflict changes nothing", ver)
    st, r = s.push(a2, "ws-b", [mutation("m-5", CH, "ch-1", "update", {"name": "Тікелей эфир"}, 1, {"name": "Эфир"})])
    ok(r["results"][0]["status"] == "applied" and r["results"][0]["merged"], "the same new value on both sides is no conflict", r)

    # Delete versus edit, both ways.
    s.push(a, "ws-a", [mutation("m-6", CH, "ch-2", "create", {"name": "Жаңалықтар", "kind": "news"})])
    s.push(a, "ws-a", [mutation("m-7", CH, "ch-2", "update", {"name": "Новости"}, 1, {"name": "Жаңалықтар"})])
    st, r = s.push(a2, "ws-b", [mutation("m-8", CH, "ch-2", "delete", {}, 1, {"name": "Жаңалықтар"})])
    res = r["results"][0]
    ok(res["status"] == "conflict" and res["fields"] == ["name"] and not res["server"]["deleted"],
       "deleting a record edited meanwhile is a conflict", res)
    st, r = s.push(a, "ws-a", [mutation("m-9", CH, "ch-2", "delete", {}, 2)])
    ok(r["results"][0]["status"] == "applied" and r["results"][0]["new_version"] == 3, "a delete at the current version applies", r)
    st, r = s.push(a2, "ws-b", [mutation("m-10", CH, "ch-2", "update", {"kind": "blog"}, 2, {"kind": "news"})])
    res = r["results"][0]
    ok(res["status"] == "conflict" and res["server"]["deleted"] and res["server"]["data"] is None,
       "editing a deleted record is a conflict", res)
    # The person keeps their edit ("mine"): the client creates the record again.
    s.push(a, "ws-a", [mutation("m-t1", CH, "ch-3", "create", {"name": "Қайта", "kind": "news"})])
    s.push(a, "ws-a", [mutation("m-t2", CH, "ch-3", "delete", {}, 1)])
    st, r = s.push(a2, "ws-b", [mutation("m-t3", CH, "ch-3", "create", {"name": "Қайта", "kind": "blog"})])
    ok(r["results"][0] == {"mutation_id": "m-t3", "status": "applied", "new_version": 3, "merged": False},
       "a create over a tombstone brings the record back at the next version", r)
    ok(db.execute("SELECT deleted FROM records WHERE id='ch-3'").fetchone()[0] == 0, "… no longer deleted")

    # A client id belongs to one user.
    h = s.login("admin.health")
    st, r = s.push(h, "ws-a", [mutation("m-h", CH, "ch-h", "create", {"name": "x", "kind": "blog"})])
    ok(st == 403 and r["error"]["code"] == "client_mismatch", "another user's client_id is refused", r)

    # Pull: monotonic, gap-free paging.
    full, end, pages = s.pull_all(a, limit=500)
    paged, end2, pages2 = s.pull_all(a, limit=7)
    ids = [(c["entity_type"], c["id"]) for c in paged]
    ok([(c["entity_type"], c["id"], c["version"]) for c in full] == [(c["entity_type"], c["id"], c["version"]) for c in paged],
       "paging by 7 returns exactly the single-page result", (len(full), len(paged)))
    ok(len(ids) == len(set(ids)) and pages2 > 5, "no duplicates across %d pages" % pages2)
    ok(end == end2, "both end at the same cursor", (end, end2))
    seqs = [r[0] for r in db.execute("SELECT seq FROM records WHERE org_id='min-edu'"
                                      " OR entity_type IN ('channel', 'channel_history') ORDER BY seq")]
    ok(len(paged) == len(seqs), "every visible record arrives once", (len(paged), len(seqs)))
    cursors, cur = [], ""
    while True:
        st, p = s.json("GET", "/api/v1/sync/changes?" + urllib.parse.urlencode({"cursor": cur, "limit": 50}), token=a)
        cursors.append(p["next_cursor"])
        cur = p["next_cursor"]
        if not p["has_more"]:
            break
    ok(all(int(x.split("-")[1]) < int(y.split("-")[1]) for x, y in zip(cursors, cursors[1:])), "cursors only increase", cursors)
    deleted = [c for c in full if c["id"] == "ch-2"]
    ok(deleted and deleted[0]["deleted"] and deleted[0]["data"] is None, "a deletion arrives as a tombstone", deleted)
    st, p = s.json("GET", "/api/v1/sync/changes?cursor=" + end, token=a)
    ok(st == 200 and p["changes"] == [] and p["next_cursor"] == end and not p["has_more"], "nothing new: same cursor", p)
    s.push(a, "ws-a", [mutation("m-11", CH, "ch-1", "update", {"kind": "blog"}, 4, {"kind": "news"})])
    st, p = s.json("GET", "/api/v1/sync/changes?cursor=" + end, token=a)
    ok(st == 200 and [c["id"] for c in p["changes"]] == ["ch-1"] and p["changes"][0]["version"] == 5
       and p["changes"][0]["origin_mutation_id"] == "m-11", "a new change arrives after the cursor", p)
    st, p = s.json("GET", "/api/v1/sync/changes?cursor=garbage", token=a)
    ok(st == 400 and p["error"]["code"] == "invalid_cursor", "a foreign cursor is 400", p)
    st, p = s.json("GET", "/api/v1/sync/changes?cursor=1-999999999", token=a)
    ok(st == 410 and p["error"]["code"] == "cursor_expired", "a cursor from the future (restored server) is 410", p)
    st, p = s.json("GET", "/api/v1/sync/changes?limit=0", token=a)
    ok(st == 400 and p["error"]["fields"][0]["field"] == "limit", "limit 0 names the field", p)
    db.close()
    ok(s.stop() == 0, "SIGTERM: exit 0")

# Retention: tombstones kept 0 s are purged; a cursor before them is 410.
with Server(config={"sync": {"tombstone-retention": 0}}) as s:
    a = s.login("admin.kazpost")
    _, start, _ = s.pull_all(a)
    s.push(a, "ws-k", [mutation("k-1", CH, "kc-1", "create", {"name": "a", "kind": "blog"})])
    s.push(a, "ws-k", [mutation("k-2", CH, "kc-1", "delete", {}, 1)])
    time.sleep(1.1)
    s.push(a, "ws-k", [mutation("k-3", CH, "kc-2", "create", {"name": "b", "kind": "blog"})])
    st, p = s.json("GET", "/api/v1/sync/changes?cursor=" + start, token=a)
    ok(st == 410 and p["error"]["code"] == "cursor_expired", "a cursor older than a purged deletion is 410", p)
    changes, cur, _ = s.pull_all(a)
    ok(all(c["id"] != "kc-1" for c in changes) and any(c["id"] == "kc-2" for c in changes),
       "a full download after 410 works and omits the purged record")
    st, p = s.json("GET", "/api/v1/sync/changes?cursor=" + cur, token=a)
    ok(st == 200, "the new cursor is accepted", p)

# Concurrency: 6 clients race on one record, each editing its own field
# with the base version it last saw. Every edit is applied exactly once
# (merged when stale), versions are gap-free, nothing is lost.
import threading  # noqa: E402

with Server() as s:
    t = s.login("admin.turkistan")
    s.push(t, "race-0", [mutation("race-create", "survey", "race", "create",
                                  {"title_kk": "С", "title_ru": "О", "launch_on": "2026-03-02",
                                   "close_on": "2026-04-30", "status": "draft",
                                   "category": "c0", "number": "n0"})])
    fields_by_client = ["category", "number", "title_kk", "title_ru", "title_en", "close_on"]
    results, lock = [], threading.Lock()

    def racer(i):
        tok = s.login("admin.turkistan")
        field = fields_by_client[i]
        for k in range(15):
            value = f"2026-05-{k + 1:02d}" if field == "close_on" else f"{field}-{i}-{k}"
            prev = None if k == 0 else (f"2026-05-{k:02d}" if field == "close_on" else f"{field}-{i}-{k - 1}")
            base_values = {field: prev} if k else {field: {"category": "c0", "number": "n0", "title_kk": "С",
                                                           "title_ru": "О", "title_en": None,
                                                           "close_on": "2026-04-30"}[field]}
            st, r = s.push(tok, f"race-{i + 1}", [mutation(f"race-{i}-{k}", "survey", "race", "update",
                                                           {field: value}, 1, base_values)])
            with lock:
                results.append(r["results"][0])

    threads = [threading.Thread(target=racer, args=(i,)) for i in range(6)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    applied = [r for r in results if r["status"] == "applied"]
    ok(len(applied) == 90, "90 concurrent edits of distinct fields all apply (merging)",
       [r for r in results if r["status"] != "applied"][:3])
    ok(sorted(r["new_version"] for r in applied) == list(range(2, 92)), "versions 2..91 without gaps or repeats")
    changes, _, _ = s.pull_all(t)
    race = next(c for c in changes if c["id"] == "race")
    ok(race["version"] == 91 and race["data"]["category"] == "category-0-14" and race["data"]["close_on"] == "2026-05-15",
       "the final record holds every client's last value", race)

done()

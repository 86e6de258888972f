#!/usr/bin/env python3
"""Push and pull against a real awp-server (DESIGN.md §4, offline-sync §7-8):
exactly-once application with byte-identical replays, field-level merge,
conflicts for same-field and delete-vs-edit, and a gap-free, monotonic,
paged change cursor with 410 past retention."""
import json
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
# Groups (docs/sync.md "Groups"): the mutations one local transaction wrote
# are applied all or none; old clients' single mutations are untouched.
def grouped(muts, gid, size=None):
    for m in muts:
        m["group"] = {"id": gid, "size": size or len(muts)}
    return muts


with Server() as s:
    a = s.login("admin.edu")
    db = sqlite3.connect(s.db)
    batch = [mutation("g-single-1", CH, "g-s1", "create", {"name": "До", "kind": "blog"})]
    batch += grouped([mutation("g-1", CH, "g-ch1", "create", {"name": "Первый", "kind": "blog"}),
                      mutation("g-2", CH, "g-ch2", "create", {"name": "", "kind": "blog"})], "grp-1")
    batch += [mutation("g-single-2", CH, "g-s2", "create", {"name": "После", "kind": "blog"})]
    st, _, raw1 = s.request("POST", "/api/v1/sync/push", {"client_id": "ws-g", "mutations": batch}, token=a,
                            headers={"Idempotency-Key": "grp-batch-1"})
    r = json.loads(raw1)["results"]
    ok(st == 200 and [x["status"] for x in r] == ["applied", "rejected", "rejected", "applied"],
       "a group with a refused member is refused whole; the single mutations around it apply", r)
    ok(r[1]["code"] == "group_refused" and r[1]["errors"][0]["field"] == "group"
       and r[2]["code"] == "validation_failed" and r[2]["errors"][0]["field"] == "name",
       "each member answers with its own reason or group_refused", r)
    ok(db.execute("SELECT COUNT(*) FROM records WHERE id IN ('g-ch1', 'g-ch2')").fetchone()[0] == 0,
       "nothing of the refused group is on the server")
    st, _, raw2 = s.request("POST", "/api/v1/sync/push", {"client_id": "ws-g", "mutations": batch}, token=a,
                            headers={"Idempotency-Key": "grp-batch-2"})
    ok(raw2 == raw1, "a refused group replays byte-identically", (raw1, raw2))

    whole = grouped([mutation("g-3", CH, "g-ch3", "create", {"name": "Третий", "kind": "blog"}),
                     mutation("g-4", CH, "g-ch4", "create", {"name": "Четвёртый", "kind": "blog"}),
                     mutation("g-5", CH, "g-ch5", "create", {"name": "Пятый", "kind": "blog"})], "grp-2")
    st, r = s.push(a, "ws-g", whole[:2])
    ok([x["code"] for x in r["results"]] == ["group_incomplete"] * 2, "a group sent in part is refused", r)
    st, r = s.push(a, "ws-g", whole)
    ok([x["status"] for x in r["results"]] == ["applied"] * 3, "the whole group sent again applies", r)
    st, r = s.push(a, "ws-g", [dict(mutation("g-6", CH, "g-ch6", "create", {"name": "x", "kind": "blog"}),
                                    group={"id": "bad id!", "size": 1})])
    ok(r["results"][0]["code"] == "invalid_mutation" and r["results"][0]["errors"][0]["field"] == "group",
       "a malformed group is an invalid mutation naming the member", r)

    # Registry numbers are the server's: one sequence, never what a client sends.
    auth = s.login("authorized")
    entry = {"name_kk": "Арна", "name_ru": "Канал", "owner_kk": "Орган", "owner_ru": "Орган",
             "included_on": "2026-03-20"}
    st, r = s.push(auth, "ws-auth-1", [mutation("n-1", CH, "reg-1", "create", dict(entry, application_id="app-n1"))])
    st, r2 = s.push(auth, "ws-auth-2", [mutation("n-2", CH, "reg-2", "create",
                                                 dict(entry, application_id="app-n2", number="1"))])
    nums = dict(db.execute("SELECT id, json_extract(data, '$.number') FROM records WHERE id IN ('reg-1', 'reg-2')"))
    ok(r["results"][0]["status"] == "applied" and r2["results"][0]["status"] == "applied"
       and nums["reg-1"] and nums["reg-2"] and int(nums["reg-2"]) == int(nums["reg-1"]) + 1,
       "two workstations' entries get consecutive server numbers, whatever number a client sends", nums)
    st, r = s.push(auth, "ws-auth-1", [mutation("n-3", CH, "reg-1", "update", {"number": "77", "name_ru": "Канал 2"}, 1,
                                                {"number": None, "name_ru": "Канал"})])
    num = db.execute("SELECT json_extract(data, '$.number') FROM records WHERE id = 'reg-1'").fetchone()[0]
    ok(r["results"][0]["status"] == "applied" and num == nums["reg-1"], "an entry keeps its number", (r, num))
    st, r = s.push(auth, "ws-auth-2", [mutation("n-4", CH, "reg-3", "create", dict(entry, application_id="app-n1"))])
    ok(r["results"][0]["code"] == "validation_failed" and r["results"][0]["errors"][0]["code"] == "duplicate_entry",
       "a second entry for one application is refused", r)
    db.close()

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

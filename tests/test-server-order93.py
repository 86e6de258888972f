#!/usr/bin/env python3
"""awp-server keeps Order 93 itself, whatever the workstation checked: an
application is accredited only with all three O93-4 criteria found met; a
change request is applied only when its current_value is what the Registry
entry reads (O93-11), late or not (O93-13 is a deadline, not a refusal);
citizens' requests and applications sent through the portal take the
server's numbers, one sequence each (БЛ-, КО-)."""
import datetime
import os
import re
import sys
import threading

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done, run  # noqa: E402
from awpserver import Server, mutation  # noqa: E402

ctl = os.environ["AWPCTL"]
TODAY = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=5)).date().isoformat()


def fields(result):
    return sorted((e["field"], e["code"]) for e in result.get("errors", []))


def grouped(gid, ms):
    for m in ms:
        m["group"] = {"id": gid, "size": len(ms)}
    return ms


def review(**met):
    return {c: {"met": met.get(c, True), "comment": ""}
            for c in ("no_duplication", "regulated_procedure", "expected_results")}


with Server() as s:
    edu = s.login("admin.edu")
    auth = s.login("authorized")
    n = [0]

    def mid():
        n[0] += 1
        return f"o93-{n[0]}"

    def version(token, eid):
        return next(c["version"] for c in s.pull_all(token)[0] if c["id"] == eid)

    # An application sent by a body (O93-3).
    st, r = s.push(edu, "edu", [mutation(mid(), "accreditation_application", "acc-1", "create",
                                         {"status": "sent", "channel_name_kk": "Арна", "channel_name_ru": "Канал",
                                          "from_body_ru": "Минпросвещения", "received_on": TODAY})])
    ok(r["results"][0]["status"] == "applied", "the body sends its application", r)

    def accredit(gid, findings, entry_id):
        v = version(auth, "acc-1")
        return s.push(auth, "auth", grouped(gid, [
            mutation(mid(), "channel", entry_id, "create",
                     {"included_on": TODAY, "application_id": "acc-1", "name_kk": "Арна", "name_ru": "Канал",
                      "owner_kk": "Оқу-ағарту министрлігі", "owner_ru": "Министерство просвещения"}),
            mutation(mid(), "channel_history", entry_id + "-h", "create",
                     {"parent_id": entry_id, "kind": "included", "on": TODAY, "norm": "O93-5", "source_id": "acc-1"}),
            mutation(mid(), "accreditation_application", "acc-1", "update",
                     {"status": "accredited", "channel_id": entry_id, "decided_on": TODAY, "review": findings},
                     v),
        ]))[1]["results"]

    res = accredit("g-unmet", review(expected_results=False), "ch-x")
    ok(res[2]["status"] == "rejected" and fields(res[2]) == [("review.expected_results", "criterion_unmet")]
       and "O93-4" in res[2]["errors"][0]["message"],
       "accredited with a criterion not met is refused naming the criterion (O93-4)", res)
    ok(all(r["status"] == "rejected" for r in res), "and nothing of its group lands", res)
    res = accredit("g-missing", {"no_duplication": {"met": True}}, "ch-y")
    ok(res[2]["status"] == "rejected"
       and fields(res[2]) == [("review.expected_results", "criterion_unmet"),
                              ("review.regulated_procedure", "criterion_unmet")],
       "criteria not assessed at all count as not met", res)
    res = accredit("g-met", review(), "ch-1")
    ok([r["status"] for r in res] == ["applied"] * 3, "all three criteria met: accredited with its entry", res)

    # O93-11: a change request states the wording it changes.
    def send_request(eid, current, new, received=TODAY, due=None):
        patch = {"channel_id": "ch-1", "field": "name_ru", "current_value": current, "new_value": new,
                 "grounds": "Переименование", "status": "sent", "received_on": received}
        if due:
            patch["due_on"] = due
        st, r = s.push(edu, "edu", [mutation(mid(), "change_request", eid, "create", patch)])
        assert r["results"][0]["status"] == "applied", r

    def apply_request(gid, eid, old, new):
        entry_v = version(auth, "ch-1")
        return s.push(auth, "auth", grouped(gid, [
            mutation(mid(), "channel", "ch-1", "update", {"name_ru": new}, entry_v),
            mutation(mid(), "channel_history", gid + "-h", "create",
                     {"parent_id": "ch-1", "kind": "changed", "on": TODAY, "norm": "O93-13", "source_id": eid,
                      "field": "name_ru", "old_value": old, "new_value": new}),
            mutation(mid(), "change_request", eid, "update", {"status": "applied", "applied_on": TODAY},
                     version(auth, eid)),
        ]))[1]["results"]

    send_request("cr-stale", "Старый канал", "Новый канал")
    res = apply_request("g-stale", "cr-stale", "Канал", "Новый канал")
    stale = [r for r in res if fields(r) == [("current_value", "stale")]]
    ok(stale and "Канал" in stale[0]["errors"][0]["message"] and all(r["status"] == "rejected" for r in res),
       "a request whose current_value is not the entry's is refused naming current_value, group and all", res)
    st, r = s.push(auth, "auth", [mutation(mid(), "change_request", "cr-stale", "update",
                                           {"status": "applied", "applied_on": TODAY}, version(auth, "cr-stale"))])
    ok(fields(r["results"][0]) == [("current_value", "stale")], "also when only the request is marked applied", r)
    entry = next(c for c in s.pull_all(auth)[0] if c["id"] == "ch-1")
    ok(entry["data"]["name_ru"] == "Канал", "the Registry entry stays as it was", entry["data"])

    # O93-13: entered within 3 wd is a deadline; a late one is still entered.
    send_request("cr-late", "Канал", "Канал просвещения", received="2026-01-05", due="2026-01-08")
    res = apply_request("g-late", "cr-late", "Канал", "Канал просвещения")
    ok([r["status"] for r in res] == ["applied"] * 3, "a request applied after its O93-13 day is entered, not refused", res)
    rec = next(c for c in s.pull_all(auth)[0] if c["id"] == "cr-late")["data"]
    ok(rec["due_on"] < rec["applied_on"], "its lateness stays visible: applied_on after due_on", rec)

    # Numbers: the server's, one sequence per kind, also under concurrency.
    out, lock = [], threading.Lock()

    def submit(action, i):
        r = run([ctl, "portal", action, "--server", s.url, "--org", "min-edu", "--subject", f"S{i}", "--text", "T"])
        with lock:
            out.append((action, r.returncode, r.stdout.split()))

    threads = [threading.Thread(target=submit, args=(a, i)) for i in range(6)
               for a in ("submit-request", "submit-application")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    year = TODAY[:4]
    for action, prefix in (("submit-request", "БЛ"), ("submit-application", "КО")):
        nums = sorted(o[2][2] for o in out if o[0] == action and o[1] == 0 and len(o[2]) == 3)
        ok(len(nums) == 6 and all(re.fullmatch(prefix + "-" + year + r"-\d{6}", x) for x in nums),
           f"{action}: every submission gets a {prefix}-{year}-NNNNNN number", out)
        seq = [int(x[-6:]) for x in nums]
        ok(seq == list(range(seq[0], seq[0] + 6)) if seq else False, f"{action}: numbers are sequential and unique", nums)
        held = {c["data"].get("number") for c in s.pull_all(s.login("admin.edu"))[0]
                if c["entity_type"] == ("blog_request" if prefix == "БЛ" else "conference_application")}
        ok(set(nums) <= held and seq and seq[0] > max(int(x[-6:]) for x in held - set(nums) if x and x.startswith(prefix)),
           f"{action}: the sequence starts after the numbers already held (demo seed)", (nums, sorted(x for x in held if x)))

done()

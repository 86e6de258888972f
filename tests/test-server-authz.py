#!/usr/bin/env python3
"""Role and organization scoping (O145-2.3, O145-7, O145-12): an
administrator sees and changes only their own body's records; another
body's personal data never reaches their pulls; the Operator and the
authorized body see only the record kinds they decide on."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done  # noqa: E402
from awpserver import Server, mutation  # noqa: E402

with Server() as s:
    edu = s.login("admin.edu")
    health = s.login("admin.health")
    op = s.login("operator")
    auth = s.login("authorized")
    trainer = s.login("trainer")

    edu_changes, _, _ = s.pull_all(edu)
    ok(edu_changes and all(c["org_id"] == "min-edu" for c in edu_changes),
       "an administrator pulls only their own organization's records", {c["org_id"] for c in edu_changes})
    health_changes, _, _ = s.pull_all(health)
    health_names = {c["data"].get("requester") for c in health_changes
                    if c["entity_type"] == "blog_request" and c["data"]}
    # A body-B citizen submits a request with a unique name; body A must never see it.
    st, rec = s.json("POST", "/api/v1/portal/requests",
                     {"org": "min-health", "subject": "Емхана туралы", "text": "Кезек өте ұзын.",
                      "author_name": "Сәуле Уникальнаяқызы", "author_contact": "+7 701 000 0001"})
    ok(st == 201, "a citizen's request reaches the health ministry", rec)
    _, _, raw = s.request("GET", "/api/v1/sync/changes?limit=1000", token=edu)
    ok("Уникальная".encode() not in raw and "+7 701 000 0001".encode() not in raw,
       "another body's personal data never appears in a pull")
    _, _, raw_h = s.request("GET", "/api/v1/sync/changes?limit=1000", token=health)
    ok("Уникальная".encode() in raw_h, "the addressed body does see it")
    ok(health_names, "the health ministry has its own requests", health_names)

    # Admin of A cannot change B's record.
    b_rec = next(c for c in health_changes if c["entity_type"] == "blog_request")
    st, r = s.push(edu, "edu-ws", [mutation("x-1", "blog_request", b_rec["id"], "update",
                                            {"status": "answered", "answer": "!"}, b_rec["version"],
                                            {"status": b_rec["data"]["status"]})])
    ok(r["results"][0]["status"] == "rejected" and r["results"][0]["code"] == "forbidden",
       "an administrator cannot push into another body's record", r)
    st, r = s.push(edu, "edu-ws", [mutation("x-2", "blog_request", b_rec["id"], "delete", {}, b_rec["version"])])
    ok(r["results"][0]["code"] == "forbidden", "nor delete it", r)
    st, r = s.push(edu, "edu-ws", [mutation("x-3", "channel", "edu-ch", "create", {"name": "n", "kind": "news"})])
    ok(r["results"][0]["status"] == "applied", "a create lands in the pusher's own organization", r)
    health_after, _, _ = s.pull_all(health)
    ok(all(c["id"] != "edu-ch" for c in health_after), "and is not visible to another body")

    # Trainer: reads their own organization, changes nothing.
    st, r = s.push(trainer, "tr-ws", [mutation("t-1", "channel", "tr-ch", "create", {"name": "n", "kind": "news"})])
    ok(st == 403 and r["error"]["code"] == "forbidden", "a trainer may not push", r)
    tr_changes, _, _ = s.pull_all(trainer)
    ok(all(c["org_id"] == "operator" for c in tr_changes), "a trainer pulls only their own organization")

    # Operator: templates of every body, nothing else of theirs.
    op_changes, _, _ = s.pull_all(op)
    kinds = {(c["entity_type"], c["org_id"] == "operator") for c in op_changes}
    templates = ("conference", "survey")
    ok(op_changes and all(c["entity_type"] in templates or c["org_id"] == "operator" for c in op_changes),
       "the Operator pulls every body's templates and nothing else of theirs", kinds)
    ok(len({c["org_id"] for c in op_changes if c["entity_type"] in templates}) == 5,
       "templates of all five bodies reach the Operator")
    st, q = s.json("GET", "/api/v1/operator/templates", token=op)
    ok(st == 200 and len(q["items"]) == 5 and all(i["data"]["status"] == "submitted" for i in q["items"]),
       "the review queue lists the submitted templates", q)
    st, r = s.json("GET", "/api/v1/operator/templates", token=edu)
    ok(st == 403 and r["error"]["code"] == "forbidden", "an administrator has no review queue", r)
    tid = q["items"][0]["id"]
    st, r = s.json("POST", f"/api/v1/operator/templates/{tid}/decision", {"decision": "approved", "note": "OK"}, token=op)
    ok(st == 200 and r["status"] == "applied", "the Operator approves a template", r)
    changes, _, _ = s.pull_all(op)
    ok(next(c for c in changes if c["id"] == tid)["data"]["status"] == "accepted",
       "an approved template is accepted, the client's state (O145-7)")
    st, r = s.json("POST", f"/api/v1/operator/templates/{tid}/decision", {"decision": "maybe"}, token=op)
    ok(st == 400 and r["error"]["fields"][0]["field"] == "decision", "a bad decision names the field", r)
    st, r = s.json("POST", "/api/v1/operator/templates/nope/decision", {"decision": "approved"}, token=op)
    ok(st == 404, "deciding an unknown template is 404", r)

    # Authorized body: accreditation applications of every body.
    st, q = s.json("GET", "/api/v1/accreditation/applications", token=auth)
    ok(st == 200 and len(q["items"]) == 5, "the authorized body lists access applications", q)
    st, r = s.json("GET", "/api/v1/accreditation/applications", token=op)
    ok(st == 403, "the Operator does not decide access applications", r)
    aid = q["items"][0]["id"]
    st, r = s.json("POST", f"/api/v1/accreditation/applications/{aid}/decision",
                   {"decision": "rejected", "note": "Нет приказа о назначении"}, token=auth)
    ok(st == 200 and r["status"] == "applied", "the authorized body decides", r)
    auth_changes, _, _ = s.pull_all(auth)
    ok(next(c for c in auth_changes if c["id"] == aid)["data"]["status"] == "refused",
       "a rejected accreditation application is refused, the client's state (O93-5)")
    ok(all(c["entity_type"] == "accreditation_application" or c["org_id"] == "authorized-body" for c in auth_changes),
       "the authorized body pulls no other records of other bodies")

    # Reference data is scoped too.
    st, u = s.json("GET", "/api/v1/users", token=edu)
    ok(st == 200 and {x["org_id"] for x in u["items"]} == {"min-edu"}, "an administrator lists only their body's users", u)
    st, u = s.json("GET", "/api/v1/users", token=op)
    ok(st == 200 and len({x["org_id"] for x in u["items"]}) >= 6, "the Operator lists every body's users", u)
    ok(all("password" not in json.dumps(x) for x in u["items"]), "user listings carry no password hashes")
    st, o = s.json("GET", "/api/v1/organizations", token=edu)
    ok(st == 200 and len(o["items"]) == 7, "organizations are listed", o)
    st, r = s.json("GET", "/api/v1/organizations")
    ok(st == 401, "reference data needs a token", r)

done()

#!/usr/bin/env python3
"""Role and organization scoping (O145-2.3, O145-7, O145-12): an
administrator sees and changes only their own body's records; another
body's personal data never reaches their pulls; the Operator and the
authorized body see only the record kinds they decide on. Then the
matrix (issue 10 item 4): every endpoint of docs/api/openapi.yaml × every
caller, personal data through every readable endpoint, and cross-body
writes by every writer."""
import json
import os
import sys

import yaml

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
    ok(edu_changes and all(c["org_id"] == "min-edu" or c["entity_type"] in ("channel", "channel_history")
                           for c in edu_changes),
       "an administrator pulls only their own organization's records and the Registry (O93-8)",
       {c["org_id"] for c in edu_changes if c["entity_type"] not in ("channel", "channel_history")})
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
    st, r = s.push(edu, "edu-ws", [mutation("x-3", "conference", "edu-ch", "create",
                                            {"status": "draft", "title_kk": "Кездесу", "title_ru": "Встреча"})])
    ok(r["results"][0]["status"] == "applied", "a create lands in the pusher's own organization", r)
    # Only the authorized body writes the Registry (O93-8 … O93-10).
    st, r = s.push(edu, "edu-ws", [mutation("x-4", "channel", "edu-reg", "create", {"number": "99", "name_ru": "n"})])
    ok(r["results"][0]["code"] == "forbidden", "an administrator may not write a Registry entry", r)
    health_after, _, _ = s.pull_all(health)
    ok(all(c["id"] != "edu-ch" for c in health_after), "and is not visible to another body")

    # Trainer: reads their own organization, changes nothing.
    st, r = s.push(trainer, "tr-ws", [mutation("t-1", "channel", "tr-ch", "create", {"name": "n", "kind": "news"})])
    ok(st == 403 and r["error"]["code"] == "forbidden", "a trainer may not push", r)
    tr_changes, _, _ = s.pull_all(trainer)
    registry = ("channel", "channel_history")
    ok(all(c["org_id"] == "operator" or c["entity_type"] in registry for c in tr_changes),
       "a trainer pulls only their own organization, and the Registry everyone reads (O93-8)")
    ok(len({c["org_id"] for c in tr_changes if c["entity_type"] == "channel"}) == 5,
       "the Registry holds every body's channels")

    # Operator: templates of every body, nothing else of theirs.
    op_changes, _, _ = s.pull_all(op)
    kinds = {(c["entity_type"], c["org_id"] == "operator") for c in op_changes}
    templates = ("conference", "survey")
    ok(op_changes and all(c["entity_type"] in templates + registry + ("efficiency_report",)
                          or c["org_id"] == "operator" for c in op_changes),
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
    decided = ("accreditation_application", "change_request", "termination_notice", "channel", "channel_history")
    ok(all(c["entity_type"] in decided or c["org_id"] == "authorized-body" for c in auth_changes),
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


# The matrix (issue 10 item 4): every endpoint of docs/api/openapi.yaml ×
# every caller (anonymous and each role, from two administrators' bodies),
# so a new endpoint without a row here fails this test.
spec_path = os.path.join(os.path.dirname(__file__), "..", "docs", "api", "openapi.yaml")
with open(spec_path, encoding="utf-8") as f:
    spec = yaml.safe_load(f)
documented = {(m.upper(), p) for p, ops in spec["paths"].items()
              for m in ops if m in ("get", "post", "put", "patch", "delete")}

ORG = {"admin.edu": "min-edu", "admin.health": "min-health", "operator": "operator",
       "authorized": "authorized-body", "trainer": "operator"}
USERS = set(ORG)
EVERYONE = USERS | {"anonymous"}
# Who may use each endpoint; everyone else is refused: 401 without a token,
# 403 with one.
MATRIX = {
    ("GET", "/api/v1/health"): EVERYONE,
    ("POST", "/api/v1/auth/login"): EVERYONE,
    ("POST", "/api/v1/auth/refresh"): EVERYONE,
    ("POST", "/api/v1/auth/logout"): USERS,
    ("GET", "/api/v1/auth/me"): USERS,
    ("POST", "/api/v1/sync/push"): USERS - {"trainer"},            # trainers change nothing
    ("GET", "/api/v1/sync/changes"): USERS,                         # scoped below
    ("GET", "/api/v1/organizations"): USERS,
    ("GET", "/api/v1/users"): USERS,                                # scoped below
    ("GET", "/api/v1/calendar/years"): USERS,
    ("GET", "/api/v1/rule-sets"): USERS,
    ("POST", "/api/v1/portal/requests"): EVERYONE,                  # citizens have no account
    ("POST", "/api/v1/portal/conference-applications"): EVERYONE,
    ("POST", "/api/v1/portal/ratings"): EVERYONE,
    ("POST", "/api/v1/portal/meeting-registrations"): EVERYONE,
    ("POST", "/api/v1/portal/comments"): EVERYONE,
    ("POST", "/api/v1/portal/conference-questions"): EVERYONE,     # O145-9.2
    ("POST", "/api/v1/portal/survey-responses"): EVERYONE,         # O145-11
    ("GET", "/api/v1/operator/templates"): {"operator"},            # O145-7
    ("POST", "/api/v1/operator/templates/{id}/decision"): {"operator"},
    ("GET", "/api/v1/accreditation/applications"): {"authorized"},  # O145-12
    ("POST", "/api/v1/accreditation/applications/{id}/decision"): {"authorized"},
}
ok(not documented - MATRIX.keys(), "every documented endpoint has a row in the matrix",
   sorted(documented - MATRIX.keys()))
ok(not MATRIX.keys() - documented, "every matrix row is a documented endpoint", sorted(MATRIX.keys() - documented))

with Server() as s:
    tokens = {u: s.login(u) for u in USERS}
    tokens["anonymous"] = None
    edu_changes, _, _ = s.pull_all(tokens["admin.edu"])
    req_id = next(c["id"] for c in edu_changes if c["entity_type"] == "blog_request")
    meeting_id = next(c["id"] for c in edu_changes if c["entity_type"] == "meeting")
    channel_id = next(c["id"] for c in edu_changes if c["entity_type"] == "channel")
    conference_id = next(c["id"] for c in edu_changes if c["entity_type"] == "conference")
    survey_id = next(c["id"] for c in edu_changes if c["entity_type"] == "survey")
    st, q = s.json("GET", "/api/v1/operator/templates", token=tokens["operator"])
    template_id = q["items"][0]["id"]
    st, q = s.json("GET", "/api/v1/accreditation/applications", token=tokens["authorized"])
    application_id = q["items"][0]["id"]
    keys = iter(range(10**6))

    def fresh(user):
        _, body = s.json("POST", "/api/v1/auth/login", {"username": user, "password": "demo-2026"})
        return body

    def build(method, path, caller):
        """(path, body, token, headers) for one cell; requests that would
        change state when allowed are made harmless (an invalid decision)."""
        token, headers, body = tokens[caller], {}, None
        if path == "/api/v1/auth/login":
            body = {"username": "trainer", "password": "demo-2026"}
        elif path == "/api/v1/auth/refresh":
            body = {"refresh_token": fresh("trainer")["refresh_token"]}
        elif path == "/api/v1/auth/logout":
            # Logging out revokes the token used: never the shared one.
            token = fresh(caller)["access_token"] if caller != "anonymous" else None
            body = {}
        elif path == "/api/v1/sync/push":
            body = {"client_id": "matrix-" + caller, "mutations": []}
            headers["Idempotency-Key"] = f"matrix-{next(keys)}"
        elif path == "/api/v1/sync/changes":
            path += "?limit=1000"
        elif path == "/api/v1/portal/requests":
            body = {"org": "min-edu", "subject": "Жол", "text": "Жол жөндеу керек."}
        elif path == "/api/v1/portal/conference-applications":
            body = {"org": "min-edu", "topic": "Тақырып", "text": "Ұсыныс"}
        elif path == "/api/v1/portal/ratings":
            body = {"org": "min-edu", "request_id": req_id, "value": "like"}
        elif path == "/api/v1/portal/meeting-registrations":
            body = {"org": "min-edu", "meeting_id": meeting_id, "name": "Айгүл"}
        elif path == "/api/v1/portal/comments":
            body = {"org": "min-edu", "channel_id": channel_id, "text": "Рахмет"}
        elif path == "/api/v1/portal/conference-questions":
            body = {"org": "min-edu", "conference_id": conference_id, "text": "Сұрақ"}
        elif path == "/api/v1/portal/survey-responses":
            body = {"org": "min-edu", "survey_id": survey_id, "answers": [[0], [0]]}
        elif path.startswith("/api/v1/operator/templates/"):
            path, body = path.replace("{id}", template_id), {"decision": "maybe"}
        elif path.startswith("/api/v1/accreditation/applications/"):
            path, body = path.replace("{id}", application_id), {"decision": "maybe"}
        return path, body, token, headers

    wrong = []
    cells = 0
    for (method, template), allowed in sorted(MATRIX.items()):
        for caller in sorted(EVERYONE):
            path, body, token, headers = build(method, template, caller)
            st, hdrs, raw = s.request(method, path, body=body, token=token, headers=headers)
            cells += 1
            if caller in allowed:
                good = st < 500 and st not in (401, 403)
            else:
                good = st == (401 if caller == "anonymous" else 403) and b'"error"' in raw
            if not good:
                wrong.append((method, template, caller, st, raw[:160]))
    ok(not wrong, f"{cells} cells of the matrix ({len(MATRIX)} endpoints × {len(EVERYONE)} callers): "
       "each allowed or refused as the row says", "\n".join(map(str, wrong)))

    # Another body's personal data, through every endpoint a caller may read.
    marks = {"min-health": ("Матрицаева Сәуле", "+7 701 555 0101"),
             "kazpost": ("Почтовая Айжан", "+7 702 555 0202")}
    for org, (name, contact) in marks.items():
        st, _ = s.json("POST", "/api/v1/portal/requests",
                       {"org": org, "subject": "Жеке дерек", "text": "Мәтін", "author_name": name,
                        "author_contact": contact})
        ok(st == 201, f"a citizen writes to {org}")
        st, _ = s.json("POST", "/api/v1/portal/conference-applications",
                       {"org": org, "topic": "Тақырып", "text": "Мәтін", "applicant_name": name,
                        "applicant_contact": contact})
        ok(st == 201, f"and applies to {org}'s conference")
    # O605-9 (issue 8 item 4): a meeting registration's personal data — one
    # from the portal, one entered at the workstation — reaches only the
    # meeting's organization.
    health_all, _, _ = s.pull_all(tokens["admin.health"])
    health_meeting = next(c["id"] for c in health_all if c["entity_type"] == "meeting")
    portal_reg = ("Тіркеуова Мәдина", "+7 703 555 0303")
    st, _ = s.json("POST", "/api/v1/portal/meeting-registrations",
                   {"org": "min-health", "meeting_id": health_meeting, "name": portal_reg[0],
                    "contact": portal_reg[1]})
    ok(st == 201, "a citizen registers for the health ministry's open meeting")
    desk_reg = ("Қағазова", "paper.reg@mail.kz")
    st, r = s.push(tokens["admin.health"], "health-ws",
                   [mutation("reg-1", "meeting_registration", "health-reg-1", "create",
                             {"parent_id": health_meeting, "surname": desk_reg[0], "name": "Гүлнар",
                              "birth_year": 1988, "contact": desk_reg[1], "channel": "paper"})])
    ok(r["results"][0]["status"] == "applied", "the secretary enters a paper application", r)
    marks["min-health"] = marks["min-health"] + portal_reg + desk_reg
    leaks = []
    for caller in sorted(USERS):
        seen = b""
        for (method, template), allowed in MATRIX.items():
            if method != "GET" or caller not in allowed or "{id}" in template:
                continue
            if template == "/api/v1/sync/changes":
                changes, _, _ = s.pull_all(tokens[caller])
                seen += json.dumps(changes, ensure_ascii=False).encode()
            else:
                seen += s.request("GET", template, token=tokens[caller])[2]
        for org, values in marks.items():
            for v in values:
                if (v.encode() in seen) != (ORG[caller] == org):
                    leaks.append((caller, org, v))
    ok(not leaks, "no caller reads another body's citizens through any endpoint; the addressed body does",
       leaks)

    # Writes across bodies: every writer, against a record of every other
    # body, by update, stale update, delete and a create reusing its id;
    # none applies, none hands back the record (a conflict would).
    owners = {}
    for admin, org in (("admin.health", "min-health"), ("admin.almaty", "akimat-almaty-region"),
                       ("admin.kazpost", "kazpost"), ("admin.edu", "min-edu")):
        t = tokens.get(admin) or s.login(admin)
        changes, _, _ = s.pull_all(t)
        owners[org] = next(c for c in changes if c["entity_type"] == "blog_request" and c["org_id"] == org)
    refused = []
    n = 0
    for caller in sorted(MATRIX[("POST", "/api/v1/sync/push")] - {"anonymous"}):
        for org, rec in owners.items():
            if ORG[caller] == org:
                continue
            muts = [mutation(f"w{n}-1", "blog_request", rec["id"], "update", {"answer": "!"}, rec["version"],
                             {"answer": rec["data"].get("answer")}),
                    mutation(f"w{n}-2", "blog_request", rec["id"], "update", {"answer": "!"}, 1, {"answer": "x"}),
                    mutation(f"w{n}-3", "blog_request", rec["id"], "delete", {}, rec["version"]),
                    mutation(f"w{n}-4", "blog_request", rec["id"], "create", dict(rec["data"]))]
            n += 1
            st, r = s.push(tokens[caller], "x-" + caller, muts)
            body = json.dumps(r, ensure_ascii=False)
            for res in r.get("results", []):
                if res.get("status") != "rejected" or res.get("code") != "forbidden":
                    refused.append((caller, org, res))
            if rec["data"].get("subject", "\0") in body or rec["data"].get("text", "\0") in body:
                refused.append((caller, org, "the answer carries the record"))
    ok(not refused, f"{n * 4} cross-body writes are all refused and reveal nothing", refused)

done()

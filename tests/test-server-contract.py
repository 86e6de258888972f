#!/usr/bin/env python3
"""docs/api/openapi.yaml is the contract: this loads it and validates real
answers of a running awp-server (success and error paths) against the
response schemas, and checks that every documented path is served."""
import os
import sys
import warnings

import jsonschema
import yaml

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done  # noqa: E402
from awpserver import Server, mutation  # noqa: E402

spec_path = os.path.join(os.path.dirname(__file__), "..", "docs", "api", "openapi.yaml")
with open(spec_path, encoding="utf-8") as f:
    spec = yaml.safe_load(f)
ok(spec.get("openapi", "").startswith("3.1"), "the contract is OpenAPI 3.1")
# RefResolver works on Debian 12's jsonschema 4.10 and, deprecated, on newer ones.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    resolver = jsonschema.RefResolver.from_schema(spec)
jsonschema.Draft202012Validator.check_schema(spec["components"]["schemas"]["Change"])


def resolve(obj):
    while isinstance(obj, dict) and "$ref" in obj:
        obj = resolver.resolve(obj["$ref"])[1]
    return obj


def check(s, method, path, template, status_expected, **kw):
    st, hdrs, raw = s.request(method, path, **kw)
    name = f"{method} {template} -> {st}"
    op = spec["paths"][template][method.lower()]
    resp = op["responses"].get(str(st))
    if not ok(resp is not None and st == status_expected, name + " is documented and expected",
              (st, raw[:300])):
        return None
    resp = resolve(resp)
    schema = resp["content"]["application/json"]["schema"]
    ok(hdrs.get("content-type", "").startswith("application/json"), name + " is JSON")
    import json
    body = json.loads(raw)
    errors = sorted(jsonschema.Draft202012Validator(schema, resolver=resolver).iter_errors(body), key=str)
    ok(not errors, name + " matches its schema", "\n".join(e.message for e in errors[:5]))
    return body


with Server() as s:
    check(s, "GET", "/api/v1/health", "/api/v1/health", 200)
    tok = check(s, "POST", "/api/v1/auth/login", "/api/v1/auth/login", 200,
                body={"username": "admin.edu", "password": "demo-2026"})
    a = tok["access_token"]
    check(s, "POST", "/api/v1/auth/login", "/api/v1/auth/login", 401,
          body={"username": "admin.edu", "password": "nope"})
    check(s, "POST", "/api/v1/auth/login", "/api/v1/auth/login", 400, body={})
    check(s, "GET", "/api/v1/auth/me", "/api/v1/auth/me", 200, token=a)
    check(s, "GET", "/api/v1/auth/me", "/api/v1/auth/me", 401)
    tok2 = check(s, "POST", "/api/v1/auth/refresh", "/api/v1/auth/refresh", 200,
                 body={"refresh_token": tok["refresh_token"]})
    check(s, "POST", "/api/v1/auth/refresh", "/api/v1/auth/refresh", 401,
          body={"refresh_token": tok["refresh_token"]})

    H = {"Idempotency-Key": "c-1"}
    muts = [mutation("c-m1", "channel", "c-ch", "create", {"name": "Эфир", "kind": "broadcast"}),
            mutation("c-m2", "channel", "c-ch", "update", {"name": "Жаңа"}, 1, {"name": "Эфир"}),
            mutation("c-m3", "channel", "c-ch", "update", {"name": "Новый"}, 1, {"name": "Эфир"}),
            mutation("c-m4", "channel", "c-bad", "create", {"name": ""}),
            {"op": "create"}]
    res = check(s, "POST", "/api/v1/sync/push", "/api/v1/sync/push", 200, token=a, headers=H,
                body={"client_id": "contract", "mutations": muts})
    ok(res and [r["status"] for r in res["results"]] == ["applied", "applied", "conflict", "rejected", "rejected"],
       "the push exercised every result kind but retry", res)
    # A group refused whole (docs/sync.md "Groups") and one sent in part.
    group = [dict(mutation("c-g1", "channel", "c-g1", "create", {"name": "Арна", "kind": "blog"}),
                  group={"id": "c-grp", "size": 2}),
             dict(mutation("c-g2", "channel", "c-g2", "create", {"name": ""}), group={"id": "c-grp", "size": 2}),
             dict(mutation("c-g3", "channel", "c-g3", "create", {"name": "Арна", "kind": "blog"}),
                  group={"id": "c-grp2", "size": 2})]
    res = check(s, "POST", "/api/v1/sync/push", "/api/v1/sync/push", 200, token=a, headers={"Idempotency-Key": "c-grp"},
                body={"client_id": "contract", "mutations": group})
    ok(res and [r["code"] for r in res["results"]] == ["group_refused", "validation_failed", "group_incomplete"],
       "a refused group and an incomplete one match the schema", res)
    check(s, "POST", "/api/v1/sync/push", "/api/v1/sync/push", 400, token=a,
          body={"client_id": "contract", "mutations": []})
    check(s, "POST", "/api/v1/sync/push", "/api/v1/sync/push", 422, token=a, headers=H,
          body={"client_id": "contract", "mutations": []})
    check(s, "POST", "/api/v1/sync/push", "/api/v1/sync/push", 413, token=a, headers={"Idempotency-Key": "big"},
          body={"client_id": "contract", "mutations": [{}] * 1001})
    check(s, "POST", "/api/v1/sync/push", "/api/v1/sync/push", 400, token=a, headers={"Idempotency-Key": "bad"},
          raw=b"{")
    page = check(s, "GET", "/api/v1/sync/changes?limit=1000", "/api/v1/sync/changes", 200, token=a)
    ok(page and any(c["deleted"] is False for c in page["changes"]), "the pull page has records")
    check(s, "GET", "/api/v1/sync/changes?cursor=x", "/api/v1/sync/changes", 400, token=a)
    check(s, "GET", "/api/v1/sync/changes?cursor=1-99999999", "/api/v1/sync/changes", 410, token=a)
    s.push(a, "contract", [mutation("c-m5", "channel", "c-ch", "delete", {}, 2)])
    page = check(s, "GET", "/api/v1/sync/changes?cursor=" + page["next_cursor"], "/api/v1/sync/changes", 200, token=a)
    ok(page and page["changes"][0]["deleted"] and page["changes"][0]["data"] is None, "a tombstone matches the schema")

    for p in ["/api/v1/organizations", "/api/v1/users", "/api/v1/calendar/years", "/api/v1/rule-sets"]:
        check(s, "GET", p, p, 200, token=a)
    check(s, "GET", "/api/v1/organizations", "/api/v1/organizations", 401)

    req = check(s, "POST", "/api/v1/portal/requests", "/api/v1/portal/requests", 201,
                body={"org": "min-edu", "subject": "Жол", "text": "Жолды жөндеңіздер", "lang": "kk"})
    check(s, "POST", "/api/v1/portal/requests", "/api/v1/portal/requests", 400, body={"org": "nowhere"})
    check(s, "POST", "/api/v1/portal/conference-applications", "/api/v1/portal/conference-applications", 201,
          body={"org": "min-edu", "subject": "Цифровые услуги", "text": "Предлагаю тему"})
    check(s, "POST", "/api/v1/portal/ratings", "/api/v1/portal/ratings", 201,
          body={"org": "min-edu", "request_id": req["id"], "value": "like"})
    check(s, "POST", "/api/v1/portal/ratings", "/api/v1/portal/ratings", 400,
          body={"org": "min-edu", "request_id": req["id"], "value": "dislike"})
    changes, _, _ = s.pull_all(a)
    meeting = next(c for c in changes if c["entity_type"] == "meeting")
    check(s, "POST", "/api/v1/portal/meeting-registrations", "/api/v1/portal/meeting-registrations", 201,
          body={"org": "min-edu", "meeting_id": meeting["id"], "name": "Айгүл"})
    check(s, "POST", "/api/v1/portal/comments", "/api/v1/portal/comments", 201,
          body={"org": "min-edu", "meeting_id": meeting["id"], "text": "Рахмет!"})
    check(s, "POST", "/api/v1/portal/comments", "/api/v1/portal/comments", 400,
          body={"org": "min-edu", "meeting_id": "missing", "text": "?"})

    # The fixed demo's conference and survey ran around 2 March 2026: not open today.
    conf = next(c for c in changes if c["entity_type"] == "conference" and c["data"]["status"] == "published")
    survey = next(c for c in changes if c["entity_type"] == "survey" and c["data"]["status"] == "published")
    check(s, "POST", "/api/v1/portal/conference-questions", "/api/v1/portal/conference-questions", 409,
          body={"org": "min-edu", "conference_id": conf["id"], "text": "Қашан?"})
    check(s, "POST", "/api/v1/portal/conference-questions", "/api/v1/portal/conference-questions", 400,
          body={"org": "min-edu", "conference_id": "missing", "text": "?"})
    check(s, "POST", "/api/v1/portal/survey-responses", "/api/v1/portal/survey-responses", 409,
          body={"org": "min-edu", "survey_id": survey["id"], "answers": [[0], [0]]})
    check(s, "POST", "/api/v1/portal/survey-responses", "/api/v1/portal/survey-responses", 400,
          body={"org": "min-edu", "survey_id": "missing", "answers": []})

    # Meetings, their children and templates, seeded and from the portal,
    # have the shapes the contract documents (the client store's).
    data_schemas = {"meeting": "MeetingData", "meeting_registration": "MeetingRegistrationData",
                    "meeting_comment": "MeetingCommentData", "conference": "ConferenceData",
                    "survey": "SurveyData", "conference_question": "ConferenceQuestionData"}
    changes, _, _ = s.pull_all(a)
    for entity, name in data_schemas.items():
        recs = [c["data"] for c in changes if c["entity_type"] == entity and c["data"] is not None]
        v = jsonschema.Draft202012Validator(spec["components"]["schemas"][name], resolver=resolver)
        bad = [e.message for d in recs for e in v.iter_errors(d)]
        ok(recs and not bad, f"{entity} records match {name}", bad[:5])
    portal = [c["data"] for c in changes if c["entity_type"] == "meeting_registration"
              and c["data"].get("name") == "Айгүл"]
    ok(portal and portal[0].get("parent_id") == meeting["id"] and portal[0].get("channel") == "electronic",
       "a portal registration is stored under parent_id, channel electronic (O605-9)", portal)

    op = s.login("operator")
    q = check(s, "GET", "/api/v1/operator/templates", "/api/v1/operator/templates", 200, token=op)
    check(s, "GET", "/api/v1/operator/templates", "/api/v1/operator/templates", 403, token=a)
    check(s, "POST", f"/api/v1/operator/templates/{q['items'][0]['id']}/decision",
          "/api/v1/operator/templates/{id}/decision", 200, token=op, body={"decision": "rejected", "note": "Мерзімі өтті"})
    check(s, "POST", "/api/v1/operator/templates/none/decision", "/api/v1/operator/templates/{id}/decision", 404,
          token=op, body={"decision": "approved"})
    au = s.login("authorized")
    q = check(s, "GET", "/api/v1/accreditation/applications", "/api/v1/accreditation/applications", 200, token=au)
    check(s, "POST", f"/api/v1/accreditation/applications/{q['items'][0]['id']}/decision",
          "/api/v1/accreditation/applications/{id}/decision", 200, token=au, body={"decision": "approved"})
    check(s, "POST", "/api/v1/auth/logout", "/api/v1/auth/logout", 200, token=tok2["access_token"], body={})

    # Attachments: every answer but the file itself is JSON in its schema.
    import hashlib
    text = "Жауап\n".encode()
    sid = hashlib.sha256(text).hexdigest()
    T = "/api/v1/attachments/{sha256}"
    put = dict(token=a, headers={"Content-Type": "text/plain"}, raw=text)
    check(s, "PUT", f"/api/v1/attachments/{sid}", T, 201, **put)
    check(s, "PUT", f"/api/v1/attachments/{sid}", T, 200, **put)
    check(s, "PUT", f"/api/v1/attachments/{'0' * 64}", T, 422, **put)
    check(s, "PUT", "/api/v1/attachments/nohash", T, 400, **put)
    check(s, "PUT", f"/api/v1/attachments/{sid}", T, 415, token=a, headers={"Content-Type": "application/pdf"}, raw=text)
    check(s, "PUT", f"/api/v1/attachments/{sid}", T, 401, headers={"Content-Type": "text/plain"}, raw=text)
    check(s, "GET", f"/api/v1/attachments/{'0' * 64}", T, 404, token=a)
    check(s, "GET", f"/api/v1/attachments/{sid}", T, 401)
    st, hdrs, raw = s.request("GET", f"/api/v1/attachments/{sid}", token=a)
    ok(st == 200 and raw == text and hdrs.get("content-type") == "text/plain", "GET returns the file", (st, hdrs))

    # Every documented path is served (a method it lacks is 405, not 404).
    missing = []
    for path in spec["paths"]:
        lacks = next(m for m in ("PUT", "DELETE", "PATCH") if m.lower() not in spec["paths"][path])
        st, _, _ = s.request(lacks, path.replace("{id}", "x").replace("{sha256}", "0" * 64))
        if st != 405:
            missing.append((path, st))
    ok(not missing, "every documented path is served", missing)

done()

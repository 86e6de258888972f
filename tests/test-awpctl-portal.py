#!/usr/bin/env python3
"""awpctl portal acts as a citizen against a real awp-server: each action
creates a record of the addressed body (visible in that body's pull, with
the statutory due date), refusals name the fields, usage errors exit 2."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done, run  # noqa: E402
from awpserver import Server  # noqa: E402

ctl = os.environ["AWPCTL"]

with Server() as s:
    base = ["portal"]
    r = run([ctl, "portal", "submit-request", "--server", s.url, "--org", "akimat-almaty-region",
             "--subject", "Көше жарығы", "--text", "Көшеде шам жанбайды.", "--name", "Айгүл", "--lang", "kk"])
    m = re.match(r"^([0-9a-f-]{36}) (\d{4}-\d{2}-\d{2}) (БЛ-\d{4}-(\d{6}))\n$", r.stdout)
    ok(r.returncode == 0 and m, "submit-request prints the new id, the due date and the server's number",
       (r.returncode, r.stdout, r.stderr))
    rid = m.group(1) if m else ""
    admin = s.login("admin.almaty")
    changes, _, _ = s.pull_all(admin)
    rec = [c for c in changes if c["id"] == rid]
    ok(rec and rec[0]["data"]["subject"] == "Көше жарығы" and rec[0]["data"]["status"] == "received",
       "the request reaches the akimat's pull", rec)

    r = run([ctl, "portal", "submit-request", "--server", s.url, "--org", "kazpost", "--subject", "S",
             "--text", "T", "--idempotency-key", "citizen-1"])
    r2 = run([ctl, "portal", "submit-request", "--server", s.url, "--org", "kazpost", "--subject", "S",
              "--text", "T", "--idempotency-key", "citizen-1"])
    ok(r.returncode == 0 and r.stdout == r2.stdout, "a retried submission with the same key counts once", (r.stdout, r2.stdout))
    ok(m and r.returncode == 0 and r.stdout.split()[2] == "БЛ-%s-%06d" % (m.group(3)[3:7], int(m.group(4)) + 1),
       "the next request takes the next number of the server's one sequence", (m and m.group(3), r.stdout))

    r = run([ctl, "portal", "rate", "--server", s.url, "--org", "akimat-almaty-region", "--request", rid,
             "--value", "dislike"], env={"LANGUAGE": "ru", "LANG": "C.UTF-8"})
    ok(r.returncode == 1 and "reason" in r.stderr and "обязательно" in r.stderr,
       "a dislike without a reason is refused, naming the field, in Russian", r.stderr)
    r = run([ctl, "portal", "rate", "--server", s.url, "--org", "akimat-almaty-region", "--request", rid,
             "--value", "dislike", "--reason", "Жауап жоқ"])
    ok(r.returncode == 0, "with a reason the rating is accepted", r.stderr)

    meeting = next(c for c in changes if c["entity_type"] == "meeting")
    r = run([ctl, "portal", "register", "--server", s.url, "--org", "akimat-almaty-region",
             "--meeting", meeting["id"], "--name", "Бауыржан"])
    ok(r.returncode == 0, "register for a meeting", r.stderr)
    r = run([ctl, "portal", "comment", "--server", s.url, "--org", "akimat-almaty-region",
             "--meeting", meeting["id"], "--text", "Рахмет!"])
    ok(r.returncode == 0, "comment on a meeting's broadcast (O605)", r.stderr)
    r = run([ctl, "portal", "comment", "--server", s.url, "--org", "min-edu",
             "--meeting", meeting["id"], "--text", "Рахмет!"])
    ok(r.returncode == 1 and "meeting_id" in r.stderr, "another body's meeting is not found", r.stderr)
    r = run([ctl, "portal", "submit-application", "--server", s.url, "--org", "min-health",
             "--subject", "Цифровая медицина", "--text", "Предлагаю тему", "--name", "Сәуле Ахметова"])
    ok(r.returncode == 0 and len(r.stdout.split()) == 3 and r.stdout.split()[2].startswith("КО-"),
       "submit-application prints id, due date and its КО- number", r.stdout)
    app_id = r.stdout.split()[0] if r.returncode == 0 else None
    health, _, _ = s.pull_all(s.login("admin.health"))
    app = [c["data"] for c in health if c["id"] == app_id]
    ok(app and app[0]["subject"] == "Цифровая медицина" and app[0]["requester"] == "Сәуле Ахметова",
       "the application reaches the body under the workstation's names (subject, requester)", app)

    changes, _, _ = s.pull_all(admin)
    kinds = {c["entity_type"] for c in changes if c["changed_by"] == "portal"}
    ok(kinds == {"blog_request", "blog_request_rating", "meeting_registration", "meeting_comment"}, "the akimat sees what citizens sent it", kinds)

    r = run([ctl, "portal", "submit-request", "--server", s.url, "--org", "min-edu", "--subject", "S"],
            env={"LANGUAGE": "kk", "LANG": "C.UTF-8"})
    ok(r.returncode == 2 and "--text" in r.stderr, "a missing option is a usage error naming it", r.stderr)
    r = run([ctl, "portal", "fly"])
    ok(r.returncode == 2, "an unknown action is a usage error", r.stderr)
    r = run([ctl, "portal", "submit-request", "--server", "http://127.0.0.1:1", "--org", "x",
             "--subject", "S", "--text", "T"])
    ok(r.returncode == 1 and r.stderr.startswith("awpctl:"), "an unreachable server is exit 1", r.stderr)

done()

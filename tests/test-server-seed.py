#!/usr/bin/env python3
"""awp-server --seed demo --seed-date: the demo world dated in the weeks
before an anchor day, as a class needs it (docs/training.md): due dates by
the real rules (checked with awpctl deadline), a few overdue, some due today
and tomorrow, most running; meetings ahead; request numbers present and
unique; the same anchor gives the same data."""
import collections
import json
import os
import re
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done, run  # noqa: E402
from awpserver import Server  # noqa: E402

server = os.environ["AWP_SERVER"]
awpctl = os.environ["AWPCTL"]
ANCHOR = "2026-12-01"      # a Tuesday; Wednesday 2 Dec is a working day (kz-2026)
TOMORROW = "2026-12-02"
WEEK_BEFORE = "2026-11-24"
NUMBER = re.compile(r"^БЛ-\d{4}-\d{6}$")
CLOSED = {"answered", "refused"}
# The norm of each state's due date (awp-server-validate.c, O145-4/5).
NORM = {"forwarded": "O145-4.2", "returned": "O145-4.3", "refused": "O145-5.3"}


def records(db, etype):
    c = sqlite3.connect(db)
    rows = c.execute("SELECT id, org_id, data FROM records WHERE entity_type = ? ORDER BY seq",
                     (etype,)).fetchall()
    c.close()
    return [(i, o, json.loads(d)) for i, o, d in rows]


def snapshot(db):
    c = sqlite3.connect(db)
    rows = c.execute("SELECT entity_type, id, org_id, data FROM records ORDER BY seq").fetchall()
    c.close()
    return rows


with Server(args=["--seed-date", ANCHOR]) as a, Server(args=["--seed-date", ANCHOR]) as b, Server() as fixed:
    ok(snapshot(a.db) == snapshot(b.db), "the same anchor gives the same records (ids, texts, dates)")
    dated, plain = snapshot(a.db), snapshot(fixed.db)
    ok([r[:3] for r in dated] == [r[:3] for r in plain], "another anchor keeps the ids")
    ok(dated != plain, "another anchor moves the dates")
    plain_days = {r["received_on"] for _, _, r in records(fixed.db, "blog_request")}
    ok(max(plain_days) == "2026-03-02", "without --seed-date the demo stays at 2 March 2026", max(plain_days))

    reqs = records(a.db, "blog_request")
    received = sorted(r["received_on"] for _, _, r in reqs)
    ok(received[-1] <= ANCHOR, "no request is received after the anchor", received[-1])
    ok(received[-1] >= WEEK_BEFORE, "the newest request is received in the week before the anchor", received[-1])
    ok(received[0] >= "2026-09-01", "the oldest request is weeks, not months, old", received[0])

    wrong, rules = [], {}
    for _, _, r in reqs:
        key = (NORM.get(r["status"], "O145-5.1"), r["received_on"])
        if key not in rules:
            rules[key] = run([awpctl, "deadline", *key]).stdout.strip()
        due = rules[key]
        if due != r["due_on"]:
            wrong.append((r["status"], r["received_on"], r["due_on"], due))
    ok(not wrong, "every due date is the rules' date for its state and receipt day", wrong[:5])

    answered = [r for _, _, r in reqs if r["status"] == "answered"]
    ok(answered and all(r["received_on"] <= r["answered_on"] <= ANCHOR for r in answered),
       "answered requests carry an answer day between receipt and the anchor")

    by_org = collections.defaultdict(collections.Counter)
    for _, org, r in reqs:
        if r["status"] in CLOSED:
            continue
        due = r["due_on"]
        by_org[org]["overdue" if due < ANCHOR else "today" if due == ANCHOR
                    else "tomorrow" if due == TOMORROW else "running"] += 1
    ok(len(by_org) == 5, "every body has open requests", dict(by_org))
    for org, n in sorted(by_org.items()):
        total = sum(n.values())
        ok(n["overdue"] >= 1 and n["today"] >= 1 and n["tomorrow"] >= 1
           and n["overdue"] * 3 <= total and n["running"] > n["overdue"],
           f"{org}: a few overdue, some due today and tomorrow, most running", dict(n))

    numbers = [r.get("number") for _, _, r in reqs]
    ok(all(isinstance(x, str) and NUMBER.match(x) for x in numbers), "every request has a number like БЛ-2026-000052",
       [x for x in numbers if not (isinstance(x, str) and NUMBER.match(x))][:5])
    ok(len(set(numbers)) == len(numbers), "request numbers are unique")

    ahead = [r["date"] for _, _, r in records(a.db, "meeting")]
    ok(ahead and all(ANCHOR < d <= "2027-01-31" for d in ahead), "meetings come in the weeks after the anchor", ahead)
    confs = records(a.db, "conference")
    live = [r for _, _, r in confs if r["status"] == "published"]
    ok(len(live) == 5 and all(r["opens_on"] < ANCHOR < r["closes_on"] for r in live),
       "each body's published conference is open around the anchor, for live questions (O145-9.2)",
       [(r["opens_on"], r["closes_on"]) for r in live])
    opens = [r["opens_on"] for _, _, r in confs if r["status"] != "published"]
    ok(all(ANCHOR < d <= "2027-01-31" for d in opens), "the other conferences open in the weeks after the anchor", opens)
    live_ids = {i for i, _, r in confs if r["status"] == "published"}
    questions = records(a.db, "conference_question")
    per_conf = collections.Counter(r["parent_id"] for _, _, r in questions)
    ok(set(per_conf) == live_ids and all(n >= 3 for n in per_conf.values()),
       "every open conference has citizens' questions", per_conf)
    ok(all(r["received_on"] <= ANCHOR for _, _, r in questions)
       and any(r.get("answer") for _, _, r in questions) and any(not r.get("answer") for _, _, r in questions)
       and all(r["received_on"] <= r["answered_on"] <= ANCHOR for _, _, r in questions if r.get("answer")),
       "questions came before the anchor; some are answered, some wait in the live queue")
    surveys = [r for _, _, r in records(a.db, "survey") if r["status"] == "published"]
    ok(len(surveys) == 5 and all(r["launch_on"] <= ANCHOR <= r["close_on"] for r in surveys),
       "each body's published survey runs at the anchor (O145-11)")
    shapes = []
    for r in surveys:
        res = r["results"]
        n = res["respondents"]
        for q, counts in zip(r["questions"], res["counts"]):
            single = q["choice"] == "single"
            if (len(counts) != len(q["options"]) or any(c < 0 or c > n for c in counts)
                    or (single and sum(counts) != n) or (not single and sum(counts) < n)):
                shapes.append((n, q["choice"], counts))
    ok(not shapes and all(100 <= r["results"]["respondents"] <= 1000 for r in surveys)
       and any(q["choice"] == "multiple" for q in surveys[0]["questions"]),
       "their results count a few hundred respondents, one option per single-choice answer", shapes)
    apps = [r["received_on"] for _, _, r in records(a.db, "conference_application")]
    ok(all("2026-11-01" <= d <= ANCHOR for d in apps), "conference applications arrived in the weeks before the anchor", apps)
    # Under the workstation's names, so its queue shows them (O145-10).
    apps = [r for _, _, r in records(a.db, "conference_application")]
    ok(apps and all(r.get("subject") and r.get("requester") and r.get("number", "").startswith("КО-")
                    and not {"topic", "applicant_name"} & set(r) for r in apps)
       and all(r.get("refusal_ground") and r.get("refusal_reason") for r in apps if r["status"] == "refused"),
       "each application has its number, subject and requester; a refused one its ground and reason", apps[:2])

    # The client sees them: a pull carries the numbers and the shifted dates.
    token = a.login("admin.almaty")
    changes, _, _ = a.pull_all(token)
    pulled = [c["data"] for c in changes if c["entity_type"] == "blog_request"]
    ok(len(pulled) == 30 and all(NUMBER.match(p.get("number", "")) for p in pulled),
       "a body's pull carries its 30 numbered requests", len(pulled))

with tempfile.TemporaryDirectory() as tmp:
    conf = os.path.join(tmp, "seed.conf")
    with open(conf, "w") as f:
        f.write(f"[seed]\ndate={ANCHOR}\n")
    with Server(args=["--config", conf]) as c, Server(args=["--seed-date", ANCHOR]) as d:
        ok(snapshot(c.db) == snapshot(d.db), "[seed] date in the configuration is --seed-date")
    with open(conf, "w") as f:
        f.write("[seed]\ndate=first of May\n")
    r = run([server, "--config", conf, "--db", os.path.join(tmp, "x.db")])
    ok(r.returncode == 1 and "[seed] date" in r.stderr, "a bad [seed] date names the key", r.stderr)
    r = run([server, "--seed", "demo", "--seed-date", "2026-02-30"], env={"LANGUAGE": "ru", "LANG": "C.UTF-8"})
    ok(r.returncode == 2 and "2026-02-30" in r.stderr, "an impossible --seed-date is a usage error", r.stderr)
    r = run([server, "--seed", "demo", "--seed-date", "1990-06-01"])
    ok(r.returncode == 2 and "1990-06-01" in r.stderr, "a day beyond the calendar's years is a usage error", r.stderr)
    r = run([server, "--seed", "demo", "--seed-date", "2021-06-01", "--db", os.path.join(tmp, "y.db")])
    ok(r.returncode == 1 and "O145-5.1" in r.stderr, "a day before the rules were in force is refused, naming the norm",
       r.stderr)

with Server(args=["--seed-date", ANCHOR, "--seed-requests", "600"]) as s:
    reqs = records(s.db, "blog_request")
    numbers = [r["number"] for _, _, r in reqs]
    ok(len(reqs) == 750 and len(set(numbers)) == 750, "scale requests get numbers of their own", len(set(numbers)))
    ok(max(r["received_on"] for _, _, r in reqs) <= ANCHOR, "scale requests follow the anchor too")

done()

#!/usr/bin/env python3
"""awp-server checks the statutory rules on every change, with the same
calendar and deadline code as awpctl deadline: due dates of requests and
applications (O145-4.2, O145-4.3, O145-5.1..5.3, O145-10.2), conference
and survey lengths (O145-9.1, O145-11), template submission (O145-7) and
dislikes with a reason (O145-6)."""
import datetime
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done, run  # noqa: E402
from awpserver import Server, mutation  # noqa: E402

ctl = os.environ["AWPCTL"]


def deadline(norm, date):
    r = run([ctl, "deadline", norm, date])
    assert r.returncode == 0, r.stderr
    return r.stdout.strip()


def kz_today():
    """The server's date: Kazakhstan, UTC+5 (awp_server_today)."""
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=5)).date()


def first_opening(today):
    """The first working day a template reaching the Operator today may
    start on: its O145-7 day is today or later, and it lasts one working
    day by itself (O145-9.1)."""
    d = today
    while True:
        d += datetime.timedelta(days=1)
        iso = d.isoformat()
        if deadline("O145-7", iso) >= today.isoformat() and deadline("O145-9.1", iso) == iso:
            return iso


def fields(result):
    return sorted((e["field"], e["code"]) for e in result.get("errors", []))


REQ = {"subject": "Жол", "text": "Жөндеңіздер", "received_on": "2026-03-02"}

with Server() as s:
    a = s.login("admin.edu")
    n = [0]

    def push_one(etype, patch, op="create", eid=None, base=None, base_values=None):
        n[0] += 1
        st, r = s.push(a, "rules", [mutation(f"r-{n[0]}", etype, eid or f"e-{n[0]}", op, patch, base, base_values)])
        return r["results"][0]

    due = deadline("O145-5.1", "2026-03-02")
    r = push_one("blog_request", dict(REQ, status="accepted", due_on=due))
    ok(r["status"] == "applied", "a request due on the O145-5.1 day is accepted", r)
    later = (datetime.date.fromisoformat(due) + datetime.timedelta(days=1)).isoformat()
    r = push_one("blog_request", dict(REQ, status="accepted", due_on=later))
    ok(r["status"] == "rejected" and fields(r) == [("due_on", "deadline")] and "O145-5.1" in r["errors"][0]["message"],
       "one day later is refused citing O145-5.1", r)
    r = push_one("blog_request", dict(REQ, status="extended", times_extended=1, due_on=later))
    ok(r["status"] == "applied", "after one extension (O145-5.2) it is allowed", r)
    r = push_one("blog_request", dict(REQ, status="extended", times_extended=2, due_on=later))
    ok(r["status"] == "rejected" and fields(r) == [("times_extended", "range")], "a second extension is refused", r)
    r = push_one("blog_request", dict(REQ, status="returned", due_on=deadline("O145-5.1", "2026-03-02")))
    ok(r["status"] == "rejected" and "O145-4.3" in r["errors"][0]["message"], "a return is due by O145-4.3", r)
    r = push_one("blog_request", dict(REQ, status="returned", due_on=deadline("O145-4.3", "2026-03-02")))
    ok(r["status"] == "applied", "a return within 1 working day is accepted", r)
    r = push_one("blog_request", dict(REQ, status="received", due_on="2026-02-01"))
    ok(r["status"] == "rejected" and fields(r) == [("due_on", "date_order")], "a due date before receipt is refused", r)

    # Merged record is checked, not only the patch.
    r = push_one("blog_request", dict(REQ, status="accepted", due_on=due), eid="rq-merge")
    r = push_one("blog_request", {"status": "forwarded"}, op="update", eid="rq-merge", base=1,
                 base_values={"status": "accepted"})
    ok(r["status"] == "rejected" and "O145-4.2" in r["errors"][0]["message"],
       "forwarding keeps the O145-4.2 deadline: the whole record is checked", r)

    # The fields the workstation's action dialogs write are the record's.
    r = push_one("blog_request", dict(REQ, status="returned", due_on=deadline("O145-4.3", "2026-03-02"),
                                      return_ground="content_unclear", return_comment="Мәтін түсініксіз",
                                      closed_on="2026-03-03"))
    ok(r["status"] == "applied", "a return with its ground and comment (O145-4.3)", r)
    r = push_one("blog_request", dict(REQ, status="returned", due_on=deadline("O145-4.3", "2026-03-02"),
                                      return_ground="rude"))
    ok(r["status"] == "rejected" and fields(r) == [("return_ground", "invalid")],
       "a ground the Rules do not name is refused naming the field", r)
    r = push_one("blog_request", dict(REQ, status="forwarded", due_on=deadline("O145-4.2", "2026-03-02"),
                                      forwarded_to="min-health", forwarded_to_name="Денсаулық сақтау министрлігі",
                                      user_notice="Сұрауыңыз жолданды", user_notified_on="2026-03-03"))
    ok(r["status"] == "applied", "a forward with the notice to the user (O145-4.2)", r)
    r = push_one("blog_request", dict(REQ, status="extended", times_extended=1, due_on=later,
                                      accepted_on="2026-03-02", extend_reason="Мәлімет сұралды",
                                      extended_on="2026-03-05", deadlines={"notice_by": "2026-03-10"}))
    ok(r["status"] == "applied", "an extension with its reason and date (O145-5.2)", r)
    r = push_one("blog_request", dict(REQ, status="refused", due_on=deadline("O145-5.3", "2026-03-02"),
                                      refusal_reasons="Заңның 11-бабы"))
    ok(r["status"] == "applied", "a refusal with its reasons (O145-5.3)", r)

    app_due = deadline("O145-10.2", "2026-03-02")
    r = push_one("conference_application", {"subject": "Т", "text": "Т", "status": "received",
                                             "requester": "Айгүл", "received_on": "2026-03-02", "due_on": app_due})
    ok(r["status"] == "applied", "an application due by O145-10.2 is accepted", r)
    r = push_one("conference_application", {"text": "Т", "status": "received", "received_on": "2026-03-02"})
    ok(r["status"] == "rejected" and fields(r) == [("subject", "required")], "an application names its topic (O145-10.1)", r)
    r = push_one("conference_application", {"topic": "Т", "text": "Т", "status": "received",
                                             "applicant_name": "Айгүл", "received_on": "2026-03-02"})
    ok(r["status"] == "applied", "an older record's topic and applicant_name are still accepted", r)

    conf = {"title_kk": "Конференция", "title_ru": "Конференция", "status": "draft"}
    full = dict(conf, brief_kk="Кездесу", brief_ru="Встреча", description_kk="Сұрақтарға жауап.",
                description_ru="Ответы на вопросы.", moderator_surname="Сейітқали", moderator_name="Әсем",
                moderator_iin="901123300258", moderator_position="Бас маман",
                moderator_email="a.seitkali@gov.kz", moderator_phone="+77011234567", public_discussion=True)
    # A draft saves as typed (the workstation autosaves it and checks the
    # rules on submission); past draft the dates are checked.
    r = push_one("conference", dict(conf, opens_on="2026-03-10", closes_on="2026-03-09"))
    ok(r["status"] == "applied", "a draft closing before it opens saves (half-typed)", r)
    sub = dict(full, status="submitted", submitted_on="2026-03-02")
    r = push_one("conference", dict(sub, opens_on="2026-03-10", closes_on="2026-03-09"))
    ok(r["status"] == "rejected" and ("closes_on", "date_order") in fields(r), "a conference closing before it opens", r)
    r = push_one("conference", dict(sub, opens_on="2026-03-07", closes_on="2026-03-07"))
    ok(r["status"] == "rejected" and ("closes_on", "deadline") in fields(r),
       "a conference only on a Saturday does not last 1 working day (O145-9.1)", r)
    # O145-7 is judged on the server's date, so the templates that pass
    # open on a working day this template may still reach the Operator for.
    today = kz_today()
    opening = first_opening(today)
    r = push_one("conference", dict(sub, opens_on=opening, closes_on=opening))
    ok(r["status"] == "applied", "a one-working-day conference is accepted", r)

    survey = {"title_kk": "Сауалнама", "title_ru": "Опрос", "status": "draft", "launch_on": opening}
    short = (datetime.date.fromisoformat(deadline("O145-11", opening)) - datetime.timedelta(days=1)).isoformat()
    r = push_one("survey", dict(survey, close_on=short))
    ok(r["status"] == "applied", "a draft survey shorter than 10 working days saves (half-typed)", r)
    sub = dict(survey, status="submitted", submitted_on="2026-03-02", number="1", category="Қызметтер / Услуги",
               questions=[{"title_kk": "Сұрақ", "title_ru": "Вопрос", "choice": "single",
                           "options": [{"title_kk": "Иә", "title_ru": "Да"}, {"title_kk": "Жоқ", "title_ru": "Нет"}]}])
    r = push_one("survey", dict(sub, close_on=short))
    ok(r["status"] == "rejected" and any("O145-11" in e["message"] for e in r["errors"]),
       "a submitted survey shorter than 10 working days", r)
    r = push_one("survey", dict(sub, close_on=deadline("O145-11", opening)))
    ok(r["status"] == "applied", "a survey of exactly 10 working days is accepted", r)

    # Past draft, the core's own template check runs on the whole record
    # (awp_conference_template_validate), naming each missing field.
    r = push_one("conference", dict(conf, status="submitted", opens_on=opening, closes_on=opening,
                                    submitted_on=today.isoformat()))
    named = [f for f, _ in fields(r)]
    ok(r["status"] == "rejected" and "moderator_iin" in named and "brief_kk" in named,
       "a submitted conference without its moderator and brief is refused naming the fields", r)
    r = push_one("conference", {"status": "draft", "title_kk": "Жоба"})
    ok(r["status"] == "applied", "a half-filled draft autosaves", r)
    r = push_one("meeting", {"title": "Кездесу", "date": "2026-03-23", "format": "offline", "status": "planned"})
    named = [f for f, _ in fields(r)]
    ok(r["status"] == "rejected" and "responsible.phone" in named and "agenda" in named,
       "an O605 meeting without its responsible person and agenda is refused naming the fields", r)

    # O145-7: the template reaches the Operator when it reaches the server;
    # submitted_on is the server's date, whatever the workstation sends.
    tpl = dict(full, status="submitted", opens_on=opening, closes_on=opening)
    r = push_one("conference", dict(tpl, submitted_on="2026-01-05"), eid="tpl-stamped")
    ok(r["status"] == "applied", "a conference template reaching the Operator 3 working days before the start", r)
    rec = next(c for c in s.pull_all(a)[0] if c["id"] == "tpl-stamped")
    ok(rec["data"]["submitted_on"] == today.isoformat(),
       "the server stamps submitted_on with its own date (the workstation pulls it)", rec["data"])
    r = push_one("conference", {"submitted_on": "2026-01-06", "review_note": "x"}, op="update", eid="tpl-stamped", base=1)
    rec = next(c for c in s.pull_all(a)[0] if c["id"] == "tpl-stamped")
    ok(r["status"] == "applied" and rec["data"]["submitted_on"] == today.isoformat(),
       "a later edit keeps the server's submitted_on", (r, rec["data"]))

    # Back-dated: a modified or offline workstation says it submitted on the
    # last allowed day; the server judges the day the template arrives.
    # Tomorrow's O145-7 day is always over: 3 working days before it.
    late_start = (today + datetime.timedelta(days=1)).isoformat()
    backdated = deadline("O145-7", late_start)
    r = push_one("conference", dict(tpl, opens_on=late_start, closes_on=opening, submitted_on=backdated))
    ok(r["status"] == "rejected" and fields(r) == [("submitted_on", "deadline")] and "O145-7" in r["errors"][0]["message"],
       "a back-dated late template is refused on the server's date citing O145-7", r)
    msg = r["errors"][0]["message"] if r.get("errors") else ""
    ok(today.isoformat() in msg and opening in msg and "opens_on" in msg,
       "the refusal names the server's date and the earliest allowed opening", msg)
    r = push_one("survey", dict(sub, launch_on=late_start, close_on=deadline("O145-11", opening),
                                submitted_on=deadline("O145-7", late_start)))
    ok(r["status"] == "rejected" and ("submitted_on", "deadline") in fields(r)
       and "launch_on" in next(e["message"] for e in r["errors"] if e["field"] == "submitted_on"),
       "a late survey is refused the same way, naming launch_on", r)

    st, rec = s.json("POST", "/api/v1/portal/requests", {"org": "min-edu", "subject": "S", "text": "T"})
    received = rec["data"]["received_on"]
    ok(rec["data"]["due_on"] == deadline("O145-5.1", received), "a portal request is due by O145-5.1 from today", rec)
    st, rec = s.json("POST", "/api/v1/portal/conference-applications",
                     {"org": "min-edu", "subject": "S", "text": "T", "requester": "Айгүл", "author_contact": "+7 701"})
    ok(rec["data"]["due_on"] == deadline("O145-10.2", rec["data"]["received_on"]),
       "a portal application is due by O145-10.2", rec)
    ok(st == 201 and (rec["data"]["subject"], rec["data"]["requester"], rec["data"]["author_contact"]) == ("S", "Айгүл", "+7 701"),
       "a portal application is stored under the workstation's names", rec)
    # The older form names still come in, under the new names; a new name wins.
    st, rec = s.json("POST", "/api/v1/portal/conference-applications",
                     {"org": "min-edu", "topic": "Old", "text": "T", "applicant_name": "Ержан", "applicant_contact": "e@kz"})
    ok(st == 201 and (rec["data"]["subject"], rec["data"]["requester"], rec["data"]["author_contact"]) == ("Old", "Ержан", "e@kz")
       and not {"topic", "applicant_name", "applicant_contact"} & set(rec["data"]),
       "the older form names are stored as subject, requester, author_contact", rec)
    st, rec = s.json("POST", "/api/v1/portal/conference-applications",
                     {"org": "min-edu", "topic": "Old", "subject": "New", "text": "T"})
    ok(st == 201 and rec["data"]["subject"] == "New" and "topic" not in rec["data"], "subject wins over topic", rec)
    st, rec = s.json("POST", "/api/v1/portal/conference-applications", {"org": "min-edu", "text": "T"})
    ok(st == 400 and "subject" in str(rec), "an application without its topic is refused naming subject", rec)
    st, _, raw = s.request("POST", "/api/v1/portal/conference-applications", raw=b'["topic"]')
    ok(st == 400 and json.loads(raw)["error"]["fields"][0]["field"] == "body", "a body that is not an object: one 400 naming it", raw)

done()

#!/usr/bin/env python3
"""Conferences and surveys while they run, through a real awp-server:
citizens ask questions during a published conference open today and answer
a running survey (POST /api/v1/portal/conference-questions and
/survey-responses); refusals name the reason (not_published, not_open) or
the field; the body answers through push but may not touch the citizen's
words; a conference closes only with every question answered (O145-9.2);
survey counts are the server's, and a body's concurrent edit of the survey
merges with them instead of being lost or overwriting them (O145-11)."""
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done, run  # noqa: E402
from awpserver import Server, mutation  # noqa: E402

ctl = os.environ["AWPCTL"]
# The portal stamps the day in Kazakhstan (UTC+5); the demo is anchored on it.
TODAY = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=5)).date().isoformat()
ORG = "min-edu"


def by_type(changes, etype):
    return [c for c in changes if c["entity_type"] == etype and not c["deleted"]]


def published(changes, etype):
    return next(c for c in by_type(changes, etype) if c["data"]["status"] == "published")


with Server(args=["--seed-date", TODAY]) as s:
    admin = s.login("admin.edu")
    changes, _, _ = s.pull_all(admin)
    conf = published(changes, "conference")
    survey = published(changes, "survey")
    ok(conf["data"]["opens_on"] <= TODAY <= conf["data"]["closes_on"],
       "the demo's published conference is open on the anchor day", conf["data"])
    seeded = [c for c in by_type(changes, "conference_question") if c["data"]["parent_id"] == conf["id"]]
    answered = [c for c in seeded if c["data"].get("answer")]
    ok(len(seeded) == 4 and len(answered) == 2, "it has seeded questions, some answered, some not", len(seeded))
    res = survey["data"]["results"]
    ok(res["respondents"] >= 100 and len(res["counts"]) == len(survey["data"]["questions"]),
       "the published survey has results of a realistic number of respondents", res)

    # A citizen asks.
    st, rec = s.json("POST", "/api/v1/portal/conference-questions",
                     {"org": ORG, "conference_id": conf["id"], "text": "Мектеп қашан ашылады?",
                      "author_name": "Айгүл Н."})
    ok(st == 201 and rec["entity_type"] == "conference_question" and rec["data"]["parent_id"] == conf["id"]
       and rec["data"]["received_on"] == TODAY and rec["data"]["author"] == "Айгүл Н.",
       "a question to an open conference is a conference_question of the body, received today", rec)
    qid = rec["id"]
    other_conf = next(c for c in by_type(changes, "conference") if c["data"]["status"] != "published")
    st, r = s.json("POST", "/api/v1/portal/conference-questions",
                   {"org": ORG, "conference_id": other_conf["id"], "text": "?"})
    ok(st == 409 and r["error"]["code"] == "not_published" and r["error"]["fields"][0]["field"] == "conference_id",
       "a conference that is not published takes no questions (not_published)", r)
    st, r = s.json("POST", "/api/v1/portal/conference-questions", {"org": "min-health", "conference_id": conf["id"],
                                                                   "text": "?"})
    ok(st == 400 and r["error"]["fields"][0]["code"] == "not_found", "another body's conference is not found", r)
    st, r = s.json("POST", "/api/v1/portal/conference-questions", {"org": ORG, "conference_id": conf["id"],
                                                                   "text": "  "})
    ok(st == 400 and r["error"]["fields"][0]["field"] == "text", "a blank question names the field text", r)
    st, r = s.json("POST", "/api/v1/portal/conference-questions", {"org": ORG, "conference_id": conf["id"],
                                                                   "text": "x" * 5001})
    ok(st == 400 and r["error"]["fields"][0]["code"] == "too_long", "an overlong question is refused", r)

    r = run([ctl, "portal", "ask", "--server", s.url, "--org", ORG, "--conference", conf["id"],
             "--text", "Когда будет ремонт?", "--author", "Иван П."])
    ok(r.returncode == 0 and len(r.stdout.strip()) == 36, "awpctl portal ask prints the question's id", r)
    r = run([ctl, "portal", "ask", "--server", s.url, "--org", ORG, "--conference", other_conf["id"], "--text", "?"])
    ok(r.returncode == 1 and "conference_id" in r.stderr and "not_published" in r.stderr,
       "awpctl portal ask names the refusal", r.stderr)

    # The body pulls the questions and answers them through push.
    changes, _, _ = s.pull_all(admin)
    mine = {c["id"]: c for c in by_type(changes, "conference_question") if c["data"]["parent_id"] == conf["id"]}
    ok(qid in mine and len(mine) == 6, "the body pulls the citizens' questions", len(mine))
    q = mine[qid]
    st, r = s.push(admin, "edu-ws", [mutation("a-1", "conference_question", qid, "update",
                                              {"text": "Басқа мәтін"}, q["version"], {"text": q["data"]["text"]})])
    res0 = r["results"][0]
    ok(res0["status"] == "rejected" and res0["code"] == "forbidden" and res0["errors"][0]["field"] == "text",
       "the body may not change the citizen's words", r)
    st, r = s.push(admin, "edu-ws", [mutation("a-2", "conference_question", "edu-q", "create",
                                              {"parent_id": conf["id"], "text": "Өзіміз", "received_on": TODAY})])
    ok(r["results"][0]["code"] == "forbidden", "nor invent a question", r)
    st, r = s.push(admin, "edu-ws", [mutation("a-3", "conference_question", qid, "delete", {}, q["version"])])
    ok(r["results"][0]["code"] == "forbidden", "nor delete one", r)

    close = mutation("c-1", "conference", conf["id"], "update", {"status": "closed", "closed_on": TODAY},
                     conf["version"], {"status": "published", "closed_on": None})
    st, r = s.push(admin, "edu-ws", [close])
    res0 = r["results"][0]
    ok(res0["status"] == "rejected" and res0["errors"][0]["field"] == "status"
       and res0["errors"][0]["code"] == "unanswered_questions" and "4 question" in res0["errors"][0]["message"],
       "closing is refused on the server while questions are unanswered (O145-9.2)", r)

    answers = []
    for i, (cid, c) in enumerate(sorted(mine.items())):
        if not c["data"].get("answer"):
            answers.append(mutation(f"ans-{i}", "conference_question", cid, "update",
                                    {"answer": "Жауабы: жоспарда бар.", "answered_on": TODAY},
                                    c["version"], {"answer": None, "answered_on": None}))
    st, r = s.push(admin, "edu-ws", answers + [dict(close, mutation_id="c-2")])
    ok(all(x["status"] == "applied" for x in r["results"]),
       "answering every question, then closing in the same push, applies", r)
    st, r = s.json("POST", "/api/v1/portal/conference-questions", {"org": ORG, "conference_id": conf["id"],
                                                                   "text": "Кеш қалдым ба?"})
    ok(st == 409 and r["error"]["code"] == "not_published", "a closed conference takes no more questions", r)

    # Survey responses.
    nq = len(survey["data"]["questions"])
    before = survey["data"]["results"]
    answer = [[0] if q.get("choice", "single") == "single" else [1, 2] for q in survey["data"]["questions"]]
    st, r = s.json("POST", "/api/v1/portal/survey-responses", {"org": ORG, "survey_id": survey["id"],
                                                               "answers": answer})
    ok(st == 201 and r["survey_id"] == survey["id"] and r["respondents"] == before["respondents"] + 1,
       "a response to a running survey counts", r)
    bad = [
        ({"answers": answer[:-1]}, "answers", "one list per question"),
        ({"answers": [[0, 1]] + answer[1:]}, "answers[0]", "a single-choice question takes one option"),
        ({"answers": [[7]] + answer[1:]}, "answers[0]", "an option number outside the question"),
        ({"answers": answer[:-1] + [[1, 1]]}, f"answers[{nq - 1}]", "an option chosen twice"),
        ({"answers": answer[:-1] + [[]]}, f"answers[{nq - 1}]", "no option at all"),
        ({"answers": [["0"]] + answer[1:]}, "answers[0]", "an option that is not a number"),
        ({}, "answers", "no answers"),
    ]
    for extra, field, why in bad:
        st, r = s.json("POST", "/api/v1/portal/survey-responses", {"org": ORG, "survey_id": survey["id"], **extra})
        ok(st == 400 and r["error"]["fields"][0]["field"] == field, f"refused, naming {field}: {why}", r)
    draft = next(c for c in by_type(changes, "survey") if c["data"]["status"] == "draft")
    st, r = s.json("POST", "/api/v1/portal/survey-responses", {"org": ORG, "survey_id": draft["id"],
                                                               "answers": answer})
    ok(st == 409 and r["error"]["code"] == "not_published", "a draft survey takes no responses", r)
    key = {"Idempotency-Key": "citizen-survey-1"}
    st1, r1 = s.json("POST", "/api/v1/portal/survey-responses", {"org": ORG, "survey_id": survey["id"],
                                                                 "answers": answer}, headers=key)
    st2, r2 = s.json("POST", "/api/v1/portal/survey-responses", {"org": ORG, "survey_id": survey["id"],
                                                                 "answers": answer}, headers=key)
    ok(st1 == 201 and r1 == r2 and r1["respondents"] == before["respondents"] + 2,
       "a retried response with the same key counts once", (r1, r2))
    r = run([ctl, "portal", "respond", "--server", s.url, "--org", ORG, "--survey", survey["id"],
             "--answers", ";".join(",".join(map(str, a)) for a in answer)])
    ok(r.returncode == 0 and r.stdout.split() == [survey["id"], str(before["respondents"] + 3)],
       "awpctl portal respond prints the survey and its respondents", r)
    r = run([ctl, "portal", "respond", "--server", s.url, "--org", ORG, "--survey", survey["id"], "--answers", "a;b"])
    ok(r.returncode == 2 and "--answers" in r.stderr, "awpctl: answers that are not option numbers are a usage error",
       r.stderr)

    # The body pulls the counts: three more respondents, each counted where it chose.
    changes, _, _ = s.pull_all(admin)
    now = next(c for c in changes if c["id"] == survey["id"])
    want = [[n + 3 * (o in a) for o, n in enumerate(row)] for row, a in zip(before["counts"], answer)]
    ok(now["data"]["results"] == {"respondents": before["respondents"] + 3, "counts": want}
       and now["version"] > survey["version"], "the body pulls the new counts in a new version", now["data"]["results"])

    # A body's edit made on the old version merges with the counts; a stale
    # copy of the results in its patch never overwrites them.
    notice = [{"key": "launch", "posted_on": TODAY, "link": "https://example.kz/s"}]
    st, r = s.push(admin, "edu-ws", [mutation("s-1", "survey", survey["id"], "update",
                                              {"notices": notice, "results": before},
                                              survey["version"],
                                              {"notices": survey["data"].get("notices"), "results": before})])
    ok(r["results"][0]["status"] == "applied" and r["results"][0]["merged"],
       "the body's edit on an older version merges with the server's counts", r)
    st, r = s.json("POST", "/api/v1/portal/survey-responses", {"org": ORG, "survey_id": survey["id"],
                                                               "answers": answer})
    changes, _, _ = s.pull_all(admin)
    now = next(c for c in changes if c["id"] == survey["id"])
    ok(now["data"]["notices"] == notice and now["data"]["results"]["respondents"] == before["respondents"] + 4,
       "both survive: the body's notice and every response", now["data"])

with Server() as s:
    # The fixed demo (2 March 2026): its conference and survey are not open today.
    admin = s.login("admin.edu")
    changes, _, _ = s.pull_all(admin)
    conf = published(changes, "conference")
    survey = published(changes, "survey")
    if TODAY > conf["data"]["closes_on"]:
        st, r = s.json("POST", "/api/v1/portal/conference-questions", {"org": ORG, "conference_id": conf["id"],
                                                                       "text": "?"})
        ok(st == 409 and r["error"]["code"] == "not_open" and conf["data"]["closes_on"] in r["error"]["fields"][0]["message"],
           "a conference past its closing day takes no questions (not_open, naming the days)", r)
        st, r = s.json("POST", "/api/v1/portal/survey-responses", {"org": ORG, "survey_id": survey["id"],
                                                                   "answers": [[0], [0]]})
        ok(st == 409 and r["error"]["code"] == "not_open", "a survey past its closing day takes no responses", r)

done()

#!/usr/bin/env python3
"""Hostile input never crashes awp-server: oversize bodies get 413,
invalid JSON or UTF-8 and deep nesting get 400 in the error format, SQL
metacharacters are plain data, path traversal goes nowhere, huge
attachment-like payloads are refused, slow clients neither block others
nor hold a socket for ever, and random garbage against every endpoint
never gets a 5xx."""
import hashlib
import json
import os
import random
import socket
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done  # noqa: E402
from awpserver import Server  # noqa: E402


def error_shape(body):
    e = body.get("error") if isinstance(body, dict) else None
    return (isinstance(e, dict) and isinstance(e.get("code"), str) and isinstance(e.get("message"), str)
            and isinstance(e.get("fields"), list))


def raw_exchange(s, head, body=b""):
    """Sends a raw request; returns the status line (the server may close early)."""
    sock = socket.create_connection((s.host, s.port), timeout=30)
    try:
        sock.sendall(head)
        try:
            sock.sendall(body)
        except (BrokenPipeError, ConnectionResetError):
            pass
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
        return data
    finally:
        sock.close()


with Server() as s:
    a = s.login("admin.edu")

    big = b"9" * (8 * 1024 * 1024 + 1)
    head = (f"POST /api/v1/sync/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {a}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(big)}\r\n\r\n").encode()
    resp = raw_exchange(s, head, big)
    ok(resp.startswith(b"HTTP/1.1 413"), "a body over 8 MiB is refused with 413", resp[:200])
    chunk = b"7" * (1024 * 1024)
    chunked = b"".join(b"%x\r\n" % len(chunk) + chunk + b"\r\n" for _ in range(9)) + b"0\r\n\r\n"
    head = (f"POST /api/v1/portal/requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Transfer-Encoding: chunked\r\n\r\n").encode()
    resp = raw_exchange(s, head, chunked)
    ok(resp.startswith(b"HTTP/1.1 413"), "a chunked body over 8 MiB is refused with 413 too", resp[:200])
    st, body = s.json("POST", "/api/v1/portal/requests", raw=b"{" + b" " * 100 + b"}")
    ok(st == 400, "the server still answers after a 413", body)

    st, body = s.json("POST", "/api/v1/sync/push", raw=b"{not json", token=a, headers={"Idempotency-Key": "k"})
    ok(st == 400 and error_shape(body) and body["error"]["code"] == "invalid_json", "invalid JSON is 400", body)
    st, body = s.json("POST", "/api/v1/auth/login", raw=b'{"username":"\xff\xfe","password":"x"}')
    ok(st == 400 and body["error"]["code"] == "invalid_json" and "UTF-8" in body["error"]["message"] + str(body["error"]["fields"]),
       "invalid UTF-8 is 400", body)
    st, body = s.json("POST", "/api/v1/portal/requests", raw=b"[" * 200000)
    ok(st == 400 and body["error"]["code"] == "too_deep", "deep nesting is refused", body)
    st, body = s.json("POST", "/api/v1/portal/requests", raw=b'{"a":' * 40 + b"1" + b"}" * 40)
    ok(st == 400 and body["error"]["code"] == "too_deep", "40 levels of objects are refused", body)
    st, body = s.json("POST", "/api/v1/portal/requests", raw=b'"just a string"')
    ok(st == 400 and body["error"]["fields"][0]["field"] == "body", "a non-object body names the body", body)
    st, body = s.json("POST", "/api/v1/sync/push", {"client_id": "c", "mutations": "no"}, token=a,
                      headers={"Idempotency-Key": "k2"})
    ok(st == 400 and body["error"]["fields"][0]["field"] == "mutations", "mutations must be an array", body)
    st, body = s.json("POST", "/api/v1/sync/push", {"client_id": "c", "mutations": [1, None, "x", {}]}, token=a,
                      headers={"Idempotency-Key": "k3"})
    ok(st == 200 and all(r["status"] == "rejected" for r in body["results"]), "junk mutations are each rejected", body)
    st, body = s.json("POST", "/api/v1/portal/requests",
                      {"org": "min-edu", "subject": "S" * 501, "text": "x" * 20001})
    ok(st == 400 and sorted(f["field"] for f in body["error"]["fields"]) == ["subject", "text"]
       and all(f["code"] == "too_long" for f in body["error"]["fields"]), "overlong fields are named", body)
    st, body = s.json("GET", "/api/v1/nowhere")
    ok(st == 404 and error_shape(body), "an unknown endpoint is 404 in the error format", body)
    st, body = s.json("DELETE", "/api/v1/sync/push", token=a)
    ok(st == 405 and error_shape(body), "a wrong method is 405 in the error format", body)

    # json-glib quotes the bad token cut mid-character; the answer must
    # still be valid UTF-8 JSON (found by fuzz-server-request).
    st, _, raw = s.request("POST", "/api/v1/portal/ratings",
                           raw='{"org": "min-edu", "reason": "Жауап толық емес"5435"}'.encode())
    ok(st == 400, "a broken body with Cyrillic is 400", raw)
    try:
        body = json.loads(raw.decode("utf-8"))
    except ValueError as e:
        body = e
    ok(error_shape(body), "and the answer is valid UTF-8 JSON in the error format", raw)

    # SQL metacharacters are data: stored and returned byte for byte, never
    # code; in identifiers, usernames and query strings they match nothing.
    sql = ["'; DROP TABLE records; --", "\" OR 1=1 --", "x' UNION SELECT password_hash FROM users --",
           "%_%", "Robert'); DELETE FROM tokens;--", "\\'"]
    edu = s.login("admin.edu")
    before, _, _ = s.pull_all(edu)
    for i, text in enumerate(sql):
        st, rec = s.json("POST", "/api/v1/portal/requests",
                         {"org": "min-edu", "subject": text, "text": text, "author_name": text})
        ok(st == 201 and rec["data"]["subject"] == text, f"SQL text {i} is stored as given", rec)
        st, body = s.json("POST", "/api/v1/portal/requests", {"org": text, "subject": "s", "text": "t"})
        ok(st in (400, 404) and error_shape(body), f"SQL text {i} as an organization matches none", body)
        st, body = s.json("POST", "/api/v1/auth/login", {"username": text, "password": text})
        ok(st in (400, 401) and error_shape(body), f"SQL text {i} as a username logs nobody in", body)
        st, body = s.json("GET", "/api/v1/sync/changes?" + urllib.parse.urlencode({"cursor": text}), token=edu)
        ok(st == 400 and error_shape(body), f"SQL text {i} as a cursor is refused", body)
        st, body = s.json("GET", "/api/v1/sync/changes?" + urllib.parse.urlencode({"limit": text}), token=edu)
        ok(st == 400 and error_shape(body), f"SQL text {i} as a limit is refused", body)
    # json-glib keeps C strings: a NUL would cut the text silently, so it
    # is refused (found while writing this test).
    st, body = s.json("POST", "/api/v1/portal/requests",
                      {"org": "min-edu", "subject": "Жол\u0000'; DROP TABLE records; --", "text": "t"})
    ok(st == 400 and "NUL" in json.dumps(body), "a NUL inside text is refused, not cut", body)
    after, _, _ = s.pull_all(edu)
    stored = [c["data"]["subject"] for c in after if c["entity_type"] == "blog_request"]
    ok(all(t in stored for t in sql) and len(after) == len(before) + len(sql),
       "every SQL text came back intact, and nothing else changed")
    ok(s.login("admin.health"), "the users table is intact")

    # Path traversal: in the URL, in an {id} segment, in an entity id, and
    # in attachment-like members (portal bodies have no attachment member: such
    # members are never written anywhere, file names included).
    for path in ["/api/v1/../../etc/passwd", "/api/v1/%2e%2e/%2e%2e/etc/passwd",
                 "/api/v1/operator/templates/..%2F..%2Fetc%2Fpasswd/decision",
                 "/api/v1/operator/templates/%2e%2e/decision"]:
        st, _, raw = s.request("POST", path, body={"decision": "approved"}, token=s.login("operator"))
        ok(st in (400, 403, 404, 405) and b"root:" not in raw, f"{path} goes nowhere", (st, raw[:200]))
    st, r = s.push(edu, "trav", [{"mutation_id": "t-1", "entity_type": "channel", "entity_id": "../../etc/passwd",
                                  "op": "create", "patch": {"name": "n", "kind": "news"}}])
    ok(st == 200 and r["results"][0]["status"] == "rejected", "an entity id with ../ is rejected", r)
    st, body = s.json("POST", "/api/v1/portal/requests",
                      {"org": "min-edu", "subject": "s", "text": "t",
                       "attachments": [{"name": "../../../../etc/cron.d/x", "content": "KiAqICogKiAqIHJvb3Q="}]})
    names = [f["field"] for f in body["error"]["fields"]] if st == 400 else []
    leftovers = [n for n in os.listdir(s.tmp.name) if n not in ("server.db", "server.db-wal", "server.db-shm",
                                                                "stderr.log", "server.conf")]
    ok((st == 201 and "attachments" not in json.dumps(body)) or "attachments" in names,
       "an attachment member is refused or dropped, never kept", body)
    ok(not leftovers and not os.path.exists("/etc/cron.d/x"), "and no file appears anywhere", leftovers)

    # A huge attachment-like payload just under the body limit: a clear
    # field error, and the server keeps its memory (it answers the next).
    huge = {"org": "min-edu", "subject": "s", "text": "t",
            "attachment": "QUFB" * (8 * 1024 * 1024 // 4 - 64)}
    st, body = s.json("POST", "/api/v1/portal/requests", huge)
    ok((st == 400 and error_shape(body)) or (st == 201 and "attachment" not in json.dumps(body)),
       "an 8 MiB attachment-like member under the body limit is refused or dropped, never stored",
       str(body)[:300])
    huge["attachment"] += "QUFB" * 64
    st, body = s.json("POST", "/api/v1/portal/requests", huge)
    ok(st == 413 and error_shape(body), "one past the 8 MiB limit is 413", str(body)[:300])
    st, body = s.json("POST", "/api/v1/portal/requests", {"org": "min-edu", "subject": "s", "text": "x" * 20001})
    ok(st == 400 and body["error"]["fields"][0]["field"] == "text", "and the next request is answered", body)

    # Attachment uploads: hostile ids, types and bodies never reach a 5xx
    # and store nothing (docs/sync.md "Attachments").
    for sid in ["..%2F..%2Fetc%2Fpasswd", "%00" * 10, "a" * 65, "g" * 64, "0" * 63,
                urllib.parse.quote("'; DROP TABLE attachment_blobs; --", safe="")]:
        st, _, raw = s.request("PUT", "/api/v1/attachments/" + sid, token=a, raw=b"%PDF-1.4",
                               headers={"Content-Type": "application/pdf"})
        ok(st in (400, 404) and b"root:" not in raw, f"attachment id {sid[:20]!r} is refused", (st, raw[:200]))
    big = b"%PDF-" + b"0" * (20 * 1024 * 1024)
    head = (f"PUT /api/v1/attachments/{'2' * 64} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {a}\r\n"
            f"Content-Type: application/pdf\r\nContent-Length: {len(big)}\r\n\r\n").encode()
    resp = raw_exchange(s, head, big)
    ok(resp.startswith(b"HTTP/1.1 413"), "an upload over the 20 MiB attachment limit is 413", resp[:200])
    urnd = random.Random(20261201)
    statuses = set()
    for ctype in ["application/pdf", "text/plain", "image/png", "application/x-sh", None, "text/html"]:
        for _ in range(10):
            body = bytes(urnd.randrange(256) for _ in range(urnd.randint(1, 2000)))
            st, _, _ = s.request("PUT", "/api/v1/attachments/" + hashlib.sha256(body).hexdigest(), token=a,
                                 raw=body, headers={"Content-Type": ctype} if ctype else {})
            statuses.add(st)
    ok(statuses <= {201, 415}, "60 random uploads: refused as not an allowed type (or stored if one), never 5xx",
       statuses)
    st, _, _ = s.request("PUT", "/api/v1/attachments/" + hashlib.sha256(b"<p>x</p>").hexdigest(), token=a,
                         raw=b"<p>x</p>", headers={"Content-Type": "text/html"})
    ok(st == 415, "HTML is not an allowed type, even when it is text", st)

    rnd = random.Random(20260301)
    paths = ["/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/sync/push", "/api/v1/portal/requests",
             "/api/v1/portal/ratings", "/api/v1/portal/comments", "/api/v1/portal/meeting-registrations",
             "/api/v1/portal/conference-applications", "/api/v1/portal/conference-questions",
             "/api/v1/portal/survey-responses", "/api/v1/operator/templates/x/decision"]
    pieces = [b"{", b"}", b"[", b"]", b'"', b":", b",", b"null", b"1e999", b"-0", b'"\\u0000"', b'"\\ud800"',
              b'"mutations"', b'"client_id"', b'"op"', b'"update"', b'"patch"', b'"org"', b'"min-edu"', b"\xc3\x28",
              b'"base_version"', b"99999999999999999999", b"true", b" "]
    worst = 0
    for i in range(300):
        body = b"".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 40)))
        st, _, _ = s.request("POST", rnd.choice(paths), token=a, raw=body, headers={"Idempotency-Key": f"f{i}"})
        worst = max(worst, st)
    ok(worst < 500, "300 random bodies: no 5xx", worst)
    ok(s.proc.poll() is None, "the server is still running")
    st, body = s.json("GET", "/api/v1/health")
    ok(st == 200, "and healthy", body)
    ok(s.stop() == 0, "SIGTERM after abuse: exit 0")


def trickle(s, stop, sent):
    """A slowloris: a request line and then one header byte at a time."""
    sock = socket.create_connection((s.host, s.port), timeout=60)
    try:
        sock.sendall(b"POST /api/v1/portal/requests HTTP/1.1\r\nHost: x\r\n")
        while not stop.is_set():
            sock.sendall(b"X")
            sent.append(1)
            time.sleep(0.2)
    except OSError:
        pass  # the server cut it off
    finally:
        sock.close()


# Slow clients: the server answers others while many trickle, and cuts a
# client off when its request takes longer than [server] request-timeout.
with Server(config={"server": {"request-timeout": 2}}) as s:
    stop = threading.Event()
    counters = [[] for _ in range(40)]
    threads = [threading.Thread(target=trickle, args=(s, stop, c)) for c in counters]
    for t in threads:
        t.start()
    while not all(counters):
        time.sleep(0.05)
    served = [s.json("GET", "/api/v1/health")[0] for _ in range(10)]
    ok(served == [200] * 10, "40 clients trickling a request do not stop the server answering others", served)
    ok(s.login("admin.edu"), "nor a login")
    body_sock = socket.create_connection((s.host, s.port), timeout=60)
    body_sock.sendall(b"POST /api/v1/portal/requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      b"Content-Length: 100\r\n\r\n{\"org\":")
    # Past the timeout a trickler is cut off: its next sends fail or read EOF.
    body_sock.settimeout(15)
    try:
        cut = body_sock.recv(4096) == b""
    except OSError:
        cut = False
    body_sock.close()
    ok(cut, "a client that never finishes its body is disconnected")
    # A slow but moving upload (a poor mobile link) outlasts the timeout.
    body = json.dumps({"org": "min-edu", "subject": "Баяу желі", "text": "Мәтін " * 20}).encode()
    slow = socket.create_connection((s.host, s.port), timeout=30)
    slow.sendall(b"POST /api/v1/portal/requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 b"Connection: close\r\nContent-Length: %d\r\n\r\n" % len(body))
    started = time.monotonic()
    step = len(body) // 10 + 1
    answer = b""
    try:
        for i in range(0, len(body), step):
            slow.sendall(body[i:i + step])
            time.sleep(0.3)
        while True:
            chunk = slow.recv(65536)
            if not chunk:
                break
            answer += chunk
    except OSError as e:
        answer = str(e).encode()
    slow.close()
    ok(answer.startswith(b"HTTP/1.1 201") and time.monotonic() - started > 2,
       "an upload that keeps moving completes past the timeout", answer[:200])
    deadline = time.monotonic() + 10
    for t in threads:
        t.join(timeout=max(0, deadline - time.monotonic()))
    ok(not any(t.is_alive() for t in threads), "every trickler was disconnected, none kept its socket")
    stop.set()
    st, body = s.json("GET", "/api/v1/health")
    ok(st == 200, "and the server is healthy", body)
    ok(s.stop() == 0, "SIGTERM after slow clients: exit 0")

done()

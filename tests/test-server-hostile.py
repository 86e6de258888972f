#!/usr/bin/env python3
"""Hostile input never crashes awp-server: oversize bodies get 413,
invalid JSON or UTF-8 and deep nesting get 400 in the error format, and
random garbage against every endpoint never gets a 5xx."""
import os
import random
import socket
import sys

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

    rnd = random.Random(20260301)
    paths = ["/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/sync/push", "/api/v1/portal/requests",
             "/api/v1/portal/ratings", "/api/v1/portal/comments", "/api/v1/portal/meeting-registrations",
             "/api/v1/portal/conference-applications", "/api/v1/operator/templates/x/decision"]
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

done()

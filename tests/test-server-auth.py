#!/usr/bin/env python3
"""awp-server authentication: yescrypt passwords, bearer tokens that expire
and refresh, rotation, logout, and slowed-down password guessing."""
import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done  # noqa: E402
from awpserver import Server  # noqa: E402

cfg = {"auth": {"access-ttl": 2, "login-free-failures": 3}}
with Server(config=cfg) as s:
    st, body = s.json("POST", "/api/v1/auth/login", {"username": "admin.edu", "password": "demo-2026"})
    ok(st == 200 and body["user"]["role"] == "administrator" and body["user"]["org_id"] == "min-edu",
       "login with the demo password", body)
    access, refresh = body["access_token"], body["refresh_token"]
    ok(len(access) == 43 and "=" not in access, "access token is 32 random bytes in base64url", access)

    st, me = s.json("GET", "/api/v1/auth/me", token=access)
    ok(st == 200 and me["username"] == "admin.edu", "the token identifies the user", me)

    db = sqlite3.connect(s.db)
    hashes = [r[0] for r in db.execute("SELECT password_hash FROM users")]
    ok(all(h.startswith("$y$") for h in hashes), "passwords are stored as yescrypt hashes")
    stored = [r[0] for r in db.execute("SELECT hash FROM tokens")]
    ok(access not in stored and refresh not in stored and len(stored) >= 2,
       "tokens are stored only as hashes")
    db.close()

    st, body = s.json("POST", "/api/v1/auth/login", {"username": "admin.edu", "password": "wrong"})
    ok(st == 401 and body["error"]["code"] == "invalid_credentials", "wrong password is 401", body)
    st, body = s.json("POST", "/api/v1/auth/login", {"username": "nobody", "password": "x"})
    ok(st == 401 and body["error"]["code"] == "invalid_credentials", "unknown user looks the same", body)
    st, body = s.json("POST", "/api/v1/auth/login", {"username": "admin.edu"})
    ok(st == 400 and [f["field"] for f in body["error"]["fields"]] == ["password"],
       "missing password names the field", body)

    st, body = s.json("GET", "/api/v1/sync/changes", token="not-a-token")
    ok(st == 401 and body["error"]["code"] == "unauthorized", "unknown token is 401", body)
    st, hdrs, _ = s.request("GET", "/api/v1/sync/changes")
    ok(st == 401 and hdrs.get("www-authenticate") == "Bearer", "no token is 401 with WWW-Authenticate")

    # Guessing: three free failures (one already spent above), then waits that double.
    for _ in range(2):
        s.json("POST", "/api/v1/auth/login", {"username": "admin.edu", "password": "guess"})
    st, hdrs, out = s.request("POST", "/api/v1/auth/login", {"username": "admin.edu", "password": "guess"})
    ok(st == 401, "the fourth failure still gets an answer", (st, out))
    st, hdrs, out = s.request("POST", "/api/v1/auth/login", {"username": "admin.edu", "password": "demo-2026"})
    ok(st == 429 and int(hdrs.get("retry-after", "0")) >= 1,
       "then even the right password waits: 429 with Retry-After", (st, hdrs, out))
    st, body = s.json("POST", "/api/v1/auth/login", {"username": "admin.health", "password": "demo-2026"})
    ok(st == 200, "another user is not slowed down", body)
    time.sleep(int(hdrs.get("retry-after", "1")) + 0.2)
    st, body = s.json("POST", "/api/v1/auth/login", {"username": "admin.edu", "password": "demo-2026"})
    ok(st == 200, "after Retry-After the right password works again", body)

    # Expiry and refresh.
    time.sleep(2.2)
    st, body = s.json("GET", "/api/v1/auth/me", token=access)
    ok(st == 401 and body["error"]["code"] == "token_expired", "an expired access token is refused", body)
    st, body = s.json("POST", "/api/v1/auth/refresh", {"refresh_token": refresh})
    ok(st == 200 and body["access_token"] != access, "refresh issues a new access token", body)
    new_access, new_refresh = body["access_token"], body["refresh_token"]
    st, me = s.json("GET", "/api/v1/auth/me", token=new_access)
    ok(st == 200 and me["username"] == "admin.edu", "the refreshed token works", me)
    st, body = s.json("POST", "/api/v1/auth/refresh", {"refresh_token": refresh})
    ok(st == 401, "a refresh token is good once (rotation)", body)
    st, body = s.json("POST", "/api/v1/auth/refresh", {})
    ok(st == 400 and body["error"]["fields"][0]["field"] == "refresh_token", "refresh without token names the field", body)

    st, body = s.json("POST", "/api/v1/auth/logout", {"refresh_token": new_refresh}, token=new_access)
    ok(st == 200, "logout", body)
    st, body = s.json("GET", "/api/v1/auth/me", token=new_access)
    ok(st == 401, "after logout the access token is dead", body)
    st, body = s.json("POST", "/api/v1/auth/refresh", {"refresh_token": new_refresh})
    ok(st == 401, "after logout the refresh token is dead", body)

    log = s.log()
    ok("route=/api/v1/auth/login status=200" in log, "requests are logged with route and status", log[-500:])
    ok(access not in log and "demo-2026" not in log and "admin.edu" not in log,
       "logs carry no tokens, passwords or user names")
    ok(s.stop() == 0, "SIGTERM: exit 0")

done()

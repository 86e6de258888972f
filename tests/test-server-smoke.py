#!/usr/bin/env python3
"""awp-server starts on a free loopback port, answers /api/v1/health with
JSON, refuses a wrong method, and stops cleanly on SIGTERM."""
import json
import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done, run  # noqa: E402

server = os.environ["AWP_SERVER"]

r = run([server, "--version"])
ok(r.returncode == 0 and r.stdout.startswith("awp-server "), "awp-server --version", r.stderr)

r = run([server, "--port", "70000"])
ok(r.returncode == 2 and "Port" in r.stderr, "out-of-range port is refused naming the field", r.stderr)

proc = subprocess.Popen([server, "--port", "0"], stdout=subprocess.PIPE, text=True)
try:
    line = proc.stdout.readline().strip()
    ok(line.startswith("listening http://127.0.0.1:"), "announces its loopback address", line)
    base = line.split(" ", 1)[1].rstrip("/")

    with urllib.request.urlopen(base + "/api/v1/health", timeout=10) as resp:
        body = json.loads(resp.read().decode())
        ok(resp.status == 200 and body.get("status") == "ok", "health answers ok", body)
        ok("training" not in body, "a server without the demo world does not say it is a training server", body)
        ok(resp.headers.get("Content-Type", "").startswith("application/json"), "health is JSON")

    req = urllib.request.Request(base + "/api/v1/health", data=b"{}", method="POST")
    try:
        urllib.request.urlopen(req, timeout=10)
        ok(False, "POST to health is refused")
    except urllib.error.HTTPError as e:
        ok(e.code == 405, "POST to health is refused with 405", e.code)
finally:
    proc.send_signal(signal.SIGTERM)
    try:
        rc = proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = None
ok(rc == 0, "SIGTERM shuts down gracefully with exit 0", rc)

# The demo world makes it a training server, and /health says so: a
# workstation in training mode joins no other (docs/training.md).
sys.path.insert(0, os.path.dirname(__file__))
from awpserver import Server  # noqa: E402

with Server() as s:
    st, body = s.json("GET", "/api/v1/health")
    ok(st == 200 and body.get("training") is True, "a server with --seed demo says it is a training server", body)

done()

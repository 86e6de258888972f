#!/usr/bin/env python3
"""awp-server --tls-cert/--tls-key serves HTTPS; a half-given pair and an
unreadable key are refused with a clear error."""
import json
import os
import ssl
import subprocess
import sys
import tempfile
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done, run  # noqa: E402

server = os.environ["AWP_SERVER"]
# The tests run without GIO modules; TLS needs the system's TLS backend.
env = {"GIO_MODULE_DIR": os.environ.get("AWP_GIO_MODULE_DIR", ""),
       "ASAN_OPTIONS": "detect_leaks=0:abort_on_error=1"}

with tempfile.TemporaryDirectory() as tmp:
    cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
    r = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                        "-days", "2", "-keyout", key, "-out", cert], capture_output=True, text=True)
    ok(r.returncode == 0, "a self-signed test certificate", r.stderr)

    r = run([server, "--tls-cert", cert], env=env)
    ok(r.returncode == 2 and "TLS" in r.stderr, "a certificate without a key is a usage error", r.stderr)
    r = run([server, "--tls-cert", cert, "--tls-key", os.path.join(tmp, "missing.pem"), "--port", "0"], env=env)
    ok(r.returncode == 1 and "TLS" in r.stderr, "an unreadable key is refused", r.stderr)

    e = dict(os.environ)
    e.update(env)
    proc = subprocess.Popen([server, "--port", "0", "--db", os.path.join(tmp, "s.db"), "--tls-cert", cert,
                             "--tls-key", key], stdout=subprocess.PIPE, text=True, env=e)
    try:
        line = proc.stdout.readline().strip()
        ok(line.startswith("listening https://127.0.0.1:"), "announces an https address", line)
        base = line.split(" ", 1)[1].rstrip("/")
        ctx = ssl.create_default_context(cafile=cert)
        ctx.check_hostname = False
        with urllib.request.urlopen(base + "/api/v1/health", context=ctx, timeout=10) as resp:
            body = json.loads(resp.read())
        ok(body.get("status") == "ok", "health over TLS, verified against the certificate", body)
    finally:
        proc.terminate()
        rc = proc.wait(timeout=20)
    ok(rc == 0, "SIGTERM: exit 0", rc)

done()

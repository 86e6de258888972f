#!/usr/bin/env python3
"""The sync client over HTTPS (issue 10, docs/SECURITY.md): it verifies the
server's certificate by default, so a self-signed one is refused with a
clear error, never retried and nothing is stored; naming the certificate
(or its CA) with --ca-file trusts exactly that one; another certificate, a
certificate for another host name and an unreadable file are still refused."""
import os
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done, run  # noqa: E402

server = os.environ["AWP_SERVER"]
awpctl = os.environ["AWPCTL"]
PASSWORD = "demo-2026"
# The tests run without GIO modules; TLS needs the system's TLS backend.
env = {"GIO_MODULE_DIR": os.environ.get("AWP_GIO_MODULE_DIR", ""), "LANGUAGE": "en", "LANG": "C.UTF-8",
       "ASAN_OPTIONS": "detect_leaks=0:abort_on_error=1"}


def make_cert(tmp, name, alt):
    cert, key = os.path.join(tmp, name + ".pem"), os.path.join(tmp, name + "-key.pem")
    r = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + name,
                        "-addext", "subjectAltName=" + alt, "-days", "2", "-keyout", key, "-out", cert],
                       capture_output=True, text=True)
    ok(r.returncode == 0, f"a self-signed test certificate for {alt}", r.stderr)
    return cert, key


def sync(url, db, *extra):
    return run([awpctl, "sync", "--server", url, "--user", "admin.almaty", "--db", db, "--no-keyring",
                "--timeout", "10", *extra], env=env, input=PASSWORD + "\n", timeout=120)


def records(db):
    if not os.path.exists(db):
        return 0
    return sqlite3.connect(db).execute("SELECT count(*) FROM record").fetchone()[0]


with tempfile.TemporaryDirectory() as tmp:
    cert, key = make_cert(tmp, "awp-test-server", "IP:127.0.0.1")
    other, _ = make_cert(tmp, "awp-other-server", "IP:127.0.0.1")
    wrong_host, wrong_key = make_cert(tmp, "awp-elsewhere", "DNS:awp.example.kz")

    def start(c, k, db):
        e = dict(os.environ)
        e.update(env)
        p = subprocess.Popen([server, "--port", "0", "--db", os.path.join(tmp, db), "--seed", "demo",
                              "--tls-cert", c, "--tls-key", k], stdout=subprocess.PIPE, text=True, env=e)
        line = p.stdout.readline().strip()
        ok(line.startswith("listening https://127.0.0.1:"), "awp-server serves HTTPS", line)
        return p, line.split(" ", 1)[1].rstrip("/")

    proc, url = start(cert, key, "s.db")
    try:
        # By default: the system's CAs, which do not know this certificate.
        db = os.path.join(tmp, "a.db")
        r = sync(url, db)
        ok(r.returncode == 1 and "not trusted" in r.stderr and "CA file" in r.stderr,
           "a self-signed certificate is refused with a clear error", r.stderr)
        ok(r.stdout.strip() == "pushed 0 applied 0 conflicts 0 rejected 0 pulled 0" and records(db) == 0,
           "… before the password is sent: nothing pulled, nothing stored", (r.stdout, records(db)))

        # Another certificate named as trusted does not make this one trusted.
        r = sync(url, db, "--ca-file", other)
        ok(r.returncode == 1 and "not trusted" in r.stderr, "a different trusted certificate does not help", r.stderr)

        # A file that cannot be read: a usage error naming it.
        r = sync(url, db, "--ca-file", os.path.join(tmp, "missing.pem"))
        ok(r.returncode == 2 and "missing.pem" in r.stderr and "--ca-file" in r.stderr,
           "an unreadable CA file is refused, named", r.stderr)

        # The explicit way: trust exactly this certificate (a relative path too).
        r = subprocess.run([awpctl, "sync", "--server", url, "--user", "admin.almaty", "--db", db, "--no-keyring",
                            "--ca-file", os.path.basename(cert)], cwd=tmp, capture_output=True, text=True,
                           env=dict(os.environ, **env, G_DEBUG="fatal-warnings"), input=PASSWORD + "\n", timeout=120)
        ok(r.returncode == 0 and records(db) > 50, "--ca-file with the server's certificate: the sync goes through",
           (r.returncode, r.stdout, r.stderr))
    finally:
        proc.terminate()
        proc.wait(timeout=20)

    # Trusted, but for another host name: still refused.
    proc, url = start(wrong_host, wrong_key, "s2.db")
    try:
        r = sync(url, os.path.join(tmp, "b.db"), "--ca-file", wrong_host)
        ok(r.returncode == 1 and "not trusted" in r.stderr, "a trusted certificate for another host is refused",
           r.stderr)
    finally:
        proc.terminate()
        proc.wait(timeout=20)

done()

"""Starts real awp-server processes on 127.0.0.1 for the script tests and
talks to them over HTTP (standard library only)."""
import http.client
import json
import os
import signal
import subprocess
import tempfile
import urllib.parse

SERVER = os.environ.get("AWP_SERVER", "awp-server")
PASSWORD = "demo-2026"


class Server:
    def __init__(self, seed="demo", config=None, args=(), db=None):
        self.tmp = tempfile.TemporaryDirectory(prefix="awp-test-")
        self.db = db or os.path.join(self.tmp.name, "server.db")
        cmd = [SERVER, "--port", "0", "--db", self.db]
        if seed:
            cmd += ["--seed", seed]
        if config:
            path = os.path.join(self.tmp.name, "server.conf")
            with open(path, "w") as f:
                for group, keys in config.items():
                    f.write(f"[{group}]\n")
                    for k, v in keys.items():
                        f.write(f"{k}={v}\n")
            cmd += ["--config", path]
        cmd += list(args)
        self.stderr = open(os.path.join(self.tmp.name, "stderr.log"), "w+")
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=self.stderr, text=True)
        line = self.proc.stdout.readline().strip()
        if not line.startswith("listening "):
            self.proc.kill()
            self.stderr.seek(0)
            raise RuntimeError(f"awp-server did not start: {line!r} {self.stderr.read()}")
        self.url = line.split(" ", 1)[1].rstrip("/")
        u = urllib.parse.urlparse(self.url)
        self.host, self.port = u.hostname, u.port

    def request(self, method, path, body=None, token=None, headers=None, raw=None):
        """Returns (status, headers dict lower-cased, body bytes)."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        h = {}
        if token:
            h["Authorization"] = "Bearer " + token
        if headers:
            h.update(headers)
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        conn.request(method, path, body=data, headers=h)
        resp = conn.getresponse()
        out = resp.read()
        hdrs = {k.lower(): v for k, v in resp.getheaders()}
        conn.close()
        return resp.status, hdrs, out

    def json(self, method, path, body=None, token=None, headers=None, raw=None):
        status, hdrs, out = self.request(method, path, body, token, headers, raw)
        return status, (json.loads(out) if out else None)

    def login(self, username, password=PASSWORD):
        status, body = self.json("POST", "/api/v1/auth/login",
                                 {"username": username, "password": password})
        if status != 200:
            raise RuntimeError(f"login {username}: {status} {body}")
        return body["access_token"]

    def push(self, token, client_id, mutations, key=None):
        key = key or os.urandom(8).hex()
        return self.json("POST", "/api/v1/sync/push",
                         {"client_id": client_id, "mutations": mutations},
                         token=token, headers={"Idempotency-Key": key})

    def pull_all(self, token, cursor="", limit=500):
        """Every change from @cursor on; returns (changes, final cursor, pages)."""
        changes, pages = [], 0
        while True:
            q = urllib.parse.urlencode({"cursor": cursor, "limit": limit})
            status, body = self.json("GET", "/api/v1/sync/changes?" + q, token=token)
            if status != 200:
                raise RuntimeError(f"pull: {status} {body}")
            pages += 1
            changes += body["changes"]
            cursor = body["next_cursor"]
            if not body["has_more"]:
                return changes, cursor, pages

    def log(self):
        self.stderr.flush()
        self.stderr.seek(0)
        return self.stderr.read()

    def stop(self):
        """SIGTERM; returns the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                return None
        return self.proc.returncode

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
        self.stderr.close()
        self.tmp.cleanup()


def mutation(mid, etype, eid, op, patch=None, base_version=None, base_values=None):
    m = {"mutation_id": mid, "entity_type": etype, "entity_id": eid, "op": op,
         "patch": patch or {}}
    if base_version is not None:
        m["base_version"] = base_version
    if base_values is not None:
        m["base_values"] = base_values
    return m

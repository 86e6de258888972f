#!/usr/bin/env python3
"""Soak test of sync (DESIGN §4, issue 10): one awp-server and N workstations
as separate processes, each with its own store file, editing at random
offline and while syncing, for a given time, through faults:

- a TCP proxy between the clients and the server refuses connections, drops
  a request's answer after the server has done the work, cuts answers short
  and stalls them past the client's timeout;
- the server's test fault plan (docs/training.md) answers 500/502/503 (with
  Retry-After), 410 (cursor expired), cuts and stalls answers and expires
  tokens;
- clients (awpctl sync) and the server are killed with SIGKILL at random;
  the server comes back on the same database.

Edits are made by `awpctl edit random` through the store's own functions (one
transaction with its outbox row each) and printed as a ledger; held conflicts
are resolved at random (mine, theirs, edit) as a person would. At the end
every client syncs cleanly (the last conflicts resolved as "mine") and the
invariants are checked:

- nothing lost: every change made is acknowledged by its client and recorded
  as applied by the server, unless a person's resolution took it away;
  nothing applied that no client knows;
- nothing applied twice: each record's server version grew by exactly the
  number of changes applied to it;
- cursors and confirmed versions never went back (checked after every run);
- every client converges to the server's state.

Prints the figures and exits 1 on any violation. Standard library only."""
import argparse
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

PASSWORD = "demo-2026"
USERS = ["admin.almaty", "admin.kazpost"]
CLIENT_TIMEOUT = 4        # seconds a request may take (awpctl sync --timeout)
STALL = CLIENT_TIMEOUT + 2

SERVER_FAULTS = [
    "POST /api/v1/sync/push status 500",
    "POST /api/v1/sync/push status 503 1",
    "GET /api/v1/sync/changes status 502",
    "GET /api/v1/sync/changes status 503 1",
    "POST /api/v1/sync/push truncate",
    "GET /api/v1/sync/changes truncate",
    f"POST /api/v1/sync/push stall {STALL}",
    f"GET /api/v1/sync/changes stall {STALL}",
    "* /api/v1/sync expire-token",
    "GET /api/v1/sync/changes status 410",
]


class Figures:
    def __init__(self):
        self.lock = threading.Lock()
        self.n = {}

    def add(self, key, k=1):
        with self.lock:
            self.n[key] = self.n.get(key, 0) + k

    def get(self, key):
        return self.n.get(key, 0)


FIG = Figures()
VIOLATIONS = []


def violation(text):
    VIOLATIONS.append(text)
    print("VIOLATION: " + text, file=sys.stderr, flush=True)


class Proxy:
    """Forwards 127.0.0.1:port to the server's current port, with faults."""

    def __init__(self, rng):
        self.rng = rng
        self.faults = True
        self.target = None
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def fate(self):
        if not self.faults:
            return "ok"
        with FIG.lock:
            r = self.rng.random()
        for name, p in (("refuse", 0.04), ("lose-answer", 0.04), ("cut", 0.03), ("stall", 0.02)):
            if r < p:
                return name
            r -= p
        return "ok"

    def accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self.serve, args=(conn,), daemon=True).start()

    def serve(self, conn):
        fate = self.fate()
        if fate != "ok":
            FIG.add("proxy " + fate)
        if fate == "refuse" or self.target is None:
            conn.close()
            return
        try:
            up = socket.create_connection(("127.0.0.1", self.target), timeout=30)
        except OSError:
            conn.close()
            return

        def pump_up():
            try:
                while True:
                    data = conn.recv(65536)
                    if not data:
                        break
                    up.sendall(data)
            except OSError:
                pass
            try:
                up.shutdown(socket.SHUT_WR)
            except OSError:
                pass

        threading.Thread(target=pump_up, daemon=True).start()
        sent = 0
        try:
            while True:
                data = up.recv(65536)
                if not data:
                    break
                if fate == "lose-answer":
                    break           # the server did the work; the answer is lost
                if fate == "stall":
                    time.sleep(STALL)
                    fate = "ok"
                if fate == "cut":
                    conn.sendall(data[: max(1, len(data) // 2)])
                    break
                conn.sendall(data)
                sent += len(data)
        except OSError:
            pass
        for s in (conn, up):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()


class Server:
    def __init__(self, exe, workdir, proxy):
        self.exe, self.proxy = exe, proxy
        self.db = os.path.join(workdir, "server.db")
        self.plan = os.path.join(workdir, "faults")
        self.conf = os.path.join(workdir, "server.conf")
        with open(self.conf, "w") as f:
            f.write(f"[server]\nlog-requests=false\n[test]\nfault-plan={self.plan}\n")
        open(self.plan, "w").close()
        self.proc = None
        self.lock = threading.Lock()
        self.start(seed=True)

    def start(self, seed=False):
        cmd = [self.exe, "--port", "0", "--db", self.db, "--config", self.conf]
        if seed:
            cmd += ["--seed", "demo"]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline().strip()
        if not line.startswith("listening "):
            raise RuntimeError(f"awp-server did not start: {line!r}")
        self.proxy.target = int(line.rstrip("/").rsplit(":", 1)[1])
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()

    def kill(self):
        with self.lock:
            self.proxy.target = None
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()
            FIG.add("server kills")

    def restart(self):
        with self.lock:
            self.start()

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)

    def add_fault(self, line):
        with open(self.plan, "a") as f:
            f.write(line + "\n")
        FIG.add("server faults planned")


def cursor_seq(db):
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as c:
        row = c.execute("SELECT pull_cursor FROM sync_state").fetchone()
    cursor = row[0] if row else None
    return int(cursor.split("-", 1)[1]) if cursor else 0


def query(db, sql, args=()):
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return c.execute(sql, args).fetchall()
    finally:
        c.close()


class Client:
    def __init__(self, n, args, workdir, url):
        self.n, self.args, self.url = n, args, url
        self.user = USERS[n % len(USERS)] if args.clients > 2 else USERS[0]
        self.db = os.path.join(workdir, f"client{n}.db")
        self.made = set()      # every mutation id the ledger says was made
        self.gone = set()      # … and those a person's resolution took away
        self.cursor = 0
        self.versions = {}     # record_base id -> server_version seen

    # -- processes --------------------------------------------------------
    def edit(self, rng, count=None, resolve=False):
        if resolve:
            cmd = [self.args.awpctl, "edit", "resolve", "--db", self.db, "--mine"]
        else:
            cmd = [self.args.awpctl, "edit", "random", "--db", self.db, "--seed", str(rng.randrange(1 << 31)),
                   "--count", str(count)]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        for line in r.stdout.splitlines():
            word, _, rest = line.partition(" ")
            if word in ("made", "requeue"):
                self.made.add(rest)
                FIG.add("mutations made" if word == "made" else "re-sent after a resolution")
            elif word == "gone":
                self.gone.add(rest)
            elif word == "resolve":
                FIG.add("resolved " + rest.split()[1])
            elif word == "discard":
                FIG.add("rejections discarded")
        if r.returncode != 0:
            FIG.add("edits refused")
            print(f"client {self.n}: awpctl edit: {r.stderr.strip()}", file=sys.stderr, flush=True)

    def start_sync(self):
        p = subprocess.Popen([self.args.awpctl, "sync", "--server", self.url, "--user", self.user, "--db", self.db,
                              "--no-keyring", "--timeout", str(CLIENT_TIMEOUT), "--batch", "5"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        p.stdin.write(PASSWORD + "\n")
        p.stdin.close()
        p.stdin = None      # communicate() must not flush it again
        FIG.add("sync runs")
        return p

    def finish_sync(self, p, kill_after=None):
        try:
            out, err = p.communicate(timeout=kill_after if kill_after is not None else 600)
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGKILL)
            p.communicate()
            FIG.add("sync runs killed")
            return None
        if p.returncode != 0:
            FIG.add("sync runs failed (network, faults)")
        return p.returncode, out, err

    # -- invariants checked after every run -------------------------------
    def check(self):
        ids = {row[0]: row[1] for row in query(self.db, "SELECT mutation_id, status FROM outbox")}
        live = self.made - self.gone
        lost = live - ids.keys()
        unknown = ids.keys() - live
        if lost:
            violation(f"client {self.n}: {len(lost)} changes missing from the outbox: {sorted(lost)[:3]}")
        if unknown:
            violation(f"client {self.n}: {len(unknown)} outbox rows nobody made: {sorted(unknown)[:3]}")
        seq = cursor_seq(self.db)
        if seq < self.cursor:
            violation(f"client {self.n}: the pull cursor went back from {self.cursor} to {seq}")
        self.cursor = max(seq, self.cursor)
        for rid, version in query(self.db, "SELECT id, server_version FROM record_base"):
            if version < self.versions.get(rid, 0):
                violation(f"client {self.n}: record {rid} went back from version {self.versions[rid]} to {version}")
            self.versions[rid] = max(version, self.versions.get(rid, 0))
        return ids

    # -- the random life of a workstation ---------------------------------
    def run(self, rng, deadline):
        while time.monotonic() < deadline:
            r = rng.random()
            if r < 0.4:
                self.edit(rng, rng.randint(1, 6))          # offline
            else:
                p = self.start_sync()
                if r < 0.7:
                    self.edit(rng, rng.randint(1, 4))      # while syncing
                # Most runs take a fraction of a second: kill early to land inside.
                kill = rng.uniform(0.02, 0.6) if rng.random() < 0.35 else None
                self.finish_sync(p, kill)
            self.check()
            time.sleep(rng.uniform(0, 0.3))


def server_state(db):
    return {(t, i): (v, d) for t, i, v, d in query(db, "SELECT entity_type, id, version, deleted FROM records")}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=3, help="workstations (default 3)")
    ap.add_argument("--seconds", type=float, default=20, help="how long the random phase runs (default 20)")
    ap.add_argument("--minutes", type=float, help="… or in minutes")
    ap.add_argument("--seed", type=int, default=1201, help="random seed (default 1201)")
    ap.add_argument("--awpctl", default=os.environ.get("AWPCTL", "awpctl"))
    ap.add_argument("--server", default=os.environ.get("AWP_SERVER", "awp-server"))
    ap.add_argument("--no-kill-server", action="store_true", help="never kill the server")
    ap.add_argument("--keep", action="store_true", help="keep the working directory and print its path")
    args = ap.parse_args()
    seconds = args.minutes * 60 if args.minutes is not None else args.seconds
    rng = random.Random(args.seed)

    workdir = tempfile.mkdtemp(prefix="awp-soak-")
    proxy = Proxy(random.Random(rng.random()))
    server = Server(args.server, workdir, proxy)
    url = f"http://127.0.0.1:{proxy.port}"
    start_versions = server_state(server.db)
    clients = [Client(n, args, workdir, url) for n in range(args.clients)]
    print(f"soak: {args.clients} clients, {seconds:g} s, seed {args.seed}", flush=True)

    started = time.monotonic()
    deadline = started + seconds
    threads = [threading.Thread(target=c.run, args=(random.Random(rng.random()), deadline)) for c in clients]
    for t in threads:
        t.start()

    # Server faults and kills while the clients work.
    chaos = random.Random(rng.random())
    next_kill = time.monotonic() + chaos.uniform(3, 10)
    while time.monotonic() < deadline:
        time.sleep(chaos.uniform(0.2, 1.0))
        if chaos.random() < 0.5:
            server.add_fault(chaos.choice(SERVER_FAULTS))
        if not args.no_kill_server and time.monotonic() >= next_kill:
            server.kill()
            time.sleep(chaos.uniform(0, 1.5))
            server.restart()
            next_kill = time.monotonic() + chaos.uniform(3, 10)
    for t in threads:
        t.join()
    random_phase = time.monotonic() - started

    # The end: no faults; every client syncs until nothing waits.
    proxy.faults = False
    # The server rewrites the plan as it takes lines: empty it twice.
    for _ in range(2):
        open(server.plan, "w").close()
        time.sleep(0.3)
    final = random.Random(rng.random())
    for rnd in range(12):
        waiting = 0
        for c in clients:
            c.edit(final, resolve=True)
            res = c.finish_sync(c.start_sync())
            if res is None or res[0] != 0:
                violation(f"client {c.n}: the final sync failed: {res and res[2].strip()}")
            c.check()
            waiting += query(c.db, "SELECT count(*) FROM outbox WHERE status <> 'acked'")[0][0]
        if waiting == 0:
            break
    else:
        violation(f"changes still wait after {rnd + 1} clean rounds")
    for c in clients:      # one more pull each: everyone sees the last pushes
        res = c.finish_sync(c.start_sync())
        if res is None or res[0] != 0:
            violation(f"client {c.n}: the last pull failed")
        c.check()
    # A fresh workstation per account: the server's state as the protocol shows it.
    fresh = {}
    for user in sorted({c.user for c in clients}):
        f = Client(100 + len(fresh), args, workdir, url)
        f.user = user
        res = f.finish_sync(f.start_sync())
        if res is None or res[0] != 0:
            violation(f"the fresh client of {user} did not sync")
        fresh[user] = f
    server.stop()

    # ---- the invariants ---------------------------------------------------
    acked_by_entity = {}
    versions_by_entity = {}
    applied_total = lost = unknown_applied = 0
    conflicts = rejected = 0
    end_versions = server_state(server.db)
    server_results = {}
    for cid, mid, result in query(server.db, "SELECT client_id, mutation_id, result FROM applied_mutations"):
        server_results.setdefault(cid, {})[mid] = json.loads(result)
    for c in clients:
        rows = query(c.db, "SELECT mutation_id, entity_type, entity_id, status FROM outbox")
        (client_id,) = query(c.db, "SELECT client_id FROM sync_state")[0]
        on_server = server_results.get(client_id, {})
        conflicts += sum(1 for r in on_server.values() if r["status"] == "conflict")
        for r in on_server.values():
            if r["status"] == "rejected":
                rejected += 1
                FIG.add(f"rejected ({r.get('code')})")
        acked = set()
        for mid, etype, eid, status in rows:
            if status == "acked":
                acked.add(mid)
                acked_by_entity[(etype, eid)] = acked_by_entity.get((etype, eid), 0) + 1
                if mid in on_server and "new_version" in on_server[mid]:
                    versions_by_entity.setdefault((etype, eid), set()).add(on_server[mid]["new_version"])
        live = c.made - c.gone
        missing = (live - acked) | {m for m in acked if on_server.get(m, {}).get("status") != "applied"}
        if missing:
            violation(f"client {c.n}: {len(missing)} changes not applied: {sorted(missing)[:3]}")
        lost += len(missing)
        extra = {m for m, r in on_server.items() if r["status"] == "applied"} - acked
        if extra:
            violation(f"client {c.n}: the server applied {len(extra)} changes the client does not know as applied")
        unknown_applied += len(extra)
        applied_total += len(acked)

    # Each applied change made one version of its record; a second delete of
    # a deleted record is applied at the tombstone's version, making none.
    # So a record's version grows by the number of distinct versions its
    # applied changes were answered with: more would be a change applied twice.
    applied_twice = 0
    for key in set(end_versions) | set(acked_by_entity):
        grew = end_versions.get(key, (0, 0))[0] - start_versions.get(key, (0, 0))[0]
        made = len(versions_by_entity.get(key, ()))
        if grew != made:
            applied_twice += max(0, grew - made)
            violation(f"{key}: version grew by {grew} for {made} versions answered to "
                      f"{acked_by_entity.get(key, 0)} applied changes")

    # Convergence: every workstation shows what a fresh one of its account pulls.
    # The directory of organizations comes beside the feed (GET /organizations).
    def snapshot(db):
        return {rid: (v, s, d) for rid, v, s, d in
                query(db, "SELECT id, server_version, state, data FROM record WHERE type != 'organization'")}

    diverged = 0
    for c in clients:
        mine, truth = snapshot(c.db), snapshot(fresh[c.user].db)
        bad = [rid for rid in mine.keys() | truth.keys()
               if rid not in mine or rid not in truth or mine[rid][0] != truth[rid][0]
               or json.loads(mine[rid][2] or "null") != json.loads(truth[rid][2] or "null")
               or mine[rid][1] != "synced"]
        if bad:
            diverged += 1
            violation(f"client {c.n}: {len(bad)} records differ from the server's, e.g. {bad[0]}: "
                      f"here {mine.get(bad[0])}, on the server {truth.get(bad[0])}")
    for user, f in fresh.items():
        org = query(server.db, "SELECT org_id FROM users WHERE username = ?", (user,))[0][0]
        live_ids = {i for (t, i), (v, d) in end_versions.items() if not d}
        # Its body's records, and the Registry everyone reads (O93-8).
        org_ids = {i for (i,) in query(server.db, "SELECT id FROM records WHERE (org_id = ?"
                                       " OR entity_type IN ('channel', 'channel_history')) AND deleted = 0", (org,))}
        if set(snapshot(f.db)) != (org_ids & live_ids):
            violation(f"the fresh client of {user} does not hold the server's records of its body")

    print(f"random phase                 {random_phase:.0f} s, {args.clients} clients, seed {args.seed}")
    for key in sorted(FIG.n):
        print(f"{key:<28} {FIG.n[key]}")
    dropped = sum(len(c.gone) for c in clients) - FIG.get("re-sent after a resolution")
    print(f"{'dropped by a resolution':<28} {dropped}")
    print(f"{'mutations applied':<28} {applied_total}")
    print(f"{'conflicts surfaced':<28} {conflicts}")
    print(f"{'rejected':<28} {rejected}")
    print(f"{'lost':<28} {lost}")
    print(f"{'applied twice':<28} {applied_twice}")
    print(f"{'applied, unknown to client':<28} {unknown_applied}")
    print(f"{'clients diverged':<28} {diverged}")
    print(f"{'violations':<28} {len(VIOLATIONS)}")
    if args.keep:
        print("kept " + workdir)
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if VIOLATIONS else 0


if __name__ == "__main__":
    sys.exit(main())

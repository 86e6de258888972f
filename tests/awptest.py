"""Small TAP helpers for the script tests (no third-party modules)."""
import os
import subprocess
import sys

_count = 0
_failed = 0


def ok(cond, name, diag=None):
    global _count, _failed
    _count += 1
    if cond:
        print(f"ok {_count} - {name}")
    else:
        _failed += 1
        print(f"not ok {_count} - {name}")
        if diag:
            for line in str(diag).splitlines():
                print(f"# {line}")
    sys.stdout.flush()
    return cond


def done():
    print(f"1..{_count}")
    sys.exit(1 if _failed else 0)


def run(args, env=None, timeout=60, input=None):
    e = dict(os.environ)
    if env:
        e.update(env)
    return subprocess.run(args, capture_output=True, text=True, env=e,
                          timeout=timeout, input=input)

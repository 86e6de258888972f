#!/usr/bin/env python3
"""awpctl deadline / explain / workdays / calendar as a script sees them:
exact stdout and exit codes. Expected dates are counted by hand on the
calendar of shared/kz-facts.md (see the comments), never by the program."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done, run  # noqa: E402

awpctl = os.environ["AWPCTL"]
EN = {"LANGUAGE": "en", "LANG": "C.UTF-8"}


def ctl(*args, env=EN):
    return run([awpctl, *args], env=env)


# NORM DATE → expected YYYY-MM-DD
deadlines = [
    ("O145-4.2", "2025-12-29", "2026-01-05"),   # 30, 31 | New Year, weekend | 5
    ("O145-4.3", "2024-12-31", "2025-01-05"),   # working Sunday 5 Jan 2025
    ("O145-4.3", "2023-07-06", "2023-07-10"),   # Fri 7 Jul 2023 off by transfer
    ("O145-5.1", "2026-03-06", "2026-03-26"),   # 21 Mar Sat, Nauryz block to 25
    ("O145-5.2", "2026-03-20", "2026-04-06"),   # extended by 15 cd: 4 Apr Sat
    ("O145-5.2/notice", "2026-03-23", "2026-03-30"),
    ("O145-5.3", "2024-05-02", "2024-05-13"),   # 3, Sat 4, 6, 10, 13
    ("O145-7", "2022-03-09", "2022-03-03"),     # 8 hol, 7 off, Sat 5, 4, 3
    ("O145-8.1", "2023-07-03", "2023-07-01"),   # working Saturday
    ("O145-8.2", "2026-12-31", "2027-01-05"),
    ("O145-9.1", "2026-03-21", "2026-03-26"),
    ("O145-10.2", "2025-03-19", "2025-03-31"),
    ("O145-11", "2026-03-02", "2026-03-16"),    # 10 wd, Mon 9 Mar off
    ("O93-5", "2024-12-25", "2025-01-09"),
    ("O93-6", "2025-12-30", "2026-01-05"),
    ("O93-13", "2025-03-20", "2025-03-28"),
    ("O605-8", "2024-05-10", "2024-05-03"),
    ("O605-9", "2025-01-08", "2025-01-05"),
    ("O605-14", "2025-12-26", "2026-01-06"),
    ("O118-4", "2025-06-01", "2026-03-02"),     # 1 Mar 2026 Sunday
    ("O118-5", "2026-12-31", "2027-03-01"),
]
for norm, date, expect in deadlines:
    r = ctl("deadline", norm, date)
    ok(r.returncode == 0 and r.stdout == expect + "\n" and r.stderr == "",
       f"deadline {norm} {date} = {expect}", f"rc={r.returncode} out={r.stdout!r} err={r.stderr!r}")

# Errors and exit codes
for args, rc, what in [
    (["deadline"], 2, "missing arguments"),
    (["deadline", "O145-4.2"], 2, "missing date"),
    (["deadline", "O145-4.2", "2026-01-01", "x"], 2, "extra argument"),
    (["deadline", "O145-99", "2026-01-01"], 2, "unknown norm"),
    (["deadline", "O145-4.2", "2026-02-30"], 2, "impossible date"),
    (["deadline", "O145-4.2", "01.02.2026"], 2, "date in the wrong form"),
    (["deadline", "O145-4.2", "2022-06-01"], 1, "norm not in force (before Order 95)"),
    (["deadline", "O605-8", "2024-04-01"], 1, "norm not in force (before 04.04.2024)"),
    (["deadline", "O145-4.3", "2099-12-31"], 1, "result outside the calendar"),
    (["deadline", "O145-4.2", "2100-01-01"], 1, "date outside the calendar"),
    (["explain", "O145-99", "2026-01-01"], 2, "explain: unknown norm"),
    (["workdays", "2026-01-01"], 2, "workdays: missing TO"),
    (["workdays", "2026-01-01", "soon"], 2, "workdays: bad TO"),
    (["calendar"], 2, "calendar: missing YEAR"),
    (["calendar", "20x6"], 2, "calendar: bad YEAR"),
    (["calendar", "1999"], 2, "calendar: YEAR out of range"),
]:
    r = ctl(*args)
    ok(r.returncode == rc and r.stdout == "" and r.stderr.strip() != "",
       f"{' '.join(args)}: exit {rc} ({what})", f"rc={r.returncode} out={r.stdout!r} err={r.stderr!r}")

r = ctl("deadline", "O145-99", "2026-01-01")
ok("O145-99" in r.stderr, "unknown norm is named in the error", r.stderr)
r = ctl("deadline", "O145-4.2", "2026-02-30")
ok("DATE" in r.stderr, "bad date names the field", r.stderr)

# workdays FROM TO, both ends included
for a, b, n in [
    ("2024-01-01", "2024-12-31", 249),   # 262 weekdays - 14 days off + Sat 4 May
    ("2025-01-01", "2025-12-31", 246),   # 261 - 16 + Sun 5 Jan
    ("2026-01-01", "2026-12-31", 247),   # 261 - 14
    ("2022-01-01", "2022-12-31", 246),   # 260 - 17 + 3 Saturdays
    ("2024-05-01", "2024-05-10", 5),
    ("2026-01-05", "2026-01-05", 1),
    ("2026-01-03", "2026-01-04", 0),
]:
    r = ctl("workdays", a, b)
    ok(r.returncode == 0 and r.stdout == f"{n}\n", f"workdays {a} {b} = {n}", f"{r.stdout!r} {r.stderr!r}")

# calendar YEAR: weekday days off and working weekend days, nothing else
r = ctl("calendar", "2024")
lines = [ln for ln in r.stdout.splitlines() if ln[:4] == "2024"]
days = [ln.split()[0] for ln in lines]
expect_2024 = ["2024-01-01", "2024-01-02", "2024-03-08", "2024-03-21", "2024-03-22", "2024-03-25",
               "2024-05-01", "2024-05-04", "2024-05-07", "2024-05-08", "2024-05-09", "2024-07-08",
               "2024-08-30", "2024-10-25", "2024-12-16"]
ok(r.returncode == 0 and days == expect_2024, "calendar 2024 lists exactly the kz-facts days", r.stdout)
ok(any("2024-03-25" in ln and "Nauryz" in ln for ln in lines), "calendar 2024 names the moved Nauryz day", r.stdout)
ok(any("2024-05-04" in ln and "working day" in ln for ln in lines), "calendar 2024 marks the working Saturday", r.stdout)
r = ctl("calendar", "2027")
ok(r.returncode == 0 and "provisional" in r.stdout.splitlines()[0] and "2027-03-15" in r.stdout,
   "calendar 2027 is provisional and has 15 March", r.stdout)
r = ctl("calendar", "2026")
ok(r.returncode == 0 and "2026-08-31" not in r.stdout and "2026-09-01" not in r.stdout and "provisional" not in r.stdout,
   "calendar 2026: no 30 August day off, confirmed", r.stdout)

# explain, in English, Kazakh and Russian
r = ctl("explain", "O145-4.3", "2024-12-31")
ok(r.returncode == 0 and "05.01.2025, Sunday: working day 1" in r.stdout and "holiday “New Year”" in r.stdout
   and "Due date: 05.01.2025" in r.stdout, "explain in English", r.stdout + r.stderr)
r = ctl("explain", "O145-4.3", "2027-03-12")
ok(r.returncode == 0 and "Provisional calendar" in r.stdout and "Constitution Day" in r.stdout,
   "explain marks a provisional year", r.stdout)
r = ctl("explain", "O145-4.3", "2024-12-31", env={"LANGUAGE": "kk", "LANG": "C.UTF-8"})
ok(r.returncode == 0 and "Жаңа жыл" in r.stdout and "жексенбі" in r.stdout.lower() and "05.01.2025" in r.stdout
   and "Due date" not in r.stdout, "explain in Kazakh", r.stdout + r.stderr)
r = ctl("explain", "O145-5.1", "2026-03-06", env={"LANGUAGE": "ru", "LANG": "C.UTF-8"})
ok(r.returncode == 0 and "Наурыз мейрамы" in r.stdout and "26.03.2026" in r.stdout and "календарных дней" in r.stdout
   and "Due date" not in r.stdout, "explain in Russian", r.stdout + r.stderr)
r = ctl("deadline", "O145-99", "2026-01-01", env={"LANGUAGE": "ru", "LANG": "C.UTF-8"})
ok(r.returncode == 2 and "O145-99" in r.stderr and "Unknown" not in r.stderr, "error in Russian", r.stderr)

r = ctl("help")
ok(r.returncode == 0 and all(c in r.stdout for c in ("deadline", "explain", "workdays", "calendar"))
   and "O145-11" in r.stdout, "help lists the deadline commands and the lasts-at-least rule", r.stdout)

done()

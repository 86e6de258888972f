#!/usr/bin/env python3
"""awpctl check iin|bin|phone|email as a script sees it: exact stdout and
exit codes, in English, Kazakh and Russian. Valid and invalid numbers are the
public examples in shared/kz-facts.md."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done, run  # noqa: E402

awpctl = os.environ["AWPCTL"]
EN = {"LANGUAGE": "en", "LANG": "C.UTF-8"}
KK = {"LANGUAGE": "kk", "LANG": "C.UTF-8"}
RU = {"LANGUAGE": "ru", "LANG": "C.UTF-8"}


def check(kind, value, env=EN):
    return run([awpctl, "check", kind, value], env=env)


def expect(kind, value, rc, out, env=EN, lang="en"):
    r = check(kind, value, env)
    ok(r.returncode == rc and r.stdout == out + "\n" and r.stderr == "",
       f"{lang}: check {kind} {value!r} → {rc} {out!r}",
       f"rc={r.returncode} out={r.stdout!r} err={r.stderr!r}")


# Valid values print the machine-readable answer in every language.
for env, lang in [(EN, "en"), (KK, "kk"), (RU, "ru")]:
    expect("iin", "901123300258", 0, "valid", env, lang)
    expect("bin", "990940003030", 0, "valid", env, lang)
    expect("phone", "8 (701) 123-45-67", 0, "valid +77011234567", env, lang)
    expect("email", "name@example.kz", 0, "valid", env, lang)

for kind, value, out in [
    ("iin", "871008401427", "valid"),
    ("phone", "+7 701 123 45 67", "valid +77011234567"),
    ("phone", "87011234567", "valid +77011234567"),
    ("phone", "+7(7172)123456", "valid +77172123456"),
    ("phone", "7011234567", "valid +77011234567"),
    ("phone", "+7 727 123 45 67", "valid +77271234567"),
]:
    expect(kind, value, 0, out)

# Invalid values: the reason, naming the field, exit 1.
for kind, value, out in [
    ("iin", "901123300255", "IIN: the check digit is wrong"),
    ("iin", "821214240092", "IIN: no such number can exist (the check digit cannot be computed)"),
    ("iin", "9011233002", "IIN: must be exactly 12 digits"),
    ("iin", "850415700008", "IIN: the 7th digit (century and sex) must be 1 to 6"),
    ("iin", "310231400007", "IIN: the first six digits are not a birth date (YYMMDD)"),
    ("bin", "990940003031", "BIN: the check digit is wrong"),
    ("bin", "120630000000", "BIN: the 5th digit (type of organisation) must be 4, 5 or 6"),
    ("phone", "+7 912 345 67 89",
     "Phone: +7 912 is not a Kazakhstan code (it is a number in Russia); Kazakhstan numbers start with +7 7"),
    ("phone", "+7 703 123 45 67",
     "Phone: 703 is neither a Kazakhstan mobile operator code nor a city code"),
    ("phone", "12345", "Phone: enter a Kazakhstan number as +7 7XX XXX XX XX or 8 7XX XXX XX XX"),
    ("email", "name@kz", "E-mail: not an e-mail address (expected name@example.kz)"),
    ("email", "", "E-mail: this field is required"),
]:
    expect(kind, value, 1, out)

# Translated messages: the field is ЖСН / ИИН, БСН / БИН.
for kind, value, kk, ru in [
    ("iin", "901123300255", "ЖСН: бақылау саны қате", "ИИН: неверное контрольное число"),
    ("bin", "990940003031", "БСН: бақылау саны қате", "БИН: неверное контрольное число"),
    ("phone", "+7 912 345 67 89",
     "Телефон: +7 912 — Қазақстанның коды емес (бұл Ресейдегі нөмір); Қазақстан нөмірлері +7 7-ден басталады",
     "Телефон: +7 912 — не казахстанский код (это номер в России); казахстанские номера начинаются с +7 7"),
    ("email", "a@@b.kz",
     "Электрондық пошта: электрондық пошта мекенжайы емес (үлгі: name@example.kz)",
     "Электронная почта: это не адрес электронной почты (пример: name@example.kz)"),
]:
    expect(kind, value, 1, kk, KK, "kk")
    expect(kind, value, 1, ru, RU, "ru")

# A birth date in the future relative to the real today: 31.12.2099.
r = check("iin", "991231500006")
ok(r.returncode == 1 and r.stdout.startswith("IIN: the birth date 31.12.2099 is in the future"),
   "birth date in the future", f"rc={r.returncode} out={r.stdout!r}")

# Usage errors: exit 2, usage on stderr, nothing on stdout.
for args, what in [
    (["check"], "no arguments"),
    (["check", "iin"], "no value"),
    (["check", "iin", "901123300258", "x"], "extra argument"),
    (["check", "passport", "N1234567"], "unknown kind"),
]:
    r = run([awpctl, *args], env=EN)
    ok(r.returncode == 2 and r.stdout == "" and "awpctl check" in r.stderr,
       f"usage error: {what}", f"rc={r.returncode} out={r.stdout!r} err={r.stderr!r}")

r = run([awpctl, "help"], env=EN)
ok(r.returncode == 0 and "check iin|bin|phone|email VALUE" in r.stdout, "help lists check")

done()

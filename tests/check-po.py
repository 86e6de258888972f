#!/usr/bin/env python3
"""Every user-visible string is translated into Kazakh and Russian.

Fails when a source file with translatable strings is missing from
po/POTFILES.in, when POTFILES.in names a file that does not exist, or when
po/kk.po or po/ru.po lacks, leaves untranslated or fuzzy any string that
xgettext extracts from the sources today (so a stale .po cannot pass)."""
import os
import re
import subprocess
import sys
import tempfile

src = sys.argv[1]
n = 0
failed = 0


def report(cond, name, diag=""):
    global n, failed
    n += 1
    print(("ok" if cond else "not ok") + f" {n} - {name}")
    if not cond:
        failed += 1
        for line in diag.splitlines()[:60]:
            print("# " + line)


potfiles_in = os.path.join(src, "po", "POTFILES.in")
listed = []
with open(potfiles_in, encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            listed.append(line)

missing_files = [p for p in listed if not os.path.exists(os.path.join(src, p))]
report(not missing_files, "every file in POTFILES.in exists", "\n".join(missing_files))

marker = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|ngettext|g_dngettext)\s*\(\s*"|translatable="yes"')
unlisted = []
for top in ("src", "ui", "data", "bench"):
    for root, _dirs, files in os.walk(os.path.join(src, top)):
        for name in files:
            path = os.path.join(root, name)
            rel = os.path.relpath(path, src)
            if not name.endswith((".c", ".h", ".ui", ".in", ".xml")):
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            if rel.endswith((".desktop.in.in", ".metainfo.xml.in.in", ".gschema.xml")) or marker.search(text):
                if rel not in listed:
                    unlisted.append(rel)
report(not unlisted, "every source file with translatable strings is in POTFILES.in",
       "\n".join(unlisted))

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "awp.pot")
    r = subprocess.run(["xgettext", "--from-code=UTF-8", "--add-comments",
                        "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2",
                        "--keyword=NC_:1c,2", "--keyword=g_dngettext:2,3",
                        "--keyword=ngettext:1,2",
                        "--flag=g_strdup_printf:1:c-format",
                        "--flag=g_string_printf:2:c-format",
                        "--flag=g_string_append_printf:2:c-format",
                        "--flag=g_set_error:4:c-format",
                        "--flag=g_error_new:3:c-format",
                        "--flag=g_printerr:1:c-format",
                        "--flag=g_print:1:c-format",
                        "-D", src, "-f", potfiles_in, "-o", pot],
                       capture_output=True, text=True)
    report(r.returncode == 0, "xgettext extracts the strings", r.stderr)

    with open(os.path.join(src, "po", "LINGUAS"), encoding="utf-8") as f:
        linguas = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    report(sorted(linguas) == ["kk", "ru"], "LINGUAS is kk and ru", " ".join(linguas))

    for lang in linguas:
        po = os.path.join(src, "po", lang + ".po")
        if not os.path.exists(po):
            report(False, f"{lang}.po exists")
            continue
        r = subprocess.run(["msgfmt", "--check", "-o", os.devnull, po], capture_output=True, text=True)
        report(r.returncode == 0, f"{lang}.po compiles with msgfmt --check", r.stderr)

        merged = os.path.join(tmp, lang + ".po")
        subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged, po, pot],
                       check=True)
        untranslated = subprocess.run(["msgattrib", "--untranslated", "--no-obsolete", merged],
                                      capture_output=True, text=True).stdout
        ids = re.findall(r'^msgid "(.+)"$', untranslated, re.M)
        report(not ids, f"{lang}.po translates every string", "\n".join(ids))
        fuzzy = subprocess.run(["msgattrib", "--only-fuzzy", "--no-obsolete", po],
                               capture_output=True, text=True).stdout
        ids = re.findall(r'^msgid "(.+)"$', fuzzy, re.M)
        report(not ids, f"{lang}.po has no fuzzy entries", "\n".join(ids))

print(f"1..{n}")
sys.exit(1 if failed else 0)

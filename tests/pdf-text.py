#!/usr/bin/env python3
"""Prints the text of a PDF written by cairo, one line per text object: the
content streams' glyph codes mapped through each font's ToUnicode CMap.
Enough for cairo's own output (used by the template document tests); no
PDF library is needed."""
import re
import sys
import zlib

data = open(sys.argv[1], "rb").read()
objects = {}
for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S):
    objects[int(m.group(1))] = m.group(2)


def stream(body):
    m = re.search(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S)
    if not m:
        return None
    raw = m.group(1)
    if b"/FlateDecode" in body[:m.start()]:
        raw = zlib.decompress(raw)
    return raw


def cmap(num):
    text = stream(objects[num]).decode("latin1")
    table, width = {}, 1
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            width = len(src) // 2
            table[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for a, b, rest in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block):
            width = len(a) // 2
            lo, hi = int(a, 16), int(b, 16)
            if rest.startswith("["):
                for i, d in enumerate(re.findall(r"<([0-9A-Fa-f]+)>", rest)):
                    table[lo + i] = bytes.fromhex(d).decode("utf-16-be")
            else:
                start = int(rest[1:-1], 16)
                n = len(rest[1:-1]) // 2
                for c in range(lo, hi + 1):
                    table[c] = (start + c - lo).to_bytes(n, "big").decode("utf-16-be")
    return table, width


fonts = {}
for num, body in objects.items():
    for name, ref in re.findall(rb"/(f-\d+-\d+) (\d+) 0 R", body):
        font = objects.get(int(ref), b"")
        m = re.search(rb"/ToUnicode (\d+) 0 R", font)
        if m:
            fonts[name.decode()] = cmap(int(m.group(1)))

out = []
for num, body in sorted(objects.items()):
    if b"/ToUnicode" in body or b"/Type /Font" in body:
        continue
    content = stream(body)
    if content is None or b"Tf" not in content:
        continue
    text = content.decode("latin1")
    current = None
    for block in re.findall(r"BT(.*?)ET", text, re.S):
        line = []
        for tok in re.finditer(r"/(f-\d+-\d+) [\d.]+ Tf|<([0-9A-Fa-f\s]*)>|\(((?:\\.|[^\\)])*)\)", block):
            if tok.group(1):
                current = fonts.get(tok.group(1))
            elif tok.group(2) is not None:
                table, width = current or ({}, 1)
                hexs = re.sub(r"\s", "", tok.group(2))
                for i in range(0, len(hexs), width * 2):
                    line.append(table.get(int(hexs[i:i + width * 2], 16), "?"))
            else:
                # A literal string: bytes, with backslash escapes.
                raw = re.sub(r"\\([0-7]{1,3}|.)",
                             lambda e: chr(int(e.group(1), 8)) if e.group(1)[0] in "01234567" else e.group(1),
                             tok.group(3))
                table = current[0] if current else {}
                line.extend(table.get(ord(c), c) for c in raw)
        out.append("".join(line))
print("\n".join(out))

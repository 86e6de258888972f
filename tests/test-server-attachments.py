#!/usr/bin/env python3
"""Attachments at the server (docs/sync.md "Attachments", SECURITY.md):
content-addressed uploads that are hashed and sniffed again, a size limit,
and downloads only for those who may see a record naming the file (the
change feed's rule) or whose organization uploaded it; everyone else gets
the 404 an unknown id gets. Answers carry them (O145-5.1), meeting results
too (O605-14)."""
import hashlib
import io
import os
import socket
import sys
import time
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
from awptest import ok, done  # noqa: E402
from awpserver import Server, mutation  # noqa: E402

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + os.urandom(64)


def sha(b):
    return hashlib.sha256(b).hexdigest()


def put(s, token, data, ctype, sid=None):
    return s.json("PUT", f"/api/v1/attachments/{sid or sha(data)}", token=token,
                  headers={"Content-Type": ctype}, raw=data)


def ref(data, name="answer.pdf", mime="application/pdf"):
    return {"id": sha(data), "name": name, "mime": mime, "size": len(data)}


def odf(mime):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), mime, compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", "<office:document-content/>", compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def ooxml(part, macro=False):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(part, "<x/>")
        if macro:
            z.writestr("word/vbaProject.bin", b"\0" * 10)
    return buf.getvalue()


with Server(config={"server": {"max-attachment": 4096}}) as s:
    edu = s.login("admin.edu")
    health = s.login("admin.health")
    op = s.login("operator")
    trainer = s.login("trainer")

    st, r = put(s, edu, PDF, "application/pdf")
    ok(st == 201 and r["id"] == sha(PDF) and r["mime"] == "application/pdf" and r["size"] == len(PDF),
       "a PDF is stored under its SHA-256 (201)", r)
    st, r = put(s, edu, PDF, "application/pdf")
    ok(st == 200 and r["created"] is False, "uploading it again is idempotent (200)", r)
    st, r = put(s, edu, PDF, "application/pdf", sid=sha(b"other"))
    ok(st == 422 and r["error"]["code"] == "hash_mismatch" and r["error"]["fields"][0]["field"] == "sha256",
       "a body that is not the hash in the path is refused, naming the field", r)
    st, r = put(s, edu, PDF, "application/pdf", sid="ABC")
    ok(st == 400 and r["error"]["fields"][0]["field"] == "sha256", "an id that is no SHA-256 is refused", r)
    st, r = put(s, edu, b"\x7fELF\x02\x01\x01" + b"\0" * 100, "application/pdf")
    ok(st == 415 and r["error"]["code"] == "unsupported_media_type", "an executable called a PDF is refused (415)", r)
    st, r = put(s, edu, PDF, "text/plain")
    ok(st == 415, "a PDF declared as text is refused: the header must match the content", r)
    st, r = put(s, edu, b"<html><script>alert(1)</script>" + b"\0", "text/plain")
    ok(st == 415, "a binary with a NUL is not plain text", r)
    big = b"%PDF-1.4\n" + b"0" * 5000
    st, r = put(s, edu, big, "application/pdf")
    ok(st == 413 and r["error"]["code"] == "payload_too_large", "over [server] max-attachment is 413", r)
    st, r = put(s, edu, b"", "text/plain", sid=sha(b""))
    ok(st == 400 and r["error"]["fields"][0]["field"] == "body", "an empty file is refused", r)
    for name, data, mime in (("ODT", odf("application/vnd.oasis.opendocument.text"),
                              "application/vnd.oasis.opendocument.text"),
                             ("ODS", odf("application/vnd.oasis.opendocument.spreadsheet"),
                              "application/vnd.oasis.opendocument.spreadsheet"),
                             ("DOCX", ooxml("word/document.xml"),
                              "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                             ("XLSX", ooxml("xl/workbook.xml"),
                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                             ("PNG", b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "image/png"),
                             ("JPEG", b"\xff\xd8\xff\xe0" + b"\0" * 20, "image/jpeg"),
                             ("text", "Жауап мәтіні\n".encode(), "text/plain; charset=utf-8")):
        st, r = put(s, edu, data, mime)
        ok(st == 201, f"{name} is an allowed type", r)
    st, r = put(s, edu, ooxml("word/document.xml", macro=True),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    ok(st == 415, "a document with a macro project is refused", r)
    st, r = put(s, edu, odf("application/vnd.oasis.opendocument.text"), "application/zip")
    ok(st == 415, "a ZIP type is not on the list", r)
    st, r = put(s, trainer, PDF, "application/pdf")
    ok(st == 403, "a trainer uploads nothing", r)
    st, r = s.json("PUT", f"/api/v1/attachments/{sha(PDF)}", headers={"Content-Type": "application/pdf"}, raw=PDF)
    ok(st == 401, "an upload needs a token", r)

    # Downloads.
    st, h, body = s.request("GET", f"/api/v1/attachments/{sha(PDF)}", token=edu)
    ok(st == 200 and body == PDF and h["content-type"] == "application/pdf"
       and h.get("x-content-type-options") == "nosniff" and h.get("content-disposition") == "attachment",
       "the uploading body downloads the same bytes, never to be sniffed or shown inline", h)
    st, r = s.json("GET", f"/api/v1/attachments/{sha(PDF)}", token=health)
    ok(st == 404 and r["error"]["code"] == "not_found", "another body gets 404 before any record names it", r)
    st, r2 = s.json("GET", f"/api/v1/attachments/{'0' * 64}", token=health)
    ok(st == 404 and r2 == r, "the same 404 as for an id nobody uploaded", r2)

    # An answer that names it (O145-5.1).
    changes, _, _ = s.pull_all(edu)
    rec = next(c for c in changes if c["entity_type"] == "blog_request" and c["data"]["status"] == "received")
    st, r = s.push(edu, "edu-ws", [mutation("a-1", "blog_request", rec["id"], "update",
                                            {"attachments": [ref(PDF)]}, rec["version"],
                                            {"attachments": None})])
    ok(r["results"][0]["status"] == "applied", "a record names an uploaded file", r)
    missing = b"%PDF-1.4 never uploaded"
    st, r = s.push(edu, "edu-ws", [mutation("a-2", "blog_request", rec["id"], "update",
                                            {"attachments": [ref(PDF), ref(missing, "x.pdf")]}, rec["version"] + 1,
                                            {"attachments": [ref(PDF)]})])
    res = r["results"][0]
    ok(res["status"] == "rejected" and res["errors"][0]["field"] == "attachments[1]"
       and res["errors"][0]["code"] == "attachment_missing",
       "a reference to a file the server lacks is refused, naming attachments[1]", r)
    for bad, field in (({"id": sha(PDF), "name": "../etc/passwd", "mime": "application/pdf", "size": 1}, "name"),
                       ({"id": sha(PDF).upper(), "name": "a.pdf", "mime": "application/pdf", "size": 1}, "id"),
                       ({"id": sha(PDF), "name": "a.exe", "mime": "application/x-msdownload", "size": 1}, "mime"),
                       ({"id": sha(PDF), "name": "a.pdf", "mime": "application/pdf", "size": -1}, "size"),
                       ({"id": sha(PDF), "name": "a.pdf", "mime": "application/pdf", "size": 1, "url": "x"}, "url"),
                       ("a.pdf" * 200, None)):
        st, r = s.push(edu, "edu-ws", [mutation("bad-" + os.urandom(4).hex(), "blog_request", rec["id"], "update",
                                                {"attachments": [bad]}, rec["version"] + 1,
                                                {"attachments": [ref(PDF)]})])
        res = r["results"][0]
        ok(res["status"] == "rejected" and res["errors"][0]["field"] == "attachments[0]"
           and (field is None or res["errors"][0]["message"].startswith(f"attachments[0]: {field}")),
           f"a malformed reference ({field or 'too long a name'}) is refused with its field", res)

    # Another body cannot name the first body's file to gain access to it.
    hchanges, _, _ = s.pull_all(health)
    hrec = next(c for c in hchanges if c["entity_type"] == "blog_request" and c["org_id"] == "min-health")
    st, r = s.push(health, "h-ws", [mutation("h-1", "blog_request", hrec["id"], "update",
                                             {"attachments": [ref(PDF)]}, hrec["version"], {"attachments": None})])
    ok(r["results"][0]["status"] == "rejected" and r["results"][0]["errors"][0]["code"] == "attachment_missing",
       "a known hash alone gives another body nothing: it cannot reference the file", r)
    st, _ = s.json("GET", f"/api/v1/attachments/{sha(PDF)}", token=health)
    ok(st == 404, "and still cannot download it")
    st, _ = s.json("GET", f"/api/v1/attachments/{sha(PDF)}", token=op)
    ok(st == 404, "the Operator does not read requests, so not their files either")
    # Once it has the bytes itself, it may.
    st, r = put(s, health, PDF, "application/pdf")
    ok(st == 200, "another body uploading the same file stores nothing twice", r)
    st, h, body = s.request("GET", f"/api/v1/attachments/{sha(PDF)}", token=health)
    ok(st == 200 and body == PDF, "and may then download it")

    # Meeting results (O605-14): the decision as a file; the record makes it readable
    # to every user of the body.
    text = "Шешім: жол жөнделеді.\n".encode()
    st, _ = put(s, edu, text, "text/plain")
    meeting = next(c for c in changes if c["entity_type"] == "meeting")
    results = {"decision": "Жол жөнделеді", "link": "https://gov.kz/r", "published_on": "2026-03-02",
               "attachments": [dict(ref(text, "decision.txt", "text/plain"), kind="decision"),
                               {"kind": "minutes", "name": "хаттама.pdf"}]}
    st, r = s.push(edu, "edu-ws", [mutation("m-1", "meeting", meeting["id"], "update", {"results": results},
                                            meeting["version"], {"results": meeting["data"].get("results")})])
    ok(r["results"][0]["status"] == "applied",
       "a meeting result names its decision file (and older names-only entries still pass)", r)
    results["attachments"].append(dict(ref(b"never uploaded", "transcript.txt", "text/plain"), kind="transcript"))
    st, r = s.push(edu, "edu-ws", [mutation("m-2", "meeting", meeting["id"], "update", {"results": results},
                                            meeting["version"] + 1, {})])
    res = r["results"][0]
    ok(res["status"] == "rejected" and res["errors"][0]["field"] == "results.attachments[2]"
       and res["errors"][0]["code"] == "attachment_missing",
       "a result naming a file never uploaded is refused, naming results.attachments[2]", r)

    # Deleting the record ends access through it.
    st, h, body = s.request("GET", f"/api/v1/attachments/{sha(PDF)}", token=edu)
    ok(st == 200, "still readable to the uploader")

    # A chunked upload over the limit is cut off, not buffered; a declared
    # one is refused before its body is read.
    def raw(head, body):
        sock = socket.create_connection((s.host, s.port), timeout=30)
        try:
            sock.sendall(head)
            try:
                sock.sendall(body)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return sock.recv(65536)
        finally:
            sock.close()

    piece = b"%PDF-" + b"0" * 3000
    chunked = b"".join(b"%x\r\n" % len(piece) + piece + b"\r\n" for _ in range(3)) + b"0\r\n\r\n"
    head = (f"PUT /api/v1/attachments/{'1' * 64} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {edu}\r\n"
            "Content-Type: application/pdf\r\nTransfer-Encoding: chunked\r\n\r\n").encode()
    resp = raw(head, chunked)
    ok(resp.startswith(b"HTTP/1.1 413"), "a chunked upload over the limit gets 413", resp[:200])
    head = (f"PUT /api/v1/attachments/{'1' * 64} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {edu}\r\n"
            "Content-Type: application/pdf\r\nContent-Length: 999999999\r\nExpect: 100-continue\r\n\r\n").encode()
    resp = raw(head, b"")
    ok(resp.startswith(b"HTTP/1.1 413"), "a declared oversize upload is refused before its body", resp[:200])
    st, _ = s.json("GET", "/api/v1/health")
    ok(st == 200, "and the server answers the next request")

# Files nothing names are dropped at start once older than [sync]
# tombstone-retention (0 here); named ones stay.
with Server(config={"sync": {"tombstone-retention": 0}}) as s:
    edu = s.login("admin.edu")
    kept, dropped = b"%PDF-1.4 kept\n", b"%PDF-1.4 never named\n"
    put(s, edu, kept, "application/pdf")
    put(s, edu, dropped, "application/pdf")
    changes, _, _ = s.pull_all(edu)
    rec = next(c for c in changes if c["entity_type"] == "blog_request")
    st, r = s.push(edu, "gc-ws", [mutation("gc-1", "blog_request", rec["id"], "update",
                                           {"attachments": [ref(kept, "kept.pdf")]}, rec["version"],
                                           {"attachments": None})])
    ok(r["results"][0]["status"] == "applied", "one file is named by a record", r)
    s.stop()
    time.sleep(1.1)
    with Server(seed=None, db=s.db, config={"sync": {"tombstone-retention": 0}}) as again:
        edu = again.login("admin.edu")
        st, _, body = again.request("GET", f"/api/v1/attachments/{sha(kept)}", token=edu)
        ok(st == 200 and body == kept, "after a restart the named file is still there")
        st, _ = again.json("GET", f"/api/v1/attachments/{sha(dropped)}", token=edu)
        ok(st == 404, "the file no record named is gone", st)
        st, r = put(again, edu, dropped, "application/pdf")
        ok(st == 201, "and uploading it again stores it anew", r)

done()

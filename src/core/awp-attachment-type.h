#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What a file attached to a record may be, decided the same way by the
 * workstation (before it stores or sends a file) and by the server (before
 * it keeps one): the content is sniffed, never only the name or header.
 * docs/sync.md "Attachments", SECURITY.md. */

#define AWP_ATTACHMENT_MAX_NAME 255
/* The server's default [server] max-attachment and the client's limit. */
#define AWP_ATTACHMENT_DEFAULT_MAX_SIZE (20 * 1024 * 1024)

/* The allowed type @data is, as a MIME type (PDF, PNG, JPEG, ODT, ODS, DOCX,
 * XLSX, UTF-8 plain text), or NULL when it is none of them. */
const char *awp_attachment_sniff         (const guint8 *data,
                                          gsize         len);
/* TRUE when @mime is on the allow-list (parameters such as "; charset"
 * ignored). */
gboolean    awp_attachment_mime_allowed  (const char   *mime);
/* TRUE when @declared (a Content-Type, parameters ignored) names the same
 * type as @sniffed. */
gboolean    awp_attachment_mime_matches  (const char   *declared,
                                          const char   *sniffed);
/* TRUE for 64 lowercase hex digits. */
gboolean    awp_attachment_id_valid      (const char   *id);
/* TRUE for a file name to show and save under: 1-255 characters of UTF-8,
 * no '/' or '\\', no control characters, not "." or "..". */
gboolean    awp_attachment_name_valid    (const char   *name);
/* The SHA-256 of @data as 64 lowercase hex digits. */
char       *awp_attachment_hash          (const guint8 *data,
                                          gsize         len);

/* A record's attachment reference {id, name, mime, size} (plus an optional
 * "kind", e.g. a meeting result's "decision"). NULL when @node is one;
 * otherwise an English message naming the member that is wrong. */
char       *awp_attachment_ref_problem   (JsonNode     *node);
/* TRUE when @node is an object with an "id": a reference to a blob (older
 * records list bare names instead). */
gboolean    awp_attachment_is_ref        (JsonNode     *node);

/* What an "attachments" entry is called: a listed name (a string) or a
 * reference's "name"; NULL for anything else. */
const char *awp_attachment_entry_name    (JsonNode     *node);

/* Calls @func for every attachment array in @data: the top-level
 * "attachments" and the meeting's "results"."attachments". @path is the
 * field name to report ("attachments" or "results.attachments"). */
typedef void (*AwpAttachmentArrayFunc) (const char *path,
                                        JsonArray  *array,
                                        gpointer    user_data);
void        awp_attachment_foreach_array (JsonObject            *data,
                                          AwpAttachmentArrayFunc func,
                                          gpointer               user_data);

G_END_DECLS

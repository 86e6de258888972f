#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "awp-attachment-type.h"
#include "awp-store.h"

G_BEGIN_DECLS

/* Files attached to records (an answer, O145-5.1; meeting results,
 * O605-14; Annex 1/3 documents, O93): the bytes in the store's
 * `attachment` table by SHA-256, the record naming them by a reference
 * {id, name, mime, size} in its "attachments" array (docs/store.md,
 * docs/sync.md "Attachments"). The sync cycle uploads what pending changes
 * name and downloads on demand (awp_sync_fetch_attachment). */

#define AWP_ATTACHMENT_ERROR (awp_attachment_error_quark ())
GQuark awp_attachment_error_quark (void);

typedef enum
{
  AWP_ATTACHMENT_ERROR_TOO_LARGE,  /* over the size limit */
  AWP_ATTACHMENT_ERROR_TYPE,       /* not an allowed type (by content) */
  AWP_ATTACHMENT_ERROR_EMPTY,      /* nothing in the file */
  AWP_ATTACHMENT_ERROR_NOT_LOCAL,  /* known, but not downloaded yet */
  AWP_ATTACHMENT_ERROR_CORRUPT,    /* the bytes are not the file named */
} AwpAttachmentError;

typedef struct
{
  char    *id;        /* SHA-256, 64 hex */
  char    *name;
  char    *mime;
  gint64   size;
  char    *kind;      /* meeting results: decision, transcript, minutes; or NULL */
  gboolean local;     /* the bytes are in this store */
  gboolean uploaded;  /* the server has them (as far as this store knows) */
} AwpAttachment;

void           awp_attachment_free        (AwpAttachment *attachment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpAttachment, awp_attachment_free)
AwpAttachment *awp_attachment_copy        (const AwpAttachment *attachment);
/* The reference a record keeps: {id, name, mime, size[, kind]}. */
JsonObject    *awp_attachment_to_json     (const AwpAttachment *attachment);
/* A reference as an AwpAttachment (local/uploaded FALSE), or NULL when
 * @node is not one. */
AwpAttachment *awp_attachment_from_json   (JsonNode            *node);

/* The size limit for new files (bytes; default 20 MiB, the server's). */
gsize          awp_attachment_get_max_size (void);
void           awp_attachment_set_max_size (gsize max_size);

/* Checks and keeps @bytes as the file @name: refuses an empty file, one
 * over the limit or not an allowed type, with a translated message naming
 * the file. Adding the same bytes again is harmless. */
AwpAttachment *awp_attachment_add_bytes   (AwpStore     *store,
                                           const char   *name,
                                           GBytes       *bytes,
                                           GError      **error);
/* Reads @file (its display name becomes the name) and adds it; the size is
 * checked before the file is read. */
AwpAttachment *awp_attachment_add_file    (AwpStore     *store,
                                           GFile        *file,
                                           GCancellable *cancellable,
                                           GError      **error);
/* The attachments record @record_id names, in order: its "attachments"
 * and its meeting "results"."attachments" that are references. */
GPtrArray     *awp_attachment_list        (AwpStore     *store,
                                           const char   *record_id,
                                           GError      **error);
/* Every reference in @data (a record's JSON), as above, local unknown. */
GPtrArray     *awp_attachment_refs        (JsonObject   *data);
/* The bytes, or NULL (NOT_LOCAL when not downloaded yet). */
GBytes        *awp_attachment_read        (AwpStore     *store,
                                           const char   *id,
                                           GError      **error);
gboolean       awp_attachment_is_local    (AwpStore     *store,
                                           const char   *id);
/* Keeps downloaded bytes after checking they hash to @id (CORRUPT if not). */
gboolean       awp_attachment_store_downloaded (AwpStore     *store,
                                                const char   *id,
                                                const char   *name,
                                                const char   *mime,
                                                GBytes       *bytes,
                                                GError      **error);
/* The server has it (an upload answered 200/201). */
gboolean       awp_attachment_mark_uploaded (AwpStore     *store,
                                             const char   *id,
                                             GError      **error);
/* The server says it lacks the file after all (it dropped it): send it
 * again with the next push. FALSE (and nothing changed) when this store
 * does not have the bytes. */
gboolean       awp_attachment_forget_uploaded (AwpStore   *store,
                                               const char *id,
                                               GError    **error);
/* TRUE when this store has the bytes and the server may not yet. */
gboolean       awp_attachment_needs_upload  (AwpStore     *store,
                                             const char   *id);

/* "1.2 MB" and the like, for lists. */
char          *awp_attachment_format_size   (gint64        size);

G_END_DECLS

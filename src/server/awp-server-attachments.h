#pragma once

#include "awp-server-private.h"

G_BEGIN_DECLS

/* Content-addressed attachment blobs (docs/sync.md "Attachments"): a
 * record names a file by {id = SHA-256, name, mime, size}; the bytes are
 * PUT and GET at /api/v1/attachments/{sha256}. */

/* Creates the blob tables when missing. */
gboolean awp_server_attachments_init   (AwpServer         *server,
                                        GError           **error);
/* The most bytes a request to @path may carry: [server] max-attachment for
 * an attachment upload, [server] max-body otherwise. */
gsize    awp_server_attachments_limit  (AwpServer         *server,
                                        const char        *method,
                                        const char        *path);
void     awp_server_attachments_put    (AwpServerRequest  *req);
void     awp_server_attachments_get    (AwpServerRequest  *req);
/* Mutation validation: every attachment reference in @data has the right
 * shape and names a blob the server has; adds "attachments[i]" errors. */
void     awp_server_attachments_check  (AwpServer         *server,
                                        JsonObject        *data,
                                        GPtrArray         *errors);
/* Push: every referenced blob is on the server and the pusher's to name
 * (its organization uploaded it, or it may read a record naming it), so a
 * known hash alone opens nothing. Adds "attachment_missing" errors. */
gboolean awp_server_attachments_available (AwpServer           *server,
                                           const AwpServerUser *user,
                                           JsonObject          *data,
                                           GPtrArray           *errors);
/* Drops files uploaded before @before (unix seconds) that no stored record
 * (tombstones included) names any more, and references of purged records. */
gboolean awp_server_attachments_purge  (AwpServer         *server,
                                        gint64             before,
                                        GError           **error);
/* Remembers which blobs a stored record names, for the GET check. */
gboolean awp_server_attachments_index  (AwpServer         *server,
                                        const char        *entity_type,
                                        const char        *entity_id,
                                        JsonObject        *data,
                                        GError           **error);

G_END_DECLS

#pragma once

#include <json-glib/json-glib.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* The audit log: append-only (triggers refuse UPDATE and DELETE) and
 * hash-chained. Each entry's hash is SHA-256 over a length-prefixed
 * serialization of its fields and the previous entry's hash, so editing,
 * inserting or removing any entry but the last breaks the chain from there. */

#define AWP_AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* Appends one entry; call inside the transaction of the change it records. */
gboolean awp_audit_append (AwpStore    *store,
                           const char  *actor,
                           const char  *action,
                           const char  *entity_type,
                           const char  *entity_id,
                           const char  *norm,
                           JsonObject  *detail,
                           GError     **error);

/* Walks the chain. TRUE when intact, with the entry count in @n_entries;
 * FALSE with @broken_id > 0 naming the first bad entry, or FALSE with
 * @error when the log cannot be read. */
gboolean awp_audit_verify (AwpStore    *store,
                           gint64      *n_entries,
                           gint64      *broken_id,
                           GError     **error);

G_END_DECLS

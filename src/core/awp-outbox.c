#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-outbox.h"
#include "awp-store-private.h"
#include "awp-uuid.h"

#define MUTATION_COLUMNS \
  "seq, mutation_id, entity_type, entity_id, op, base_version, patch, base_values," \
  " status, attempts, last_error"

void
awp_outbox_entry_free (AwpOutboxEntry *m)
{
  if (m == NULL)
    return;
  g_free (m->mutation_id);
  g_free (m->entity_type);
  g_free (m->entity_id);
  g_free (m->op);
  g_clear_pointer (&m->patch, json_object_unref);
  g_clear_pointer (&m->base_values, json_object_unref);
  g_free (m->status);
  g_free (m->last_error);
  g_free (m->group);
  g_free (m);
}

static char *
column_dup (sqlite3_stmt *stmt, int i)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, i));
}

static AwpOutboxEntry *
mutation_from_row (sqlite3_stmt *stmt)
{
  AwpOutboxEntry *m = g_new0 (AwpOutboxEntry, 1);

  m->seq = sqlite3_column_int64 (stmt, 0);
  m->mutation_id = column_dup (stmt, 1);
  m->entity_type = column_dup (stmt, 2);
  m->entity_id = column_dup (stmt, 3);
  m->op = column_dup (stmt, 4);
  m->base_version = sqlite3_column_int64 (stmt, 5);
  m->patch = awp_json_object_from_string ((const char *) sqlite3_column_text (stmt, 6), NULL);
  m->base_values = awp_json_object_from_string ((const char *) sqlite3_column_text (stmt, 7), NULL);
  m->status = column_dup (stmt, 8);
  m->attempts = sqlite3_column_int (stmt, 9);
  m->last_error = column_dup (stmt, 10);
  if (m->patch == NULL)
    m->patch = json_object_new ();
  if (m->base_values == NULL)
    m->base_values = json_object_new ();
  if (json_object_has_member (m->base_values, AWP_OUTBOX_GROUP_MEMBER))
    {
      m->group = g_strdup (json_object_get_string_member_with_default (m->base_values, AWP_OUTBOX_GROUP_MEMBER, NULL));
      json_object_remove_member (m->base_values, AWP_OUTBOX_GROUP_MEMBER);
    }
  return m;
}

static GPtrArray *
collect (AwpStore      *store,
         AwpCachedStmt *stmt,
         GError       **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_outbox_entry_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, mutation_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      awp_store_fail (store, "outbox", error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

GPtrArray *
awp_outbox_list_pending (AwpStore    *store,
                         guint        limit,
                         GError     **error)
{
  g_autoptr(AwpCachedStmt) stmt = NULL;

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);

  stmt = awp_store_prepare (store,
    "SELECT " MUTATION_COLUMNS " FROM outbox o WHERE status = 'pending'"
    "   AND NOT EXISTS (SELECT 1 FROM outbox h WHERE h.entity_id = o.entity_id AND h.seq < o.seq"
    "                     AND h.status IN ('conflict', 'rejected'))"
    " ORDER BY seq LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  return collect (store, stmt, error);
}

GPtrArray *
awp_outbox_list_group (AwpStore    *store,
                       const char  *group,
                       gboolean    *ready,
                       GError     **error)
{
  g_autoptr(AwpCachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) members = NULL;

  g_return_val_if_fail (AWP_IS_STORE (store) && group != NULL, NULL);

  /* Schema 6 keeps the group in an indexed column as well. */
  stmt = awp_store_prepare (store, awp_store_get_schema_version (store) >= 6
    ? "SELECT " MUTATION_COLUMNS " FROM outbox WHERE group_id = ? AND status <> 'acked' ORDER BY seq"
    : "SELECT " MUTATION_COLUMNS " FROM outbox WHERE status <> 'acked'"
      "   AND json_extract (base_values, '$.\"" AWP_OUTBOX_GROUP_MEMBER "\"') = ? ORDER BY seq", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, group, -1, SQLITE_STATIC);
  members = collect (store, stmt, error);
  if (members == NULL)
    return NULL;
  if (ready != NULL)
    *ready = members->len > 0;
  for (guint i = 0; i < members->len; i++)
    {
      AwpOutboxEntry *m = members->pdata[i];

      m->group_size = members->len;
      if (ready != NULL && *ready && !g_str_equal (m->status, "pending"))
        *ready = FALSE;
      if (ready != NULL && *ready)
        {
          g_autoptr(AwpCachedStmt) earlier = awp_store_prepare (store,
            "SELECT 1 FROM outbox WHERE entity_id = ? AND seq < ? AND status <> 'acked' LIMIT 1", error);

          if (earlier == NULL)
            return NULL;
          sqlite3_bind_text (earlier, 1, m->entity_id, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (earlier, 2, m->seq);
          if (sqlite3_step (earlier) == SQLITE_ROW)
            *ready = FALSE;
          sqlite3_reset (earlier);
        }
    }
  return g_steal_pointer (&members);
}

GPtrArray *
awp_outbox_list (AwpStore    *store,
                 const char  *status,
                 GError     **error)
{
  g_autoptr(AwpCachedStmt) stmt = NULL;

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);

  stmt = awp_store_prepare (store,
    "SELECT " MUTATION_COLUMNS " FROM outbox WHERE ?1 IS NULL OR status = ?1 ORDER BY seq", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_STATIC);
  return collect (store, stmt, error);
}

gint64
awp_outbox_count (AwpStore    *store,
                  const char  *status,
                  GError     **error)
{
  g_autoptr(AwpCachedStmt) stmt = NULL;

  g_return_val_if_fail (AWP_IS_STORE (store), -1);

  stmt = awp_store_prepare (store, "SELECT count(*) FROM outbox WHERE ?1 IS NULL OR status = ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      awp_store_fail (store, "outbox", error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
awp_outbox_add (AwpStore    *store,
                const char  *op,
                const char  *entity_type,
                const char  *entity_id,
                gint64       base_version,
                JsonObject  *patch,
                JsonObject  *base_values,
                const char  *author,
                GError     **error)
{
  gboolean v6 = awp_store_get_schema_version (store) >= 6;
  g_autoptr(AwpCachedStmt) add = awp_store_prepare (store, v6
    ? "INSERT INTO outbox (mutation_id, entity_type, entity_id, op, base_version, patch,"
      "                    base_values, created_at, author, group_id)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    : "INSERT INTO outbox (mutation_id, entity_type, entity_id, op, base_version, patch,"
      "                    base_values, created_at, author)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  g_autofree char *mutation_id = awp_uuid_v4 ();
  g_autofree char *patch_text = awp_json_object_to_string (patch);
  g_autofree char *base_text = awp_json_object_to_string (base_values);
  g_autofree char *now = awp_store_now_iso ();
  g_autoptr(AwpCachedStmt) keep = NULL;

  if (add == NULL)
    return FALSE;
  if (awp_store_get_group (store) != NULL)
    {
      g_autoptr(JsonObject) grouped = awp_json_object_from_string (base_text, NULL);

      json_object_set_string_member (grouped, AWP_OUTBOX_GROUP_MEMBER, awp_store_get_group (store));
      g_free (base_text);
      base_text = awp_json_object_to_string (grouped);
    }
  /* The base must survive the record's first local change. */
  keep = awp_store_prepare (store,
    "UPDATE record_base SET data = (SELECT data FROM record WHERE record.id = record_base.id)"
    " WHERE id = ? AND data IS NULL AND NOT deleted", error);
  if (keep == NULL)
    return FALSE;
  sqlite3_bind_text (keep, 1, entity_id, -1, SQLITE_STATIC);
  if (!awp_store_step_done (store, keep, error))
    return FALSE;
  sqlite3_bind_text (add, 1, mutation_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 2, entity_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 3, entity_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 4, op, -1, SQLITE_STATIC);
  if (base_version > 0)
    sqlite3_bind_int64 (add, 5, base_version);
  sqlite3_bind_text (add, 6, patch_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 7, base_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 8, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 9, author, -1, SQLITE_STATIC);
  if (v6)
    sqlite3_bind_text (add, 10, awp_store_get_group (store), -1, SQLITE_STATIC);
  return awp_store_step_done (store, add, error);
}

static void
merge_into (JsonObject *target,
            JsonObject *patch)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  json_object_iter_init (&iter, patch);
  while (json_object_iter_next (&iter, &key, &value))
    json_object_set_member (target, key, json_node_copy (value));
}

gboolean
awp_outbox_rebuild_record (AwpStore    *store,
                           const char  *entity_id,
                           GError     **error)
{
  g_autoptr(AwpCachedStmt) base = awp_store_prepare (store,
    "SELECT b.type, b.server_version, b.deleted, coalesce (b.data, r.data)"
    "  FROM record_base b LEFT JOIN record r ON r.id = b.id WHERE b.id = ?", error);
  g_autoptr(AwpCachedStmt) local = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(JsonObject) shown = NULL;
  g_autofree char *type = NULL;
  const char *state = "synced";
  gint64 version = 0;
  gboolean exists = FALSE;
  int rc;

  if (base == NULL)
    return FALSE;
  sqlite3_bind_text (base, 1, entity_id, -1, SQLITE_STATIC);
  if (sqlite3_step (base) == SQLITE_ROW)
    {
      type = column_dup (base, 0);
      version = sqlite3_column_int64 (base, 1);
      exists = !sqlite3_column_int (base, 2);
      if (exists)
        data = awp_json_object_from_string ((const char *) sqlite3_column_text (base, 3), error);
      if (exists && data == NULL)
        return FALSE;
      /* A tombstone has no data: coalesce gave the copy shown until now. */
      if (!exists && sqlite3_column_type (base, 3) != SQLITE_NULL)
        shown = awp_json_object_from_string ((const char *) sqlite3_column_text (base, 3), NULL);
    }
  sqlite3_reset (base);

  local = awp_store_prepare (store,
    "SELECT " MUTATION_COLUMNS " FROM outbox WHERE entity_id = ? AND status <> 'acked' ORDER BY seq", error);
  if (local == NULL)
    return FALSE;
  sqlite3_bind_text (local, 1, entity_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (local)) == SQLITE_ROW)
    {
      g_autoptr(AwpOutboxEntry) m = mutation_from_row (local);

      if (type == NULL)
        type = g_strdup (m->entity_type);
      if (g_str_equal (m->op, "delete"))
        {
          exists = FALSE;
          g_clear_pointer (&data, json_object_unref);
        }
      else
        {
          if (data == NULL || g_str_equal (m->op, "create"))
            {
              g_clear_pointer (&data, json_object_unref);
              /* Deleted on the server while edits waited: they stay edits of
               * the whole record last shown, so "mine" brings all of it back. */
              data = shown != NULL && !g_str_equal (m->op, "create") ? json_object_ref (shown) : json_object_new ();
            }
          merge_into (data, m->patch);
          exists = TRUE;
        }
      /* The most serious state wins: a conflict or rejection stays visible. */
      if (g_str_equal (m->status, "conflict"))
        state = "conflict";
      else if (g_str_equal (m->status, "rejected") && !g_str_equal (state, "conflict"))
        state = "rejected";
      else if (g_str_equal (state, "synced"))
        state = "pending";
    }
  if (rc != SQLITE_DONE)
    return awp_store_fail (store, "outbox", error);
  sqlite3_reset (local);

  awp_store_emit_will_change (store, entity_id);
  if (exists && data != NULL)
    {
      if (!awp_store_put_record (store, entity_id, type, data, NULL, version, state, error))
        return FALSE;
    }
  else if (!awp_store_remove_record (store, entity_id, error))
    return FALSE;
  awp_store_emit_changed (store, entity_id);
  return TRUE;
}

/* Loads one outbox row inside the current transaction. */
static AwpOutboxEntry *
get_mutation (AwpStore    *store,
              const char  *mutation_id,
              GError     **error)
{
  g_autoptr(AwpCachedStmt) get = awp_store_prepare (store,
    "SELECT " MUTATION_COLUMNS " FROM outbox WHERE mutation_id = ?", error);
  int rc;

  if (get == NULL)
    return NULL;
  sqlite3_bind_text (get, 1, mutation_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (get);
  if (rc == SQLITE_ROW)
    return mutation_from_row (get);
  if (rc == SQLITE_DONE)
    g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_NOT_FOUND,
                 _("No change with id “%s” in the outbox"), mutation_id);
  else
    awp_store_fail (store, "outbox", error);
  return NULL;
}

static gboolean
set_status (AwpStore    *store,
            const char  *mutation_id,
            const char  *status,
            gboolean     count_attempt,
            const char  *last_error,
            GError     **error)
{
  g_autoptr(AwpCachedStmt) set = awp_store_prepare (store,
    "UPDATE outbox SET status = ?2, attempts = attempts + ?3, last_error = coalesce (?4, last_error)"
    " WHERE mutation_id = ?1", error);

  if (set == NULL)
    return FALSE;
  sqlite3_bind_text (set, 1, mutation_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (set, 2, status, -1, SQLITE_STATIC);
  sqlite3_bind_int (set, 3, count_attempt ? 1 : 0);
  sqlite3_bind_text (set, 4, last_error, -1, SQLITE_STATIC);
  return awp_store_step_done (store, set, error);
}

/* Runs @body between BEGIN and COMMIT, rolling back on failure. */
#define IN_TRANSACTION(store, error, body) \
  G_STMT_START { \
    if (!awp_store_begin ((store), (error))) \
      return FALSE; \
    if (!(body)) \
      { \
        awp_store_rollback (store); \
        return FALSE; \
      } \
    return awp_store_commit ((store), (error)); \
  } G_STMT_END

static gboolean
mark_simple (AwpStore    *store,
             const char  *mutation_id,
             const char  *from,
             const char  *to,
             gboolean     count_attempt,
             const char  *last_error,
             GError     **error)
{
  g_autoptr(AwpOutboxEntry) m = get_mutation (store, mutation_id, error);

  if (m == NULL)
    return FALSE;
  if (!g_str_equal (m->status, from))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The change “%s” is %s, not %s"), mutation_id, m->status, from);
      return FALSE;
    }
  return set_status (store, mutation_id, to, count_attempt, last_error, error);
}

gboolean
awp_outbox_mark_inflight (AwpStore    *store,
                          const char  *mutation_id,
                          GError     **error)
{
  g_return_val_if_fail (AWP_IS_STORE (store) && mutation_id != NULL, FALSE);
  IN_TRANSACTION (store, error, mark_simple (store, mutation_id, "pending", "inflight", TRUE, NULL, error));
}

gboolean
awp_outbox_mark_retry (AwpStore    *store,
                       const char  *mutation_id,
                       const char  *last_error,
                       GError     **error)
{
  g_return_val_if_fail (AWP_IS_STORE (store) && mutation_id != NULL, FALSE);
  IN_TRANSACTION (store, error, mark_simple (store, mutation_id, "inflight", "pending", FALSE, last_error, error));
}

static gboolean
mark_batch (AwpStore    *store,
            GPtrArray   *entries,
            gboolean     inflight,
            const char  *last_error,
            GError     **error)
{
  /* One UPDATE over the batch's sequence numbers instead of a read and a
   * write per row (docs/sync.md "Figures"); RETURNING names the rows it
   * moved, so one that was not in the expected state is found. */
  g_autoptr(AwpCachedStmt) set = awp_store_prepare (store,
    "UPDATE outbox SET status = ?2, attempts = attempts + ?3, last_error = coalesce (?4, last_error)"
    " WHERE status = ?1 AND seq IN (SELECT value FROM json_each (?5)) RETURNING seq", error);
  g_autoptr(GString) seqs = g_string_new ("[");
  g_autoptr(GHashTable) moved = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  const char *from = inflight ? "pending" : "inflight";
  int rc;

  if (set == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    g_string_append_printf (seqs, "%s%" G_GINT64_FORMAT, i ? "," : "", ((AwpOutboxEntry *) entries->pdata[i])->seq);
  g_string_append_c (seqs, ']');
  sqlite3_bind_text (set, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (set, 2, inflight ? "inflight" : "pending", -1, SQLITE_STATIC);
  sqlite3_bind_int (set, 3, inflight ? 1 : 0);
  sqlite3_bind_text (set, 4, inflight ? NULL : last_error, -1, SQLITE_STATIC);
  sqlite3_bind_text (set, 5, seqs->str, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (set)) == SQLITE_ROW)
    g_hash_table_add (moved, g_memdup2 (&(gint64) { sqlite3_column_int64 (set, 0) }, sizeof (gint64)));
  sqlite3_reset (set);
  if (rc != SQLITE_DONE)
    return awp_store_fail (store, "outbox", error);
  for (guint i = 0; i < entries->len; i++)
    {
      AwpOutboxEntry *e = entries->pdata[i];
      g_autoptr(AwpOutboxEntry) m = NULL;

      if (g_hash_table_contains (moved, &e->seq))
        continue;
      m = get_mutation (store, e->mutation_id, error);
      if (m == NULL)
        return FALSE;
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The change “%s” is %s, not %s"), e->mutation_id, m->status, from);
      return FALSE;
    }
  return TRUE;
}

gboolean
awp_outbox_mark_batch (AwpStore    *store,
                       GPtrArray   *entries,
                       gboolean     inflight,
                       const char  *last_error,
                       GError     **error)
{
  g_return_val_if_fail (AWP_IS_STORE (store) && entries != NULL, FALSE);
  IN_TRANSACTION (store, error, mark_batch (store, entries, inflight, last_error, error));
}

static gboolean
resend (AwpStore    *store,
        const char  *mutation_id,
        const char  *last_error,
        GError     **error)
{
  g_autoptr(AwpOutboxEntry) m = get_mutation (store, mutation_id, error);
  g_autoptr(AwpCachedStmt) set = NULL;
  g_autofree char *fresh = awp_uuid_v4 ();

  if (m == NULL)
    return FALSE;
  if (!g_str_equal (m->status, "inflight"))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The change “%s” is %s, not %s"), mutation_id, m->status, "inflight");
      return FALSE;
    }
  set = awp_store_prepare (store, "UPDATE outbox SET mutation_id = ?2, status = 'pending', last_error = ?3"
                                  " WHERE mutation_id = ?1", error);
  if (set == NULL)
    return FALSE;
  sqlite3_bind_text (set, 1, mutation_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (set, 2, fresh, -1, SQLITE_STATIC);
  sqlite3_bind_text (set, 3, last_error, -1, SQLITE_STATIC);
  return awp_store_step_done (store, set, error);
}

gboolean
awp_outbox_mark_resend (AwpStore    *store,
                        const char  *mutation_id,
                        const char  *last_error,
                        GError     **error)
{
  g_return_val_if_fail (AWP_IS_STORE (store) && mutation_id != NULL, FALSE);
  IN_TRANSACTION (store, error, resend (store, mutation_id, last_error, error));
}

/* @known: the row as listed for the push (patch, op and entity do not
 * change while it is sent), so only its status is read again. */
static gboolean
ack (AwpStore             *store,
     const char           *mutation_id,
     const AwpOutboxEntry *known,
     gint64                new_version,
     GError              **error)
{
  g_autoptr(AwpOutboxEntry) read = NULL;
  const AwpOutboxEntry *m;
  g_autofree char *status = NULL;
  g_autoptr(AwpCachedStmt) base = NULL;
  g_autoptr(AwpCachedStmt) put = NULL;
  g_autoptr(AwpCachedStmt) rebase = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *data_text = NULL;
  gboolean deleted;

  if (known != NULL)
    {
      g_autoptr(AwpCachedStmt) get = awp_store_prepare (store, "SELECT status FROM outbox WHERE mutation_id = ? AND seq = ?", error);

      if (get == NULL)
        return FALSE;
      sqlite3_bind_text (get, 1, mutation_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (get, 2, known->seq);
      if (sqlite3_step (get) == SQLITE_ROW)
        status = column_dup (get, 0);
      sqlite3_reset (get);
      if (status == NULL)
        {
          g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_NOT_FOUND,
                       _("No change with id “%s” in the outbox"), mutation_id);
          return FALSE;
        }
      m = known;
    }
  else
    {
      read = get_mutation (store, mutation_id, error);
      if (read == NULL)
        return FALSE;
      status = g_strdup (read->status);
      m = read;
    }
  if (!g_str_equal (status, "inflight") && !g_str_equal (status, "pending"))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The change “%s” is %s, not %s"), mutation_id, status, "inflight");
      return FALSE;
    }
  base = awp_store_prepare (store,
    "SELECT coalesce (b.data, r.data) FROM record_base b LEFT JOIN record r ON r.id = b.id"
    " WHERE b.id = ? AND NOT b.deleted", error);
  if (base == NULL)
    return FALSE;
  sqlite3_bind_text (base, 1, m->entity_id, -1, SQLITE_STATIC);
  if (sqlite3_step (base) == SQLITE_ROW && !g_str_equal (m->op, "create"))
    data = awp_json_object_from_string ((const char *) sqlite3_column_text (base, 0), NULL);
  sqlite3_reset (base);
  if (data == NULL)
    data = json_object_new ();
  merge_into (data, m->patch);
  deleted = g_str_equal (m->op, "delete");
  data_text = awp_json_object_to_string (data);

  /* max(): a late ack never moves the confirmed version back. */
  put = awp_store_prepare (store,
    "INSERT INTO record_base (id, type, server_version, deleted, data) VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (id) DO UPDATE SET server_version = max (server_version, ?3), deleted = ?4, data = ?5", error);
  if (put == NULL)
    return FALSE;
  sqlite3_bind_text (put, 1, m->entity_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (put, 2, m->entity_type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (put, 3, new_version);
  sqlite3_bind_int (put, 4, deleted);
  sqlite3_bind_text (put, 5, data_text, -1, SQLITE_STATIC);
  if (!awp_store_step_done (store, put, error)
      || !set_status (store, mutation_id, "acked", FALSE, NULL, error))
    return FALSE;

  rebase = awp_store_prepare (store,
    "UPDATE outbox SET base_version = ?3 WHERE seq = (SELECT min (seq) FROM outbox"
    "  WHERE entity_id = ?1 AND seq > ?2 AND status = 'pending')", error);
  if (rebase == NULL)
    return FALSE;
  sqlite3_bind_text (rebase, 1, m->entity_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (rebase, 2, m->seq);
  sqlite3_bind_int64 (rebase, 3, new_version);
  if (!awp_store_step_done (store, rebase, error))
    return FALSE;

  /* Usually nothing else waits for the record and the server took the
   * change as it is shown: only the version and state move, which spares
   * rebuilding the row, its columns and its search text. */
  if (!deleted)
    {
      g_autoptr(AwpCachedStmt) settle = awp_store_prepare (store,
        "UPDATE record SET server_version = (SELECT server_version FROM record_base WHERE id = ?1),"
        " state = 'synced' WHERE id = ?1 AND data = ?2"
        " AND NOT EXISTS (SELECT 1 FROM outbox WHERE entity_id = ?1 AND status <> 'acked')", error);

      if (settle == NULL)
        return FALSE;
      sqlite3_bind_text (settle, 1, m->entity_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (settle, 2, data_text, -1, SQLITE_STATIC);
      /* Before the change, so a list model knows where the row was. */
      awp_store_emit_will_change (store, m->entity_id);
      if (!awp_store_step_done (store, settle, error))
        return FALSE;
      if (sqlite3_changes (awp_store_get_db (store)) == 1)
        {
          awp_store_emit_changed (store, m->entity_id);
          return TRUE;
        }
    }
  return awp_outbox_rebuild_record (store, m->entity_id, error);
}

gboolean
awp_outbox_mark_acked (AwpStore    *store,
                       const char  *mutation_id,
                       gint64       new_version,
                       GError     **error)
{
  g_return_val_if_fail (AWP_IS_STORE (store) && mutation_id != NULL, FALSE);
  g_return_val_if_fail (new_version > 0, FALSE);
  IN_TRANSACTION (store, error, ack (store, mutation_id, NULL, new_version, error));
}

gboolean
awp_outbox_mark_acked_entry (AwpStore             *store,
                             const AwpOutboxEntry *entry,
                             gint64                new_version,
                             GError              **error)
{
  g_return_val_if_fail (AWP_IS_STORE (store) && entry != NULL, FALSE);
  g_return_val_if_fail (new_version > 0, FALSE);
  IN_TRANSACTION (store, error, ack (store, entry->mutation_id, entry, new_version, error));
}

static gboolean
conflict (AwpStore    *store,
          const char  *mutation_id,
          gint64       server_version,
          JsonObject  *server_data,
          JsonArray   *fields,
          GError     **error)
{
  g_autoptr(AwpOutboxEntry) m = get_mutation (store, mutation_id, error);
  g_autoptr(AwpCachedStmt) add = NULL;
  g_autoptr(JsonNode) fields_node = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *fields_text = NULL;
  g_autofree char *server_text = server_data ? awp_json_object_to_string (server_data) : NULL;
  g_autofree char *patch_text = NULL;
  g_autofree char *now = awp_store_now_iso ();

  if (m == NULL)
    return FALSE;
  json_node_set_array (fields_node, fields);
  fields_text = json_to_string (fields_node, FALSE);
  patch_text = awp_json_object_to_string (m->patch);
  add = awp_store_prepare (store,
    "INSERT OR REPLACE INTO conflict (mutation_id, entity_id, server_version, server_data, local_patch, fields, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (add == NULL)
    return FALSE;
  sqlite3_bind_text (add, 1, mutation_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 2, m->entity_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (add, 3, server_version);
  sqlite3_bind_text (add, 4, server_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 5, patch_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 6, fields_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 7, now, -1, SQLITE_STATIC);
  return awp_store_step_done (store, add, error)
         && set_status (store, mutation_id, "conflict", FALSE, NULL, error)
         && awp_outbox_rebuild_record (store, m->entity_id, error);
}

gboolean
awp_outbox_mark_conflict (AwpStore    *store,
                          const char  *mutation_id,
                          gint64       server_version,
                          JsonObject  *server_data,
                          JsonArray   *fields,
                          GError     **error)
{
  g_return_val_if_fail (AWP_IS_STORE (store) && mutation_id != NULL && fields != NULL, FALSE);
  IN_TRANSACTION (store, error, conflict (store, mutation_id, server_version, server_data, fields, error));
}

static gboolean
reject (AwpStore    *store,
        const char  *mutation_id,
        JsonArray   *errors,
        GError     **error)
{
  g_autoptr(AwpOutboxEntry) m = get_mutation (store, mutation_id, error);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *text = NULL;

  if (m == NULL)
    return FALSE;
  json_node_set_array (node, errors);
  text = json_to_string (node, FALSE);
  return set_status (store, mutation_id, "rejected", FALSE, text, error)
         && awp_outbox_rebuild_record (store, m->entity_id, error);
}

gboolean
awp_outbox_mark_rejected (AwpStore    *store,
                          const char  *mutation_id,
                          JsonArray   *errors,
                          GError     **error)
{
  g_return_val_if_fail (AWP_IS_STORE (store) && mutation_id != NULL && errors != NULL, FALSE);
  IN_TRANSACTION (store, error, reject (store, mutation_id, errors, error));
}

/* Whether unacknowledged outbox rows exist for @entity_id. */
static gboolean
has_local_changes (AwpStore    *store,
                   const char  *entity_id,
                   GError     **error)
{
  g_autoptr(AwpCachedStmt) any = awp_store_prepare (store,
    "SELECT 1 FROM outbox WHERE entity_id = ? AND status <> 'acked' LIMIT 1", error);
  gboolean found;

  if (any == NULL)
    return FALSE;
  sqlite3_bind_text (any, 1, entity_id, -1, SQLITE_STATIC);
  found = sqlite3_step (any) == SQLITE_ROW;
  sqlite3_reset (any);
  return found;
}

static gboolean
apply_change (AwpStore    *store,
              JsonObject  *change,
              guint        index,
              gboolean     any_local,
              GError     **error)
{
  const char *type = json_object_get_string_member_with_default (change, "entity_type", NULL);
  const char *id = json_object_get_string_member_with_default (change, "id", NULL);
  gint64 version = json_object_get_int_member_with_default (change, "version", 0);
  gboolean deleted = json_object_get_boolean_member_with_default (change, "deleted", FALSE);
  JsonNode *data_node = json_object_get_member (change, "data");
  JsonObject *data = data_node && JSON_NODE_HOLDS_OBJECT (data_node) ? json_node_get_object (data_node) : NULL;
  g_autoptr(AwpCachedStmt) put = NULL;
  g_autofree char *data_text = NULL;
  gboolean local = FALSE;

  if (type == NULL || id == NULL || version <= 0 || (!deleted && data == NULL))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("Change %u of the pulled page lacks entity_type, id, version or data"), index);
      return FALSE;
    }
  /* The body the record belongs to travels beside the data; the queues
   * filter on it (record.org_id), so it goes into the data too. */
  if (data != NULL && !json_object_has_member (data, "org_id")
      && json_object_get_string_member_with_default (change, "org_id", NULL) != NULL)
    json_object_set_string_member (data, "org_id", json_object_get_string_member (change, "org_id"));
  data_text = data ? awp_json_object_to_string (data) : NULL;
  if (any_local)
    {
      local = has_local_changes (store, id, error);
      if (error != NULL && *error != NULL)
        return FALSE;
    }
  /* An older version than the one held is ignored: versions never go back.
   * A record stored as it came keeps its base as NULL, "the same as
   * record.data" (awp_outbox_add copies it before the first local change):
   * a first download writes each body once, not twice. */
  put = awp_store_prepare (store,
    "INSERT INTO record_base (id, type, server_version, deleted, data) VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (id) DO UPDATE SET server_version = ?3, deleted = ?4, data = ?5, type = ?2"
    "   WHERE ?3 >= server_version", error);
  if (put == NULL)
    return FALSE;
  sqlite3_bind_text (put, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (put, 2, type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (put, 3, version);
  sqlite3_bind_int (put, 4, deleted);
  sqlite3_bind_text (put, 5, local || deleted ? data_text : NULL, -1, SQLITE_STATIC);
  if (!awp_store_step_done (store, put, error))
    return FALSE;
  if (sqlite3_changes (awp_store_get_db (store)) == 0)
    return TRUE;  /* older than what we hold: nothing changes */
  if (local)
    return awp_outbox_rebuild_record (store, id, error);
  /* No local edit waits for it (the common case): the record is the
   * server's copy as it came, without parsing it back. */
  awp_store_emit_will_change (store, id);
  if (deleted ? !awp_store_remove_record (store, id, error)
              : !awp_store_put_record (store, id, type, data, data_text, version, "synced", error))
    return FALSE;
  awp_store_emit_changed (store, id);
  return TRUE;
}

/* A newer server may send kinds of records this version does not know yet:
 * keep them (registered as top-level types) rather than fail every pull, so
 * they are there when the program learns to show them. */
static gboolean
know_entity_type (AwpStore    *store,
                  JsonObject  *change,
                  GError     **error)
{
  g_autoptr(AwpCachedStmt) ins = NULL;
  const char *type = json_object_get_string_member_with_default (change, "entity_type", NULL);

  if (type == NULL || *type == '\0')
    return TRUE;  /* apply_change reports the missing field */
  ins = awp_store_prepare (store, "INSERT OR IGNORE INTO entity_type (name, parent) VALUES (?, NULL)", error);
  if (ins == NULL)
    return FALSE;
  sqlite3_bind_text (ins, 1, type, -1, SQLITE_STATIC);
  return awp_store_step_done (store, ins, error);
}

static gboolean
pull (AwpStore    *store,
      JsonArray   *changes,
      const char  *next_cursor,
      GError     **error)
{
  g_autoptr(AwpCachedStmt) cursor = NULL;
  g_autoptr(AwpCachedStmt) local = NULL;
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean any_local;

  if (!awp_store_fts_stage_begin (store, error))
    return FALSE;
  /* Most pages meet no local edit at all: then no record needs the
   * per-record look into the outbox. */
  local = awp_store_prepare (store, "SELECT 1 FROM outbox WHERE status <> 'acked' LIMIT 1", error);
  if (local == NULL)
    return FALSE;
  any_local = sqlite3_step (local) == SQLITE_ROW;
  sqlite3_reset (local);

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonNode *node = json_array_get_element (changes, i);
      const char *type;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                       _("Change %u of the pulled page is not an object"), i);
          return FALSE;
        }
      type = json_object_get_string_member_with_default (json_node_get_object (node), "entity_type", NULL);
      if (type == NULL || !g_hash_table_contains (known, type))
        {
          if (!know_entity_type (store, json_node_get_object (node), error))
            return FALSE;
          if (type != NULL)
            g_hash_table_add (known, (gpointer) type);
        }
      if (!apply_change (store, json_node_get_object (node), i, any_local, error))
        return FALSE;
    }
  if (!awp_store_fts_stage_end (store, error))
    return FALSE;
  cursor = awp_store_prepare (store, "UPDATE sync_state SET pull_cursor = ? WHERE singleton = 1", error);
  if (cursor == NULL)
    return FALSE;
  sqlite3_bind_text (cursor, 1, next_cursor, -1, SQLITE_STATIC);
  return awp_store_step_done (store, cursor, error);
}

gboolean
awp_outbox_apply_pull (AwpStore    *store,
                       JsonArray   *changes,
                       const char  *next_cursor,
                       GError     **error)
{
  g_return_val_if_fail (AWP_IS_STORE (store) && changes != NULL && next_cursor != NULL, FALSE);
  IN_TRANSACTION (store, error, pull (store, changes, next_cursor, error));
}

static gboolean
forget_unseen (AwpStore    *store,
               GHashTable  *seen,
               GError     **error)
{
  g_autoptr(AwpCachedStmt) list = awp_store_prepare (store,
    "SELECT id FROM record_base b WHERE NOT EXISTS"
    " (SELECT 1 FROM outbox o WHERE o.entity_id = b.id AND o.status <> 'acked')", error);
  g_autoptr(AwpCachedStmt) drop = NULL;
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (list == NULL)
    return FALSE;
  while ((rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (list, 0);

      if (!g_hash_table_contains (seen, id))
        g_ptr_array_add (gone, g_strdup (id));
    }
  if (rc != SQLITE_DONE)
    return awp_store_fail (store, "outbox", error);
  sqlite3_reset (list);
  drop = awp_store_prepare (store, "DELETE FROM record_base WHERE id = ?", error);
  if (drop == NULL)
    return FALSE;
  for (guint i = 0; i < gone->len; i++)
    {
      sqlite3_bind_text (drop, 1, gone->pdata[i], -1, SQLITE_STATIC);
      if (!awp_store_step_done (store, drop, error))
        return FALSE;
      sqlite3_reset (drop);
      if (!awp_outbox_rebuild_record (store, gone->pdata[i], error))
        return FALSE;
    }
  return TRUE;
}

gboolean
awp_outbox_forget_unseen (AwpStore    *store,
                          GHashTable  *seen,
                          GError     **error)
{
  g_return_val_if_fail (AWP_IS_STORE (store) && seen != NULL, FALSE);
  IN_TRANSACTION (store, error, forget_unseen (store, seen, error));
}

/* Drops the unsent changes of @m's record from @m on. */
static gboolean
drop_from (AwpStore        *store,
           AwpOutboxEntry  *m,
           GError         **error)
{
  g_autoptr(AwpCachedStmt) unref = awp_store_prepare (store,
    "DELETE FROM conflict WHERE mutation_id IN (SELECT mutation_id FROM outbox"
    "  WHERE entity_id = ?1 AND seq >= ?2 AND status <> 'acked')", error);
  g_autoptr(AwpCachedStmt) drop = NULL;

  if (unref == NULL)
    return FALSE;
  sqlite3_bind_text (unref, 1, m->entity_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (unref, 2, m->seq);
  if (!awp_store_step_done (store, unref, error))
    return FALSE;
  drop = awp_store_prepare (store, "DELETE FROM outbox WHERE entity_id = ?1 AND seq >= ?2 AND status <> 'acked'", error);
  if (drop == NULL)
    return FALSE;
  sqlite3_bind_text (drop, 1, m->entity_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (drop, 2, m->seq);
  return awp_store_step_done (store, drop, error);
}

static gboolean
resolve (AwpStore       *store,
         const char     *mutation_id,
         AwpResolution   how,
         JsonObject     *values,
         GError        **error)
{
  g_autoptr(AwpOutboxEntry) m = get_mutation (store, mutation_id, error);
  g_autoptr(AwpCachedStmt) get = NULL;
  g_autoptr(AwpCachedStmt) base = NULL;
  g_autoptr(AwpCachedStmt) requeue = NULL;
  g_autoptr(JsonObject) server = NULL;
  g_autoptr(JsonObject) patch = NULL;
  g_autoptr(JsonObject) base_values = json_object_new ();
  g_autofree char *server_text = NULL;
  g_autofree char *patch_text = NULL;
  g_autofree char *base_text = NULL;
  g_autofree char *new_id = NULL;
  const char *op;
  gint64 server_version;
  gint64 base_version;

  if (m == NULL)
    return FALSE;
  if (!g_str_equal (m->status, "conflict"))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The change “%s” is %s, not %s"), mutation_id, m->status, "conflict");
      return FALSE;
    }
  get = awp_store_prepare (store, "SELECT server_version, server_data FROM conflict WHERE mutation_id = ?", error);
  if (get == NULL)
    return FALSE;
  sqlite3_bind_text (get, 1, mutation_id, -1, SQLITE_STATIC);
  if (sqlite3_step (get) != SQLITE_ROW)
    {
      sqlite3_reset (get);
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_NOT_FOUND,
                   _("No change with id “%s” in the outbox"), mutation_id);
      return FALSE;
    }
  server_version = sqlite3_column_int64 (get, 0);
  server_text = column_dup (get, 1);
  sqlite3_reset (get);
  if (server_text != NULL)
    server = awp_json_object_from_string (server_text, error);
  if (server_text != NULL && server == NULL)
    return FALSE;

  /* The server copy is the confirmed base from now on. */
  base = awp_store_prepare (store,
    "INSERT INTO record_base (id, type, server_version, deleted, data) VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (id) DO UPDATE SET server_version = ?3, deleted = ?4, data = ?5"
    "   WHERE ?3 >= server_version", error);
  if (base == NULL)
    return FALSE;
  sqlite3_bind_text (base, 1, m->entity_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (base, 2, m->entity_type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (base, 3, server_version);
  sqlite3_bind_int (base, 4, server == NULL);
  sqlite3_bind_text (base, 5, server_text, -1, SQLITE_STATIC);
  if (!awp_store_step_done (store, base, error))
    return FALSE;
  /* A pull since the conflict may have brought a newer copy: build on that. */
  {
    g_autoptr(AwpCachedStmt) now = awp_store_prepare (store,
      "SELECT server_version, deleted, data FROM record_base WHERE id = ?", error);

    if (now == NULL)
      return FALSE;
    sqlite3_bind_text (now, 1, m->entity_id, -1, SQLITE_STATIC);
    if (sqlite3_step (now) == SQLITE_ROW && sqlite3_column_int64 (now, 0) > server_version)
      {
        server_version = sqlite3_column_int64 (now, 0);
        g_clear_pointer (&server, json_object_unref);
        if (!sqlite3_column_int (now, 1) && sqlite3_column_text (now, 2) != NULL)
          server = awp_json_object_from_string ((const char *) sqlite3_column_text (now, 2), NULL);
      }
    sqlite3_reset (now);
  }

  if (how == AWP_RESOLVE_THEIRS)
    return drop_from (store, m, error) && awp_outbox_rebuild_record (store, m->entity_id, error);

  {
    g_autoptr(AwpCachedStmt) unref = awp_store_prepare (store, "DELETE FROM conflict WHERE mutation_id = ?", error);

    if (unref == NULL)
      return FALSE;
    sqlite3_bind_text (unref, 1, mutation_id, -1, SQLITE_STATIC);
    if (!awp_store_step_done (store, unref, error))
      return FALSE;
  }
  patch = json_object_ref (m->patch);
  if (how == AWP_RESOLVE_EDIT && values != NULL)
    {
      json_object_unref (patch);
      patch = json_object_new ();
      merge_into (patch, m->patch);
      merge_into (patch, values);
    }
  op = m->op;
  base_version = server_version;
  if (server == NULL && !g_str_equal (m->op, "delete"))
    {
      /* Deleted there, kept here: the record comes back whole. */
      g_autoptr(JsonObject) record = awp_store_get_record (store, m->entity_id, NULL);
      JsonObject *whole = json_object_new ();

      if (record != NULL)
        merge_into (whole, json_object_get_object_member (record, "data"));
      merge_into (whole, patch);
      /* The body travels beside the data (apply_change copies it in); the
       * server sets it, and refuses it as a field. */
      if (json_object_has_member (whole, "org_id"))
        json_object_remove_member (whole, "org_id");
      json_object_unref (patch);
      patch = whole;
      op = "create";
      base_version = 0;
    }
  else if (server != NULL)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_object_iter_init (&iter, g_str_equal (m->op, "delete") ? server : patch);
      while (json_object_iter_next (&iter, &key, &value))
        {
          JsonNode *was = json_object_get_member (server, key);

          if (was != NULL)
            json_object_set_member (base_values, key, json_node_copy (was));
          else
            json_object_set_null_member (base_values, key);
        }
    }
  new_id = awp_uuid_v4 ();
  patch_text = awp_json_object_to_string (patch);
  base_text = awp_json_object_to_string (base_values);
  /* The column mirrors base_values (schema 6): a change sent again alone
   * leaves its group in both. */
  requeue = awp_store_prepare (store, awp_store_get_schema_version (store) >= 6
    ? "UPDATE outbox SET mutation_id = ?2, op = ?3, base_version = ?4, patch = ?5, base_values = ?6,"
      "                  group_id = json_extract (?6, '$.\"" AWP_OUTBOX_GROUP_MEMBER "\"'),"
      "                  status = 'pending', last_error = NULL WHERE seq = ?1"
    : "UPDATE outbox SET mutation_id = ?2, op = ?3, base_version = ?4, patch = ?5, base_values = ?6,"
      "                  status = 'pending', last_error = NULL WHERE seq = ?1", error);
  if (requeue == NULL)
    return FALSE;
  sqlite3_bind_int64 (requeue, 1, m->seq);
  sqlite3_bind_text (requeue, 2, new_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (requeue, 3, op, -1, SQLITE_STATIC);
  if (base_version > 0)
    sqlite3_bind_int64 (requeue, 4, base_version);
  sqlite3_bind_text (requeue, 5, patch_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (requeue, 6, base_text, -1, SQLITE_STATIC);
  return awp_store_step_done (store, requeue, error)
         && awp_outbox_rebuild_record (store, m->entity_id, error);
}

gboolean
awp_outbox_resolve_conflict (AwpStore       *store,
                             const char     *mutation_id,
                             AwpResolution   how,
                             JsonObject     *values,
                             GError        **error)
{
  g_return_val_if_fail (AWP_IS_STORE (store) && mutation_id != NULL, FALSE);
  IN_TRANSACTION (store, error, resolve (store, mutation_id, how, values, error));
}

gboolean
awp_outbox_get_conflict (AwpStore     *store,
                         const char   *mutation_id,
                         gint64       *server_version,
                         JsonObject  **server_data,
                         GStrv        *fields,
                         GError      **error)
{
  g_autoptr(AwpCachedStmt) get = NULL;
  g_autoptr(JsonNode) names = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *data;

  g_return_val_if_fail (AWP_IS_STORE (store) && mutation_id != NULL, FALSE);

  get = awp_store_prepare (store, "SELECT server_version, server_data, fields FROM conflict WHERE mutation_id = ?", error);
  if (get == NULL)
    return FALSE;
  sqlite3_bind_text (get, 1, mutation_id, -1, SQLITE_STATIC);
  if (sqlite3_step (get) != SQLITE_ROW)
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_NOT_FOUND,
                   _("No change with id “%s” in the outbox"), mutation_id);
      return FALSE;
    }
  if (server_version != NULL)
    *server_version = sqlite3_column_int64 (get, 0);
  data = (const char *) sqlite3_column_text (get, 1);
  if (server_data != NULL)
    *server_data = data != NULL ? awp_json_object_from_string (data, NULL) : NULL;
  names = json_from_string ((const char *) sqlite3_column_text (get, 2), NULL);
  if (names != NULL && JSON_NODE_HOLDS_ARRAY (names))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (names)); i++)
      {
        JsonNode *n = json_array_get_element (json_node_get_array (names), i);

        if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
          g_strv_builder_add (builder, json_node_get_string (n));
      }
  if (fields != NULL)
    *fields = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
discard (AwpStore    *store,
         const char  *mutation_id,
         GError     **error)
{
  g_autoptr(AwpOutboxEntry) m = get_mutation (store, mutation_id, error);

  if (m == NULL)
    return FALSE;
  if (!g_str_equal (m->status, "rejected"))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The change “%s” is %s, not %s"), mutation_id, m->status, "rejected");
      return FALSE;
    }
  if (m->group != NULL)
    {
      /* The group reached the server whole or not at all: it goes whole. */
      g_autoptr(GPtrArray) members = awp_outbox_list_group (store, m->group, NULL, error);

      if (members == NULL)
        return FALSE;
      for (guint i = 0; i < members->len; i++)
        {
          AwpOutboxEntry *member = members->pdata[i];

          if (!drop_from (store, member, error) || !awp_outbox_rebuild_record (store, member->entity_id, error))
            return FALSE;
        }
      return TRUE;
    }
  return drop_from (store, m, error) && awp_outbox_rebuild_record (store, m->entity_id, error);
}

gboolean
awp_outbox_discard (AwpStore    *store,
                    const char  *mutation_id,
                    GError     **error)
{
  g_return_val_if_fail (AWP_IS_STORE (store) && mutation_id != NULL, FALSE);
  IN_TRANSACTION (store, error, discard (store, mutation_id, error));
}

char *
awp_outbox_get_cursor (AwpStore    *store,
                       GError     **error)
{
  g_autoptr(AwpCachedStmt) get = awp_store_prepare (store, "SELECT pull_cursor FROM sync_state WHERE singleton = 1", error);

  if (get == NULL || sqlite3_step (get) != SQLITE_ROW)
    return NULL;
  return column_dup (get, 0);
}

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-search.h"
#include "awp-state-machine.h"
#include "awp-store-private.h"

/* The working copy (`record`) and its typed columns. */

/* The index SQL dropped by awp_store_bulk_begin, for awp_store_bulk_end. */
static GQuark
bulk_quark (void)
{
  return g_quark_from_static_string (AWP_STORE_BULK_QDATA);
}

static const char *
member_string (JsonObject *data,
               const char *key)
{
  JsonNode *node = json_object_get_member (data, key);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static void
bind_member (sqlite3_stmt *stmt,
             int           column,
             JsonObject   *data,
             const char   *key)
{
  const char *value = member_string (data, key);

  if (value != NULL)
    sqlite3_bind_text (stmt, column, value, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

#define RECORD_INSERT \
  "INSERT INTO record (id, type, data, server_version, state, updated_at, parent_id, org_id," \
  "                    status, number, subject, requester, received_on, due_on, answered_on," \
  "                    auth_method, closed)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"
#define RECORD_UPSERT \
  " ON CONFLICT (id) DO UPDATE SET type = ?2, data = ?3, server_version = ?4, state = ?5," \
  "   updated_at = ?6, parent_id = ?7, org_id = ?8, status = ?9, number = ?10, subject = ?11," \
  "   requester = ?12, received_on = ?13, due_on = ?14, answered_on = ?15, auth_method = ?16," \
  "   closed = ?17"
/* Schema 6: the rating's columns too (awp-ratings.c reads only these). */
#define RECORD_INSERT_V6 \
  "INSERT INTO record (id, type, data, server_version, state, updated_at, parent_id, org_id," \
  "                    status, number, subject, requester, received_on, due_on, answered_on," \
  "                    auth_method, closed, rating, rated_on, rating_reason)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)"
#define RECORD_UPSERT_V6 \
  RECORD_UPSERT ", rating = ?18, rated_on = ?19, rating_reason = ?20"

/* rating {value, rated_on, reason} as awp-ratings.c counts it: by the
 * rating's date, else the answer's. */
static void
bind_rating (sqlite3_stmt *put,
             JsonObject   *data)
{
  JsonNode *node = json_object_get_member (data, "rating");
  JsonObject *rating = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *value = rating ? member_string (rating, "value") : NULL;
  const char *rated_on = NULL;

  if (value == NULL)
    {
      sqlite3_bind_null (put, 18);
      sqlite3_bind_null (put, 19);
      sqlite3_bind_null (put, 20);
      return;
    }
  sqlite3_bind_text (put, 18, value, -1, SQLITE_STATIC);
  rated_on = member_string (rating, "rated_on");
  if (rated_on == NULL)
    rated_on = member_string (data, "answered_on");
  if (rated_on != NULL)
    sqlite3_bind_text (put, 19, rated_on, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (put, 19);
  bind_member (put, 20, rating, "reason");
}

static void
bind_record (sqlite3_stmt *put,
             const char   *id,
             const char   *type,
             const char   *json,
             gint64        server_version,
             const char   *state,
             const char   *now,
             JsonObject   *data,
             const char   *subject,
             gboolean      closed)
{
  sqlite3_bind_text (put, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (put, 2, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (put, 3, json, -1, SQLITE_STATIC);
  if (server_version > 0)
    sqlite3_bind_int64 (put, 4, server_version);
  sqlite3_bind_text (put, 5, state, -1, SQLITE_STATIC);
  sqlite3_bind_text (put, 6, now, -1, SQLITE_STATIC);
  bind_member (put, 7, data, "parent_id");
  bind_member (put, 8, data, "org_id");
  bind_member (put, 9, data, "status");
  bind_member (put, 10, data, "number");
  if (subject != NULL)
    sqlite3_bind_text (put, 11, subject, -1, SQLITE_STATIC);
  bind_member (put, 12, data, "requester");
  bind_member (put, 13, data, "received_on");
  bind_member (put, 14, data, "due_on");
  bind_member (put, 15, data, "answered_on");
  bind_member (put, 16, data, "auth_method");
  sqlite3_bind_int (put, 17, closed);
  if (sqlite3_bind_parameter_count (put) >= 20)
    bind_rating (put, data);
}

gboolean
awp_store_put_record (AwpStore    *self,
                      const char  *id,
                      const char  *type,
                      JsonObject  *data,
                      const char  *data_text,
                      gint64       server_version,
                      const char  *state,
                      GError     **error)
{
  g_autoptr(AwpCachedStmt) put = NULL;
  g_autofree char *owned = data_text ? NULL : awp_json_object_to_string (data);
  const char *json = data_text ? data_text : owned;
  const char *stamp = awp_store_get_bulk_stamp (self);
  g_autofree char *now = stamp ? NULL : awp_store_now_iso ();
  const AwpStateMachine *machine = awp_state_machine_for_type (type);
  const char *status = member_string (data, "status");
  const char *subject = member_string (data, "subject");
  gboolean closed = machine != NULL && status != NULL && awp_state_machine_is_final (machine, status);
  gboolean bulk = g_object_get_qdata (G_OBJECT (self), bulk_quark ()) != NULL;
  gboolean v6 = awp_store_get_schema_version (self) >= 6;
  sqlite3_int64 rid = -1;

  if (subject == NULL)
    subject = member_string (data, "title");
  if (subject == NULL)
    subject = member_string (data, "name_ru");
  /* A bulk load writes new rows: a plain INSERT spares RETURNING's
   * per-row temporary table; an id already there falls back to the upsert. */
  if (bulk)
    {
      g_autoptr(AwpCachedStmt) add = awp_store_prepare (self, v6 ? RECORD_INSERT_V6 : RECORD_INSERT, error);
      int rc;

      if (add == NULL)
        return FALSE;
      bind_record (add, id, type, json, server_version, state, stamp ? stamp : now, data, subject, closed);
      rc = sqlite3_step (add);
      if (rc == SQLITE_DONE)
        rid = sqlite3_last_insert_rowid (awp_store_get_db (self));
      else if (sqlite3_extended_errcode (awp_store_get_db (self)) != SQLITE_CONSTRAINT_UNIQUE)
        return awp_store_fail (self, "record", error);
    }
  if (rid < 0)
    {
      put = awp_store_prepare (self,
                               v6 ? RECORD_INSERT_V6 RECORD_UPSERT_V6 " RETURNING rid"
                                  : RECORD_INSERT RECORD_UPSERT " RETURNING rid", error);
      if (put == NULL)
        return FALSE;
      bind_record (put, id, type, json, server_version, state, stamp ? stamp : now, data, subject, closed);
      if (sqlite3_step (put) != SQLITE_ROW)
        return awp_store_fail (self, "record", error);
      rid = sqlite3_column_int64 (put, 0);
      sqlite3_reset (put);
    }

  if (awp_store_get_fts_enabled (self))
    {
      gboolean staged = bulk
                        || g_object_get_qdata (G_OBJECT (self), g_quark_from_static_string (AWP_STORE_FTS_STAGE_QDATA)) != NULL;
      g_autoptr(AwpCachedStmt) drop = NULL;
      g_autoptr(AwpCachedStmt) add = NULL;
      g_autofree char *subject_text = awp_search_subject_text (data);
      g_autofree char *body_text = awp_search_body_text (data);

      if (!staged)
        {
          drop = awp_store_prepare (self, "DELETE FROM record_fts WHERE rowid = ?", error);
          if (drop == NULL)
            return FALSE;
          sqlite3_bind_int64 (drop, 1, rid);
          if (!awp_store_step_done (self, drop, error))
            return FALSE;
        }
      /* Bulk loads stage the text in a plain temp table: writing FTS5 row by
       * row makes it flush its buffer at every statement savepoint. */
      add = awp_store_prepare (self,
                               staged ? "INSERT OR REPLACE INTO temp.fts_stage (rowid, subject, body) VALUES (?, ?, ?)"
                                    : "INSERT INTO record_fts (rowid, subject, body) VALUES (?, ?, ?)", error);
      if (add == NULL)
        return FALSE;
      sqlite3_bind_int64 (add, 1, rid);
      sqlite3_bind_text (add, 2, subject_text, -1, SQLITE_STATIC);
      sqlite3_bind_text (add, 3, body_text, -1, SQLITE_STATIC);
      if (!awp_store_step_done (self, add, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
awp_store_remove_record (AwpStore    *self,
                         const char  *id,
                         GError     **error)
{
  g_autoptr(AwpCachedStmt) drop_fts = awp_store_prepare (self,
    "DELETE FROM record_fts WHERE rowid = (SELECT rid FROM record WHERE id = ?)", error);
  g_autoptr(AwpCachedStmt) drop = NULL;

  if (drop_fts == NULL)
    return FALSE;
  sqlite3_bind_text (drop_fts, 1, id, -1, SQLITE_STATIC);
  if (!awp_store_step_done (self, drop_fts, error))
    return FALSE;
  if (g_object_get_qdata (G_OBJECT (self), bulk_quark ()) != NULL
      || g_object_get_qdata (G_OBJECT (self), g_quark_from_static_string (AWP_STORE_FTS_STAGE_QDATA)) != NULL)
    {
      g_autoptr(AwpCachedStmt) unstage = awp_store_prepare (self,
        "DELETE FROM temp.fts_stage WHERE rowid = (SELECT rid FROM record WHERE id = ?)", error);

      if (unstage == NULL)
        return FALSE;
      sqlite3_bind_text (unstage, 1, id, -1, SQLITE_STATIC);
      if (!awp_store_step_done (self, unstage, error))
        return FALSE;
    }
  drop = awp_store_prepare (self, "DELETE FROM record WHERE id = ?", error);
  if (drop == NULL)
    return FALSE;
  sqlite3_bind_text (drop, 1, id, -1, SQLITE_STATIC);
  return awp_store_step_done (self, drop, error);
}

JsonObject *
awp_store_get_record (AwpStore    *self,
                      const char  *id,
                      GError     **error)
{
  g_autoptr(AwpCachedStmt) get = NULL;
  g_autoptr(JsonObject) data = NULL;
  JsonObject *result;
  int rc;

  g_return_val_if_fail (AWP_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  get = awp_store_prepare (self, "SELECT type, server_version, state, data FROM record WHERE id = ?", error);
  if (get == NULL)
    return NULL;
  sqlite3_bind_text (get, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (get);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_NOT_FOUND,
                   _("No record with id “%s”"), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      awp_store_fail (self, "record", error);
      return NULL;
    }
  data = awp_json_object_from_string ((const char *) sqlite3_column_text (get, 3), error);
  if (data == NULL)
    return NULL;
  result = json_object_new ();
  json_object_set_string_member (result, "id", id);
  json_object_set_string_member (result, "type", (const char *) sqlite3_column_text (get, 0));
  json_object_set_int_member (result, "version", sqlite3_column_int64 (get, 1));
  json_object_set_string_member (result, "state", (const char *) sqlite3_column_text (get, 2));
  json_object_set_object_member (result, "data", g_steal_pointer (&data));
  return result;
}

gint64
awp_store_count (AwpStore    *self,
                 const char  *type,
                 GError     **error)
{
  g_autoptr(AwpCachedStmt) count = NULL;

  g_return_val_if_fail (AWP_IS_STORE (self), -1);

  /* record_count (schema 3) is kept exact by triggers. */
  count = awp_store_prepare (self, awp_store_get_schema_version (self) >= 3
                                   ? "SELECT ifnull (sum (n), 0) FROM record_count WHERE ?1 IS NULL OR type = ?1"
                                   : "SELECT count(*) FROM record WHERE ?1 IS NULL OR type = ?1", error);
  if (count == NULL)
    return -1;
  if (type != NULL)
    sqlite3_bind_text (count, 1, type, -1, SQLITE_STATIC);
  if (sqlite3_step (count) != SQLITE_ROW)
    {
      awp_store_fail (self, "count", error);
      return -1;
    }
  return sqlite3_column_int64 (count, 0);
}

/* The saved schema: (type, name, sql) triples of the record table's
 * indexes and triggers. */
gboolean
awp_store_fts_stage_begin (AwpStore    *self,
                           GError     **error)
{
  if (g_object_get_qdata (G_OBJECT (self), bulk_quark ()) != NULL)
    return TRUE;  /* a bulk load stages already */
  if (!awp_store_exec (self, "CREATE TEMP TABLE IF NOT EXISTS fts_stage (rowid INTEGER PRIMARY KEY, subject TEXT, body TEXT)", error))
    return FALSE;
  g_object_set_qdata (G_OBJECT (self), g_quark_from_static_string (AWP_STORE_FTS_STAGE_QDATA), GINT_TO_POINTER (1));
  return TRUE;
}

gboolean
awp_store_fts_stage_end (AwpStore    *self,
                         GError     **error)
{
  if (g_object_steal_qdata (G_OBJECT (self), g_quark_from_static_string (AWP_STORE_FTS_STAGE_QDATA)) == NULL)
    return TRUE;
  /* Replaced rows first leave the index (one rowid lookup each: FTS5 scans
   * the whole index for "rowid IN (…)"), then the staged text goes in. */
  {
    g_autoptr(AwpCachedStmt) list = awp_store_prepare (self, "SELECT rowid FROM temp.fts_stage", error);
    g_autoptr(AwpCachedStmt) drop = awp_store_prepare (self, "DELETE FROM record_fts WHERE rowid = ?", error);
    g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));

    if (list == NULL || drop == NULL)
      return FALSE;
    while (sqlite3_step (list) == SQLITE_ROW)
      {
        gint64 rowid = sqlite3_column_int64 (list, 0);

        g_array_append_val (rowids, rowid);
      }
    sqlite3_reset (list);
    for (guint i = 0; i < rowids->len; i++)
      {
        sqlite3_bind_int64 (drop, 1, g_array_index (rowids, gint64, i));
        if (!awp_store_step_done (self, drop, error))
          return FALSE;
        sqlite3_reset (drop);
      }
  }
  return awp_store_exec (self,
                         "INSERT INTO record_fts (rowid, subject, body)"
                         "  SELECT rowid, subject, body FROM temp.fts_stage;"
                         "DELETE FROM temp.fts_stage", error);
}

gboolean
awp_store_bulk_begin (AwpStore    *self,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) list = NULL;
  GPtrArray *saved = g_ptr_array_new_with_free_func (g_free);

  /* Indexes that new rows only append to (rid order) or rarely touch
   * (partial) stay: rebuilding them would cost a scan of the whole table
   * each, keeping them almost nothing. The ratings indexes of schema 6 are
   * rebuilt: kept row by row they cost a quarter of a 100,000-row seed,
   * rebuilt nothing measurable (docs/store.md). */
  if (sqlite3_prepare_v2 (awp_store_get_db (self),
                          "SELECT type, name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger')"
                          " AND tbl_name = 'record' AND sql IS NOT NULL"
                          " AND name NOT IN ('record_rid_type', 'record_parent')", -1, &list, NULL) != SQLITE_OK)
    {
      g_ptr_array_unref (saved);
      return awp_store_fail (self, "bulk", error);
    }
  while (sqlite3_step (list) == SQLITE_ROW)
    for (int i = 0; i < 3; i++)
      g_ptr_array_add (saved, g_strdup ((const char *) sqlite3_column_text (list, i)));
  g_clear_pointer (&list, sqlite3_finalize);
  /* A larger page cache while loading: fewer pages spilled to the WAL. */
  if (!awp_store_exec (self, "PRAGMA cache_size = -262144;"
                             "CREATE TEMP TABLE IF NOT EXISTS fts_stage (rowid INTEGER PRIMARY KEY, subject TEXT, body TEXT)", error))
    {
      g_ptr_array_unref (saved);
      return FALSE;
    }
  for (guint i = 0; i < saved->len; i += 3)
    {
      g_autofree char *drop = g_strdup_printf ("DROP %s \"%s\"", g_str_equal (saved->pdata[i], "index") ? "INDEX" : "TRIGGER",
                                               (const char *) saved->pdata[i + 1]);

      if (!awp_store_exec (self, drop, error))
        {
          g_ptr_array_unref (saved);
          return FALSE;
        }
    }
  g_object_set_qdata_full (G_OBJECT (self), bulk_quark (), saved, (GDestroyNotify) g_ptr_array_unref);
  {
    g_autofree char *now = awp_store_now_iso ();

    awp_store_set_bulk_stamp (self, now);
  }
  return TRUE;
}

gboolean
awp_store_bulk_end (AwpStore    *self,
                    GError     **error)
{
  GPtrArray *saved = g_object_steal_qdata (G_OBJECT (self), bulk_quark ());
  gboolean ok = TRUE;

  if (saved == NULL)
    return TRUE;
  awp_store_set_bulk_stamp (self, NULL);
  /* The staged search text in one statement. */
  ok = awp_store_exec (self,
                       "INSERT OR REPLACE INTO record_fts (rowid, subject, body)"
                       "  SELECT rowid, subject, body FROM temp.fts_stage;"
                       "DROP TABLE temp.fts_stage", error);
  /* Indexes first (the recount reads one), then the counts, then the
   * triggers that keep them. */
  for (guint i = 0; ok && i < saved->len; i += 3)
    if (g_str_equal (saved->pdata[i], "index"))
      ok = awp_store_exec (self, saved->pdata[i + 2], error);
  if (ok && awp_store_get_schema_version (self) >= 3)
    ok = awp_store_exec (self,
                         "DELETE FROM record_count;"
                         "INSERT INTO record_count (type, status, n)"
                         "  SELECT type, ifnull (status, ''), count(*) FROM record GROUP BY 1, 2", error);
  for (guint i = 0; ok && i < saved->len; i += 3)
    if (!g_str_equal (saved->pdata[i], "index"))
      ok = awp_store_exec (self, saved->pdata[i + 2], error);
  g_clear_pointer (&saved, g_ptr_array_unref);
  /* Fresh statistics so the planner picks the covering queue indexes. */
  return ok && awp_store_exec (self, "PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA cache_size = -32000", error);
}

#include "config.h"

#include "awp-server-db.h"
#include "awp-server.h"

static const char schema[] =
  "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
  "INSERT OR IGNORE INTO meta VALUES ('last_seq', 0), ('purged_seq', 0), ('schema', 1);"
  "CREATE TABLE IF NOT EXISTS orgs (id TEXT PRIMARY KEY, kind TEXT NOT NULL,"
  "  name_kk TEXT NOT NULL, name_ru TEXT NOT NULL, bin TEXT);"
  "CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, username TEXT UNIQUE NOT NULL,"
  "  password_hash TEXT NOT NULL, role TEXT NOT NULL, org_id TEXT NOT NULL REFERENCES orgs(id),"
  "  full_name TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS tokens (hash TEXT PRIMARY KEY, user_id TEXT NOT NULL,"
  "  kind TEXT NOT NULL, expires_at INTEGER NOT NULL);"
  "CREATE TABLE IF NOT EXISTS login_failures (key TEXT PRIMARY KEY, count INTEGER NOT NULL,"
  "  locked_until INTEGER NOT NULL);"
  "CREATE TABLE IF NOT EXISTS records (entity_type TEXT NOT NULL, id TEXT NOT NULL,"
  "  org_id TEXT NOT NULL, version INTEGER NOT NULL, deleted INTEGER NOT NULL,"
  "  data TEXT NOT NULL, seq INTEGER NOT NULL UNIQUE, changed_by TEXT,"
  "  changed_at INTEGER NOT NULL, origin_mutation_id TEXT,"
  "  PRIMARY KEY (entity_type, id));"
  "CREATE INDEX IF NOT EXISTS records_org_seq ON records (org_id, seq);"
  "CREATE INDEX IF NOT EXISTS records_type_seq ON records (entity_type, seq);"
  /* The purge after every push looks for old tombstones only. */
  "CREATE INDEX IF NOT EXISTS records_tombstones ON records (changed_at) WHERE deleted;"
  "CREATE TABLE IF NOT EXISTS clients (client_id TEXT PRIMARY KEY, user_id TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS applied_mutations (client_id TEXT NOT NULL,"
  "  mutation_id TEXT NOT NULL, result TEXT NOT NULL, PRIMARY KEY (client_id, mutation_id));"
  "CREATE TABLE IF NOT EXISTS idempotency (user_id TEXT NOT NULL, key TEXT NOT NULL,"
  "  fingerprint TEXT NOT NULL, response TEXT NOT NULL, created_at INTEGER NOT NULL,"
  "  PRIMARY KEY (user_id, key));";

void
awp_server_db_set_error (sqlite3  *db,
                         GError  **error)
{
  g_set_error (error, AWP_SERVER_ERROR, AWP_SERVER_ERROR_DB, "database: %s", sqlite3_errmsg (db));
}

sqlite3 *
awp_server_db_open (const char  *path,
                    GError     **error)
{
  sqlite3 *db = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      awp_server_db_set_error (db, error);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  /* A 64 MiB page cache: with SQLite's 2 MB a push batch of 500 spilled
   * dirty pages to the WAL and read them back mid-transaction (a third of
   * the server's push time, docs/sync.md "Tests and figures"). */
  if (!awp_server_db_exec (db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                               "PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;", error)
      || !awp_server_db_exec (db, schema, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

gboolean
awp_server_db_exec (sqlite3     *db,
                    const char  *sql,
                    GError     **error)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, AWP_SERVER_ERROR, AWP_SERVER_ERROR_DB, "database: %s", msg);
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

gboolean
awp_server_db_begin (sqlite3  *db,
                     GError  **error)
{
  return awp_server_db_exec (db, "BEGIN IMMEDIATE", error);
}

gboolean
awp_server_db_commit (sqlite3  *db,
                      GError  **error)
{
  return awp_server_db_exec (db, "COMMIT", error);
}

void
awp_server_db_rollback (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

/* Cached statements per connection: db -> (sql -> stmt). A table beside
 * the connection, as SQLite 3.40 has no client data slot. */
static GMutex caches_lock;
static GHashTable *caches;

AwpServerStmt *
awp_server_db_cached (sqlite3     *db,
                      const char  *sql,
                      GError     **error)
{
  GHashTable *stmts;
  sqlite3_stmt *stmt;

  g_mutex_lock (&caches_lock);
  if (caches == NULL)
    caches = g_hash_table_new (NULL, NULL);
  stmts = g_hash_table_lookup (caches, db);
  if (stmts == NULL)
    {
      stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sqlite3_finalize);
      g_hash_table_insert (caches, db, stmts);
    }
  stmt = g_hash_table_lookup (stmts, sql);
  g_mutex_unlock (&caches_lock);
  if (stmt != NULL)
    return stmt;

  if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      awp_server_db_set_error (db, error);
      return NULL;
    }
  g_mutex_lock (&caches_lock);
  g_hash_table_insert (stmts, g_strdup (sql), stmt);
  g_mutex_unlock (&caches_lock);
  return stmt;
}

void
awp_server_db_release (AwpServerStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

void
awp_server_db_close (sqlite3 *db)
{
  if (db == NULL)
    return;
  g_mutex_lock (&caches_lock);
  if (caches != NULL)
    {
      GHashTable *stmts = g_hash_table_lookup (caches, db);

      if (stmts != NULL)
        {
          g_hash_table_remove (caches, db);
          g_hash_table_unref (stmts);
        }
      if (g_hash_table_size (caches) == 0)
        g_clear_pointer (&caches, g_hash_table_unref);
    }
  g_mutex_unlock (&caches_lock);
  sqlite3_close (db);
}

sqlite3_stmt *
awp_server_db_prepare (sqlite3     *db,
                       const char  *sql,
                       GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      awp_server_db_set_error (db, error);
      return NULL;
    }
  return stmt;
}

void
awp_record_free (AwpRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->entity_type);
  g_free (r->id);
  g_free (r->org_id);
  g_clear_pointer (&r->data, json_object_unref);
  g_free (r->changed_by);
  g_free (r->origin_mutation_id);
  g_free (r);
}

char *
awp_server_db_record_json (sqlite3    *db,
                           const char *entity_type,
                           const char *id)
{
  g_autoptr(sqlite3_stmt) stmt = awp_server_db_prepare (db, "SELECT " AWP_RECORD_JSON_SQL
                                                        " FROM records WHERE entity_type = ? AND id = ?", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, entity_type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  const unsigned char *s = sqlite3_column_text (stmt, col);

  return s != NULL ? g_strdup ((const char *) s) : NULL;
}

AwpRecord *
awp_server_db_get_record (sqlite3     *db,
                          const char  *entity_type,
                          const char  *id,
                          GError     **error)
{
  g_autoptr(AwpServerStmt) stmt = NULL;
  g_autoptr(AwpRecord) r = NULL;
  g_autoptr(JsonNode) data = NULL;
  int rc;

  stmt = awp_server_db_cached (db, "SELECT org_id, version, deleted, data, seq, changed_by,"
                                    " changed_at, origin_mutation_id FROM records"
                                    " WHERE entity_type = ? AND id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, entity_type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      awp_server_db_set_error (db, error);
      return NULL;
    }
  r = g_new0 (AwpRecord, 1);
  r->entity_type = g_strdup (entity_type);
  r->id = g_strdup (id);
  r->org_id = column_dup (stmt, 0);
  r->version = sqlite3_column_int64 (stmt, 1);
  r->deleted = sqlite3_column_int (stmt, 2) != 0;
  data = json_from_string ((const char *) sqlite3_column_text (stmt, 3), NULL);
  r->data = data != NULL && JSON_NODE_HOLDS_OBJECT (data)
    ? json_object_ref (json_node_get_object (data)) : json_object_new ();
  r->seq = sqlite3_column_int64 (stmt, 4);
  r->changed_by = column_dup (stmt, 5);
  r->changed_at = sqlite3_column_int64 (stmt, 6);
  r->origin_mutation_id = column_dup (stmt, 7);
  return g_steal_pointer (&r);
}

static gint64
meta_get (sqlite3    *db,
          const char *key)
{
  g_autoptr(AwpServerStmt) stmt = awp_server_db_cached (db, "SELECT value FROM meta WHERE key = ?", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gboolean
meta_set (sqlite3     *db,
          const char  *key,
          gint64       value,
          GError     **error)
{
  g_autoptr(AwpServerStmt) stmt = awp_server_db_cached (db, "UPDATE meta SET value = ? WHERE key = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, value);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      awp_server_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

gint64
awp_server_db_last_seq (sqlite3 *db)
{
  return meta_get (db, "last_seq");
}

gint64
awp_server_db_purged_seq (sqlite3 *db)
{
  return meta_get (db, "purged_seq");
}

gboolean
awp_server_db_put_record (sqlite3    *db,
                          AwpRecord  *r,
                          GError    **error)
{
  g_autoptr(AwpServerStmt) stmt = NULL;
  g_autofree char *data = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  g_return_val_if_fail (!sqlite3_get_autocommit (db), FALSE);

  /* Inside the one write transaction, so sequences are gap-free in commit order. */
  r->seq = awp_server_db_last_seq (db) + 1;
  if (!meta_set (db, "last_seq", r->seq, error))
    return FALSE;
  json_node_set_object (node, r->data);
  data = json_to_string (node, FALSE);
  stmt = awp_server_db_cached (db, "INSERT OR REPLACE INTO records (entity_type, id, org_id,"
                                    " version, deleted, data, seq, changed_by, changed_at,"
                                    " origin_mutation_id) VALUES (?,?,?,?,?,?,?,?,?,?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, r->entity_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, r->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, r->org_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, r->version);
  sqlite3_bind_int (stmt, 5, r->deleted);
  sqlite3_bind_text (stmt, 6, data, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, r->seq);
  sqlite3_bind_text (stmt, 8, r->changed_by, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, r->changed_at);
  sqlite3_bind_text (stmt, 10, r->origin_mutation_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      awp_server_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
awp_server_db_purge (sqlite3     *db,
                     gint64       before,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) max = NULL;
  g_autoptr(sqlite3_stmt) del = NULL;
  gint64 purged;

  /* +seq: walking the seq index from the top would visit every live row. */
  max = awp_server_db_prepare (db, "SELECT MAX(+seq) FROM records WHERE deleted AND changed_at < ?", error);
  if (max == NULL)
    return FALSE;
  sqlite3_bind_int64 (max, 1, before);
  if (sqlite3_step (max) != SQLITE_ROW || sqlite3_column_type (max, 0) == SQLITE_NULL)
    return TRUE;
  purged = sqlite3_column_int64 (max, 0);
  if (!awp_server_db_begin (db, error))
    return FALSE;
  del = awp_server_db_prepare (db, "DELETE FROM records WHERE deleted AND seq <= ?", error);
  if (del == NULL)
    goto fail;
  sqlite3_bind_int64 (del, 1, purged);
  if (sqlite3_step (del) != SQLITE_DONE)
    {
      awp_server_db_set_error (db, error);
      goto fail;
    }
  if (purged > awp_server_db_purged_seq (db) && !meta_set (db, "purged_seq", purged, error))
    goto fail;
  return awp_server_db_commit (db, error);

fail:
  awp_server_db_rollback (db);
  return FALSE;
}

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "awp-deadline.h"
#include "awp-store-private.h"
#include "awp-uuid.h"

/* The local store: one SQLite file per user (WAL, foreign keys on, busy
 * timeout, statements prepared once and cached). Schema: see
 * awp-store-migrations.c. */

struct _AwpStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *stmts;        /* SQL text → CachedEntry */
  GHashTable *by_address;   /* SQL text's address → CachedEntry (fast path) */
  char       *bulk_now;     /* updated_at for every row of a bulk load */
  guint       depth;        /* transaction nesting */
  char       *group;        /* the outbox group of this transaction, or NULL */
  guint       group_depth;  /* the nesting at which the group began */
  guint       schema_version;
  char       *client_id;
  char       *recovery_message;
  char       *moved_path;
  gboolean    fts_enabled;
  gboolean    emitted;      /* change signals sent in this transaction */
  AwpCalendar *calendar;    /* loaded on first need */
  AwpRuleSet  *rules;
};

/* Most statements are string literals asked for once per row, so the
 * cache is first looked up by the text's address (checked with strcmp, as
 * a freed dynamic string's address may come back with other SQL): hashing
 * a 600-character statement per row cost more than running some. */
typedef struct
{
  char         *sql;
  sqlite3_stmt *stmt;
} CachedEntry;

static void
cached_entry_free (CachedEntry *entry)
{
  sqlite3_finalize (entry->stmt);
  g_free (entry->sql);
  g_free (entry);
}

G_DEFINE_FINAL_TYPE (AwpStore, awp_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (awp-store-error-quark, awp_store_error)

enum { SIGNAL_WILL_CHANGE, SIGNAL_CHANGED, SIGNAL_RECOVERED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
awp_store_finalize (GObject *object)
{
  AwpStore *self = AWP_STORE (object);

  g_clear_pointer (&self->by_address, g_hash_table_unref);
  g_clear_pointer (&self->stmts, g_hash_table_unref);
  g_free (self->bulk_now);
  g_free (self->group);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->client_id);
  g_free (self->recovery_message);
  g_free (self->moved_path);
  g_clear_object (&self->calendar);
  g_clear_object (&self->rules);
  G_OBJECT_CLASS (awp_store_parent_class)->finalize (object);
}

static void
awp_store_class_init (AwpStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = awp_store_finalize;

  signals[SIGNAL_WILL_CHANGE] =
    g_signal_new ("record-will-change", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_CHANGED] =
    g_signal_new ("record-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The background check moved a damaged file aside and opened a new one;
   * awp_store_get_recovery_message() says what happened. */
  signals[SIGNAL_RECOVERED] =
    g_signal_new ("recovered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
awp_store_init (AwpStore *self)
{
  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) cached_entry_free);
  self->by_address = g_hash_table_new (NULL, NULL);
  self->fts_enabled = TRUE;
}

sqlite3 *
awp_store_get_db (AwpStore *self)
{
  return self->db;
}

gboolean
awp_store_fail (AwpStore    *self,
                const char  *what,
                GError     **error)
{
  g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_FAILED,
               /* Translators: %s: what failed, then SQLite's message */
               _("Database error (%s): %s"), what, sqlite3_errmsg (self->db));
  return FALSE;
}

AwpCachedStmt *
awp_store_prepare (AwpStore    *self,
                   const char  *sql,
                   GError     **error)
{
  CachedEntry *entry = g_hash_table_lookup (self->by_address, sql);
  sqlite3_stmt *stmt = NULL;

  if (entry != NULL && strcmp (entry->sql, sql) == 0)
    return entry->stmt;
  entry = g_hash_table_lookup (self->stmts, sql);
  if (entry == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        {
          awp_store_fail (self, "prepare", error);
          return NULL;
        }
      entry = g_new (CachedEntry, 1);
      entry->sql = g_strdup (sql);
      entry->stmt = stmt;
      g_hash_table_insert (self->stmts, entry->sql, entry);
    }
  /* Dynamic SQL leaves stale addresses behind: keep the map small. */
  if (g_hash_table_size (self->by_address) > 4096)
    g_hash_table_remove_all (self->by_address);
  g_hash_table_insert (self->by_address, (gpointer) sql, entry);
  return entry->stmt;
}

gboolean
awp_store_step_done (AwpStore       *self,
                     AwpCachedStmt  *stmt,
                     GError        **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      awp_store_fail (self, "step", error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  return TRUE;
}

gboolean
awp_store_exec (AwpStore    *self,
                const char  *sql,
                GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return awp_store_fail (self, "exec", error);
  return TRUE;
}

gboolean
awp_store_begin (AwpStore    *self,
                 GError     **error)
{
  /* IMMEDIATE takes the write lock up front, so a writer never fails with
   * SQLITE_BUSY half-way through a user's change. */
  if (self->depth == 0)
    {
      if (!awp_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->emitted = FALSE;
    }
  self->depth++;
  return TRUE;
}

gboolean
awp_store_commit (AwpStore    *self,
                  GError     **error)
{
  g_return_val_if_fail (self->depth > 0, FALSE);

  /* The group ends with its own commit, not the enclosing one's. */
  if (self->depth-- == self->group_depth)
    g_clear_pointer (&self->group, g_free);
  if (self->depth > 0)
    return TRUE;
  if (!awp_store_exec (self, "COMMIT", error))
    {
      self->depth = 1;
      awp_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
awp_store_begin_group (AwpStore    *self,
                       GError     **error)
{
  if (!awp_store_begin (self, error))
    return FALSE;
  /* An enclosing group (a decision inside a bigger one) stays the group. */
  if (self->group == NULL)
    {
      self->group = awp_uuid_v4 ();
      self->group_depth = self->depth;
    }
  return TRUE;
}

const char *
awp_store_get_group (AwpStore *self)
{
  return self->group;
}

gboolean
awp_store_in_transaction (AwpStore *self)
{
  return self->depth > 0;
}

void
awp_store_rollback (AwpStore *self)
{
  g_return_if_fail (self->depth > 0);

  /* An inner failure aborts the whole change: nothing is half-written. */
  self->depth = 0;
  g_clear_pointer (&self->group, g_free);
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  /* A bulk load ends with its transaction: the dropped indexes are back. */
  g_object_set_qdata (G_OBJECT (self), g_quark_from_static_string (AWP_STORE_BULK_QDATA), NULL);
  g_clear_pointer (&self->bulk_now, g_free);
  g_object_set_qdata (G_OBJECT (self), g_quark_from_static_string (AWP_STORE_FTS_STAGE_QDATA), NULL);
  /* Views that followed the undone writes start over (NULL: everything). */
  if (self->emitted)
    {
      self->emitted = FALSE;
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0, NULL);
    }
}

void
awp_store_set_bulk_stamp (AwpStore   *self,
                          const char *stamp)
{
  g_free (self->bulk_now);
  self->bulk_now = g_strdup (stamp);
}

const char *
awp_store_get_bulk_stamp (AwpStore *self)
{
  return self->bulk_now;
}

void
awp_store_rollback_if_open (AwpStore *self)
{
  if (self->depth > 0)
    awp_store_rollback (self);
}

void
awp_store_emit_will_change (AwpStore   *self,
                            const char *id)
{
  self->emitted = TRUE;
  g_signal_emit (self, signals[SIGNAL_WILL_CHANGE], 0, id);
}

void
awp_store_emit_changed (AwpStore   *self,
                        const char *id)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, id);
}

gboolean
awp_store_get_deadline_rules (AwpStore     *self,
                              AwpCalendar **calendar,
                              AwpRuleSet  **rules,
                              GError      **error)
{
  if (self->calendar == NULL)
    {
      g_autoptr(AwpCalendar) cal = awp_calendar_new_default (error);
      g_autoptr(AwpRuleSet) set = cal ? awp_rule_set_new_default (error) : NULL;

      if (set == NULL)
        return FALSE;
      self->calendar = g_steal_pointer (&cal);
      self->rules = g_steal_pointer (&set);
    }
  *calendar = self->calendar;
  *rules = self->rules;
  return TRUE;
}

void
awp_store_set_fts_enabled (AwpStore *self,
                           gboolean  enabled)
{
  self->fts_enabled = enabled;
}

gboolean
awp_store_get_fts_enabled (AwpStore *self)
{
  return self->fts_enabled;
}

static gboolean
is_damage (int rc)
{
  rc &= 0xff;
  return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
}

/* Opening must be instant even at a million requests, so it only reads
 * the header and the schema (which catches a torn or overwritten file
 * start); the full PRAGMA integrity_check runs afterwards in a thread on
 * its own read-only connection (awp_store_check_async). */
static int
probe (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt) == SQLITE_ROW ? SQLITE_OK : sqlite3_extended_errcode (db);
  sqlite3_finalize (stmt);
  return rc;
}

static gboolean
move_aside (AwpStore    *self,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *moved = g_strdup_printf ("%s.damaged-%s", self->path, stamp);

  if (g_rename (self->path, moved) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The database “%s” is damaged and could not be moved aside: %s"),
                   self->path, g_strerror (saved));
      return FALSE;
    }
  /* The journal files travel with it: they may hold committed changes. */
  for (guint i = 0; i < 2; i++)
    {
      const char *suffix = i == 0 ? "-wal" : "-shm";
      g_autofree char *from = g_strconcat (self->path, suffix, NULL);
      g_autofree char *to = g_strconcat (moved, suffix, NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }
  self->recovery_message =
    g_strdup_printf (_("The local database was damaged. It was moved aside to “%s” and a new empty one was created; nothing in the old file was deleted."),
                     moved);
  self->moved_path = g_steal_pointer (&moved);
  return TRUE;
}

static gboolean
open_file (AwpStore    *self,
           GError     **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (self->db, 1);
      sqlite3_busy_timeout (self->db, 5000);
      rc = probe (self->db);
    }
  if (rc == SQLITE_OK)
    return TRUE;
  if (is_damage (rc) && self->moved_path == NULL)
    {
      g_clear_pointer (&self->db, sqlite3_close);
      if (!move_aside (self, error))
        return FALSE;
      return open_file (self, error);
    }
  g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_FAILED,
               _("Could not open the database “%s”: %s"), self->path,
               self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  return FALSE;
}

static gboolean
load_client_id (AwpStore    *self,
                GError     **error)
{
  g_autoptr(AwpCachedStmt) get = awp_store_prepare (self, "SELECT client_id FROM sync_state WHERE singleton = 1", error);
  g_autofree char *fresh = NULL;

  if (get == NULL)
    return FALSE;
  if (sqlite3_step (get) == SQLITE_ROW)
    {
      self->client_id = g_strdup ((const char *) sqlite3_column_text (get, 0));
      return TRUE;
    }
  fresh = awp_uuid_v7 ();
  {
    g_autoptr(AwpCachedStmt) put = awp_store_prepare (self,
      "INSERT OR IGNORE INTO sync_state (singleton, client_id, schema_version) VALUES (1, ?, ?)", error);

    if (put == NULL)
      return FALSE;
    sqlite3_bind_text (put, 1, fresh, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int (put, 2, (int) self->schema_version);
    if (!awp_store_step_done (self, put, error))
      return FALSE;
  }
  /* Another process opening the same new file may have made the id first. */
  sqlite3_reset (get);
  if (sqlite3_step (get) != SQLITE_ROW)
    return awp_store_fail (self, "client_id", error);
  self->client_id = g_strdup ((const char *) sqlite3_column_text (get, 0));
  return TRUE;
}

static gboolean set_up_schema (AwpStore *self, guint version, GError **error);

/* Everything after the file is open: pragmas, SQL functions, migrations
 * and the client id; also used when a damaged file was replaced. */
static gboolean
set_up (AwpStore    *self,
        guint        version,
        GError     **error)
{
  gboolean ok;

  /* Another process may be setting up or migrating the same file (schema 6
   * on a million records takes ~40 s): wait for it rather than fail. */
  sqlite3_busy_timeout (self->db, 120000);
  ok = set_up_schema (self, version, error);
  sqlite3_busy_timeout (self->db, 5000);
  return ok;
}

static gboolean
set_up_schema (AwpStore    *self,
               guint        version,
               GError     **error)
{
  /* NORMAL in WAL mode loses at most the last commits on power loss, never
   * consistency; the outbox row and its record always commit together. */
  if (!awp_store_exec (self,
                       "PRAGMA journal_mode = WAL;"
                       "PRAGMA synchronous = NORMAL;"
                       "PRAGMA foreign_keys = ON;"
                       "PRAGMA cache_size = -32000;"
                       "PRAGMA temp_store = MEMORY;", error))
    return FALSE;
  awp_store_register_functions (self->db);
  if (!awp_store_migrate (self, version, error))
    return FALSE;
  self->schema_version = version;
  /* The search index arrives with schema 2. */
  self->fts_enabled = version >= 2;
  return load_client_id (self, error);
}

AwpStore *
awp_store_open_at_version (const char  *path,
                           guint        version,
                           GError     **error)
{
  g_autoptr(AwpStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 1 && version <= AWP_STORE_SCHEMA_VERSION, NULL);

  self = g_object_new (AWP_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (!open_file (self, error) || !set_up (self, version, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* The integrity check, in a worker thread on its own read-only connection
 * (WAL lets it read while the user works). Returns the first problem
 * SQLite names, or NULL when the file is sound. */
static int
check_progress (void *data)
{
  return g_cancellable_is_cancelled (data);
}

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *path = task_data;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *problem = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, 1);
      sqlite3_busy_timeout (db, 5000);
      if (cancellable != NULL)
        sqlite3_progress_handler (db, 10000, check_progress, cancellable);
      rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check(1)", -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (text, "ok") != 0)
            problem = g_strdup (text ? text : "?");
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK && is_damage (rc))
    problem = g_strdup (db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else if (rc != SQLITE_OK)
    {
      if (g_cancellable_is_cancelled (cancellable))
        g_task_return_error_if_cancelled (task);
      else
        g_task_return_new_error (task, AWP_STORE_ERROR, AWP_STORE_ERROR_FAILED,
                                 _("Could not check the database “%s”: %s"), path,
                                 db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      return;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_task_return_pointer (task, problem, g_free);
}

/* The check found damage: the file (with its WAL) goes aside, a new one is
 * opened in its place, and views start over on the empty store. */
static gboolean
replace_damaged (AwpStore    *self,
                 const char  *problem,
                 GError     **error)
{
  guint version = self->schema_version;

  if (self->depth > 0)
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_FAILED,
                   _("The database “%s” is damaged (%s); close it and open it again."),
                   self->path, problem);
      return FALSE;
    }
  g_debug ("integrity check of %s: %s", self->path, problem);
  g_hash_table_remove_all (self->by_address);
  g_hash_table_remove_all (self->stmts);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->client_id, g_free);
  g_clear_pointer (&self->recovery_message, g_free);
  g_clear_pointer (&self->moved_path, g_free);
  if (!move_aside (self, error)
      || !open_file (self, error)
      || !set_up (self, version, error))
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_RECOVERED], 0);
  awp_store_emit_changed (self, NULL);
  return TRUE;
}

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GTask) outer = data;
  AwpStore *self = AWP_STORE (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = g_task_propagate_pointer (G_TASK (result), &error);

  if (error != NULL)
    g_task_return_error (outer, g_steal_pointer (&error));
  else if (problem != NULL && !replace_damaged (self, problem, &error))
    g_task_return_error (outer, g_steal_pointer (&error));
  else
    g_task_return_boolean (outer, TRUE);
}

void
awp_store_check_async (AwpStore            *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *outer;
  g_autoptr(GTask) inner = NULL;

  g_return_if_fail (AWP_IS_STORE (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, awp_store_check_async);
  inner = g_task_new (self, cancellable, check_done, outer);
  g_task_set_task_data (inner, g_strdup (self->path), g_free);
  g_task_run_in_thread (inner, check_thread);
}

gboolean
awp_store_check_finish (AwpStore      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

AwpStore *
awp_store_open (const char  *path,
                GError     **error)
{
  return awp_store_open_at_version (path, AWP_STORE_SCHEMA_VERSION, error);
}

const char *
awp_store_get_path (AwpStore *self)
{
  g_return_val_if_fail (AWP_IS_STORE (self), NULL);
  return self->path;
}

guint
awp_store_get_schema_version (AwpStore *self)
{
  g_return_val_if_fail (AWP_IS_STORE (self), 0);
  return self->schema_version;
}

const char *
awp_store_get_recovery_message (AwpStore *self)
{
  g_return_val_if_fail (AWP_IS_STORE (self), NULL);
  return self->recovery_message;
}

const char *
awp_store_get_moved_path (AwpStore *self)
{
  g_return_val_if_fail (AWP_IS_STORE (self), NULL);
  return self->moved_path;
}

const char *
awp_store_get_client_id (AwpStore *self)
{
  g_return_val_if_fail (AWP_IS_STORE (self), NULL);
  return self->client_id;
}

/* The same compact text as json_to_string (a test holds them equal), at a
 * fraction of the cost: json-glib's generator was an eighth of a bulk
 * load's time. Doubles are left to json-glib for identical formatting. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  const char *run = text;

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      const char *esc = NULL;
      char buf[8];

      switch (c)
        {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        default:
          if (c < 0x20 || c == 0x7f)
            {
              g_snprintf (buf, sizeof buf, "\\u%04x", c);
              esc = buf;
            }
          break;
        }
      if (esc == NULL)
        continue;
      g_string_append_len (out, run, p - run);
      g_string_append (out, esc);
      run = p + 1;
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

static void append_json_node (GString *out, JsonNode *node);

static void
append_json_object (GString    *out,
                    JsonObject *object)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      append_json_string (out, name);
      g_string_append_c (out, ':');
      append_json_node (out, member);
    }
  g_string_append_c (out, '}');
}

static void
append_json_node (GString  *out,
                  JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      append_json_object (out, json_node_get_object (node));
      return;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            append_json_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      return;
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      return;
    case JSON_NODE_VALUE:
      break;
    default:
      g_assert_not_reached ();
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      append_json_string (out, json_node_get_string (node));
      break;
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    default:
      {
        g_autofree char *text = json_to_string (node, FALSE);

        g_string_append (out, text);
      }
      break;
    }
}

char *
awp_json_object_to_string (JsonObject *object)
{
  GString *out = g_string_sized_new (512);

  append_json_object (out, object);
  return g_string_free (out, FALSE);
}

JsonObject *
awp_json_object_from_string (const char  *text,
                             GError     **error)
{
  g_autoptr(JsonNode) node = json_from_string (text, error);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("Expected a JSON object"));
      return NULL;
    }
  return json_object_ref (json_node_get_object (node));
}

char *
awp_store_today (void)
{
  const char *fixed = g_getenv ("AWP_TODAY");
  g_autoptr(GDateTime) now = NULL;

  if (fixed != NULL && *fixed != '\0')
    return g_strdup (fixed);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

char *
awp_store_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

void
awp_store_reload_views (AwpStore *self)
{
  g_return_if_fail (AWP_IS_STORE (self));

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, NULL);
}

/* The role and org id the server last named (sync_state, schema 4); NULL
 * when no login answer has been kept yet. */
gboolean
awp_store_get_identity (AwpStore    *self,
                        char       **role,
                        char       **org_id,
                        GError     **error)
{
  g_autoptr(AwpCachedStmt) get = awp_store_prepare (self, "SELECT role, org_id FROM sync_state WHERE singleton = 1", error);

  *role = NULL;
  *org_id = NULL;
  if (get == NULL)
    return FALSE;
  if (sqlite3_step (get) == SQLITE_ROW)
    {
      *role = g_strdup ((const char *) sqlite3_column_text (get, 0));
      *org_id = g_strdup ((const char *) sqlite3_column_text (get, 1));
    }
  return TRUE;
}

gboolean
awp_store_set_identity (AwpStore    *self,
                        const char  *role,
                        const char  *org_id,
                        GError     **error)
{
  g_autoptr(AwpCachedStmt) put = awp_store_prepare (self,
    "UPDATE sync_state SET role = ?, org_id = ? WHERE singleton = 1", error);

  if (put == NULL)
    return FALSE;
  sqlite3_bind_text (put, 1, role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (put, 2, org_id, -1, SQLITE_TRANSIENT);
  return awp_store_step_done (self, put, error);
}

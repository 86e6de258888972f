#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-outbox.h"
#include "awp-store-private.h"

/* Numbered migrations; PRAGMA user_version holds the last one applied, and
 * each runs in its own transaction, so a crash leaves a whole version.
 *
 * Why one `record` table with a JSON body and not one table per entity:
 * sync is generic — record_base, outbox and conflict mirror `record` row for
 * row and a pulled page may mix every entity type — and the queues sort and
 * filter on the same handful of facts whatever the entity (status, due date,
 * receipt date, organization, subject). Those are real, indexed columns,
 * filled from the JSON by one function (awp_store_put_record), so a new
 * field needs no migration and no query ever parses JSON. `entity_type`
 * lists every entity of DESIGN §3, and record.type must be one of them. */

static const char *const entity_types[][2] = {
  /* name, parent (child records carry parent_id) */
  { "accreditation_application", NULL },  /* O605 Annex 1 */
  { "audit_entry", NULL },                /* kept in `audit`; listed for completeness */
  { "blog_request", NULL },
  { "blog_request_event", "blog_request" },
  { "blog_request_rating", "blog_request" },
  { "change_request", NULL },             /* O605 Annex 3 */
  { "channel", NULL },
  { "channel_history", "channel" },
  { "conference", NULL },
  { "conference_application", NULL },
  { "conference_question", "conference" },
  { "efficiency_report", NULL },
  { "meeting", NULL },
  { "meeting_agenda_item", "meeting" },
  { "meeting_comment", "meeting" },
  { "meeting_registration", "meeting" },
  { "meeting_result", "meeting" },
  { "organization", NULL },
  { "role", NULL },
  { "survey", NULL },
  { "survey_option", "survey_question" },
  { "survey_question", "survey" },
  { "survey_result", "survey" },
  { "termination_notice", NULL },
  { "user", NULL },
};

static const char v1_sql[] =
  "CREATE TABLE entity_type ("
  "  name TEXT PRIMARY KEY,"
  "  parent TEXT REFERENCES entity_type (name)"
  ") WITHOUT ROWID;"
  /* The working copy the UI shows; rid links the search index. */
  "CREATE TABLE record ("
  "  rid INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  type TEXT NOT NULL REFERENCES entity_type (name),"
  "  data TEXT NOT NULL,"
  "  server_version INTEGER,"
  "  state TEXT NOT NULL DEFAULT 'synced'"
  "    CHECK (state IN ('synced', 'pending', 'conflict', 'rejected')),"
  "  updated_at TEXT NOT NULL,"
  "  parent_id TEXT,"
  "  org_id TEXT,"
  "  status TEXT,"
  "  number TEXT,"
  "  subject TEXT,"
  "  requester TEXT,"
  "  received_on TEXT,"
  "  due_on TEXT,"
  "  answered_on TEXT,"
  "  auth_method TEXT,"
  "  closed INTEGER NOT NULL DEFAULT 0"
  ");"
  /* The last server-confirmed copy: the base of three-way merges. */
  /* A rowid table: its rows carry whole JSON bodies, too big for the
   * pages of a WITHOUT ROWID b-tree. data NULL means "the same as
   * record.data": true while the record has no local change, and filled in
   * (awp_outbox_add) before the first one, so synced rows are stored once. */
  "CREATE TABLE record_base ("
  "  id TEXT PRIMARY KEY,"
  "  type TEXT NOT NULL REFERENCES entity_type (name),"
  "  server_version INTEGER NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  data TEXT"
  ");"
  "CREATE TABLE outbox ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  mutation_id TEXT NOT NULL UNIQUE,"
  "  entity_type TEXT NOT NULL REFERENCES entity_type (name),"
  "  entity_id TEXT NOT NULL,"
  "  op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),"
  "  base_version INTEGER,"
  "  patch TEXT NOT NULL,"
  "  base_values TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  author TEXT,"
  "  status TEXT NOT NULL DEFAULT 'pending'"
  "    CHECK (status IN ('pending', 'inflight', 'acked', 'conflict', 'rejected')),"
  "  attempts INTEGER NOT NULL DEFAULT 0,"
  "  last_error TEXT"
  ");"
  "CREATE INDEX outbox_status ON outbox (status, seq);"
  "CREATE INDEX outbox_entity ON outbox (entity_id, seq);"
  "CREATE TABLE conflict ("
  "  mutation_id TEXT PRIMARY KEY REFERENCES outbox (mutation_id),"
  "  entity_id TEXT NOT NULL,"
  "  server_version INTEGER,"
  "  server_data TEXT,"
  "  local_patch TEXT NOT NULL,"
  "  fields TEXT NOT NULL,"
  "  created_at TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE sync_state ("
  "  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),"
  "  client_id TEXT NOT NULL,"
  "  pull_cursor TEXT,"
  "  schema_version INTEGER NOT NULL"
  ");"
  /* Append-only and hash-chained (awp-audit.c). */
  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  at TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  entity_type TEXT,"
  "  entity_id TEXT,"
  "  norm TEXT,"
  "  detail TEXT NOT NULL,"
  "  prev_hash TEXT NOT NULL,"
  "  hash TEXT NOT NULL"
  ");"
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'audit entries are append-only'); END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'audit entries are append-only'); END;";

/* Queue indexes and full-text search; rebuilt from existing rows. */
static const char v2_sql[] =
  "CREATE INDEX record_type_status ON record (type, status, due_on);"
  /* Open items by due date: overdue / due today / this week. */
  "CREATE INDEX record_type_open_due ON record (type, closed, due_on);"
  "CREATE INDEX record_type_due ON record (type, due_on);"
  "CREATE INDEX record_type_received ON record (type, received_on);"
  "CREATE INDEX record_type_number ON record (type, number);"
  "CREATE INDEX record_org ON record (org_id, type);"
  "CREATE INDEX record_parent ON record (parent_id) WHERE parent_id IS NOT NULL;"
  "CREATE VIRTUAL TABLE record_fts USING fts5 ("
  "  subject, body, tokenize = 'unicode61'"
  ");"
  "INSERT INTO record_fts (rowid, subject, body)"
  "  SELECT rid, awp_fts_subject (data), awp_fts_body (data) FROM record;";

/* Search and queue speed at a million requests (docs/store.md):
 * - the search index keeps which columns hold a term, not the positions
 *   (detail=column: half the size and insert time; awp_rank needs no
 *   positions, highlight re-reads the few rows shown), with prefix indexes
 *   for the 2- and 3-letter prefixes typed first;
 * - record_count keeps the rows per (type, status), so a queue knows its
 *   length without counting a million index entries. Triggers keep it
 *   exact; a bulk load drops them and recounts once (awp_store_bulk_end);
 * - record_rid_type, so a search in a queue checks types in a narrow index. */
static const char v3_sql[] =
  "CREATE VIRTUAL TABLE record_fts_v3 USING fts5 ("
  "  subject, body, tokenize = 'unicode61', detail = column, prefix = '2 3'"
  ");"
  "INSERT INTO record_fts_v3 (rowid, subject, body) SELECT rowid, subject, body FROM record_fts;"
  "DROP TABLE record_fts;"
  "ALTER TABLE record_fts_v3 RENAME TO record_fts;"
  /* status '' stands for none, so the key is never NULL. */
  "CREATE TABLE record_count ("
  "  type TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  n INTEGER NOT NULL,"
  "  PRIMARY KEY (type, status)"
  ") WITHOUT ROWID;"
  "INSERT INTO record_count (type, status, n)"
  "  SELECT type, ifnull (status, ''), count(*) FROM record GROUP BY 1, 2;"
  /* A queue search checks each hit's type here (20 bytes an entry), not in
   * the 1 KB row: a tenth of the pages read. */
  "CREATE INDEX record_rid_type ON record (rid, type);"
  AWP_STORE_COUNT_TRIGGERS;

static gboolean
migrate_v1 (AwpStore    *self,
            GError     **error)
{
  g_autoptr(AwpCachedStmt) ins = NULL;

  if (!awp_store_exec (self, v1_sql, error))
    return FALSE;
  ins = awp_store_prepare (self, "INSERT INTO entity_type (name, parent) VALUES (?, ?)", error);
  if (ins == NULL)
    return FALSE;
  /* Parents first, so the foreign key holds at every row. */
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < G_N_ELEMENTS (entity_types); i++)
      {
        const char *parent = entity_types[i][1];
        guint level = 0;

        for (const char *p = parent; p != NULL; level++)
          {
            const char *up = NULL;

            for (guint j = 0; j < G_N_ELEMENTS (entity_types); j++)
              if (g_str_equal (entity_types[j][0], p))
                up = entity_types[j][1];
            p = up;
          }
        if (level != pass)
          continue;
        sqlite3_reset (ins);
        sqlite3_bind_text (ins, 1, entity_types[i][0], -1, SQLITE_STATIC);
        sqlite3_bind_text (ins, 2, parent, -1, SQLITE_STATIC);
        if (!awp_store_step_done (self, ins, error))
          return FALSE;
      }
  return TRUE;
}

static gboolean
migrate_v2 (AwpStore    *self,
            GError     **error)
{
  return awp_store_exec (self, v2_sql, error);
}

static gboolean
migrate_v3 (AwpStore    *self,
            GError     **error)
{
  return awp_store_exec (self, v3_sql, error);
}

/* The signed-in user's role and organisation, as the last login or refresh
 * answer named them, so a restart with a kept token shows the right pages. */
static const char v4_sql[] =
  "ALTER TABLE sync_state ADD COLUMN role TEXT;"
  "ALTER TABLE sync_state ADD COLUMN org_id TEXT;";

static gboolean
migrate_v4 (AwpStore    *self,
            GError     **error)
{
  return awp_store_exec (self, v4_sql, error);
}

/* Attachment files (docs/sync.md "Attachments"), by SHA-256 as the
 * server keeps them: a record's JSON names them {id, name, mime, size};
 * the bytes live here once however many records name them. data is NULL
 * for a file known from a pull and not downloaded yet; uploaded is 1 once
 * the server has it. name is the file's name when first added here. */
static const char v5_sql[] =
  "CREATE TABLE attachment ("
  "  sha256 TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  mime TEXT NOT NULL,"
  "  size INTEGER NOT NULL,"
  "  data BLOB,"
  "  uploaded INTEGER NOT NULL DEFAULT 0,"
  "  added_at TEXT NOT NULL"
  ");";  /* with a rowid: large rows belong in an ordinary table */

static gboolean
migrate_v5 (AwpStore    *self,
            GError     **error)
{
  return awp_store_exec (self, v5_sql, error);
}

/* The ratings overview (awp-ratings.c, O145-6) at a million requests
 * (docs/store.md): it parsed every request's JSON twice a run (6.7 s for
 * 12 months). The rating's value, reason and month-giving date become
 * columns (filled by awp_store_put_record; rated_on is the rating's date,
 * else the answer's), and two narrow partial indexes hold all both queries
 * read, in the order they group by, so neither sorts nor touches the table.
 * Also outbox.group_id (below). */
static const char v6_sql[] =
  "ALTER TABLE record ADD COLUMN rating TEXT;"
  "ALTER TABLE record ADD COLUMN rated_on TEXT;"
  "ALTER TABLE record ADD COLUMN rating_reason TEXT;"
  "UPDATE record SET"
  "  rating = json_extract (data, '$.rating.value'),"
  "  rated_on = CASE json_type (data, '$.rating.rated_on') WHEN 'text'"
  "    THEN json_extract (data, '$.rating.rated_on') ELSE answered_on END,"
  "  rating_reason = CASE json_type (data, '$.rating.reason') WHEN 'text'"
  "    THEN json_extract (data, '$.rating.reason') END"
  " WHERE json_type (data, '$.rating') = 'object'"
  "  AND json_type (data, '$.rating.value') = 'text';"
  "CREATE INDEX record_answered ON record (type, answered_on, due_on) WHERE answered_on IS NOT NULL;"
  "CREATE INDEX record_rated ON record (type, rated_on, rating, rating_reason, status) WHERE rating IS NOT NULL;"
  /* An Order 93 group's rows (awp_outbox_list_group) by an indexed column
   * instead of a json_extract over every unsent row per group; the group
   * stays in base_values too, which the column mirrors. */
  "ALTER TABLE outbox ADD COLUMN group_id TEXT;"
  "UPDATE outbox SET group_id = json_extract (base_values, '$.\"" AWP_OUTBOX_GROUP_MEMBER "\"')"
  " WHERE json_type (base_values, '$.\"" AWP_OUTBOX_GROUP_MEMBER "\"') = 'text';"
  "CREATE INDEX outbox_group ON outbox (group_id, seq) WHERE group_id IS NOT NULL;";

static gboolean
migrate_v6 (AwpStore    *self,
            GError     **error)
{
  return awp_store_exec (self, v6_sql, error);
}

typedef gboolean (*MigrationFunc) (AwpStore *self, GError **error);

static const MigrationFunc migrations[] = {
  migrate_v1,
  migrate_v2,
  migrate_v3,
  migrate_v4,
  migrate_v5,
  migrate_v6,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == AWP_STORE_SCHEMA_VERSION);

static int
user_version (AwpStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (awp_store_get_db (self), "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

gboolean
awp_store_migrate (AwpStore    *self,
                   guint        target,
                   GError     **error)
{
  int current = user_version (self);

  if (current < 0)
    return awp_store_fail (self, "user_version", error);
  if ((guint) current > AWP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of the program (schema %d, this program knows up to %d)."),
                   awp_store_get_path (self), current, AWP_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  for (guint v = (guint) current + 1; v <= target; v++)
    {
      g_autofree char *set_version =
        g_strdup_printf ("PRAGMA user_version = %u; UPDATE sync_state SET schema_version = %u", v, v);

      if (!awp_store_begin (self, error))
        return FALSE;
      /* Another process opening the same new file (the app's sync worker,
       * awpctl) may have migrated it while this one waited for the lock. */
      current = user_version (self);
      if (current >= (int) v)
        {
          if (!awp_store_commit (self, error))
            return FALSE;
          continue;
        }
      if (current < 0 || !migrations[v - 1] (self, error)
          || !awp_store_exec (self, set_version, error))
        {
          awp_store_rollback (self);
          return FALSE;
        }
      if (!awp_store_commit (self, error))
        return FALSE;
    }
  return TRUE;
}

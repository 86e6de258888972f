#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The server's SQLite store (WAL). One thread writes; every change gets
 * the next sequence number inside its own write transaction, so the pull
 * cursor never skips a commit. */

typedef struct
{
  char       *entity_type;
  char       *id;
  char       *org_id;
  gint64      version;
  gboolean    deleted;
  JsonObject *data;
  gint64      seq;
  char       *changed_by;
  gint64      changed_at;   /* unix seconds */
  char       *origin_mutation_id;
} AwpRecord;

void      awp_record_free (AwpRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpRecord, awp_record_free)
/* A records row as a pull change (docs/api/openapi.yaml, Change), built
 * by SQLite straight from the stored JSON: one encoder for every endpoint
 * that shows records, and no parse/serialize round trip per pull. */
#define AWP_RECORD_JSON_SQL \
  "json_object('entity_type', entity_type, 'id', id, 'org_id', org_id, 'version', version," \
  " 'deleted', json(CASE WHEN deleted THEN 'true' ELSE 'false' END)," \
  " 'data', CASE WHEN deleted THEN NULL ELSE json(data) END, 'changed_by', changed_by," \
  " 'changed_at', strftime('%Y-%m-%dT%H:%M:%SZ', changed_at, 'unixepoch')," \
  " 'origin_mutation_id', origin_mutation_id)"

sqlite3  *awp_server_db_open     (const char  *path,
                                  GError     **error);
gboolean  awp_server_db_exec     (sqlite3     *db,
                                  const char  *sql,
                                  GError     **error);
gboolean  awp_server_db_begin    (sqlite3     *db,
                                  GError     **error);
gboolean  awp_server_db_commit   (sqlite3     *db,
                                  GError     **error);
void      awp_server_db_rollback (sqlite3     *db);
sqlite3_stmt *awp_server_db_prepare (sqlite3     *db,
                                     const char  *sql,
                                     GError     **error);
void      awp_server_db_set_error (sqlite3    *db,
                                   GError    **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* A statement prepared once per connection and kept until
 * awp_server_db_close; g_autoptr(AwpServerStmt) resets it on release.
 * For fixed SQL on hot paths (a push runs several per mutation). */
typedef sqlite3_stmt AwpServerStmt;
AwpServerStmt *awp_server_db_cached  (sqlite3       *db,
                                      const char    *sql,
                                      GError       **error);
void           awp_server_db_release (AwpServerStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpServerStmt, awp_server_db_release)
/* Finalizes the cached statements, then closes @db. */
void      awp_server_db_close    (sqlite3     *db);

/* The record, or NULL when there is none (no error) or on failure. */
AwpRecord *awp_server_db_get_record (sqlite3     *db,
                                     const char  *entity_type,
                                     const char  *id,
                                     GError     **error);
/* Writes @record with the next sequence number (stored in record->seq);
 * call inside a transaction. */
gboolean  awp_server_db_put_record (sqlite3     *db,
                                    AwpRecord   *record,
                                    GError     **error);
/* The record as a pull change, or NULL when there is none. */
char     *awp_server_db_record_json (sqlite3    *db,
                                     const char *entity_type,
                                     const char *id);
gint64    awp_server_db_last_seq   (sqlite3     *db);
/* Highest sequence of a purged tombstone: older cursors get 410. */
gint64    awp_server_db_purged_seq (sqlite3     *db);
/* Drops tombstones changed before @before (unix seconds). */
gboolean  awp_server_db_purge      (sqlite3     *db,
                                    gint64       before,
                                    GError     **error);

G_END_DECLS

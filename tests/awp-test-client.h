#pragma once

#include <stdarg.h>

#include "awp-outbox.h"
#include "awp-sync.h"
#include "awp-test-server.h"

/* The password of every user of the server's demo seed. */
#define AWP_TEST_DEMO_PASSWORD "demo-2026"

/* A workstation for the tests that sync against a real awp-server
 * (awp-test-server.h): its own store file in a temporary directory and a
 * sync session signed in as one of the demo seed's users. */
typedef struct
{
  char     *dir;
  char     *path;
  AwpStore *store;
  AwpSync  *sync;
} AwpTestClient;

/* Signs @user in to @server with the demo password; @timeout is the sync's
 * HTTP timeout in seconds, @max_attempts its retries (0 keeps the default). */
static inline AwpTestClient *
awp_test_client_new (const AwpTestServer *server,
                     const char          *user,
                     guint                timeout,
                     guint                max_attempts)
{
  g_autoptr(GError) error = NULL;
  AwpTestClient *c = g_new0 (AwpTestClient, 1);

  c->dir = g_dir_make_tmp ("awp-test-client-XXXXXX", &error);
  g_assert_no_error (error);
  c->path = g_build_filename (c->dir, "awp.db", NULL);
  c->store = awp_store_open (c->path, &error);
  g_assert_no_error (error);
  c->sync = awp_sync_new (server->url, user);
  awp_sync_set_use_keyring (c->sync, FALSE);
  awp_sync_set_timeout (c->sync, timeout);
  if (max_attempts > 0)
    awp_sync_set_max_attempts (c->sync, max_attempts);
  g_assert_true (awp_sync_sign_in (c->sync, AWP_TEST_DEMO_PASSWORD, NULL, &error));
  g_assert_no_error (error);
  return c;
}

static inline void
awp_test_client_free (AwpTestClient *c)
{
  g_clear_object (&c->store);
  awp_sync_free (c->sync);
  remove_dir (c->dir);
  g_free (c->dir);
  g_free (c->path);
  g_free (c);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpTestClient, awp_test_client_free)

/* One sync cycle, which must end without an error. */
static inline AwpSyncStats
awp_test_client_sync (AwpTestClient *c)
{
  g_autoptr(GError) error = NULL;
  AwpSyncStats stats;
  gboolean ok = awp_sync_run (c->sync, c->store, &stats, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  return stats;
}

/* One sync cycle in which every pushed change is applied, with no conflict;
 * the server's reasons for a rejection go to the test log. */
static inline AwpSyncStats
awp_test_client_sync_clean (AwpTestClient *c)
{
  AwpSyncStats stats = awp_test_client_sync (c);

  if (stats.rejected > 0)
    {
      g_autoptr(GPtrArray) rejected = awp_outbox_list (c->store, "rejected", NULL);

      for (guint i = 0; i < rejected->len; i++)
        g_test_message ("rejected: %s", ((AwpOutboxEntry *) rejected->pdata[i])->last_error);
    }
  g_assert_cmpuint (stats.rejected, ==, 0);
  g_assert_cmpuint (stats.conflicts, ==, 0);
  g_assert_cmpuint (stats.applied, ==, stats.pushed);
  return stats;
}

/* The text of the first column of the first row @sql_format selects from
 * the client's store file (through its own connection); there must be one. */
static inline char *
awp_test_client_query_text (AwpTestClient *c,
                            const char    *sql_format,
                            ...) G_GNUC_PRINTF (2, 3);

static inline char *
awp_test_client_query_text (AwpTestClient *c,
                            const char    *sql_format,
                            ...)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = NULL;
  char *text = NULL;
  va_list args;

  va_start (args, sql_format);
  sql = g_strdup_vprintf (sql_format, args);
  va_end (args);
  g_assert_cmpint (sqlite3_open (c->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_nonnull (text);
  return text;
}

/* The data of record @id in the client's store, NULL when it has none;
 * @version and @state (either may be NULL) receive the record's. */
static inline JsonObject *
awp_test_client_record_data (AwpTestClient *c,
                             const char    *id,
                             gint64        *version,
                             char         **state)
{
  g_autoptr(JsonObject) rec = awp_store_get_record (c->store, id, NULL);

  if (rec == NULL)
    return NULL;
  if (version != NULL)
    *version = json_object_get_int_member (rec, "version");
  if (state != NULL)
    *state = g_strdup (json_object_get_string_member (rec, "state"));
  return json_object_ref (json_object_get_object_member (rec, "data"));
}

#include "config.h"

#include <string.h>

#include "awp-audit.h"
#include "awp-outbox.h"
#include "awp-query-model.h"
#include "awp-ratings.h"
#include "awp-search.h"
#include "awp-seed.h"
#include "awp-store-private.h"
#include "awp-test-store.h"
#include "awp-uuid.h"

/* The store file: migrations, damage recovery, atomic user changes, ids. */

static char *
schema_of (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < 4; i++)
      g_string_append_printf (out, "%s%c", sqlite3_column_text (stmt, i) ? (const char *) sqlite3_column_text (stmt, i) : "", i == 3 ? '\n' : '|');
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  sqlite3_step (stmt);
  g_string_append_printf (out, "user_version=%d\n", sqlite3_column_int (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* record_count (schema 3) must equal a real count for every type and status. */
static void
assert_counts_exact (const char *path)
{
  g_assert_cmpint (raw_count (path,
    "SELECT count(*) FROM (SELECT type, ifnull (status, ''), count(*) FROM record GROUP BY 1, 2"
    "  EXCEPT SELECT type, status, n FROM record_count WHERE n > 0)"), ==, 0);
  g_assert_cmpint (raw_count (path,
    "SELECT count(*) FROM (SELECT type, status, n FROM record_count WHERE n <> 0"
    "  EXCEPT SELECT type, ifnull (status, ''), count(*) FROM record GROUP BY 1, 2)"), ==, 0);
}

/* A file of every earlier schema version, with data, opened by this
 * program: the same schema as a new file, and the data searchable,
 * counted and listed. */
static void
test_migrations (StoreFixture *f, gconstpointer data)
{
  g_autofree char *fresh = schema_of (f->path);
  g_autofree char *suffix = g_strdup_printf ("user_version=%d\n", AWP_STORE_SCHEMA_VERSION);

  g_assert_true (g_str_has_suffix (fresh, suffix));
  for (guint from = 1; from < AWP_STORE_SCHEMA_VERSION; from++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("old-%u.db", from);
      g_autofree char *old_path = g_build_filename (f->dir, name, NULL);
      g_autofree char *migrated = NULL;
      g_autofree char *org_id = NULL;
      g_autofree char *req_id = NULL;
      g_autoptr(JsonObject) rec = NULL;
      g_autoptr(GPtrArray) hits = NULL;
      g_autoptr(AwpQueryModel) model = NULL;
      AwpStore *old;

      old = awp_store_open_at_version (old_path, from, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (awp_store_get_schema_version (old), ==, from);
      {
        g_autoptr(JsonObject) org = json_obj ("{\"name_ru\":\"Акимат города Алматы\",\"name_kk\":\"Алматы қаласының әкімдігі\"}");
        g_autoptr(JsonObject) req = json_obj ("{\"subject\":\"Көше жарығы жанбайды\",\"text\":\"Шамдар сөніп тұр\",\"received_on\":\"2026-03-02\"}");

        org_id = awp_store_create (old, "organization", org, "tester", &error);
        g_assert_no_error (error);
        req_id = awp_store_create (old, "blog_request", req, "tester", &error);
        g_assert_no_error (error);
        g_assert_true (awp_store_transition (old, req_id, "accept", NULL, "tester", &error));
        g_assert_no_error (error);
      }
      g_assert_finalize_object (old);

      old = awp_store_open (old_path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (awp_store_get_schema_version (old), ==, AWP_STORE_SCHEMA_VERSION);
      rec = awp_store_get_record (old, org_id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (rec, "data"), "name_ru"), ==, "Акимат города Алматы");
      /* The text written before the upgrade is in the search index. */
      hits = awp_search_run (old, "әкімдігі", 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 1);
      g_clear_pointer (&hits, g_ptr_array_unref);
      hits = awp_search_run (old, "ШАМДАР", 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 1);
      g_assert_cmpstr (((AwpSearchHit *) hits->pdata[0])->id, ==, req_id);
      /* Counted and listed as before. */
      assert_counts_exact (old_path);
      g_assert_cmpint (awp_store_count (old, NULL, &error), ==, 2);
      g_assert_cmpint (awp_store_count (old, "blog_request", &error), ==, 1);
      model = awp_query_model_new (old, "blog_request");
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
      awp_query_model_set_status (model, "accepted");
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
      g_clear_object (&model);
      g_assert_finalize_object (old);

      migrated = schema_of (old_path);
      g_assert_cmpstr (migrated, ==, fresh);

      /* The same file opened again changes nothing. */
      old = awp_store_open (old_path, &error);
      g_assert_no_error (error);
      g_assert_finalize_object (old);
      g_free (migrated);
      migrated = schema_of (old_path);
      g_assert_cmpstr (migrated, ==, fresh);
    }
}

static JsonArray *
rated_page (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return json_array_ref (json_node_get_array (node));
}

/* Schema 6 (the ratings overview, O145-6): a schema-5 file's rated answers
 * are counted after the upgrade as before it — by the rating's date, else
 * the answer's; a reason only for dislikes; a rating that is not an object
 * or not answered is not counted — and ratings that change later follow. */
static void
test_migration_ratings (StoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old_path = g_build_filename (f->dir, "old-ratings.db", NULL);
  g_autoptr(JsonArray) page = rated_page (
    "[{\"entity_type\":\"blog_request\",\"id\":\"r-1\",\"version\":3,\"data\":{\"subject\":\"Жол\","
    "  \"status\":\"answered\",\"due_on\":\"2026-03-17\",\"answered_on\":\"2026-03-10\","
    "  \"rating\":{\"value\":\"dislike\",\"reason\":\"Жауап толық емес\",\"rated_on\":\"2026-04-02\"}}},"
    " {\"entity_type\":\"blog_request\",\"id\":\"r-2\",\"version\":4,\"data\":{\"subject\":\"Жарық\","
    "  \"status\":\"answered\",\"due_on\":\"2026-03-01\",\"answered_on\":\"2026-03-05\","
    "  \"rating\":{\"value\":\"like\"}}},"
    " {\"entity_type\":\"blog_request\",\"id\":\"r-3\",\"version\":5,\"data\":{\"subject\":\"Су\","
    "  \"status\":\"answered\",\"due_on\":\"2026-05-20\",\"answered_on\":\"2026-05-11\",\"rating\":5}},"
    " {\"entity_type\":\"blog_request\",\"id\":\"r-4\",\"version\":6,\"data\":{\"subject\":\"Мектеп\","
    "  \"status\":\"returned\",\"due_on\":\"2026-05-20\",\"rating\":{\"value\":\"like\",\"rated_on\":\"2026-05-01\"}}}]");
  g_autoptr(JsonArray) later = rated_page (
    "[{\"entity_type\":\"blog_request\",\"id\":\"r-2\",\"version\":7,\"data\":{\"subject\":\"Жарық\","
    "  \"status\":\"answered\",\"due_on\":\"2026-03-01\",\"answered_on\":\"2026-03-05\","
    "  \"rating\":{\"value\":\"dislike\",\"reason\":\"Мерзімі өтті\",\"rated_on\":\"2026-05-03\"}}},"
    " {\"entity_type\":\"blog_request\",\"id\":\"r-3\",\"version\":8,\"data\":{\"subject\":\"Су\","
    "  \"status\":\"answered\",\"due_on\":\"2026-05-20\",\"answered_on\":\"2026-05-11\","
    "  \"rating\":{\"value\":\"like\"}}}]");
  AwpStore *old = awp_store_open_at_version (old_path, 5, &error);
  g_autoptr(AwpRatingsOverview) after = NULL;
  g_autoptr(AwpRatingsOverview) changed = NULL;
  g_autoptr(AwpRatingsOverview) april = NULL;

  g_assert_no_error (error);
  g_assert_true (awp_outbox_apply_pull (old, page, "c-1", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (old);

  old = awp_store_open (old_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (awp_store_get_schema_version (old), ==, 6);
  after = awp_ratings_overview_load (old, NULL, "2026-12", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->likes, ==, 1);
  g_assert_cmpuint (after->dislikes, ==, 1);
  g_assert_cmpuint (after->on_time, ==, 2);  /* r-1 and r-3 */
  g_assert_cmpuint (after->late, ==, 1);     /* r-2 */
  g_assert_cmpuint (after->reasons->len, ==, 1);
  g_assert_cmpstr (((AwpDislikeReason *) after->reasons->pdata[0])->reason, ==, "Жауап толық емес");
  /* March to May without holes: the like in March (the answer's month),
   * the dislike in April (its own date). */
  g_assert_cmpuint (after->months->len, ==, 3);
  g_assert_cmpstr (g_array_index (after->months, AwpRatingMonth, 0).month, ==, "2026-03");
  g_assert_cmpuint (g_array_index (after->months, AwpRatingMonth, 0).likes, ==, 1);
  g_assert_cmpuint (g_array_index (after->months, AwpRatingMonth, 0).late, ==, 1);
  g_assert_cmpuint (g_array_index (after->months, AwpRatingMonth, 0).on_time, ==, 1);
  g_assert_cmpuint (g_array_index (after->months, AwpRatingMonth, 1).dislikes, ==, 1);
  april = awp_ratings_overview_load (old, "2026-04", "2026-04", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (april->dislikes, ==, 1);
  g_assert_cmpuint (april->likes + april->on_time + april->late, ==, 0);

  /* Later pulls change the ratings: the columns follow the JSON. */
  g_assert_true (awp_outbox_apply_pull (old, later, "c-2", &error));
  g_assert_no_error (error);
  changed = awp_ratings_overview_load (old, "2026-05", "2026-05", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed->likes, ==, 1);
  g_assert_cmpuint (changed->dislikes, ==, 1);
  g_assert_cmpuint (changed->on_time, ==, 1);
  g_assert_cmpstr (((AwpDislikeReason *) changed->reasons->pdata[0])->reason, ==, "Мерзімі өтті");
  g_assert_finalize_object (old);
}

/* The kept counts follow every kind of write: creates, transitions,
 * deletes, pulled pages and a bulk seed. */
static void
test_counts (StoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpQueryModel) model = awp_query_model_new (f->store, "blog_request");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonObject) req = json_obj ("{\"subject\":\"Жол жөндеу\",\"received_on\":\"2026-03-02\"}");
      char *id = awp_store_create (f->store, "blog_request", req, "op", &error);

      g_assert_no_error (error);
      if (i == 0)
        a = id;
      else
        b = id;
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_true (awp_store_transition (f->store, a, "accept", NULL, "op", &error));
  g_assert_no_error (error);
  assert_counts_exact (f->path);
  awp_query_model_set_status (model, "received");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_true (awp_store_delete (f->store, b, "op", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  assert_counts_exact (f->path);

  g_assert_true (awp_seed_run (f->store, 10000, 5, &error));
  g_assert_no_error (error);
  assert_counts_exact (f->path);
  awp_query_model_set_status (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10001);
  g_assert_cmpint (awp_store_count (f->store, "blog_request", &error), ==, 10001);
  /* The triggers are back after the bulk load. */
  {
    g_autoptr(JsonObject) answer = json_obj ("{\"answer\":\"Жол жөнделді\"}");

    g_assert_true (awp_store_transition (f->store, a, "answer", answer, "op", &error));
    g_assert_no_error (error);
  }
  assert_counts_exact (f->path);
  g_assert_true (awp_store_delete (f->store, a, "op", &error));
  g_assert_no_error (error);
  assert_counts_exact (f->path);
  g_assert_cmpint (awp_store_count (f->store, "blog_request", &error), ==, 10000);
}

static void
test_too_new (StoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpStore) again = NULL;

  g_clear_object (&f->store);
  raw_exec (f->path, "PRAGMA user_version = 99");
  again = awp_store_open (f->path, &error);
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TOO_NEW);
  g_assert_null (again);
  /* Not treated as damage: the file stays where it is. */
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_pragmas (StoreFixture *f, gconstpointer data)
{
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), ==, 1);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM entity_type"), >=, 20);
  g_assert_true (awp_uuid_is_valid (awp_store_get_client_id (f->store), 7));
  g_assert_null (awp_store_get_recovery_message (f->store));
}

static void
damage_file (const char *path, gsize offset, gsize len)
{
  g_autofree char *contents = NULL;
  gsize size = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &size, &error));
  g_assert_cmpuint (size, >, offset + len);
  memset (contents + offset, 0x5a, len);
  g_assert_true (g_file_set_contents (path, contents, (gssize) size, &error));
}

static void
check_done (GObject *source, GAsyncResult *result, gpointer data)
{
  GError **error = data;

  awp_store_check_finish (AWP_STORE (source), result, error);
  g_main_context_wakeup (NULL);
  *(gboolean *) g_object_get_data (source, "test-done") = TRUE;
}

/* Runs the background integrity check to the end. */
static gboolean
run_check (AwpStore *store, GError **error)
{
  gboolean done = FALSE;

  g_object_set_data (G_OBJECT (store), "test-done", &done);
  awp_store_check_async (store, NULL, check_done, error);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return *error == NULL;
}

static void
assert_moved (StoreFixture *f, AwpStore *again)
{
  g_autoptr(GError) error = NULL;
  const char *moved = awp_store_get_moved_path (again);

  g_assert_nonnull (moved);
  g_assert_true (g_str_has_prefix (moved, f->path));
  g_assert_true (strstr (moved, ".damaged-") != NULL);
  g_assert_true (g_file_test (moved, G_FILE_TEST_EXISTS));
  g_assert_nonnull (strstr (awp_store_get_recovery_message (again), moved));
  /* A new, empty, working store. */
  g_assert_cmpint (awp_store_count (again, NULL, &error), ==, 0);
  g_assert_no_error (error);
  {
    g_autoptr(JsonObject) org = json_obj ("{\"name_ru\":\"После восстановления\"}");
    g_autofree char *id = awp_store_create (again, "organization", org, "tester", &error);

    g_assert_no_error (error);
    g_assert_nonnull (id);
  }
  g_assert_true (run_check (again, &error));
  g_assert_cmpstr (awp_store_get_moved_path (again), ==, moved);
}

/* Damage at the start of the file is found while opening. */
static void
check_recovered (StoreFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpStore) again = awp_store_open (f->path, &error);

  g_assert_no_error (error);
  assert_moved (f, again);
}

static void
fill (AwpStore *store, guint n)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"name_ru\":\"Организация %u\",\"text\":\"%0200u\"}", i, i);
      g_autoptr(JsonObject) org = json_obj (json);
      g_autofree char *id = awp_store_create (store, "organization", org, "tester", &error);

      g_assert_nonnull (id);
      g_assert_no_error (error);
    }
}

static void
test_damaged_header (StoreFixture *f, gconstpointer data)
{
  fill (f->store, 5);
  g_clear_object (&f->store);
  damage_file (f->path, 0, 100);
  check_recovered (f);
}

static void
on_recovered (AwpStore *store, gpointer data)
{
  (*(guint *) data)++;
}

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, gpointer data)
{
  (*(guint *) data)++;
}

/* Damage deep in a table is not read at open (which must stay instant at a
 * million rows); the background integrity check finds it, moves the file
 * aside, and the same store object goes on with a new file. */
static void
test_damaged_pages (StoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpStore) again = NULL;
  g_autoptr(AwpQueryModel) model = NULL;
  gint64 pages;
  guint recovered = 0, changes = 0;

  fill (f->store, 200);
  g_clear_object (&f->store);
  raw_exec (f->path, "PRAGMA wal_checkpoint(TRUNCATE)");
  pages = raw_count (f->path, "PRAGMA page_count");
  g_assert_cmpint (pages, >, 12);
  /* The second half of the file: record and index pages become garbage. */
  damage_file (f->path, (gsize) (pages / 2) * 4096 + 8, 4096 * 3);

  again = awp_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_null (awp_store_get_moved_path (again));
  model = awp_query_model_new (again, "organization");
  g_signal_connect (again, "recovered", G_CALLBACK (on_recovered), &recovered);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changes);

  g_assert_true (run_check (again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (recovered, ==, 1);
  /* The open view now shows the new, empty store. */
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  assert_moved (f, again);
  g_assert_cmpuint (recovered, ==, 1);
}

/* A sound file passes the check and stays where it is. */
static void
test_check_intact (StoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fill (f->store, 50);
  g_assert_true (run_check (f->store, &error));
  g_assert_no_error (error);
  g_assert_null (awp_store_get_moved_path (f->store));
  g_assert_null (awp_store_get_recovery_message (f->store));
  g_assert_cmpint (awp_store_count (f->store, NULL, &error), ==, 50);
}

static void
test_atomic_change (StoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) org = json_obj ("{\"name_ru\":\"Министерство\"}");
  g_autofree char *id = NULL;
  gint64 audit_before;

  id = awp_store_create (f->store, "organization", org, "tester", &error);
  g_assert_no_error (error);
  audit_before = raw_count (f->path, "SELECT count(*) FROM audit");
  g_assert_cmpint (audit_before, ==, 1);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM outbox"), ==, 1);

  /* A failure between the record and its outbox row: neither is written. */
  raw_exec (f->path, "CREATE TRIGGER inject BEFORE INSERT ON outbox BEGIN SELECT RAISE (ABORT, 'injected'); END");
  {
    g_autoptr(JsonObject) other = json_obj ("{\"name_ru\":\"Другое министерство\"}");
    g_autofree char *none = awp_store_create (f->store, "organization", other, "tester", &error);

    g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_FAILED);
    g_assert_null (none);
    g_clear_error (&error);
  }
  {
    g_autoptr(JsonObject) patch = json_obj ("{\"name_ru\":\"Переименованное\"}");

    g_assert_false (awp_store_update (f->store, id, patch, "tester", &error));
    g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_FAILED);
    g_clear_error (&error);
  }
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM record"), ==, 1);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM record WHERE data ->> 'name_ru' = 'Министерство'"), ==, 1);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM outbox"), ==, 1);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM audit"), ==, audit_before);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM record_fts WHERE record_fts MATCH 'Переименованное'"), ==, 0);

  /* The same store goes on working once the fault is gone. */
  raw_exec (f->path, "DROP TRIGGER inject");
  {
    g_autoptr(JsonObject) patch = json_obj ("{\"name_ru\":\"Переименованное\"}");

    g_assert_true (awp_store_update (f->store, id, patch, "tester", &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM outbox"), ==, 2);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM audit"), ==, 2);
}

static void
test_bad_input (StoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) bad = json_obj ("{\"subject\":\"x\"}");
  g_autoptr(JsonObject) status = json_obj ("{\"status\":\"answered\"}");
  g_autoptr(JsonObject) bad_date = json_obj ("{\"subject\":\"x\",\"received_on\":\"2026-02-30\"}");
  char *id;

  id = awp_store_create (f->store, "no_such_type", bad, "tester", &error);
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no_such_type"));
  g_assert_null (id);
  g_clear_error (&error);

  id = awp_store_create (f->store, "blog_request", status, "tester", &error);
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "status"));
  g_clear_error (&error);

  id = awp_store_create (f->store, "blog_request", bad_date, "tester", &error);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "received_on"));
  g_assert_null (id);
  g_clear_error (&error);

  g_assert_false (awp_store_update (f->store, "0190f3b2-0000-7000-8000-000000000000", bad, "tester", &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM outbox"), ==, 0);
}

/* A large seed takes the bulk path (indexes dropped and rebuilt, search
 * text staged): the result must be the same schema and a complete index. */
static void
test_bulk_seed (StoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = schema_of (f->path);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 records;

  g_assert_true (awp_seed_run (f->store, 10000, 3, &error));
  g_assert_no_error (error);
  after = schema_of (f->path);
  g_assert_cmpstr (after, ==, before);
  records = raw_count (f->path, "SELECT count(*) FROM record");
  g_assert_cmpint (records, >, 10000);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM record_fts"), ==, records);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM record_base"), ==, records);
  hits = awp_search_run (f->store, "жол", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 5);
  /* The store goes on with ordinary, indexed single writes. */
  {
    g_autoptr(JsonObject) org = json_obj ("{\"name_ru\":\"Новое ведомство\"}");
    g_autofree char *id = awp_store_create (f->store, "organization", org, "op", &error);
    g_autoptr(GPtrArray) found = NULL;

    g_assert_nonnull (id);
    g_assert_no_error (error);
    found = awp_search_run (f->store, "ведомство", 5, &error);
    g_assert_cmpuint (found->len, ==, 1);
  }
}

/* A bulk load that meets a record already there updates it (and its
 * search text) instead of failing. */
static void
test_bulk_upsert (StoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) org = json_obj ("{\"name_ru\":\"Старое название\"}");
  g_autoptr(JsonObject) renamed = json_obj ("{\"name_ru\":\"Новое название\"}");
  g_autoptr(JsonObject) other = json_obj ("{\"name_ru\":\"Другое ведомство\"}");
  g_autofree char *id = awp_store_create (f->store, "organization", org, "op", &error);
  g_autoptr(JsonObject) rec = NULL;
  g_autoptr(GPtrArray) old_hits = NULL;
  g_autoptr(GPtrArray) new_hits = NULL;

  g_assert_no_error (error);
  g_assert_true (awp_store_begin (f->store, &error));
  g_assert_true (awp_store_bulk_begin (f->store, &error));
  g_assert_true (awp_store_put_record (f->store, id, "organization", renamed, NULL, 2, "synced", &error));
  g_assert_true (awp_store_put_record (f->store, "0190f3b2-0000-7000-8000-00000000abcd", "organization", other, NULL, 1, "synced", &error));
  g_assert_true (awp_store_bulk_end (f->store, &error));
  g_assert_true (awp_store_commit (f->store, &error));
  g_assert_no_error (error);

  rec = awp_store_get_record (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (rec, "data"), "name_ru"), ==, "Новое название");
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM record"), ==, 2);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM record_fts"), ==, 2);
  old_hits = awp_search_run (f->store, "старое", 5, &error);
  g_assert_cmpuint (old_hits->len, ==, 0);
  new_hits = awp_search_run (f->store, "название", 5, &error);
  g_assert_cmpuint (new_hits->len, ==, 1);
  assert_counts_exact (f->path);
  g_assert_cmpint (awp_store_count (f->store, "organization", &error), ==, 2);
}

/* The store's own JSON writer gives exactly json-glib's compact text. */
static void
test_json_text (void)
{
  static const char *const cases[] = {
    "{}",
    "{\"a\":1,\"b\":-9007199254740993,\"c\":true,\"d\":false,\"e\":null}",
    "{\"subject\":\"Көше жарығы — «Астана»\",\"q\":\"say \\\"hi\\\"\\\\ \\n\\t\\r\\b\\f \\u0001 \\u007f\"}",
    "{\"deadlines\":{\"answer_by\":\"2026-03-20\",\"nested\":{\"x\":[1,\"two\",[],{},null,false]}},\"z\":0}",
    "{\"rating\":4.5,\"tiny\":1e-300,\"neg\":-0.25,\"whole\":2.0}",
    "{\"zz\":1,\"aa\":2,\"mm\":{\"b\":1,\"a\":2}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = json_obj (cases[i]);
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *expected = NULL;
      g_autofree char *ours = awp_json_object_to_string (object);

      json_node_set_object (node, object);
      expected = json_to_string (node, FALSE);
      g_assert_cmpstr (ours, ==, expected);
    }
}

static void
test_uuid (void)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 2000; i++)
    {
      char *id = awp_uuid_v7 ();

      g_assert_true (awp_uuid_is_valid (id, 7));
      if (ids->len > 0)
        g_assert_cmpstr (ids->pdata[ids->len - 1], <, id);
      g_ptr_array_add (ids, id);
    }
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *v4 = awp_uuid_v4 ();

      g_assert_true (awp_uuid_is_valid (v4, 4));
      g_assert_false (awp_uuid_is_valid (v4, 7));
    }
  g_assert_false (awp_uuid_is_valid ("not-a-uuid", 0));
  g_assert_false (awp_uuid_is_valid ("0190F3B2-0000-7000-8000-000000000000", 7));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/store/" name, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)
  ADD ("migrations", test_migrations);
  ADD ("migration-ratings", test_migration_ratings);
  ADD ("too-new", test_too_new);
  ADD ("counts", test_counts);
  ADD ("pragmas", test_pragmas);
  ADD ("damaged-header", test_damaged_header);
  ADD ("damaged-pages", test_damaged_pages);
  ADD ("check-intact", test_check_intact);
  ADD ("atomic-change", test_atomic_change);
  ADD ("bad-input", test_bad_input);
  ADD ("bulk-seed", test_bulk_seed);
  ADD ("bulk-upsert", test_bulk_upsert);
  g_test_add_func ("/store/uuid", test_uuid);
  g_test_add_func ("/store/json-text", test_json_text);
  return g_test_run ();
}

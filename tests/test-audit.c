#include "config.h"

#include "awp-audit.h"
#include "awp-test-store.h"

/* The hash-chained audit log: intact chains verify, any edit is named. */

static void
add_entries (StoreFixture *f, guint n)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"name_kk\":\"Ұйым %u\"}", i);
      g_autoptr(JsonObject) org = json_obj (json);
      g_autofree char *id = awp_store_create (f->store, "organization", org, "operator-1", &error);

      g_assert_nonnull (id);
      g_assert_no_error (error);
    }
}

static void
expect_broken (StoreFixture *f, gint64 expected_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpStore) store = awp_store_open (f->path, &error);
  gint64 n = -1, broken = -1;

  g_assert_no_error (error);
  g_assert_false (awp_audit_verify (store, &n, &broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, expected_id);
}

static void
test_intact (StoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 n = -1, broken = -1;

  g_assert_true (awp_audit_verify (f->store, &n, &broken, &error));
  g_assert_cmpint (n, ==, 0);
  add_entries (f, 10);
  g_assert_true (awp_audit_verify (f->store, &n, &broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 10);
  g_assert_cmpint (broken, ==, 0);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM audit WHERE prev_hash = (SELECT hash FROM audit a WHERE a.id = audit.id - 1)"), ==, 9);
}

static void
test_append_only (StoreFixture *f, gconstpointer data)
{
  sqlite3 *db = NULL;

  add_entries (f, 2);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit SET actor = 'x' WHERE id = 1", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit WHERE id = 1", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

static void
test_tamper_field (StoreFixture *f, gconstpointer data)
{
  add_entries (f, 6);
  g_clear_object (&f->store);
  /* Someone with the file drops the guard and edits entry 4. */
  raw_exec (f->path, "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'someone-else' WHERE id = 4");
  expect_broken (f, 4);
}

static void
test_tamper_rehash (StoreFixture *f, gconstpointer data)
{
  add_entries (f, 6);
  g_clear_object (&f->store);
  /* Changing a detail and a plausible hash still breaks the next link. */
  raw_exec (f->path, "DROP TRIGGER audit_no_update;"
                     "UPDATE audit SET detail = '{}', hash = (SELECT hash FROM audit WHERE id = 2) WHERE id = 3");
  expect_broken (f, 3);
}

static void
test_tamper_delete (StoreFixture *f, gconstpointer data)
{
  add_entries (f, 6);
  g_clear_object (&f->store);
  raw_exec (f->path, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 2");
  expect_broken (f, 3);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/audit/" name, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)
  ADD ("intact", test_intact);
  ADD ("append-only", test_append_only);
  ADD ("tamper-field", test_tamper_field);
  ADD ("tamper-rehash", test_tamper_rehash);
  ADD ("tamper-delete", test_tamper_delete);
  return g_test_run ();
}

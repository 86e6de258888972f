#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "awp-application.h"
#include "awp-i18n.h"
#include "awp-window.h"

/* The application opens its store from --db, seeds an empty one with the
 * demo queue, and says so in a dialog when a damaged file was moved aside. */

typedef struct
{
  AwpApplication *app;
  gboolean        saw_dialog;
  gint64          n_requests;
} Seen;

static gboolean
inspect_cb (gpointer user_data)
{
  Seen *seen = user_data;
  AwpStore *store = awp_application_get_store (seen->app);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (seen->app)); l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data)
        && g_strcmp0 (adw_message_dialog_get_heading (l->data), "The local store was damaged") == 0)
      seen->saw_dialog = TRUE;
  seen->n_requests = store ? awp_store_count (store, "blog_request", NULL) : -1;
  g_application_quit (G_APPLICATION (seen->app));
  return G_SOURCE_REMOVE;
}

static void
on_activate_cb (GApplication *app,
                Seen         *seen)
{
  g_timeout_add (300, inspect_cb, seen);
}

static Seen
run_app (const char *db)
{
  Seen seen = { 0 };
  char *argv[] = { (char *) "awp", (char *) "--db", (char *) db, NULL };

  seen.app = awp_application_new ();
  /* Not unique: each run is its own instance, as under a test harness. */
  g_application_set_flags (G_APPLICATION (seen.app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (seen.app, "activate", G_CALLBACK (on_activate_cb), &seen);
  g_assert_cmpint (g_application_run (G_APPLICATION (seen.app), 3, argv), ==, 0);
  g_clear_object (&seen.app);
  return seen;
}

static void
test_application_opens_and_seeds (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("awp-app-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "sub", "awp.db", NULL);
  g_autoptr(GDir) listing = NULL;
  gboolean moved = FALSE;
  const char *name;
  Seen seen;

  g_assert_no_error (error);
  /* A new file in a folder that does not exist yet: created and seeded. */
  seen = run_app (db);
  g_assert_false (seen.saw_dialog);
  g_assert_cmpint (seen.n_requests, >, 0);
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));

  /* A damaged file: moved aside, a new store seeded, and the user told. */
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
  }
  g_assert_true (g_file_set_contents (db, "this is not a database, just damaged bytes ...........", -1, &error));
  seen = run_app (db);
  g_assert_true (seen.saw_dialog);
  g_assert_cmpint (seen.n_requests, >, 0);
  {
    g_autofree char *sub = g_path_get_dirname (db);

    listing = g_dir_open (sub, 0, &error);
    g_assert_no_error (error);
    while ((name = g_dir_read_name (listing)) != NULL)
      moved |= g_str_has_prefix (name, "awp.db.damaged-");
  }
  g_assert_true (moved);

  /* Clean up the two folders. */
  {
    g_autofree char *sub = g_path_get_dirname (db);
    g_autoptr(GDir) d = g_dir_open (sub, 0, NULL);

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (sub, name, NULL);

        g_remove (p);
      }
    g_rmdir (sub);
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  awp_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/application/opens-and-seeds", test_application_opens_and_seeds);

  return g_test_run ();
}

#pragma once

/* The real application in training mode (awp --training) for the
 * acceptance tests: its window, its in-process demo server, its store and
 * sync engine. The test body runs once the first sync has landed; the
 * server's own database is read to see what reached it. */

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

#include "awp-application.h"
#include "awp-outbox.h"
#include "awp-sync-button.h"
#include "awp-test-ui.h"
#include "awp-training.h"
#include "awp-window.h"

typedef void (*TrainingBody) (AwpApplication *app, AwpWindow *window);

typedef struct
{
  TrainingBody body;
  gboolean     ran;
} TrainingRun;

#define spin() awp_test_ui_spin ()
typedef AwpTestUiCondition TrainingCondition;

/* Until @cond holds, then what it set off settles. */
G_GNUC_UNUSED static void
wait_for (TrainingCondition cond,
          gpointer          data,
          const char       *what)
{
  awp_test_ui_wait_for (cond, data, what);
  spin ();
}

G_GNUC_UNUSED static AwpSyncEngine *
training_engine (AwpApplication *app)
{
  return awp_training_get_engine (awp_application_get_training (app));
}

/* Idle after a cycle that went through, nothing waiting to be sent. */
G_GNUC_UNUSED static gboolean
synced_clean (gpointer data)
{
  AwpSyncEngine *e = training_engine (data);

  return awp_sync_engine_get_state (e) == AWP_SYNC_STATE_ONLINE && awp_sync_engine_get_last_sync (e) != NULL
         && awp_sync_engine_get_pending (e) == 0;
}

G_GNUC_UNUSED static gboolean
training_body_idle (gpointer data)
{
  AwpApplication *app = data;
  TrainingRun *run = g_object_get_data (G_OBJECT (app), "training-run");
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_nonnull (awp_application_get_training (app));
  g_assert_true (AWP_IS_WINDOW (window));
  wait_for (synced_clean, app, "the first training sync");
  run->body (app, AWP_WINDOW (window));
  run->ran = TRUE;
  gtk_window_destroy (window);
  spin ();
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

G_GNUC_UNUSED static void
training_activated (GApplication *app)
{
  g_idle_add (training_body_idle, app);
}

/* Runs `awp --training` and @body in it. */
G_GNUC_UNUSED static void
run_training_app (TrainingBody body)
{
  char *argv[] = { (char *) "awp", (char *) "--training", NULL };
  TrainingRun run = { body, FALSE };
  AwpApplication *app = awp_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (app), "training-run", &run);
  g_signal_connect_after (app, "activate", G_CALLBACK (training_activated), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_assert_true (run.ran);
  g_object_unref (app);
}

#define find_widget(root, type, name, action) awp_test_ui_find ((root), (type), (name), (action))

G_GNUC_UNUSED static GtkWidget *
window_child (AwpWindow *window, const char *name)
{
  GObject *o = gtk_widget_get_template_child (GTK_WIDGET (window), AWP_TYPE_WINDOW, name);

  g_assert_nonnull (o);
  return GTK_WIDGET (o);
}

G_GNUC_UNUSED static const char *
sync_button_text (AwpWindow *window, const char *label)
{
  GtkWidget *button = find_widget (GTK_WIDGET (window), AWP_TYPE_SYNC_BUTTON, NULL, NULL);

  g_assert_nonnull (button);
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (button, AWP_TYPE_SYNC_BUTTON, label)));
}

/* The training server's own database, read beside it (WAL: a reader does
 * not disturb the server). */
G_GNUC_UNUSED static sqlite3 *
server_db_open (AwpApplication *app)
{
  g_autofree char *dir = g_path_get_dirname (awp_training_get_store_path (awp_application_get_training (app)));
  g_autofree char *path = g_build_filename (dir, "training-server.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* The server's copy of record @id (its data, its version); NULL when it has none. */
G_GNUC_UNUSED static JsonObject *
server_record (AwpApplication *app, const char *id, gint64 *version)
{
  sqlite3 *db = server_db_open (app);
  sqlite3_stmt *stmt = NULL;
  JsonObject *data = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT data, version FROM records WHERE id = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert_true (json_parser_load_from_data (parser, (const char *) sqlite3_column_text (stmt, 0), -1, NULL));
      data = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
      if (version != NULL)
        *version = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return data;
}

G_GNUC_UNUSED static gint64
server_count (AwpApplication *app, const char *sql, const char *arg)
{
  sqlite3 *db = server_db_open (app);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

G_GNUC_UNUSED static JsonObject *
local_data (AwpStore *store, const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = awp_store_get_record (store, id, &error);

  g_assert_no_error (error);
  return json_object_ref (json_object_get_object_member (record, "data"));
}

/* Runs a sync as the header bar's "Sync now" does and waits for a cycle
 * to end (the state leaves "syncing"). */
G_GNUC_UNUSED static void
on_state (guint *ended, GParamSpec *pspec, AwpSyncEngine *engine)
{
  if (awp_sync_engine_get_state (engine) != AWP_SYNC_STATE_SYNCING)
    (*ended)++;
}

G_GNUC_UNUSED static gboolean
not_syncing (gpointer data)
{
  return awp_sync_engine_get_state (data) != AWP_SYNC_STATE_SYNCING;
}

G_GNUC_UNUSED static gboolean
cycle_over (gpointer data)
{
  return *(guint *) data > 0;
}

G_GNUC_UNUSED static void
sync_now_and_wait (AwpApplication *app, AwpWindow *window, gboolean expect_online)
{
  AwpSyncEngine *engine = training_engine (app);
  guint ended = 0;
  gulong id;

  wait_for (not_syncing, engine, "the running cycle");
  id = g_signal_connect_swapped (engine, "notify::state", G_CALLBACK (on_state), &ended);
  g_assert_true (gtk_widget_activate_action (find_widget (GTK_WIDGET (window), AWP_TYPE_SYNC_BUTTON, NULL, NULL), "sync.now", NULL));
  wait_for (cycle_over, &ended, "a sync cycle");
  g_signal_handler_disconnect (engine, id);
  if (expect_online)
    wait_for (synced_clean, app, "a clean sync");
}

#pragma once

/* Two workstations of a training classroom in one test process, for the
 * acceptance tests of issues 7 and 9 (docs/training.md, "Classroom").
 *
 * One side is the real application (`awp --training-url URL
 * --training-user NAME`, its window, store and sync engine); the other is
 * a second workstation joined to the same server: an AwpTraining of its
 * own (its own training store and sync engine) and a real AwpWindow over
 * that store, wired as awp-application.c wires its window (the views start
 * over after each pull, a local edit asks the engine to send soon, the
 * server's role picks the workspaces). Two AwpApplication instances cannot
 * run in one process (g_application_run owns the main loop and the
 * application's single training store), hence the second side without one.
 *
 * The server is a real awp-server process with the demo seed anchored on
 * today (tests/awp-test-server.h), so the demo conference and survey run
 * today and citizens (awpctl portal) can ask and answer. Its database is
 * read beside it to check what reached it. */

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

#include "awp-application.h"
#include "awp-outbox.h"
#include "awp-sync-engine.h"
#include "awp-test-server.h"
#include "awp-test-ui.h"
#include "awp-training.h"
#include "awp-window.h"

#define WS_WAIT_SECONDS 90

typedef AwpTestUiCondition WsCondition;

/* Until @cond holds (for at most WS_WAIT_SECONDS), then what it set off
 * settles. */
G_GNUC_UNUSED static void
ws_wait_for (WsCondition cond, gpointer data, const char *what)
{
  awp_test_ui_wait_up_to (WS_WAIT_SECONDS, cond, data, what);
  awp_test_ui_spin ();
}

G_GNUC_UNUSED static gboolean
ws_flag_set (gpointer data)
{
  return *(gboolean *) data;
}

typedef struct
{
  const char     *name;      /* for messages: "administrator", "Operator" … */
  AwpApplication *app;       /* the real application's side, or NULL */
  AwpTraining    *training;  /* owned when app is NULL */
  AwpStore       *store;     /* owned when app is NULL */
  AwpWindow      *window;    /* owned when app is NULL */
} Workstation;

G_GNUC_UNUSED static AwpSyncEngine *
ws_engine (Workstation *ws)
{
  return awp_training_get_engine (ws->training);
}

static gboolean
ws_online (gpointer data)
{
  Workstation *ws = data;
  AwpSyncEngine *e = ws_engine (ws);

  if (awp_training_get_problem (ws->training) != NULL)
    g_error ("%s could not join: %s", ws->name, awp_training_get_problem (ws->training));
  return e != NULL && awp_sync_engine_get_state (e) == AWP_SYNC_STATE_ONLINE && awp_sync_engine_get_last_sync (e) != NULL;
}

/* As awp-application.c: views start over after a pull … */
static void
ws_on_synced (Workstation *ws)
{
  awp_store_reload_views (ws->store);
}

/* … a local edit goes to the server soon … */
static void
ws_on_record_changed (Workstation *ws, const char *id, AwpStore *store)
{
  if (id != NULL)
    awp_sync_engine_local_change (ws_engine (ws));
}

/* … and the server's word on the role picks the workspaces. */
static void
ws_on_role (Workstation *ws)
{
  awp_window_set_role (ws->window, awp_sync_engine_get_role (ws_engine (ws)), awp_sync_engine_get_username (ws_engine (ws)));
}

/* The application's side: its window, store and engine, once its first
 * sync has landed. */
G_GNUC_UNUSED static void
ws_init_app (Workstation *ws, const char *name, AwpApplication *app)
{
  ws->name = name;
  ws->app = app;
  ws->training = awp_application_get_training (app);
  g_assert_nonnull (ws->training);
  g_assert_true (awp_training_is_joined (ws->training));
  ws_wait_for (ws_online, ws, "the application's first sync");
  ws->store = awp_application_get_store (app);
  ws->window = AWP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (ws->window);
}

/* A second workstation joined to @url as @user, with its own window. */
G_GNUC_UNUSED static void
ws_init_joined (Workstation *ws, const char *name, const char *url, const char *user)
{
  g_autoptr(GError) error = NULL;

  ws->name = name;
  ws->training = awp_training_new_joined (url, user, &error);
  g_assert_no_error (error);
  ws_wait_for (ws_online, ws, "the second workstation's first sync");
  ws->store = awp_store_open (awp_training_get_store_path (ws->training), &error);
  g_assert_no_error (error);
  ws->window = g_object_ref_sink (awp_window_new (NULL));
  awp_window_set_store (ws->window, ws->store);
  ws_on_role (ws);
  g_signal_connect_swapped (ws_engine (ws), "notify::last-sync", G_CALLBACK (ws_on_synced), ws);
  g_signal_connect_swapped (ws_engine (ws), "notify::role", G_CALLBACK (ws_on_role), ws);
  g_signal_connect_swapped (ws->store, "record-changed", G_CALLBACK (ws_on_record_changed), ws);
  gtk_window_set_default_size (GTK_WINDOW (ws->window), 1366, 800);
  gtk_window_present (GTK_WINDOW (ws->window));
  awp_test_ui_spin ();
}

G_GNUC_UNUSED static void
ws_clear (Workstation *ws)
{
  if (ws->app != NULL)
    return;
  g_signal_handlers_disconnect_by_data (ws_engine (ws), ws);
  g_signal_handlers_disconnect_by_data (ws->store, ws);
  gtk_window_destroy (GTK_WINDOW (ws->window));
  awp_test_ui_spin ();
  g_clear_object (&ws->window);
  g_clear_object (&ws->store);
  g_clear_object (&ws->training);
}

static void
ws_synced (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GError) error = NULL;

  awp_sync_engine_sync_finish (AWP_SYNC_ENGINE (source), result, &error);
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

static gboolean
ws_idle (gpointer data)
{
  AwpSyncEngine *e = data;

  return awp_sync_engine_get_state (e) != AWP_SYNC_STATE_SYNCING;
}

/* One whole sync cycle of @ws, as "Sync now": what it holds goes to the
 * server and what the server has comes back; nothing is left held. */
G_GNUC_UNUSED static void
ws_sync (Workstation *ws)
{
  g_autofree char *what = g_strdup_printf ("a sync of the %s", ws->name);
  gboolean done = FALSE;

  awp_sync_engine_sync_async (ws_engine (ws), NULL, ws_synced, &done);
  ws_wait_for (ws_flag_set, &done, what);
  ws_wait_for (ws_idle, ws_engine (ws), what);
  {
    g_autoptr(GPtrArray) left = awp_outbox_list (ws->store, "pending", NULL);
    g_autoptr(GPtrArray) all = awp_outbox_list (ws->store, NULL, NULL);

    for (guint i = 0; left != NULL && left->len > 0 && i < all->len; i++)
      {
        AwpOutboxEntry *e = all->pdata[i];

        g_autoptr(JsonNode) n = json_node_init_object (json_node_alloc (), e->patch);
        g_autofree char *patch = json_to_string (n, FALSE);

        g_printerr ("all: %" G_GINT64_FORMAT " %s %s %s %s %s %s\n", e->seq, e->entity_type, e->entity_id, e->op, e->status,
                    g_strcmp0 (e->status, "acked") != 0 ? patch : "", e->last_error ? e->last_error : "");
      }

    for (guint i = 0; left != NULL && i < left->len; i++)
      {
        AwpOutboxEntry *e = left->pdata[i];
        g_autoptr(JsonNode) n = json_node_init_object (json_node_alloc (), e->patch);
        g_autofree char *patch = json_to_string (n, FALSE);

        g_printerr ("left: %s %s %s %s attempts=%d %s\n", e->entity_type, e->entity_id, e->op, patch, e->attempts,
                    e->last_error ? e->last_error : "");
      }
    if (left != NULL && left->len > 0)
      g_error ("%u changes of the %s were not sent by a whole sync (the engine counts %d)", left->len, ws->name,
               (int) awp_sync_engine_get_pending (ws_engine (ws)));
  }
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(GPtrArray) held = awp_outbox_list (ws->store, k == 0 ? "conflict" : "rejected", NULL);

      if (held != NULL && held->len > 0)
        g_error ("the server refused a change of the %s to %s: %s", ws->name,
                 ((AwpOutboxEntry *) held->pdata[0])->entity_id,
                 ((AwpOutboxEntry *) held->pdata[0])->last_error ? ((AwpOutboxEntry *) held->pdata[0])->last_error : "?");
    }
}

/* The record's data on @ws (a new reference), or NULL. */
G_GNUC_UNUSED static JsonObject *
ws_data (Workstation *ws, const char *id)
{
  g_autoptr(JsonObject) record = awp_store_get_record (ws->store, id, NULL);

  return record != NULL ? json_object_ref (json_object_get_object_member (record, "data")) : NULL;
}

G_GNUC_UNUSED static char *
ws_field (Workstation *ws, const char *id, const char *member)
{
  g_autoptr(JsonObject) data = ws_data (ws, id);

  return data != NULL ? g_strdup (json_object_get_string_member_with_default (data, member, NULL)) : NULL;
}

/* ---- the server ---------------------------------------------------- */

/* A real awp-server with the demo seed anchored on today. */
G_GNUC_UNUSED static void
ws_server_start (AwpTestServer *server)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *extra = g_strdup_printf ("[seed]\ndate=%s\n", day);

  awp_test_server_start (server, extra);
}

/* The server's copy of @id (its data), or NULL; read beside the running
 * server (WAL: a reader does not disturb it). */
G_GNUC_UNUSED static JsonObject *
ws_server_record (AwpTestServer *server, const char *id)
{
  g_autofree char *path = g_build_filename (server->dir, "server.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  JsonObject *data = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT data FROM records WHERE id = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert_true (json_parser_load_from_data (parser, (const char *) sqlite3_column_text (stmt, 0), -1, NULL));
      data = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return data;
}

G_GNUC_UNUSED static char *
ws_server_field (AwpTestServer *server, const char *id, const char *member)
{
  g_autoptr(JsonObject) data = ws_server_record (server, id);

  return data != NULL ? g_strdup (json_object_get_string_member_with_default (data, member, NULL)) : NULL;
}

/* Runs awpctl (the citizen on the portal); its exit status and output. */
G_GNUC_UNUSED static int
ws_awpctl (const char *const *args, char **out, char **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_nonnull (g_getenv ("AWPCTL"));
  g_ptr_array_add (argv, (gpointer) g_getenv ("AWPCTL"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* ---- the application ----------------------------------------------- */

typedef void (*WsAppBody) (AwpApplication *app, gpointer data);

typedef struct
{
  WsAppBody body;
  gpointer  data;
  gboolean  ran;
} WsAppRun;

static gboolean
ws_app_idle (gpointer data)
{
  AwpApplication *app = data;
  WsAppRun *run = g_object_get_data (G_OBJECT (app), "ws-run");

  run->body (app, run->data);
  run->ran = TRUE;
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
ws_app_activated (GApplication *app)
{
  g_idle_add (ws_app_idle, app);
}

/* Runs `awp --training-url @url --training-user @user` and @body in it. */
G_GNUC_UNUSED static void
ws_run_app (const char *url, const char *user, WsAppBody body, gpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  char *argv[] = { (char *) "awp", (char *) "--training-url", (char *) url, (char *) "--training-user",
                   (char *) user, NULL };
  WsAppRun run = { body, data, FALSE };
  AwpApplication *app;

  g_settings_set_int (settings, "window-width", 1366);
  g_settings_set_int (settings, "window-height", 800);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  app = awp_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (app), "ws-run", &run);
  g_signal_connect_after (app, "activate", G_CALLBACK (ws_app_activated), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 5, argv), ==, 0);
  g_assert_true (run.ran);
  g_object_unref (app);
}

/* ---- widgets --------------------------------------------------------- */

#define ws_find_named(root, name) awp_test_ui_find_named ((root), (name))

/* A mapped label (or check button) showing @needle. */
G_GNUC_UNUSED static gboolean
ws_shows (GtkWidget *root, const char *needle)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), needle) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (ws_shows (c, needle))
      return TRUE;
  return FALSE;
}

#define ws_count_rows(list) awp_test_ui_count_rows (list)

/* The server's record of who did what to @id: "action:actor" for each of
 * its events, joined by spaces. */
G_GNUC_UNUSED static char *
ws_server_events (AwpTestServer *server, const char *id)
{
  g_autoptr(JsonObject) data = ws_server_record (server, id);
  GString *out = g_string_new (NULL);
  JsonArray *events;

  g_assert_nonnull (data);
  events = json_object_get_array_member (data, "events");
  for (guint i = 0; events != NULL && i < json_array_get_length (events); i++)
    {
      JsonObject *e = json_array_get_object_element (events, i);

      g_string_append_printf (out, "%s%s:%s", i ? " " : "", json_object_get_string_member_with_default (e, "action", "?"),
                              json_object_get_string_member_with_default (e, "actor", "?"));
    }
  return g_string_free (out, FALSE);
}

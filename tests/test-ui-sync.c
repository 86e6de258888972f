#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "awp-held-changes-dialog.h"
#include "awp-outbox.h"
#include "awp-sign-in-dialog.h"
#include "awp-sync-button.h"
#include "awp-test-ui.h"
#include "awp-training.h"

/* The sign-in dialog and the header bar's sync status against a real
 * awp-server on 127.0.0.1, with the tokens in a private keyring
 * (run-with-keyring.sh): a bad address and a wrong password are refused
 * naming the field; the right one signs in, the first sync runs off the
 * UI thread and the button says so. */

static GPid server_pid;
static char *server_url;
static char *server_dir;

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
server_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  const char *exe = g_getenv ("AWP_SERVER");
  char line[256];
  gsize n = 0;
  int out = -1;

  g_assert_nonnull (exe);
  server_dir = g_dir_make_tmp ("awp-ui-sync-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (server_dir, "server.db", NULL);
  {
    const char *argv[] = { exe, "--port", "0", "--db", db, "--seed", "demo", NULL };

    g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                              die_with_parent, NULL, &server_pid, NULL, &out, NULL, &error);
    g_assert_no_error (error);
  }
  while (n < sizeof line - 1 && read (out, line + n, 1) == 1 && line[n] != '\n')
    n++;
  line[n] = '\0';
  close (out);
  g_assert_true (g_str_has_prefix (line, "listening "));
  server_url = g_strdup (line + strlen ("listening "));
}

static void
server_stop (void)
{
  int status;
  const char *names[] = { "server.db", "server.db-wal", "server.db-shm" };

  kill (server_pid, SIGTERM);
  waitpid (server_pid, &status, 0);
  g_spawn_close_pid (server_pid);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p = g_build_filename (server_dir, names[i], NULL);

      g_remove (p);
    }
  g_rmdir (server_dir);
  g_free (server_dir);
  g_free (server_url);
}

typedef AwpTestUiCondition Condition;
#define wait_for(cond, data, what) awp_test_ui_wait_for ((cond), (data), (what))

static GtkWidget *
child (gpointer     widget,
       GType        type,
       const char  *name)
{
  GObject *o = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (o);
  return GTK_WIDGET (o);
}

static AwpSignInDialog *
find_dialog (void)
{
  return awp_test_ui_find_toplevel (AWP_TYPE_SIGN_IN_DIALOG);
}

static gboolean
dialog_idle (gpointer data)
{
  AwpSignInDialog *d = data;

  return gtk_widget_get_sensitive (child (d, AWP_TYPE_SIGN_IN_DIALOG, "sign_in_button"));
}

static gboolean
dialog_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
button_online (gpointer data)
{
  AwpSyncButton *b = data;
  AwpSyncEngine *e = awp_sync_button_get_engine (b);

  return e != NULL && awp_sync_engine_get_state (e) == AWP_SYNC_STATE_ONLINE
         && awp_sync_engine_get_last_sync (e) != NULL;
}

static void
set_row (AwpSignInDialog *d,
         const char      *name,
         const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (d, AWP_TYPE_SIGN_IN_DIALOG, name)), text);
}

static const char *
error_text (AwpSignInDialog *d)
{
  GtkWidget *label = child (d, AWP_TYPE_SIGN_IN_DIALOG, "error_label");

  g_assert_true (gtk_widget_get_visible (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_sign_in_and_sync (void)
{
  GtkWidget *window = gtk_window_new ();
  AwpSyncButton *button = AWP_SYNC_BUTTON (awp_sync_button_new ());
  AwpSignInDialog *dialog;
  GtkLabel *state = GTK_LABEL (child (button, AWP_TYPE_SYNC_BUTTON, "state_label"));

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (button));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (gtk_label_get_text (state), ==, "Not signed in");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (button), "sync.sign-in", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  /* Checked before anything is sent, naming the field. */
  set_row (dialog, "server_row", "portal");
  g_signal_emit_by_name (child (dialog, AWP_TYPE_SIGN_IN_DIALOG, "sign_in_button"), "clicked");
  g_assert_true (g_str_has_prefix (error_text (dialog), "Server address"));
  g_assert_true (gtk_widget_has_css_class (child (dialog, AWP_TYPE_SIGN_IN_DIALOG, "server_row"), "error"));
  set_row (dialog, "server_row", server_url);
  set_row (dialog, "user_row", "admin.kazpost");
  g_signal_emit_by_name (child (dialog, AWP_TYPE_SIGN_IN_DIALOG, "sign_in_button"), "clicked");
  g_assert_true (g_str_has_prefix (error_text (dialog), "Password"));

  /* The server refuses a wrong password; the form stays, the password goes. */
  set_row (dialog, "password_row", "wrong");
  g_signal_emit_by_name (child (dialog, AWP_TYPE_SIGN_IN_DIALOG, "sign_in_button"), "clicked");
  g_assert_false (dialog_idle (dialog));
  wait_for (dialog_idle, dialog, "the refusal");
  g_assert_cmpstr (error_text (dialog), ==, "The user name or the password is wrong");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, AWP_TYPE_SIGN_IN_DIALOG, "password_row"))), ==, "");

  set_row (dialog, "password_row", "demo-2026");
  g_signal_emit_by_name (child (dialog, AWP_TYPE_SIGN_IN_DIALOG, "sign_in_button"), "clicked");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  wait_for (dialog_gone, &dialog, "the sign-in");
  g_assert_nonnull (awp_sync_button_get_engine (button));

  /* The first sync runs by itself; the button follows the engine. */
  wait_for (button_online, button, "the first sync");
  g_assert_cmpstr (gtk_label_get_text (state), ==, "Online");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (button, AWP_TYPE_SYNC_BUTTON, "pending_label"))), ==,
                   "Every change has been sent");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child (button, AWP_TYPE_SYNC_BUTTON, "last_sync_label"))),
                                   "Last sync: "));
  g_assert_false (gtk_widget_get_visible (child (button, AWP_TYPE_SYNC_BUTTON, "error_label")));
  {
    g_autofree char *account = g_strdup_printf ("admin.kazpost on %s", awp_sync_engine_get_server_url (awp_sync_button_get_engine (button)));

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (button, AWP_TYPE_SYNC_BUTTON, "account_label"))), ==, account);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
engine_online (gpointer data)
{
  AwpSyncEngine *e = awp_training_get_engine (data);

  return awp_sync_engine_get_state (e) == AWP_SYNC_STATE_ONLINE && awp_sync_engine_get_last_sync (e) != NULL;
}

/* awp --training: a seeded awp-server inside the process, its own store;
 * a local change reaches the server; reset starts both over. */
static void
test_training (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpTraining) training = awp_training_new (&error);
  g_autoptr(AwpStore) store = NULL;
  g_autoptr(JsonObject) channel = json_object_new ();
  g_autofree char *id = NULL;
  AwpSyncEngine *first;
  AwpSyncStats stats;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (awp_training_get_url (training), "http://127.0.0.1:"));
  wait_for (engine_online, training, "the training sync");
  awp_sync_engine_get_stats (awp_training_get_engine (training), &stats);
  g_assert_cmpuint (stats.pulled, >=, 50);

  store = awp_store_open (awp_training_get_store_path (training), &error);
  g_assert_no_error (error);
  json_object_set_string_member (channel, "name", "Оқу арнасы");
  json_object_set_string_member (channel, "kind", "news");
  id = awp_store_create (store, "channel", channel, "trainee", &error);
  g_assert_no_error (error);
  awp_sync_engine_sync_now (awp_training_get_engine (training));
  while (awp_outbox_count (store, "acked", NULL) != 1)
    g_main_context_iteration (NULL, TRUE);
  wait_for (engine_online, training, "the training push");
  g_clear_object (&store);

  /* Held, so a new engine cannot reuse the old one's address. */
  first = g_object_ref (awp_training_get_engine (training));
  g_assert_true (awp_training_reset (training, &error));
  g_assert_no_error (error);
  g_assert_true (awp_training_get_engine (training) != first);
  g_object_unref (first);
  wait_for (engine_online, training, "the sync after a reset");
  store = awp_store_open (awp_training_get_store_path (training), &error);
  g_assert_no_error (error);
  /* The demo data again, without the trainee's channel: the Registry of
   * the five bodies' two demo channels each, which everyone reads (O93-8). */
  g_assert_cmpint (awp_outbox_count (store, NULL, NULL), ==, 0);
  g_assert_cmpint (awp_store_count (store, "channel", NULL), ==, 10);
}

/* awp --training --training-user operator: the server's login answer says
 * the role, and the engine keeps it (the window shows Operator review). */
static void
test_training_operator (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpTraining) training = awp_training_new_for_user ("operator", &error);
  AwpSyncEngine *engine;
  g_autofree char *role = NULL;

  g_assert_no_error (error);
  engine = awp_training_get_engine (training);
  g_assert_cmpstr (awp_sync_engine_get_username (engine), ==, "operator");
  g_assert_cmpstr (awp_training_get_username (training), ==, "operator");
  wait_for (engine_online, training, "the operator's sign-in");
  g_assert_cmpstr (awp_sync_engine_get_role (engine), ==, "operator");
  g_object_get (engine, "role", &role, NULL);
  g_assert_cmpstr (role, ==, "operator");
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type)
          && (label == NULL || (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)))
        return c;
      found = find_widget (c, type, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  char     *path;
  AwpStore *store;
  AwpSync  *sync;
} Station;

static void
station_init (Station    *st,
              const char *dir,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  AwpSyncStats stats;

  st->path = g_build_filename (dir, name, NULL);
  st->store = awp_store_open (st->path, &error);
  g_assert_no_error (error);
  st->sync = awp_sync_new (server_url, "admin.turkistan");
  awp_sync_set_use_keyring (st->sync, FALSE);
  g_assert_true (awp_sync_sign_in (st->sync, "demo-2026", NULL, &error));
  g_assert_true (awp_sync_run (st->sync, st->store, &stats, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
station_clear (Station *st)
{
  g_clear_object (&st->store);
  awp_sync_free (st->sync);
  g_free (st->path);
}

static void
set_subject (AwpStore   *store,
             const char *id,
             const char *subject)
{
  g_autoptr(JsonObject) patch = json_object_new ();
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (patch, "subject", subject);
  g_assert_true (awp_store_update (store, id, patch, "test", &error));
  g_assert_no_error (error);
}

/* The conflict and refusal dialog settles what the sync held: a field
 * taken from the server's side, a refused change dropped. */
static void
test_held_changes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("awp-ui-held-XXXXXX", &error);
  g_autoptr(JsonObject) bad = json_object_new ();
  g_autoptr(AwpSyncEngine) engine = NULL;
  g_autofree char *cid = NULL;
  g_autofree char *rid = NULL;
  Station a, b;
  AwpSyncStats stats;
  AwpHeldChangesDialog *dialog;
  GtkWidget *row;
  g_autoptr(GPtrArray) pending = NULL;

  station_init (&a, dir, "a.db");
  station_init (&b, dir, "b.db");
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (a.path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM record WHERE type = 'blog_request' ORDER BY id LIMIT 1",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    rid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  set_subject (a.store, rid, "Серверде");
  set_subject (b.store, rid, "Мұнда");
  g_assert_true (awp_sync_run (a.sync, a.store, &stats, NULL, NULL, NULL, &error));
  json_object_set_string_member (bad, "name", "Арна");
  json_object_set_string_member (bad, "kind", "pigeon");
  cid = awp_store_create (b.store, "channel", bad, "test", &error);
  g_assert_no_error (error);
  g_assert_true (awp_sync_run (b.sync, b.store, &stats, NULL, NULL, NULL, &error));
  g_assert_cmpuint (stats.conflicts, ==, 1);
  g_assert_cmpuint (stats.rejected, ==, 1);

  engine = awp_sync_engine_new (b.path, server_url, "admin.turkistan");
  awp_sync_engine_set_use_keyring (engine, FALSE);
  dialog = awp_held_changes_dialog_new (engine);
  gtk_window_present (GTK_WINDOW (dialog));

  /* The field shows mine; "Theirs" puts the server's value in; Apply. */
  row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Мұнда");
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Theirs"), "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Серверде");
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Apply"), "clicked");
  g_assert_cmpint (awp_outbox_count (b.store, "conflict", NULL), ==, 0);
  pending = awp_outbox_list (b.store, "pending", NULL);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (((AwpOutboxEntry *) pending->pdata[0])->patch, "subject"), ==, "Серверде");

  /* The refusal names its field; dropped, nothing is left to decide. */
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, NULL));
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Drop This Change"), "clicked");
  g_assert_cmpint (awp_outbox_count (b.store, "rejected", NULL), ==, 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE, NULL));

  gtk_window_destroy (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  station_clear (&a);
  station_clear (&b);
  {
    const char *names[] = { "a.db", "a.db-wal", "a.db-shm", "b.db", "b.db-wal", "b.db-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *p = g_build_filename (dir, names[i], NULL);

        g_remove (p);
      }
    g_rmdir (dir);
  }
}

int
main (int argc, char **argv)
{
  int rc;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  server_start ();
  g_test_add_func ("/ui/sync/sign-in-and-sync", test_sign_in_and_sync);
  g_test_add_func ("/ui/sync/training", test_training);
  g_test_add_func ("/ui/sync/training-operator", test_training_operator);
  g_test_add_func ("/ui/sync/held-changes", test_held_changes);
  rc = g_test_run ();
  server_stop ();
  return rc;
}

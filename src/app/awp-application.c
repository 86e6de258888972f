#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "awp-application.h"
#include "awp-deadline-notifier.h"
#include "awp-preferences-window.h"
#include "awp-seed.h"
#include "awp-sync-engine.h"
#include "awp-training.h"
#include "awp-window.h"

/* How many demo blog requests an empty store gets (see seed_demo_if_empty). */
#define AWP_DEMO_REQUESTS 400
#define AWP_DEMO_SEED     1

struct _AwpApplication
{
  AdwApplication parent_instance;

  /* Owned References */
  GSettings *settings;
  AwpStore  *store;
  AwpDeadlineNotifier *notifier;
  char      *db_path;      /* --db FILE, or NULL for the user data dir */
  char      *training_user; /* --training-user NAME, or NULL */
  char      *training_url;  /* --training-url URL: join a classroom */
  gboolean   classroom;     /* --classroom: share the training server */
  GError    *store_error;  /* why the store could not be opened */
  gboolean   recovery_shown;
  AwpSyncEngine *sync_engine;
  AwpTraining *training;    /* awp --training */
  gboolean training_requested;
  guint     local_change_source;
};

G_DEFINE_FINAL_TYPE (AwpApplication, awp_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "db", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the local store in FILE instead of the one in the user data folder"), N_("FILE") },
  { "training", 't', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Training mode: demo data on a server inside the application; nothing reaches the real portal"), NULL },
  { "training-user", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("In training mode, sign in as the demo user NAME (e.g. operator to review templates)"), N_("NAME") },
  { "classroom", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Training mode, shared as a classroom: other workstations on the local network join this training server"), NULL },
  { "training-url", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Training mode in the classroom at URL (a trainer’s workstation or awp-server --seed demo)"), N_("URL") },
  { NULL }
};

static int
awp_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  AwpApplication *self = AWP_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("awp %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "db", "^&ay", &db) && db != NULL && *db != '\0')
    {
      g_free (self->db_path);
      self->db_path = g_canonicalize_filename (db, NULL);
    }
  if (g_variant_dict_contains (options, "training"))
    self->training_requested = TRUE;
  if (g_variant_dict_lookup (options, "training-user", "s", &self->training_user))
    self->training_requested = TRUE;
  if (g_variant_dict_contains (options, "classroom"))
    self->training_requested = self->classroom = TRUE;
  if (g_variant_dict_lookup (options, "training-url", "s", &self->training_url))
    self->training_requested = TRUE;
  /* A training instance is its own process: it neither hands its options
   * to a running workstation (which would open the real store instead) nor
   * takes another's, so a trainer can run the administrator and the
   * Operator side by side. Still before registration here. */
  if (self->training_requested)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
  /* Wrong options end here, naming what is wrong, before any window. */
  if (self->classroom && self->training_url != NULL)
    {
      g_printerr ("awp: %s\n", _("--classroom shares this workstation’s own training server; "
                                 "it cannot be combined with --training-url"));
      return 1;
    }
  if (self->training_user != NULL && !awp_training_is_demo_user (self->training_user, NULL))
    {
      g_printerr ("awp: ");
      g_printerr (_("Demo user: “%s” is not one of the demo users (see docs/training.md)"), self->training_user);
      g_printerr ("\n");
      return 1;
    }
  if (self->training_url != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *url = awp_training_normalize_url (self->training_url, &error);

      if (url == NULL)
        {
          g_printerr ("awp: %s\n", error->message);
          return 1;
        }
    }

  return -1;
}

static char *
default_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "awp.db", NULL);
}

/* Demo data for an empty store, so a first start shows a working queue.
 * Temporary: training mode will fill the store by a sync from an
 * in-process training server instead (branch sync-1201). */
static gboolean
seed_demo_if_empty (AwpStore  *store,
                    GError   **error)
{
  gint64 n = awp_store_count (store, "blog_request", error);

  if (n < 0)
    return FALSE;
  if (n > 0)
    return TRUE;
  return awp_seed_run (store, AWP_DEMO_REQUESTS, AWP_DEMO_SEED, error);
}

static void store_checked (GObject *source, GAsyncResult *result, gpointer user_data);

/* The engine of the store the window edits, without creating one. */
static AwpSyncEngine *
current_engine (AwpApplication *self)
{
  return self->training != NULL ? awp_training_get_engine (self->training) : self->sync_engine;
}

static gboolean
local_change_cb (gpointer user_data)
{
  AwpApplication *self = user_data;
  AwpSyncEngine *engine = current_engine (self);

  self->local_change_source = 0;
  if (engine != NULL)
    awp_sync_engine_local_change (engine);
  return G_SOURCE_REMOVE;
}

/* An edit in the window (an action, a meeting saved…): the header bar
 * counts it as waiting and the engine sends it soon, not at the next
 * 5-minute sync. After the edit's transaction, once per burst; a NULL id
 * is a view reload (after a sync), not an edit. */
static void
on_store_record_changed (AwpApplication *self,
                         const char     *id)
{
  if (id != NULL && self->local_change_source == 0)
    self->local_change_source = g_idle_add (local_change_cb, self);
}

/* Views over the store start over when another connection (the sync
 * engine's worker) has written to the file. */
static void
on_engine_synced (AwpApplication *self)
{
  if (self->store != NULL)
    awp_store_reload_views (self->store);
}

/* The server said who signed in: an Operator gets the review workspace. */
static void
on_engine_role (AwpApplication *self,
                GParamSpec     *pspec,
                AwpSyncEngine  *engine)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (AWP_IS_WINDOW (l->data))
      awp_window_set_role (AWP_WINDOW (l->data), awp_sync_engine_get_role (engine),
                           awp_sync_engine_get_username (engine));
}

static void
watch_engine (AwpApplication *self,
              AwpSyncEngine  *engine)
{
  if (engine == NULL)
    return;
  g_signal_connect_object (engine, "notify::last-sync",
                           G_CALLBACK (on_engine_synced), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (engine, "notify::role", G_CALLBACK (on_engine_role), self, G_CONNECT_SWAPPED);
  on_engine_role (self, NULL, engine);
}

/* The store of the real account (user data folder), of --db FILE, or in
 * training mode the training store the in-process server syncs into. */
static void
open_store (AwpApplication *self)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;

  if (self->training != NULL)
    path = g_strdup (awp_training_get_store_path (self->training));
  else
    path = self->db_path ? g_strdup (self->db_path) : default_db_path ();
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (&self->store_error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return;
    }
  g_clear_object (&self->store);
  self->store = awp_store_open (path, &error);
  if (self->store == NULL)
    {
      self->store_error = g_steal_pointer (&error);
      return;
    }
  g_signal_connect_object (self->store, "record-changed", G_CALLBACK (on_store_record_changed),
                           self, G_CONNECT_SWAPPED);
  /* Demo data only in a store named on the command line: the real
   * account's store holds only what the server sends, and training mode
   * gets its demo world by syncing with the training server. */
  if (self->training == NULL && self->db_path != NULL
      && !seed_demo_if_empty (self->store, &error))
    g_warning ("Demo data not loaded: %s", error->message);
  /* The full integrity check runs behind the open window. */
  awp_store_check_async (self->store, NULL, store_checked, g_object_ref (self));
}

/* The store moved a damaged file aside, or could not open at all: say so
 * once, over the window. */
static void
show_store_problem (AwpApplication *self,
                    GtkWindow      *window)
{
  const char *body = NULL;
  GtkWidget *dialog;

  if (self->recovery_shown)
    return;
  if (self->store_error != NULL)
    body = self->store_error->message;
  else if (self->store != NULL)
    body = awp_store_get_recovery_message (self->store);
  if (body == NULL)
    return;
  self->recovery_shown = TRUE;
  dialog = adw_message_dialog_new (window,
                                   self->store_error != NULL
                                     ? _("The local store could not be opened")
                                     : _("The local store was damaged"),
                                   body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
store_checked (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AwpApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (!awp_store_check_finish (AWP_STORE (source), result, &error))
    {
      g_warning ("The integrity check of the local store did not run: %s", error->message);
      return;
    }
  if (awp_store_get_moved_path (AWP_STORE (source)) == NULL)
    return;
  /* A damaged file was moved aside and a new store opened in its place. */
  self->recovery_shown = FALSE;
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    show_store_problem (self, window);
}

/* Training reset replaced the server, the engine and the store file. */
static void
on_training_engine_changed (AwpApplication *self)
{
  open_store (self);
  watch_engine (self, awp_training_get_engine (self->training));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (AWP_IS_WINDOW (l->data) && self->store != NULL)
      awp_window_set_store (AWP_WINDOW (l->data), self->store);
}

static void
awp_application_activate (GApplication *app)
{
  AwpApplication *self = AWP_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (awp_window_new (self));

  gtk_window_present (window);
  show_store_problem (self, window);
}

static void
awp_application_dispose (GObject *object)
{
  AwpApplication *self = AWP_APPLICATION (object);

  g_clear_handle_id (&self->local_change_source, g_source_remove);
  g_clear_object (&self->notifier);
  g_clear_object (&self->settings);
  g_clear_object (&self->sync_engine);
  g_clear_object (&self->training);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (awp_application_parent_class)->dispose (object);
}

static void
awp_application_finalize (GObject *object)
{
  AwpApplication *self = AWP_APPLICATION (object);

  g_free (self->db_path);
  g_free (self->training_user);
  g_free (self->training_url);
  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (awp_application_parent_class)->finalize (object);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  AwpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AwpPreferencesWindow *prefs = awp_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  AwpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Open Dialogue Workstation"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("Open Dialogue Workstation developers"));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (about,
                                 _("The automated workplace of state bodies on the open dialogue portal "
                                   "of the Republic of Kazakhstan."));
  /* Translators: put your names here, one per line */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_add_legal_section (about,
                                      _("Legal basis"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("Rules for working on the Internet portal of open dialogue, "
                                        "Order No. 145 of 28.04.2021 (as amended).\n"
                                        "Rules for access to open meetings of collegial bodies, "
                                        "Order No. 605-NK of 29.12.2023.\n"
                                        "Rules for the registry and accreditation of communication channels, "
                                        "Order No. 93-NK of 11.03.2024.\n"
                                        "Rules for posting information on the portal for evaluating the effectiveness "
                                        "of state bodies, Order No. 118-NK of 31.03.2025."));
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* A deadline notification was clicked. */
static void
show_today_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  AwpApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (AWP_IS_WINDOW (window))
    awp_window_set_workspace (AWP_WINDOW (window), "today");
}

static const GActionEntry app_actions[] = {
  { "show-today", show_today_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
awp_application_startup (GApplication *app)
{
  AwpApplication *self = AWP_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (awp_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);

  if (self->training_requested)
    {
      g_autoptr(GError) error = NULL;

      if (self->training_url != NULL)
        self->training = awp_training_new_joined (self->training_url, self->training_user, &error);
      else
        self->training = awp_training_new_for_user (self->training_user, &error);
      if (self->training == NULL)
        g_printerr ("awp: %s: %s\n", _("Training mode"), error->message);
      else if (self->classroom && !awp_training_share (self->training, 0, &error))
        g_printerr ("awp: %s: %s\n", _("Classroom"), error->message);
      else if (self->classroom)
        {
          g_auto(GStrv) addresses = awp_training_dup_classroom_addresses (self->training);

          /* Said on the terminal too (stderr, with the other notes), for a
           * trainer who started it there. */
          for (guint i = 0; addresses[i] != NULL; i++)
            g_printerr ("awp: %s %s\n", _("Classroom:"), addresses[i]);
        }
      if (self->training != NULL)
        {
          g_signal_connect_object (self->training, "notify::engine",
                                   G_CALLBACK (on_training_engine_changed), self, G_CONNECT_SWAPPED);
          watch_engine (self, awp_training_get_engine (self->training));
        }
    }

  open_store (self);
  if (self->store != NULL)
    self->notifier = awp_deadline_notifier_new (app, self->store, self->settings);
}

static void
awp_application_class_init (AwpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = awp_application_dispose;
  object_class->finalize = awp_application_finalize;

  app_class->activate = awp_application_activate;
  app_class->startup = awp_application_startup;
  app_class->handle_local_options = awp_application_handle_local_options;
}

static void
awp_application_init (AwpApplication *self)
{
  self->settings = g_settings_new (APP_ID);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("The workstation of the open dialogue portal."));
}

AwpApplication *
awp_application_new (void)
{
  return g_object_new (AWP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

GSettings *
awp_application_get_settings (AwpApplication *self)
{
  g_return_val_if_fail (AWP_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* The local store, or NULL when it could not be opened (the user was told). */
AwpStore *
awp_application_get_store (AwpApplication *self)
{
  g_return_val_if_fail (AWP_IS_APPLICATION (self), NULL);

  return self->store;
}

/* The account signed in before (server-url and sync-user in the settings,
 * tokens in the keyring) syncs again from the start; NULL when none. */
AwpSyncEngine *
awp_application_get_sync_engine (AwpApplication *self)
{
  g_return_val_if_fail (AWP_IS_APPLICATION (self), NULL);

  /* Training never touches the real account. */
  if (self->training != NULL)
    return awp_training_get_engine (self->training);
  if (self->sync_engine == NULL)
    {
      g_autofree char *server = g_settings_get_string (self->settings, "server-url");
      g_autofree char *user = g_settings_get_string (self->settings, "sync-user");
      g_autofree char *store = NULL;

      if (*server == '\0' || *user == '\0')
        return NULL;
      store = self->db_path ? g_strdup (self->db_path) : awp_sync_default_store_path ();
      self->sync_engine = awp_sync_engine_new (store, server, user);
      watch_engine (self, self->sync_engine);
      {
        g_autofree char *ca = g_settings_get_string (self->settings, "sync-ca-file");
        g_autoptr(GError) error = NULL;

        /* Unreadable: the system's CAs stay, and the sync says it is not trusted. */
        if (*ca != '\0' && !awp_sync_engine_set_tls_ca_file (self->sync_engine, ca, &error))
          g_warning ("%s", error->message);
      }
      awp_sync_engine_sync_now (self->sync_engine);
    }
  return self->sync_engine;
}

void
awp_application_set_sync_engine (AwpApplication *self,
                                 AwpSyncEngine  *engine)
{
  g_return_if_fail (AWP_IS_APPLICATION (self));

  if (g_set_object (&self->sync_engine, engine))
    watch_engine (self, engine);
}

AwpTraining *
awp_application_get_training (AwpApplication *self)
{
  g_return_val_if_fail (AWP_IS_APPLICATION (self), NULL);

  return self->training;
}

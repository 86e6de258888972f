#include "config.h"

#include <glib/gi18n.h>

#include "awp-application.h"
#include "awp-preferences-window.h"
#include "awp-sync-engine.h"
#include "awp-training.h"
#include "awp-window.h"

struct _AwpApplication
{
  AdwApplication parent_instance;

  /* Owned References */
  GSettings *settings;
  AwpSyncEngine *sync_engine;
  AwpTraining *training;    /* awp --training */
  gboolean training_requested;
};

G_DEFINE_FINAL_TYPE (AwpApplication, awp_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "training", 't', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Training mode: demo data on a server inside the application; nothing reaches the real portal"), NULL },
  { NULL }
};

static int
awp_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("awp %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_contains (options, "training"))
    AWP_APPLICATION (app)->training_requested = TRUE;

  return -1;
}

static void
awp_application_activate (GApplication *app)
{
  AwpApplication *self = AWP_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (awp_window_new (self));

  gtk_window_present (window);
}

static void
awp_application_dispose (GObject *object)
{
  AwpApplication *self = AWP_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->sync_engine);
  g_clear_object (&self->training);

  G_OBJECT_CLASS (awp_application_parent_class)->dispose (object);
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

static const GActionEntry app_actions[] = {
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

      self->training = awp_training_new (&error);
      if (self->training == NULL)
        g_printerr ("awp: %s: %s\n", _("Training mode"), error->message);
    }
}

static void
awp_application_class_init (AwpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = awp_application_dispose;

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
      store = awp_sync_default_store_path ();
      self->sync_engine = awp_sync_engine_new (store, server, user);
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

  g_set_object (&self->sync_engine, engine);
}

AwpTraining *
awp_application_get_training (AwpApplication *self)
{
  g_return_val_if_fail (AWP_IS_APPLICATION (self), NULL);

  return self->training;
}

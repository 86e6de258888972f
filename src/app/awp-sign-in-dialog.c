#include "config.h"

#include <glib/gi18n.h>

#include "awp-sign-in-dialog.h"
#include "awp-sync-engine.h"

struct _AwpSignInDialog
{
  AdwWindow parent_instance;

  /* Template Widgets */
  AdwEntryRow *server_row;
  AdwEntryRow *user_row;
  AdwEntryRow *password_row;
  GtkWidget   *sign_in_button;
  GtkSpinner  *spinner;
  GtkLabel    *error_label;

  /* Owned References */
  GSettings     *settings;
  GCancellable  *cancellable;
  AwpSyncEngine *engine;   /* while signing in */
};

G_DEFINE_FINAL_TYPE (AwpSignInDialog, awp_sign_in_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (AwpSignInDialog *self,
          gboolean         busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (self->sign_in_button, !busy);
  /* Read-only rather than insensitive: a focused field that turns
   * insensitive makes GTK 4.8 warn. */
  gtk_editable_set_editable (GTK_EDITABLE (self->server_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->user_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->password_row), !busy);
}

/* Shows @message and marks @row (may be NULL) as the field to fix. */
static void
show_error (AwpSignInDialog *self,
            AdwEntryRow     *row,
            const char      *message)
{
  AdwEntryRow *rows[] = { self->server_row, self->user_row, self->password_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i] == row)
      gtk_widget_add_css_class (GTK_WIDGET (rows[i]), "error");
    else
      gtk_widget_remove_css_class (GTK_WIDGET (rows[i]), "error");
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
sign_in_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AwpSyncEngine *engine = AWP_SYNC_ENGINE (source);
  g_autoptr(AwpSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!awp_sync_engine_sign_in_finish (engine, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->engine);
      set_busy (self, FALSE);
      show_error (self,
                  g_error_matches (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_UNAUTHORIZED) ? self->password_row
                  : g_error_matches (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_NETWORK)
                    || g_error_matches (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_CERTIFICATE) ? self->server_row : NULL,
                  error->message);
      return;
    }
  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "server-url", awp_sync_engine_get_server_url (engine));
      g_settings_set_string (self->settings, "sync-user", awp_sync_engine_get_username (engine));
    }
  g_signal_emit (self, signals[SIGNAL_SIGNED_IN], 0, engine);
  g_clear_object (&self->engine);
  /* Focus leaves the entries first: GTK 4.8 warns when a focused text
   * field goes away with its window. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_sign_in_clicked_cb (AwpSignInDialog *self)
{
  g_autofree char *server = row_text (self->server_row);
  g_autofree char *user = row_text (self->user_row);
  g_autofree char *store_path = NULL;
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autoptr(GUri) uri = g_uri_parse (server, G_URI_FLAGS_NONE, NULL);

  if (self->engine != NULL)
    return;
  if (uri == NULL || g_uri_get_host (uri) == NULL
      || (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    {
      show_error (self, self->server_row, _("Server address: enter an address such as https://portal.example.kz"));
      return;
    }
  if (*user == '\0')
    {
      show_error (self, self->user_row, _("User name: required"));
      return;
    }
  if (*password == '\0')
    {
      show_error (self, self->password_row, _("Password: required"));
      return;
    }
  show_error (self, NULL, NULL);
  set_busy (self, TRUE);
  store_path = awp_sync_default_store_path ();
  self->engine = awp_sync_engine_new (store_path, server, user);
  /* A private CA or the server's own certificate, set by the administrator
   * (docs/SECURITY.md); otherwise the system's CAs. */
  if (self->settings != NULL)
    {
      g_autofree char *ca = g_settings_get_string (self->settings, "sync-ca-file");
      g_autoptr(GError) error = NULL;

      if (*ca != '\0' && !awp_sync_engine_set_tls_ca_file (self->engine, ca, &error))
        {
          g_clear_object (&self->engine);
          set_busy (self, FALSE);
          show_error (self, self->server_row, error->message);
          return;
        }
    }
  awp_sync_engine_sign_in_async (self->engine, password, self->cancellable, sign_in_done, g_object_ref (self));
  /* The password leaves the form as soon as it is sent. */
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
}

static void
awp_sign_in_dialog_dispose (GObject *object)
{
  AwpSignInDialog *self = AWP_SIGN_IN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->engine);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWP_TYPE_SIGN_IN_DIALOG);
  G_OBJECT_CLASS (awp_sign_in_dialog_parent_class)->dispose (object);
}

static void
awp_sign_in_dialog_class_init (AwpSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awp_sign_in_dialog_dispose;

  /* The engine that signed in; the caller keeps it. */
  signals[SIGNAL_SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, AWP_TYPE_SYNC_ENGINE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-sign-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AwpSignInDialog, server_row);
  gtk_widget_class_bind_template_child (widget_class, AwpSignInDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, AwpSignInDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, AwpSignInDialog, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, AwpSignInDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AwpSignInDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
awp_sign_in_dialog_init (AwpSignInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

AwpSignInDialog *
awp_sign_in_dialog_new (GSettings *settings)
{
  AwpSignInDialog *self = g_object_new (AWP_TYPE_SIGN_IN_DIALOG, NULL);

  if (settings != NULL)
    {
      g_autofree char *server = g_settings_get_string (settings, "server-url");
      g_autofree char *user = g_settings_get_string (settings, "sync-user");

      self->settings = g_object_ref (settings);
      gtk_editable_set_text (GTK_EDITABLE (self->server_row), server);
      gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);
      if (*server != '\0' && *user != '\0')
        gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
    }
  return self;
}

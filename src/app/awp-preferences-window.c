#include "config.h"

#include <glib/gi18n.h>

#include "awp-preferences-window.h"

struct _AwpPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template Widgets */
  AdwEntryRow *server_row;
  GtkSwitch   *due_tomorrow_switch;
  GtkSwitch   *overdue_switch;

  /* Owned References */
  GSettings   *settings;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AwpPreferencesWindow, awp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* An empty address means the embedded training server; anything else must be
 * an absolute http(s) URL with a host. */
static gboolean
server_address_is_valid (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (text == NULL || *text == '\0')
    return TRUE;

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  return (g_strcmp0 (scheme, "https") == 0 || g_strcmp0 (scheme, "http") == 0) &&
         g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

static void
on_server_row_apply_cb (AwpPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->server_row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (!server_address_is_valid (stripped))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->server_row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Server address: enter an address "
                                                         "such as https://dialog.example.kz")));
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->server_row), "error");
  g_settings_set_string (self->settings, "server-url", stripped);
}

static void
on_server_row_changed_cb (AwpPreferencesWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->server_row), "error");
}

static void
awp_preferences_window_constructed (GObject *object)
{
  AwpPreferencesWindow *self = AWP_PREFERENCES_WINDOW (object);
  g_autofree char *url = NULL;

  G_OBJECT_CLASS (awp_preferences_window_parent_class)->constructed (object);

  url = g_settings_get_string (self->settings, "server-url");
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), url);
  g_settings_bind (self->settings, "notify-due-tomorrow",
                   self->due_tomorrow_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-overdue",
                   self->overdue_switch, "active", G_SETTINGS_BIND_DEFAULT);
}

static void
awp_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AwpPreferencesWindow *self = AWP_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awp_preferences_window_dispose (GObject *object)
{
  AwpPreferencesWindow *self = AWP_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AWP_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (awp_preferences_window_parent_class)->dispose (object);
}

static void
awp_preferences_window_class_init (AwpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = awp_preferences_window_constructed;
  object_class->dispose = awp_preferences_window_dispose;
  object_class->set_property = awp_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/awp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AwpPreferencesWindow, due_tomorrow_switch);
  gtk_widget_class_bind_template_child (widget_class, AwpPreferencesWindow, overdue_switch);
  gtk_widget_class_bind_template_child (widget_class, AwpPreferencesWindow, server_row);
  gtk_widget_class_bind_template_callback (widget_class, on_server_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_server_row_changed_cb);
}

static void
awp_preferences_window_init (AwpPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AwpPreferencesWindow *
awp_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (AWP_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
}

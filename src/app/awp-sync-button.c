#include "config.h"

#include <glib/gi18n.h>

#include "awp-application.h"
#include "awp-held-changes-dialog.h"
#include "awp-sign-in-dialog.h"
#include "awp-sync-button.h"

struct _AwpSyncButton
{
  GtkWidget parent_instance;

  /* Template Widgets */
  GtkMenuButton  *button;
  GtkImage       *icon;
  GtkLabel       *pending_badge;
  GtkLabel       *state_label;
  GtkLabel       *account_label;
  GtkLabel       *pending_label;
  GtkLabel       *held_label;
  GtkWidget      *resolve_button;
  GtkLabel       *last_sync_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *error_label;

  /* Owned References */
  AwpSyncEngine  *engine;
  char           *account;
};

G_DEFINE_FINAL_TYPE (AwpSyncButton, awp_sync_button, GTK_TYPE_WIDGET)

static void
update (AwpSyncButton *self)
{
  AwpSyncState state = self->engine ? awp_sync_engine_get_state (self->engine) : AWP_SYNC_STATE_OFFLINE;
  gint64 pending = self->engine ? awp_sync_engine_get_pending (self->engine) : 0;
  gint64 held = self->engine ? awp_sync_engine_get_held (self->engine) : 0;
  GDateTime *last = self->engine ? awp_sync_engine_get_last_sync (self->engine) : NULL;
  const char *error = self->engine ? awp_sync_engine_get_last_error (self->engine) : NULL;
  const char *icon, *text;
  g_autofree char *badge = NULL;
  g_autofree char *pending_text = NULL;
  g_autofree char *last_text = NULL;

  if (self->engine == NULL)
    {
      icon = "network-offline-symbolic";
      text = _("Not signed in");
    }
  else
    switch (state)
      {
      case AWP_SYNC_STATE_SYNCING:
        icon = "emblem-synchronizing-symbolic";
        text = _("Syncing…");
        break;
      case AWP_SYNC_STATE_ONLINE:
        icon = "emblem-ok-symbolic";
        text = _("Online");
        break;
      case AWP_SYNC_STATE_ERROR:
        icon = "dialog-warning-symbolic";
        text = _("Sync needs attention");
        break;
      case AWP_SYNC_STATE_OFFLINE:
      default:
        icon = "network-offline-symbolic";
        text = _("Offline — changes are kept and sent later");
        break;
      }
  if (held > 0 && state == AWP_SYNC_STATE_ONLINE)
    icon = "dialog-warning-symbolic";
  gtk_image_set_from_icon_name (self->icon, icon);
  gtk_label_set_text (self->state_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  badge = g_strdup_printf ("%" G_GINT64_FORMAT, pending);
  gtk_label_set_text (self->pending_badge, badge);
  gtk_widget_set_visible (GTK_WIDGET (self->pending_badge), pending > 0);
  if (pending > 0)
    pending_text = g_strdup_printf (ngettext ("%u change waits to be sent",
                                              "%u changes wait to be sent", (gulong) pending),
                                    (guint) pending);
  else
    pending_text = g_strdup (_("Every change has been sent"));
  gtk_label_set_text (self->pending_label, pending_text);
  if (held > 0)
    {
      g_autofree char *held_text = g_strdup_printf (ngettext ("%u change needs your decision (a conflict or a refusal)",
                                                              "%u changes need your decision (conflicts or refusals)",
                                                              (gulong) held),
                                                    (guint) held);

      gtk_label_set_text (self->held_label, held_text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->held_label), held > 0);
  gtk_widget_set_visible (self->resolve_button, held > 0);

  if (last != NULL)
    {
      g_autofree char *when = g_date_time_format (last, "%d.%m.%Y %H:%M");

      /* TRANSLATORS: %s is a date and time, e.g. 20.03.2026 14:05 */
      last_text = g_strdup_printf (_("Last sync: %s"), when);
    }
  else
    last_text = g_strdup (_("Not synced yet"));
  gtk_label_set_text (self->last_sync_label, last_text);

  gtk_label_set_text (self->account_label,
                      self->account ? self->account : _("Changes stay on this computer until you sign in"));
  gtk_widget_set_visible (GTK_WIDGET (self->pending_label), self->engine != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->last_sync_label), self->engine != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), state == AWP_SYNC_STATE_SYNCING && last == NULL);
  if (self->engine != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, awp_sync_engine_get_progress (self->engine));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  gtk_label_set_text (self->error_label, error ? error : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.now",
                                 self->engine != NULL && state != AWP_SYNC_STATE_SYNCING);
}

static void
on_engine_notify_cb (AwpSyncButton *self)
{
  update (self);
}

void
awp_sync_button_set_engine (AwpSyncButton *self,
                            AwpSyncEngine *engine)
{
  g_return_if_fail (AWP_IS_SYNC_BUTTON (self));

  if (self->engine == engine)
    return;
  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_func (self->engine, on_engine_notify_cb, self);
  g_set_object (&self->engine, engine);
  g_clear_pointer (&self->account, g_free);
  if (engine != NULL)
    {
      g_signal_connect_swapped (engine, "notify", G_CALLBACK (on_engine_notify_cb), self);
      /* TRANSLATORS: "USER on SERVER-ADDRESS" */
      self->account = g_strdup_printf (_("%s on %s"), awp_sync_engine_get_username (engine),
                                       awp_sync_engine_get_server_url (engine));
    }
  update (self);
}

AwpSyncEngine *
awp_sync_button_get_engine (AwpSyncButton *self)
{
  g_return_val_if_fail (AWP_IS_SYNC_BUTTON (self), NULL);

  return self->engine;
}

static AwpApplication *
get_application (AwpSyncButton *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return AWP_IS_APPLICATION (app) ? AWP_APPLICATION (app) : NULL;
}

static void
sync_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AwpSyncButton *self = AWP_SYNC_BUTTON (widget);

  if (self->engine != NULL)
    awp_sync_engine_sync_now (self->engine);
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AwpSyncButton *self = AWP_SYNC_BUTTON (widget);
  AwpHeldChangesDialog *dialog;

  if (self->engine == NULL)
    return;
  gtk_menu_button_popdown (self->button);
  dialog = awp_held_changes_dialog_new (self->engine);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_signed_in_cb (AwpSyncButton *self,
                 AwpSyncEngine *engine)
{
  AwpApplication *app = get_application (self);

  if (app != NULL)
    awp_application_set_sync_engine (app, engine);
  awp_sync_button_set_engine (self, engine);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AwpSyncButton *self = AWP_SYNC_BUTTON (widget);
  AwpApplication *app = get_application (self);
  AwpSignInDialog *dialog;

  gtk_menu_button_popdown (self->button);
  dialog = awp_sign_in_dialog_new (app ? awp_application_get_settings (app) : NULL);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (dialog, "signed-in", G_CALLBACK (on_signed_in_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_training_engine_cb (AwpSyncButton *self,
                       GParamSpec    *pspec,
                       AwpTraining   *training)
{
  awp_sync_button_set_engine (self, awp_training_get_engine (training));
}

/* The window learns its application after its template is built. */
static void
on_root_application_cb (AwpSyncButton *self)
{
  AwpApplication *app = get_application (self);

  if (app == NULL)
    return;
  if (awp_application_get_training (app) != NULL)
    {
      /* A reset brings a new engine; the real account stays out of it. */
      g_signal_connect_object (awp_application_get_training (app), "notify::engine",
                               G_CALLBACK (on_training_engine_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.sign-in", FALSE);
    }
  if (self->engine == NULL)
    awp_sync_button_set_engine (self, awp_application_get_sync_engine (app));
}

static void
awp_sync_button_root (GtkWidget *widget)
{
  GtkRoot *root;

  GTK_WIDGET_CLASS (awp_sync_button_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "notify::application", G_CALLBACK (on_root_application_cb),
                             widget, G_CONNECT_SWAPPED);
  on_root_application_cb (AWP_SYNC_BUTTON (widget));
}

static void
awp_sync_button_dispose (GObject *object)
{
  AwpSyncButton *self = AWP_SYNC_BUTTON (object);

  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_func (self->engine, on_engine_notify_cb, self);
  g_clear_object (&self->engine);
  g_clear_pointer (&self->account, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWP_TYPE_SYNC_BUTTON);
  G_OBJECT_CLASS (awp_sync_button_parent_class)->dispose (object);
}

static void
awp_sync_button_class_init (AwpSyncButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awp_sync_button_dispose;
  widget_class->root = awp_sync_button_root;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-sync-button.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, AwpSyncButton, button);
  gtk_widget_class_bind_template_child (widget_class, AwpSyncButton, icon);
  gtk_widget_class_bind_template_child (widget_class, AwpSyncButton, pending_badge);
  gtk_widget_class_bind_template_child (widget_class, AwpSyncButton, state_label);
  gtk_widget_class_bind_template_child (widget_class, AwpSyncButton, account_label);
  gtk_widget_class_bind_template_child (widget_class, AwpSyncButton, pending_label);
  gtk_widget_class_bind_template_child (widget_class, AwpSyncButton, held_label);
  gtk_widget_class_bind_template_child (widget_class, AwpSyncButton, resolve_button);
  gtk_widget_class_bind_template_child (widget_class, AwpSyncButton, last_sync_label);
  gtk_widget_class_bind_template_child (widget_class, AwpSyncButton, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AwpSyncButton, error_label);

  gtk_widget_class_install_action (widget_class, "sync.now", NULL, sync_now_action);
  gtk_widget_class_install_action (widget_class, "sync.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "sync.resolve", NULL, resolve_action);
}

static void
awp_sync_button_init (AwpSyncButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
awp_sync_button_new (void)
{
  return g_object_new (AWP_TYPE_SYNC_BUTTON, NULL);
}

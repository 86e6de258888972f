#include "config.h"

#include <glib/gi18n.h>

#include "awp-application.h"
#include "awp-classroom-dialog.h"
#include "awp-server.h"
#include "awp-training-banner.h"

struct _AwpTrainingBanner
{
  GtkWidget parent_instance;

  /* Template Widgets */
  GtkLabel    *label;
  GtkDropDown *user_dropdown;
  GtkWidget   *share_button;
  GtkWidget   *stop_button;

  /* Owned References */
  AwpTraining *training;     /* watched while rooted */
  GStrv        usernames;    /* the dropdown's items */
  char        *switch_error; /* the last failed user switch */
  gboolean     updating;
};

G_DEFINE_FINAL_TYPE (AwpTrainingBanner, awp_training_banner, GTK_TYPE_WIDGET)

static AwpTraining *
get_training (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return AWP_IS_APPLICATION (app) ? awp_application_get_training (AWP_APPLICATION (app)) : NULL;
}

/* What the strip says: where the demo data lives, and in a classroom the
 * address the class needs. */
static void
refresh (AwpTrainingBanner *self)
{
  AwpTraining *training = self->training;
  g_autofree char *text = NULL;
  gboolean shared, joined;

  if (training == NULL)
    return;
  shared = awp_training_get_shared_port (training) != 0;
  joined = awp_training_is_joined (training);
  if (awp_training_get_problem (training) != NULL)
    text = g_strdup_printf (_("Training — the classroom could not be joined. %s"), awp_training_get_problem (training));
  else if (self->switch_error != NULL)
    text = g_strdup_printf (_("Training — the demo user was not changed. %s"), self->switch_error);
  else if (shared)
    {
      g_auto(GStrv) addresses = awp_training_dup_classroom_addresses (training);
      g_autofree char *list = g_strjoinv (", ", addresses);

      text = g_strdup_printf (_("Training classroom, shared at %s — give this address to the class "
                                "(demo users, password %s). Demo data only; nothing reaches the real portal."),
                              list, AWP_TRAINING_PASSWORD);
    }
  else if (joined)
    text = g_strdup_printf (_("Training in the classroom at %s — this workstation keeps its own training data. "
                              "Nothing reaches the real portal."), awp_training_get_url (training));
  else
    text = g_strdup (_("Training — demo data on a server inside this application. Nothing reaches the real portal."));
  gtk_label_set_text (self->label, text);
  gtk_widget_set_visible (self->share_button, !joined && !shared);
  gtk_widget_set_visible (self->stop_button, shared);

  self->updating = TRUE;
  for (guint i = 0; self->usernames[i] != NULL; i++)
    if (g_strcmp0 (self->usernames[i], awp_training_get_username (training)) == 0)
      gtk_drop_down_set_selected (self->user_dropdown, i);
  self->updating = FALSE;
}

static void
user_switched (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AwpTrainingBanner) self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->switch_error, g_free);
  if (!awp_training_join_finish (AWP_TRAINING (source), result, &error))
    self->switch_error = g_strdup (error->message);
  gtk_widget_set_sensitive (GTK_WIDGET (self->user_dropdown), TRUE);
  refresh (self);
}

/* Another demo user on this workstation: a fresh training store, same server. */
static void
on_user_selected (AwpTrainingBanner *self)
{
  guint i = gtk_drop_down_get_selected (self->user_dropdown);

  if (self->updating || self->training == NULL || i >= g_strv_length (self->usernames)
      || g_strcmp0 (self->usernames[i], awp_training_get_username (self->training)) == 0)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->user_dropdown), FALSE);
  awp_training_join_async (self->training, NULL, self->usernames[i], NULL, user_switched, g_object_ref (self));
}

static void
show_message (GtkWidget  *widget,
              const char *heading,
              const char *body)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AwpTrainingBanner *self = AWP_TRAINING_BANNER (widget);
  g_autoptr(GError) error = NULL;

  if (self->training == NULL)
    return;
  g_clear_pointer (&self->switch_error, g_free);
  if (!awp_training_reset (self->training, &error))
    show_message (widget, _("Training data could not be reset"), error->message);
  refresh (self);
}

static void
share_confirmed (AdwMessageDialog  *dialog,
                 const char        *response,
                 AwpTrainingBanner *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "share") || self->training == NULL)
    return;
  if (!awp_training_share (self->training, 0, &error))
    show_message (GTK_WIDGET (self), _("The classroom could not be shared"), error->message);
  refresh (self);
}

/* Sharing is an explicit act, with what it means said first (docs/SECURITY.md). */
static void
share_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AwpTrainingBanner *self = AWP_TRAINING_BANNER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->training == NULL)
    return;
  body = g_strdup_printf (_("Workstations on this local network will be able to sign in to this training server "
                            "as any demo user, with the published password %s, and change its demo data. "
                            "Only the demo data is shared: the real portal, your account and your real store "
                            "are not. Sharing stops with Stop Sharing or when the application closes."),
                          AWP_TRAINING_PASSWORD);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Share the Training Server with the Class?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "share", _("_Share"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "share", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (share_confirmed), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
stop_sharing_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AwpTrainingBanner *self = AWP_TRAINING_BANNER (widget);
  g_autoptr(GError) error = NULL;

  if (self->training != NULL && !awp_training_stop_sharing (self->training, &error))
    show_message (widget, _("The training server stopped"), error->message);
  refresh (self);
}

static void
join_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AwpTrainingBanner *self = AWP_TRAINING_BANNER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AwpClassroomDialog *dialog;

  if (self->training == NULL)
    return;
  dialog = awp_classroom_dialog_new (self->training);
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
      gtk_window_set_application (GTK_WINDOW (dialog), gtk_window_get_application (GTK_WINDOW (root)));
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_root_application_cb (GtkWidget *widget)
{
  AwpTrainingBanner *self = AWP_TRAINING_BANNER (widget);
  AwpTraining *training = get_training (widget);

  gtk_widget_set_visible (widget, training != NULL);
  if (training == self->training)
    return;
  if (self->training != NULL)
    g_signal_handlers_disconnect_by_data (self->training, self);
  g_set_object (&self->training, training);
  if (training != NULL)
    g_signal_connect_object (training, "notify", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
}

static void
awp_training_banner_root (GtkWidget *widget)
{
  GtkRoot *root;

  GTK_WIDGET_CLASS (awp_training_banner_parent_class)->root (widget);
  /* The window learns its application after its template is built. */
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "notify::application", G_CALLBACK (on_root_application_cb),
                             widget, G_CONNECT_SWAPPED);
  on_root_application_cb (widget);
}

static void
awp_training_banner_dispose (GObject *object)
{
  AwpTrainingBanner *self = AWP_TRAINING_BANNER (object);
  GtkWidget *child;

  if (self->training != NULL)
    g_signal_handlers_disconnect_by_data (self->training, self);
  g_clear_object (&self->training);
  gtk_widget_dispose_template (GTK_WIDGET (object), AWP_TYPE_TRAINING_BANNER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (awp_training_banner_parent_class)->dispose (object);
}

static void
awp_training_banner_finalize (GObject *object)
{
  AwpTrainingBanner *self = AWP_TRAINING_BANNER (object);

  g_strfreev (self->usernames);
  g_free (self->switch_error);
  G_OBJECT_CLASS (awp_training_banner_parent_class)->finalize (object);
}

static void
awp_training_banner_class_init (AwpTrainingBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awp_training_banner_dispose;
  object_class->finalize = awp_training_banner_finalize;
  widget_class->root = awp_training_banner_root;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-training-banner.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, AwpTrainingBanner, label);
  gtk_widget_class_bind_template_child (widget_class, AwpTrainingBanner, user_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AwpTrainingBanner, share_button);
  gtk_widget_class_bind_template_child (widget_class, AwpTrainingBanner, stop_button);
  gtk_widget_class_install_action (widget_class, "training.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "training.share", NULL, share_action);
  gtk_widget_class_install_action (widget_class, "training.stop-sharing", NULL, stop_sharing_action);
  gtk_widget_class_install_action (widget_class, "training.join", NULL, join_action);
}

static void
setup_user_item (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_user_item (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkStringObject *name = gtk_list_item_get_item (item);
  g_autofree char *text = awp_classroom_user_label (gtk_string_object_get_string (name));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
awp_training_banner_init (AwpTrainingBanner *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const AwpServerDemoUser *users;
  guint n;

  gtk_widget_init_template (GTK_WIDGET (self));
  users = awp_server_demo_users (&n);
  for (guint i = 0; i < n; i++)
    {
      g_strv_builder_add (names, users[i].username);
      gtk_string_list_append (labels, users[i].username);
    }
  self->usernames = g_strv_builder_end (names);
  /* The strip shows the user name; the list also the role and the body. */
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (setup_user_item), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_user_item), NULL);
    gtk_drop_down_set_list_factory (self->user_dropdown, factory);
  }
  gtk_drop_down_set_model (self->user_dropdown, G_LIST_MODEL (labels));
  g_signal_connect_object (self->user_dropdown, "notify::selected", G_CALLBACK (on_user_selected), self,
                           G_CONNECT_SWAPPED);
}

const char *
awp_training_banner_get_text (AwpTrainingBanner *self)
{
  g_return_val_if_fail (AWP_IS_TRAINING_BANNER (self), NULL);
  return gtk_label_get_text (self->label);
}

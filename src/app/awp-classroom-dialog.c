#include "config.h"

#include <glib/gi18n.h>

#include "awp-classroom-dialog.h"
#include "awp-i18n.h"
#include "awp-server.h"

struct _AwpClassroomDialog
{
  AdwWindow     parent_instance;

  /* Template Widgets */
  AdwEntryRow  *address_row;
  AdwComboRow  *user_row;
  GtkLabel     *error_label;
  GtkSpinner   *spinner;

  const char   *error_field;  /* "address", "user" or NULL */

  /* Owned References */
  AwpTraining  *training;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (AwpClassroomDialog, awp_classroom_dialog, ADW_TYPE_WINDOW)

static const char *
role_label (const char *role)
{
  if (g_strcmp0 (role, "administrator") == 0)
    return _("Administrator");
  if (g_strcmp0 (role, "operator") == 0)
    return _("Operator");
  if (g_strcmp0 (role, "authorized_body") == 0)
    return _("Authorized body");
  if (g_strcmp0 (role, "trainer") == 0)
    return _("Trainer, reads only");
  return role;
}

char *
awp_classroom_user_label (const char *username)
{
  guint n;
  const AwpServerDemoUser *users = awp_server_demo_users (&n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (users[i].username, username) == 0)
      {
        const char *org = awp_server_demo_org_name (users[i].org_id,
                                                   g_str_equal (awp_i18n_language (), "kk") ? "kk" : "ru");

        /* Translators: demo user name — role · organization */
        return g_strdup_printf (_("%s — %s · %s"), username, role_label (users[i].role), org ? org : users[i].org_id);
      }
  return g_strdup (username);
}

/* @address_field: the error names the server address, else the user. */
static void
show_error (AwpClassroomDialog *self,
            const char         *message,
            gboolean            address_field)
{
  self->error_field = message == NULL ? NULL : address_field ? "address" : "user";
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message == NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->address_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->user_row), "error");
      return;
    }
  /* The field named gets the error style. */
  gtk_widget_remove_css_class (GTK_WIDGET (self->address_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->user_row), "error");
  gtk_widget_add_css_class (address_field ? GTK_WIDGET (self->address_row) : GTK_WIDGET (self->user_row), "error");
}

static void
set_busy (AwpClassroomDialog *self,
          gboolean            busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  /* The rows stay sensitive: a focused entry made insensitive loses its
   * focus-out event in GTK 4.8. A second join waits for the first. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "classroom.join", !busy);
}

static void
joined (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(AwpClassroomDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!awp_training_join_finish (AWP_TRAINING (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      show_error (self, error->message, !g_error_matches (error, AWP_TRAINING_ERROR, AWP_TRAINING_ERROR_USER));
      return;
    }
  set_busy (self, FALSE);
  gtk_window_close (GTK_WINDOW (self));
}

static const char *
selected_user (AwpClassroomDialog *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->user_row);

  return item != NULL ? g_object_get_data (G_OBJECT (item), "awp-username") : NULL;
}

static void
join_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AwpClassroomDialog *self = AWP_CLASSROOM_DIALOG (widget);

  show_error (self, NULL, FALSE);
  set_busy (self, TRUE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  awp_training_join_async (self->training, gtk_editable_get_text (GTK_EDITABLE (self->address_row)),
                           selected_user (self), self->cancellable, joined, g_object_ref (self));
}

static void
fill_users (AwpClassroomDialog *self)
{
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GtkExpression) expr = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  const AwpServerDemoUser *users;
  guint n;

  users = awp_server_demo_users (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = awp_classroom_user_label (users[i].username);
      g_autoptr(GtkStringObject) item = gtk_string_object_new (label);

      g_object_set_data_full (G_OBJECT (item), "awp-username", g_strdup (users[i].username), g_free);
      g_list_store_append (store, item);
    }
  adw_combo_row_set_expression (self->user_row, expr);
  adw_combo_row_set_model (self->user_row, G_LIST_MODEL (store));
}

gboolean
awp_classroom_dialog_set_user (AwpClassroomDialog *self,
                               const char         *username)
{
  GListModel *model;

  g_return_val_if_fail (AWP_IS_CLASSROOM_DIALOG (self), FALSE);

  model = adw_combo_row_get_model (self->user_row);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (g_object_get_data (item, "awp-username"), username) == 0)
        {
          adw_combo_row_set_selected (self->user_row, i);
          return TRUE;
        }
    }
  return FALSE;
}

void
awp_classroom_dialog_set_address (AwpClassroomDialog *self,
                                  const char         *address)
{
  g_return_if_fail (AWP_IS_CLASSROOM_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), address ? address : "");
}

const char *
awp_classroom_dialog_get_error (AwpClassroomDialog *self)
{
  g_return_val_if_fail (AWP_IS_CLASSROOM_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;
}

const char *
awp_classroom_dialog_get_error_field (AwpClassroomDialog *self)
{
  g_return_val_if_fail (AWP_IS_CLASSROOM_DIALOG (self), NULL);
  return self->error_field;
}

gboolean
awp_classroom_dialog_is_busy (AwpClassroomDialog *self)
{
  g_return_val_if_fail (AWP_IS_CLASSROOM_DIALOG (self), FALSE);
  return gtk_spinner_get_spinning (self->spinner);
}

static void
awp_classroom_dialog_dispose (GObject *object)
{
  AwpClassroomDialog *self = AWP_CLASSROOM_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->training);
  G_OBJECT_CLASS (awp_classroom_dialog_parent_class)->dispose (object);
}

static void
awp_classroom_dialog_class_init (AwpClassroomDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awp_classroom_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-classroom-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AwpClassroomDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, AwpClassroomDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, AwpClassroomDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AwpClassroomDialog, spinner);
  gtk_widget_class_install_action (widget_class, "classroom.join", NULL, join_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
on_entry_activated (AwpClassroomDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "classroom.join", NULL);
}

static void
awp_classroom_dialog_init (AwpClassroomDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_users (self);
  g_signal_connect_swapped (self->address_row, "entry-activated", G_CALLBACK (on_entry_activated), self);
}

AwpClassroomDialog *
awp_classroom_dialog_new (AwpTraining *training)
{
  AwpClassroomDialog *self;

  g_return_val_if_fail (AWP_IS_TRAINING (training), NULL);

  self = g_object_new (AWP_TYPE_CLASSROOM_DIALOG, NULL);
  self->training = g_object_ref (training);
  /* A joined workstation starts from its classroom and its user. */
  if (awp_training_is_joined (training))
    awp_classroom_dialog_set_address (self, awp_training_get_url (training));
  awp_classroom_dialog_set_user (self, awp_training_get_username (training));
  return self;
}

#include "config.h"

#include <glib/gi18n.h>

#include "awp-meeting-emergency-dialog.h"
#include "awp-meeting-store.h"
#include "awp-validate.h"
#include "awp-window.h"

struct _AwpMeetingEmergencyDialog
{
  AdwWindow parent_instance;

  /* Template Widgets */
  AdwComboRow *region_row;
  AdwEntryRow *from_row;
  AdwEntryRow *to_row;
  AdwEntryRow *ground_row;
  GtkLabel    *error_label;
  GtkTextView *result_view;

  /* Owned References */
  AwpStore    *store;
};

G_DEFINE_FINAL_TYPE (AwpMeetingEmergencyDialog, awp_meeting_emergency_dialog, ADW_TYPE_WINDOW)

static void
show_error (AwpMeetingEmergencyDialog *self,
            GtkWidget                 *row,
            const char                *message)
{
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static gboolean
read_date (AwpMeetingEmergencyDialog *self,
           AdwEntryRow               *row,
           const char                *label,
           GDate                     *out)
{
  g_autoptr(GError) error = NULL;

  if (!awp_validate_date (gtk_editable_get_text (GTK_EDITABLE (row)), label, out, &error))
    {
      show_error (self, GTK_WIDGET (row), error->message);
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  return TRUE;
}

static void
declare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  AwpMeetingEmergencyDialog *self = AWP_MEETING_EMERGENCY_DIALOG (widget);
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GPtrArray) switched = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *ground = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->ground_row))));
  guint selected = adw_combo_row_get_selected (self->region_row);
  const AwpRegion *regions = awp_meeting_regions (NULL);
  const char *region = selected > 0 && selected != GTK_INVALID_LIST_POSITION ? regions[selected - 1].code : NULL;
  GDate from, to;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (!read_date (self, self->from_row, _("From"), &from) || !read_date (self, self->to_row, _("To"), &to))
    return;
  notices = awp_meeting_declare_emergency (self->store, region, &from, &to, ground, awp_window_actor_for (GTK_WINDOW (self)), &switched, &error);
  if (notices == NULL)
    {
      show_error (self, *ground == '\0' ? GTK_WIDGET (self->ground_row) : NULL, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->ground_row), "error");
  g_string_append_printf (out, ngettext ("%u meeting switched to online (Rules No. 605-NK, para. 6).",
                                         "%u meetings switched to online (Rules No. 605-NK, para. 6).",
                                         switched->len), switched->len);
  g_string_append_c (out, '\n');
  if (switched->len > 0)
    g_string_append_printf (out, "%s\n", _("Give each one its broadcast link (Rules No. 605-NK, para. 12)."));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, ngettext ("%u registrant to notify:", "%u registrants to notify:", notices->len),
                          notices->len);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < notices->len; i++)
    {
      AwpMeetingNotice *n = notices->pdata[i];

      g_string_append_printf (out, "%s — %s — %s\n", n->full_name ? n->full_name : "", n->contact ? n->contact : "",
                              n->meeting_title ? n->meeting_title : "");
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->result_view), out->str, -1);
}

char *
awp_meeting_emergency_dialog_dup_result (AwpMeetingEmergencyDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->result_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  g_autofree char *text = awp_meeting_emergency_dialog_dup_result (AWP_MEETING_EMERGENCY_DIALOG (widget));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
awp_meeting_emergency_dialog_dispose (GObject *object)
{
  AwpMeetingEmergencyDialog *self = AWP_MEETING_EMERGENCY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AWP_TYPE_MEETING_EMERGENCY_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (awp_meeting_emergency_dialog_parent_class)->dispose (object);
}

static void
awp_meeting_emergency_dialog_class_init (AwpMeetingEmergencyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awp_meeting_emergency_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-meeting-emergency-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEmergencyDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEmergencyDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEmergencyDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEmergencyDialog, ground_row);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEmergencyDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEmergencyDialog, result_view);
  gtk_widget_class_install_action (widget_class, "emergency.declare", NULL, declare_action);
  gtk_widget_class_install_action (widget_class, "emergency.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
awp_meeting_emergency_dialog_init (AwpMeetingEmergencyDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n;
  const AwpRegion *regions = awp_meeting_regions (&n);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (names, _("The whole country"));
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (names, awp_region_get_name (&regions[i]));
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (names));
}

AwpMeetingEmergencyDialog *
awp_meeting_emergency_dialog_new (GtkWindow *parent,
                                  AwpStore  *store)
{
  AwpMeetingEmergencyDialog *self = g_object_new (AWP_TYPE_MEETING_EMERGENCY_DIALOG, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  return self;
}

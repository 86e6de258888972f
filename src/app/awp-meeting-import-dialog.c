#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "awp-meeting-import-dialog.h"
#include "awp-meeting-store.h"
#include "awp-window.h"

struct _AwpMeetingImportDialog
{
  AdwWindow parent_instance;

  /* Template Widgets */
  GtkLabel   *summary_label;
  GtkListBox *rows_list;

  /* Owned References */
  AwpStore              *store;
  char                  *meeting_id;
  AwpRegistrationImport *import;
  guint                  n_invalid;
};

G_DEFINE_FINAL_TYPE (AwpMeetingImportDialog, awp_meeting_import_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
preview_row (const AwpRegistration *r)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *state;
  const char *css;

  if (awp_registration_is_valid (r))
    title = g_strdup_printf (_("Row %u: %s %s%s%s, %d"), r->row, r->surname, r->name,
                             r->patronymic ? " " : "", r->patronymic ? r->patronymic : "", r->birth_year);
  else
    title = g_strdup_printf (_("Row %u"), r->row);
  for (guint i = 0; i < r->issues->len; i++)
    {
      AwpRegistrationIssue *issue = r->issues->pdata[i];

      g_string_append_printf (subtitle, "%s%s", subtitle->len ? "\n" : "", issue->message);
    }
  if (!awp_registration_is_valid (r))
    state = _("Not imported"), css = "error";
  else if (r->duplicate_of != 0)
    {
      g_string_append_printf (subtitle, _("The same person as row %u"), r->duplicate_of);
      state = _("Duplicate"), css = "warning";
    }
  else if (r->late)
    state = _("Late (Rules No. 605-NK, para. 9)"), css = "warning";
  else
    state = _("Valid"), css = "success";
  if (subtitle->len == 0 && r->contact != NULL)
    g_string_append (subtitle, r->contact);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  {
    GtkWidget *label = gtk_label_new (state);

    gtk_widget_add_css_class (label, css);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  }
  return row;
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  AwpMeetingImportDialog *self = AWP_MEETING_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  int added;

  added = awp_meeting_import_registrations (self->store, self->meeting_id, self->import, awp_window_actor_for (GTK_WINDOW (self)), &error);
  if (added < 0)
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
awp_meeting_import_dialog_dispose (GObject *object)
{
  AwpMeetingImportDialog *self = AWP_MEETING_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AWP_TYPE_MEETING_IMPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->import, awp_registration_import_free);

  G_OBJECT_CLASS (awp_meeting_import_dialog_parent_class)->dispose (object);
}

static void
awp_meeting_import_dialog_finalize (GObject *object)
{
  AwpMeetingImportDialog *self = AWP_MEETING_IMPORT_DIALOG (object);

  g_free (self->meeting_id);

  G_OBJECT_CLASS (awp_meeting_import_dialog_parent_class)->finalize (object);
}

static void
awp_meeting_import_dialog_class_init (AwpMeetingImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awp_meeting_import_dialog_dispose;
  object_class->finalize = awp_meeting_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-meeting-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingImportDialog, rows_list);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
awp_meeting_import_dialog_init (AwpMeetingImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static int
current_year (void)
{
  const char *fixed = g_getenv ("AWP_TODAY");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return fixed != NULL && atoi (fixed) > 0 ? atoi (fixed) : g_date_time_get_year (now);
}

AwpMeetingImportDialog *
awp_meeting_import_dialog_new (GtkWindow  *parent,
                               AwpStore   *store,
                               const char *meeting_id,
                               GBytes     *csv)
{
  AwpMeetingImportDialog *self = g_object_new (AWP_TYPE_MEETING_IMPORT_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = NULL;
  g_autofree char *summary = NULL;
  guint n_late = 0;

  self->store = g_object_ref (store);
  self->meeting_id = g_strdup (meeting_id);
  self->import = awp_registration_import_parse (csv, current_year (), &error);
  if (self->import == NULL)
    {
      /* The whole file is unreadable: say why, import nothing. */
      gtk_label_set_text (self->summary_label, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", FALSE);
      return self;
    }
  record = awp_store_get_record (store, meeting_id, NULL);
  if (record != NULL)
    {
      JsonObject *data = json_object_get_object_member (record, "data");
      g_autoptr(AwpCalendar) calendar = awp_calendar_new_default (NULL);
      g_autoptr(AwpRuleSet) rules = awp_rule_set_new_default (NULL);
      GDate date;

      if (calendar != NULL && rules != NULL && awp_meeting_get_date (data, &date))
        n_late = (guint) MAX (0, awp_registration_import_mark_late (self->import, rules, calendar, &date, NULL));
    }
  for (guint i = 0; i < self->import->registrations->len; i++)
    {
      AwpRegistration *r = self->import->registrations->pdata[i];

      self->n_invalid += !awp_registration_is_valid (r);
      gtk_list_box_append (self->rows_list, preview_row (r));
    }
  /* TRANSLATORS: rows, valid, with errors, duplicates, late */
  summary = g_strdup_printf (_("%u rows: %u valid, %u with errors, %u duplicates, %u late. Only valid rows that are not duplicates are imported."),
                             self->import->registrations->len, self->import->n_valid, self->n_invalid,
                             self->import->n_duplicates, n_late);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", self->import->n_valid > 0);
  return self;
}

const char *
awp_meeting_import_dialog_get_summary (AwpMeetingImportDialog *self)
{
  return gtk_label_get_text (self->summary_label);
}

guint
awp_meeting_import_dialog_get_n_rows (AwpMeetingImportDialog *self)
{
  return self->import ? self->import->registrations->len : 0;
}

guint
awp_meeting_import_dialog_get_n_invalid (AwpMeetingImportDialog *self)
{
  return self->n_invalid;
}

#include "config.h"

#include <time.h>
#include <glib/gi18n.h>

#include "awp-calendar-entry.h"
#include "awp-meeting-detail.h"
#include "awp-meeting-editor.h"
#include "awp-meeting-emergency-dialog.h"
#include "awp-meeting-planner.h"
#include "awp-meeting-print.h"
#include "awp-meeting-store.h"

struct _AwpMeetingPlanner
{
  GtkWidget parent_instance;

  /* Template Widgets */
  GtkListBox *agenda_list;

  /* Owned References */
  AwpStore   *store;
  char       *org_id;
  GListStore *entries;       /* AwpCalendarEntry */
  GPtrArray  *ids;           /* meeting ids, agenda order */
  guint       reload_source;
};

enum { SIGNAL_DATE_SELECTED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_STORE,
  PROP_ENTRIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AwpMeetingPlanner, awp_meeting_planner, GTK_TYPE_WIDGET)

static void
today (GDate *date)
{
  const char *env = g_getenv ("AWP_TODAY");

  /* Tests and training classrooms pin the day, as the store does. */
  if (env == NULL || !awp_calendar_parse_date (env, "AWP_TODAY", date, NULL))
    g_date_set_time_t (date, time (NULL));
}

static const char *
meeting_title (JsonObject *data)
{
  const char *title = json_object_get_string_member_with_default (data, "title", NULL);

  /* Records from older versions and the demo seed say "subject". */
  return title ? title : json_object_get_string_member_with_default (data, "subject", "");
}

static gboolean
meeting_date (JsonObject *data,
              GDate      *date)
{
  const char *held = json_object_get_string_member_with_default (data, "held_on", NULL);

  if (awp_meeting_get_date (data, date))
    return TRUE;
  return held != NULL && awp_calendar_parse_date (held, "held_on", date, NULL);
}

static GDateTime *
day_start (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
}

static void
add_entries (AwpMeetingPlanner *self,
             JsonObject        *data)
{
  static const AwpCalendarEntryKind kinds[AWP_MEETING_N_DEADLINES] = {
    AWP_CALENDAR_ENTRY_DEADLINE_ANNOUNCEMENT,
    AWP_CALENDAR_ENTRY_DEADLINE_REGISTRATION,
    AWP_CALENDAR_ENTRY_DEADLINE_RESULTS,
  };
  g_autoptr(GDateTime) starts = awp_meeting_dup_starts_at (data);
  g_autoptr(AwpCalendarEntry) meeting = NULL;
  GDate date, now;

  if (starts == NULL)
    {
      if (!meeting_date (data, &date))
        return;
      starts = day_start (&date);
    }
  else
    {
      /* The calendar shows local days. */
      GDateTime *local = g_date_time_to_local (starts);

      g_date_time_unref (starts);
      starts = local;
    }
  meeting = awp_calendar_entry_new (meeting_title (data), starts, AWP_CALENDAR_ENTRY_MEETING);
  g_list_store_append (self->entries, meeting);

  today (&now);
  for (guint i = 0; i < AWP_MEETING_N_DEADLINES; i++)
    {
      g_autoptr(AwpCalendarEntry) entry = NULL;
      g_autoptr(GDateTime) day = NULL;
      GDate due;

      if (awp_meeting_deadline_state (data, i, &now, &due) == AWP_MEETING_DEADLINE_NOT_APPLICABLE)
        continue;
      day = day_start (&due);
      entry = awp_calendar_entry_new (meeting_title (data), day, kinds[i]);
      g_list_store_append (self->entries, entry);
    }
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
create_row (JsonObject *record)
{
  JsonObject *data = json_object_get_object_member (record, "data");
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *when = NULL;
  g_autofree char *facts = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  const char *status = json_object_get_string_member_with_default (data, "status", "planned");
  const char *format = json_object_get_string_member_with_default (data, "format", NULL);
  GDate date, now;

  today (&now);
  if (meeting_date (data, &date))
    {
      g_autofree char *day = awp_calendar_format_day (&date);

      when = g_strdup_printf ("%s %s", day, json_object_get_string_member_with_default (data, "time", ""));
    }
  else
    when = g_strdup (_("No date"));
  gtk_box_append (GTK_BOX (box), label_new (when, "caption-heading"));
  gtk_box_append (GTK_BOX (box), label_new (meeting_title (data), "heading"));
  facts = g_strdup_printf ("%s · %s%s%s", awp_meeting_status_label (status),
                           format ? awp_meeting_format_label (format) : "",
                           json_object_get_boolean_member_with_default (data, "closed", FALSE) ? " · " : "",
                           json_object_get_boolean_member_with_default (data, "closed", FALSE) ? _("Closed") : "");
  gtk_box_append (GTK_BOX (box), label_new (facts, "dim-label"));
  g_string_append_printf (all, "%s, %s, %s", when, meeting_title (data), facts);
  for (guint i = 0; i < AWP_MEETING_N_DEADLINES; i++)
    {
      g_autofree char *text = awp_meeting_describe_deadline (data, i, &now);
      AwpMeetingDeadlineState state = awp_meeting_deadline_state (data, i, &now, NULL);
      GtkWidget *label;

      if (text == NULL || state == AWP_MEETING_DEADLINE_NOT_APPLICABLE)
        continue;
      label = label_new (text, "caption");
      if (state == AWP_MEETING_DEADLINE_OVERDUE || state == AWP_MEETING_DEADLINE_DONE_LATE)
        gtk_widget_add_css_class (label, "error");
      else if (state == AWP_MEETING_DEADLINE_DONE)
        gtk_widget_add_css_class (label, "success");
      gtk_box_append (GTK_BOX (box), label);
      g_string_append_printf (all, "; %s", text);
    }
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, all->str, -1);
  g_object_set_data_full (G_OBJECT (row), "awp-meeting-id",
                          g_strdup (json_object_get_string_member (record, "id")), g_free);
  return row;
}

void
awp_meeting_planner_reload (AwpMeetingPlanner *self)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (AWP_IS_MEETING_PLANNER (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_list))) != NULL)
    gtk_list_box_remove (self->agenda_list, child);
  g_list_store_remove_all (self->entries);
  g_ptr_array_set_size (self->ids, 0);
  if (self->store == NULL)
    return;

  meetings = awp_meeting_list (self->store, NULL, &error);
  if (meetings == NULL)
    {
      g_warning ("Meetings not listed: %s", error->message);
      return;
    }
  for (guint i = 0; i < meetings->len; i++)
    {
      JsonObject *record = meetings->pdata[i];

      gtk_list_box_append (self->agenda_list, create_row (record));
      add_entries (self, json_object_get_object_member (record, "data"));
      g_ptr_array_add (self->ids, g_strdup (json_object_get_string_member (record, "id")));
    }
}

static gboolean
reload_idle (gpointer user_data)
{
  AwpMeetingPlanner *self = user_data;

  self->reload_source = 0;
  awp_meeting_planner_reload (self);
  return G_SOURCE_REMOVE;
}

/* Many records change at once in an import or an emergency: one reload. */
static void
on_record_changed (AwpMeetingPlanner *self,
                   const char        *id)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle, self);
}

GtkWindow *
awp_meeting_planner_open (AwpMeetingPlanner *self,
                          const char        *meeting_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AwpMeetingDetail *detail;

  g_return_val_if_fail (AWP_IS_MEETING_PLANNER (self), NULL);

  detail = awp_meeting_detail_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->store, meeting_id, self->org_id);
  gtk_window_present (GTK_WINDOW (detail));
  return GTK_WINDOW (detail);
}

static void
on_agenda_row_activated_cb (AwpMeetingPlanner *self,
                            GtkListBoxRow     *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "awp-meeting-id");

  if (id != NULL && self->store != NULL)
    awp_meeting_planner_open (self, id);
}

/* The calendar follows the agenda: a selected meeting shows its month. */
static void
on_agenda_row_selected_cb (AwpMeetingPlanner *self,
                           GtkListBoxRow     *row)
{
  const char *id = row ? g_object_get_data (G_OBJECT (row), "awp-meeting-id") : NULL;
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  if (id == NULL || self->store == NULL)
    return;
  record = awp_store_get_record (self->store, id, NULL);
  if (record == NULL || !meeting_date (json_object_get_object_member (record, "data"), &date))
    return;
  day = day_start (&date);
  g_signal_emit (self, signals[SIGNAL_DATE_SELECTED], 0, day);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  AwpMeetingPlanner *self = AWP_MEETING_PLANNER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AwpMeetingEditor *editor;

  if (self->store == NULL)
    return;
  editor = awp_meeting_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->store, NULL, self->org_id, NULL);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
export_ics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  AwpMeetingPlanner *self = AWP_MEETING_PLANNER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store != NULL)
    awp_meeting_save_ics (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, NULL, "meetings.ics");
}

static void
emergency_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  AwpMeetingPlanner *self = AWP_MEETING_PLANNER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AwpMeetingEmergencyDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = awp_meeting_emergency_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
awp_meeting_planner_set_store (AwpMeetingPlanner *self,
                               AwpStore          *store)
{
  g_return_if_fail (AWP_IS_MEETING_PLANNER (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "record-changed", G_CALLBACK (on_record_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planner.new", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planner.emergency", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planner.export-ics", store != NULL);
  awp_meeting_planner_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

AwpStore *
awp_meeting_planner_get_store (AwpMeetingPlanner *self)
{
  g_return_val_if_fail (AWP_IS_MEETING_PLANNER (self), NULL);
  return self->store;
}

void
awp_meeting_planner_set_org_id (AwpMeetingPlanner *self,
                                const char        *org_id)
{
  g_return_if_fail (AWP_IS_MEETING_PLANNER (self));
  g_free (self->org_id);
  self->org_id = g_strdup (org_id);
}

GListModel *
awp_meeting_planner_get_entries (AwpMeetingPlanner *self)
{
  g_return_val_if_fail (AWP_IS_MEETING_PLANNER (self), NULL);
  return G_LIST_MODEL (self->entries);
}

char **
awp_meeting_planner_list_ids (AwpMeetingPlanner *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (AWP_IS_MEETING_PLANNER (self), NULL);
  for (guint i = 0; i < self->ids->len; i++)
    g_strv_builder_add (builder, self->ids->pdata[i]);
  return g_strv_builder_end (builder);
}

void
awp_meeting_planner_select_date (AwpMeetingPlanner *self,
                                 GDateTime         *date)
{
  g_autofree char *wanted = NULL;

  g_return_if_fail (AWP_IS_MEETING_PLANNER (self));
  g_return_if_fail (date != NULL);

  wanted = g_date_time_format (date, "%Y-%m-%d");
  for (guint i = 0; i < self->ids->len; i++)
    {
      g_autoptr(JsonObject) record = awp_store_get_record (self->store, self->ids->pdata[i], NULL);
      JsonObject *data = record ? json_object_get_object_member (record, "data") : NULL;
      GDate day;
      g_autofree char *iso = NULL;

      if (data == NULL || !meeting_date (data, &day))
        continue;
      iso = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));
      if (g_strcmp0 (iso, wanted) >= 0)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->agenda_list, (int) i);

          gtk_list_box_select_row (self->agenda_list, row);
          gtk_widget_grab_focus (GTK_WIDGET (row));
          return;
        }
    }
}

static void
awp_meeting_planner_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AwpMeetingPlanner *self = AWP_MEETING_PLANNER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ENTRIES:
      g_value_set_object (value, self->entries);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awp_meeting_planner_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AwpMeetingPlanner *self = AWP_MEETING_PLANNER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      awp_meeting_planner_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awp_meeting_planner_dispose (GObject *object)
{
  AwpMeetingPlanner *self = AWP_MEETING_PLANNER (object);
  GtkWidget *child;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWP_TYPE_MEETING_PLANNER);
  /* A plain GtkWidget parent: its children are ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (awp_meeting_planner_parent_class)->dispose (object);
}

static void
awp_meeting_planner_finalize (GObject *object)
{
  AwpMeetingPlanner *self = AWP_MEETING_PLANNER (object);

  g_clear_object (&self->entries);
  g_ptr_array_unref (self->ids);
  g_free (self->org_id);

  G_OBJECT_CLASS (awp_meeting_planner_parent_class)->finalize (object);
}

static void
awp_meeting_planner_class_init (AwpMeetingPlannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awp_meeting_planner_dispose;
  object_class->finalize = awp_meeting_planner_finalize;
  object_class->get_property = awp_meeting_planner_get_property;
  object_class->set_property = awp_meeting_planner_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, AWP_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTRIES] = g_param_spec_object ("entries", NULL, NULL, G_TYPE_LIST_MODEL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-meeting-planner.ui");
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingPlanner, agenda_list);
  gtk_widget_class_bind_template_callback (widget_class, on_agenda_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_agenda_row_selected_cb);

  /* ::date-selected (GDateTime *day): the day of the meeting selected in the agenda. */
  signals[SIGNAL_DATE_SELECTED] = g_signal_new ("date-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                                G_TYPE_DATE_TIME | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_install_action (widget_class, "planner.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "planner.emergency", NULL, emergency_action);
  gtk_widget_class_install_action (widget_class, "planner.export-ics", NULL, export_ics_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "planner.new", NULL);
}

static void
awp_meeting_planner_init (AwpMeetingPlanner *self)
{
  self->entries = g_list_store_new (AWP_TYPE_CALENDAR_ENTRY);
  self->ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planner.new", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planner.emergency", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planner.export-ics", FALSE);
}

#include "config.h"

#include <glib/gi18n.h>

#include "awp-meeting-editor.h"
#include "awp-meeting-store.h"
#include "awp-validate.h"
#include "awp-window.h"

struct _AwpMeetingEditor
{
  AdwWindow parent_instance;

  /* Template Widgets */
  AdwEntryRow    *body_row;
  AdwEntryRow    *title_row;
  AdwComboRow    *region_row;
  AdwEntryRow    *date_row;
  AdwEntryRow    *time_row;
  AdwComboRow    *format_row;
  AdwEntryRow    *place_row;
  AdwActionRow   *capacity_row;
  GtkSpinButton  *capacity_spin;
  AdwEntryRow    *broadcast_row;
  AdwActionRow   *languages_row;
  GtkCheckButton *kk_check;
  GtkCheckButton *ru_check;
  GtkFrame       *agenda_frame;
  GtkTextView    *agenda_view;
  AdwEntryRow    *person_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *email_row;
  AdwExpanderRow *closed_row;
  AdwEntryRow    *ground_row;
  GtkLabel       *issues_label;

  /* Owned References */
  AwpStore       *store;
  char           *meeting_id;
  char           *org_id;
  JsonObject     *original;   /* the stored data, kept for fields the form does not show */
  GHashTable     *touched;    /* fields the user has changed: problems show there first */
};

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AwpMeetingEditor, awp_meeting_editor, ADW_TYPE_WINDOW)

static const char *const formats[] = { "offline", "online", "hybrid" };

/* The widget that shows a field's problem. */
static GtkWidget *
field_widget (AwpMeetingEditor *self,
              const char       *field)
{
  static const struct { const char *field; gsize offset; } map[] = {
    { "body", G_STRUCT_OFFSET (AwpMeetingEditor, body_row) },
    { "title", G_STRUCT_OFFSET (AwpMeetingEditor, title_row) },
    { "region", G_STRUCT_OFFSET (AwpMeetingEditor, region_row) },
    { "date", G_STRUCT_OFFSET (AwpMeetingEditor, date_row) },
    { "time", G_STRUCT_OFFSET (AwpMeetingEditor, time_row) },
    { "format", G_STRUCT_OFFSET (AwpMeetingEditor, format_row) },
    { "place", G_STRUCT_OFFSET (AwpMeetingEditor, place_row) },
    { "capacity", G_STRUCT_OFFSET (AwpMeetingEditor, capacity_row) },
    { "broadcast_url", G_STRUCT_OFFSET (AwpMeetingEditor, broadcast_row) },
    { "languages", G_STRUCT_OFFSET (AwpMeetingEditor, languages_row) },
    { "agenda", G_STRUCT_OFFSET (AwpMeetingEditor, agenda_frame) },
    { "responsible.name", G_STRUCT_OFFSET (AwpMeetingEditor, person_row) },
    { "responsible.phone", G_STRUCT_OFFSET (AwpMeetingEditor, phone_row) },
    { "responsible.email", G_STRUCT_OFFSET (AwpMeetingEditor, email_row) },
    { "closed_ground", G_STRUCT_OFFSET (AwpMeetingEditor, ground_row) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (map[i].field, field))
      return G_STRUCT_MEMBER (GtkWidget *, self, map[i].offset);
  return NULL;
}

static const char *const all_fields[] = {
  "body", "title", "region", "date", "time", "format", "place", "capacity", "broadcast_url",
  "languages", "agenda", "responsible.name", "responsible.phone", "responsible.email", "closed_ground",
};

static char *
text_of (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_text_member (JsonObject  *object,
                 const char  *member,
                 AdwEntryRow *row)
{
  g_autofree char *text = text_of (row);

  json_object_set_string_member (object, member, text);
}

JsonObject *
awp_meeting_editor_dup_data (AwpMeetingEditor *self)
{
  JsonObject *data = json_object_new ();
  JsonObject *person = json_object_new ();
  JsonArray *languages = json_array_new ();
  JsonArray *agenda = json_array_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->agenda_view);
  GtkTextIter start, end;
  g_autofree char *agenda_text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *date_text = text_of (self->date_row);
  guint region = adw_combo_row_get_selected (self->region_row);
  guint format = adw_combo_row_get_selected (self->format_row);
  const AwpRegion *regions = awp_meeting_regions (NULL);
  GDate date;

  g_return_val_if_fail (AWP_IS_MEETING_EDITOR (self), NULL);

  /* Keep what the form does not edit (status, history, announcement …). */
  if (self->original != NULL)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_object_iter_init (&iter, self->original);
      while (json_object_iter_next (&iter, &key, &value))
        json_object_set_member (data, key, json_node_copy (value));
    }
  if (self->org_id != NULL && !json_object_has_member (data, "org_id"))
    json_object_set_string_member (data, "org_id", self->org_id);

  set_text_member (data, "body", self->body_row);
  set_text_member (data, "title", self->title_row);
  if (region > 0 && region != GTK_INVALID_LIST_POSITION)
    json_object_set_string_member (data, "region", regions[region - 1].code);
  else
    json_object_remove_member (data, "region");
  /* DD.MM.YYYY as people type it; stored as YYYY-MM-DD. */
  if (awp_validate_date (date_text, _("Date"), &date, NULL))
    {
      g_autofree char *iso = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                                              g_date_get_month (&date), g_date_get_day (&date));

      json_object_set_string_member (data, "date", iso);
    }
  else if (*date_text != '\0')
    json_object_set_string_member (data, "date", date_text);
  else
    json_object_remove_member (data, "date");
  set_text_member (data, "time", self->time_row);
  if (format < G_N_ELEMENTS (formats))
    json_object_set_string_member (data, "format", formats[format]);
  set_text_member (data, "place", self->place_row);
  json_object_set_int_member (data, "capacity", gtk_spin_button_get_value_as_int (self->capacity_spin));
  set_text_member (data, "broadcast_url", self->broadcast_row);
  if (gtk_check_button_get_active (self->kk_check))
    json_array_add_string_element (languages, "kk");
  if (gtk_check_button_get_active (self->ru_check))
    json_array_add_string_element (languages, "ru");
  json_object_set_array_member (data, "languages", languages);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  agenda_text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  lines = g_strsplit (agenda_text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      /* Blank lines between questions are layout, not empty questions. */
      if (*lines[i] != '\0')
        json_array_add_string_element (agenda, lines[i]);
    }
  json_object_set_array_member (data, "agenda", agenda);

  set_text_member (person, "name", self->person_row);
  set_text_member (person, "phone", self->phone_row);
  set_text_member (person, "email", self->email_row);
  json_object_set_object_member (data, "responsible", person);

  json_object_set_boolean_member (data, "closed", adw_expander_row_get_enable_expansion (self->closed_row));
  set_text_member (data, "closed_ground", self->ground_row);
  return data;
}

/* Checks the whole form; marks the rows with problems and lists them. */
static void
revalidate (AwpMeetingEditor *self)
{
  g_autoptr(JsonObject) data = awp_meeting_editor_dup_data (self);
  g_autoptr(GPtrArray) issues = awp_meeting_check (data);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) bad = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < issues->len; i++)
    {
      AwpMeetingIssue *issue = issues->pdata[i];

      g_hash_table_add (bad, issue->field);
      g_string_append_printf (text, "%s%s", text->len ? "\n" : "", issue->message);
    }
  for (guint i = 0; i < G_N_ELEMENTS (all_fields); i++)
    {
      GtkWidget *widget = field_widget (self, all_fields[i]);
      /* A new, untouched form is not shouted at: the list says what is
       * missing, the red marks come as the user works. */
      gboolean show = g_hash_table_contains (bad, all_fields[i])
                      && (self->meeting_id != NULL || g_hash_table_contains (self->touched, all_fields[i]));

      if (show)
        gtk_widget_add_css_class (widget, "error");
      else
        gtk_widget_remove_css_class (widget, "error");
    }
  gtk_label_set_text (self->issues_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->issues_label), text->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", issues->len == 0);
}

static void
on_changed (GtkWidget        *widget,
            AwpMeetingEditor *self)
{
  const char *field = g_object_get_data (G_OBJECT (widget), "awp-field");

  if (field != NULL)
    g_hash_table_add (self->touched, (gpointer) field);
  revalidate (self);
}

static void
on_notify (GObject          *object,
           GParamSpec       *pspec,
           AwpMeetingEditor *self)
{
  on_changed (GTK_WIDGET (object), self);
}

static void
on_buffer_changed (GtkTextBuffer    *buffer,
                   AwpMeetingEditor *self)
{
  g_hash_table_add (self->touched, (gpointer) "agenda");
  revalidate (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AwpMeetingEditor *self = AWP_MEETING_EDITOR (widget);
  g_autoptr(JsonObject) data = awp_meeting_editor_dup_data (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->store == NULL)
    return;
  id = awp_meeting_save (self->store, self->meeting_id, data, awp_window_actor_for (GTK_WINDOW (self)), &error);
  if (id == NULL)
    {
      gtk_label_set_text (self->issues_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->issues_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
load (AwpMeetingEditor *self,
      JsonObject       *data)
{
  JsonObject *person = json_object_has_member (data, "responsible") ? json_object_get_object_member (data, "responsible") : NULL;
  const char *region = json_object_get_string_member_with_default (data, "region", NULL);
  const char *format = json_object_get_string_member_with_default (data, "format", NULL);
  JsonArray *agenda = json_object_has_member (data, "agenda") ? json_object_get_array_member (data, "agenda") : NULL;
  JsonArray *languages = json_object_has_member (data, "languages") ? json_object_get_array_member (data, "languages") : NULL;
  g_autoptr(GString) agenda_text = g_string_new (NULL);
  guint n_regions;
  const AwpRegion *regions = awp_meeting_regions (&n_regions);
  GDate date;

  set_row_text (self->body_row, json_object_get_string_member_with_default (data, "body", NULL));
  set_row_text (self->title_row, json_object_get_string_member_with_default (data, "title", NULL));
  for (guint i = 0; i < n_regions; i++)
    if (g_strcmp0 (regions[i].code, region) == 0)
      adw_combo_row_set_selected (self->region_row, i + 1);
  if (awp_meeting_get_date (data, &date))
    {
      g_autofree char *text = awp_calendar_format_date (&date);

      set_row_text (self->date_row, text);
    }
  set_row_text (self->time_row, json_object_get_string_member_with_default (data, "time", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (formats[i], format) == 0)
      adw_combo_row_set_selected (self->format_row, i);
  set_row_text (self->place_row, json_object_get_string_member_with_default (data, "place", NULL));
  gtk_spin_button_set_value (self->capacity_spin, json_object_get_int_member_with_default (data, "capacity", 0));
  set_row_text (self->broadcast_row, json_object_get_string_member_with_default (data, "broadcast_url", NULL));
  for (guint i = 0; languages != NULL && i < json_array_get_length (languages); i++)
    {
      const char *l = json_array_get_string_element (languages, i);

      if (g_strcmp0 (l, "kk") == 0)
        gtk_check_button_set_active (self->kk_check, TRUE);
      else if (g_strcmp0 (l, "ru") == 0)
        gtk_check_button_set_active (self->ru_check, TRUE);
    }
  for (guint i = 0; agenda != NULL && i < json_array_get_length (agenda); i++)
    g_string_append_printf (agenda_text, "%s%s", i ? "\n" : "", json_array_get_string_element (agenda, i));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->agenda_view), agenda_text->str, -1);
  if (person != NULL)
    {
      const char *stored = json_object_get_string_member_with_default (person, "phone", NULL);
      g_autofree char *phone = stored ? awp_validate_format_phone (stored) : NULL;

      set_row_text (self->person_row, json_object_get_string_member_with_default (person, "name", NULL));
      set_row_text (self->phone_row, phone ? phone : json_object_get_string_member_with_default (person, "phone", NULL));
      set_row_text (self->email_row, json_object_get_string_member_with_default (person, "email", NULL));
    }
  adw_expander_row_set_enable_expansion (self->closed_row, json_object_get_boolean_member_with_default (data, "closed", FALSE));
  set_row_text (self->ground_row, json_object_get_string_member_with_default (data, "closed_ground", NULL));
}

static void
awp_meeting_editor_dispose (GObject *object)
{
  AwpMeetingEditor *self = AWP_MEETING_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AWP_TYPE_MEETING_EDITOR);
  g_clear_object (&self->store);
  g_clear_pointer (&self->original, json_object_unref);

  G_OBJECT_CLASS (awp_meeting_editor_parent_class)->dispose (object);
}

static void
awp_meeting_editor_finalize (GObject *object)
{
  AwpMeetingEditor *self = AWP_MEETING_EDITOR (object);

  g_free (self->meeting_id);
  g_free (self->org_id);
  g_hash_table_unref (self->touched);

  G_OBJECT_CLASS (awp_meeting_editor_parent_class)->finalize (object);
}

static void
awp_meeting_editor_class_init (AwpMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awp_meeting_editor_dispose;
  object_class->finalize = awp_meeting_editor_finalize;

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, body_row);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, region_row);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, format_row);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, broadcast_row);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, languages_row);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, kk_check);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, ru_check);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, agenda_frame);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, agenda_view);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, person_row);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, closed_row);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, ground_row);
  gtk_widget_class_bind_template_child (widget_class, AwpMeetingEditor, issues_label);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
watch (AwpMeetingEditor *self,
       GtkWidget        *widget,
       const char       *field,
       const char       *signal)
{
  g_object_set_data (G_OBJECT (widget), "awp-field", (gpointer) field);
  if (g_str_has_prefix (signal, "notify::"))
    g_signal_connect_object (widget, signal, G_CALLBACK (on_notify), self, 0);
  else
    g_signal_connect_object (widget, signal, G_CALLBACK (on_changed), self, 0);
}

static void
awp_meeting_editor_init (AwpMeetingEditor *self)
{
  g_autoptr(GtkStringList) region_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) format_names = gtk_string_list_new (NULL);
  guint n_regions;
  const AwpRegion *regions = awp_meeting_regions (&n_regions);

  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (region_names, _("Republican (no region)"));
  for (guint i = 0; i < n_regions; i++)
    gtk_string_list_append (region_names, awp_region_get_name (&regions[i]));
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (region_names));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    gtk_string_list_append (format_names, awp_meeting_format_label (formats[i]));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (format_names));
  adw_combo_row_set_selected (self->format_row, 2);
  gtk_check_button_set_active (self->kk_check, TRUE);
  gtk_check_button_set_active (self->ru_check, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), "10:00");
}

static void
connect_fields (AwpMeetingEditor *self)
{
  watch (self, GTK_WIDGET (self->body_row), "body", "changed");
  watch (self, GTK_WIDGET (self->title_row), "title", "changed");
  watch (self, GTK_WIDGET (self->region_row), "region", "notify::selected");
  watch (self, GTK_WIDGET (self->date_row), "date", "changed");
  watch (self, GTK_WIDGET (self->time_row), "time", "changed");
  watch (self, GTK_WIDGET (self->format_row), "format", "notify::selected");
  watch (self, GTK_WIDGET (self->place_row), "place", "changed");
  watch (self, GTK_WIDGET (self->capacity_spin), "capacity", "value-changed");
  g_object_set_data (G_OBJECT (self->capacity_row), "awp-field", (gpointer) "capacity");
  watch (self, GTK_WIDGET (self->broadcast_row), "broadcast_url", "changed");
  watch (self, GTK_WIDGET (self->kk_check), "languages", "toggled");
  watch (self, GTK_WIDGET (self->ru_check), "languages", "toggled");
  watch (self, GTK_WIDGET (self->person_row), "responsible.name", "changed");
  watch (self, GTK_WIDGET (self->phone_row), "responsible.phone", "changed");
  watch (self, GTK_WIDGET (self->email_row), "responsible.email", "changed");
  watch (self, GTK_WIDGET (self->closed_row), "closed_ground", "notify::enable-expansion");
  watch (self, GTK_WIDGET (self->ground_row), "closed_ground", "changed");
  g_signal_connect_object (gtk_text_view_get_buffer (self->agenda_view), "changed",
                           G_CALLBACK (on_buffer_changed), self, 0);
}

AwpMeetingEditor *
awp_meeting_editor_new (GtkWindow  *parent,
                        AwpStore   *store,
                        const char *meeting_id,
                        const char *org_id,
                        GDateTime  *date)
{
  AwpMeetingEditor *self = g_object_new (AWP_TYPE_MEETING_EDITOR,
                                         "transient-for", parent,
                                         NULL);

  self->store = store ? g_object_ref (store) : NULL;
  self->meeting_id = g_strdup (meeting_id);
  self->org_id = g_strdup (org_id);
  if (meeting_id != NULL && store != NULL)
    {
      g_autoptr(JsonObject) record = awp_store_get_record (store, meeting_id, NULL);

      if (record != NULL)
        {
          self->original = json_object_ref (json_object_get_object_member (record, "data"));
          load (self, self->original);
        }
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Meeting"));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Meeting"));
      if (date != NULL)
        {
          g_autofree char *text = g_date_time_format (date, "%d.%m.%Y");

          gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
        }
    }
  connect_fields (self);
  revalidate (self);
  return self;
}

GtkWidget *
awp_meeting_editor_get_field_widget (AwpMeetingEditor *self,
                                     const char       *field)
{
  g_return_val_if_fail (AWP_IS_MEETING_EDITOR (self), NULL);

  if (g_strcmp0 (field, "capacity") == 0)
    return GTK_WIDGET (self->capacity_spin);
  if (g_strcmp0 (field, "agenda") == 0)
    return GTK_WIDGET (self->agenda_view);
  if (g_strcmp0 (field, "closed") == 0)
    return GTK_WIDGET (self->closed_row);
  if (g_strcmp0 (field, "languages.kk") == 0)
    return GTK_WIDGET (self->kk_check);
  if (g_strcmp0 (field, "languages.ru") == 0)
    return GTK_WIDGET (self->ru_check);
  return field_widget (self, field);
}

const char *
awp_meeting_editor_get_issues_text (AwpMeetingEditor *self)
{
  g_return_val_if_fail (AWP_IS_MEETING_EDITOR (self), NULL);

  return gtk_label_get_text (self->issues_label);
}

#include "config.h"

#include <glib/gi18n.h>

#include "awp-accreditation.h"
#include "awp-attachment-list.h"
#include "awp-calendar.h"
#include "awp-channel-doc.h"
#include "awp-channel-request.h"
#include "awp-channels-page-private.h"
#include "awp-i18n.h"
#include "awp-registry.h"
#include "awp-request-format.h"
#include "awp-state-machine.h"
#include "awp-validate.h"

/* The Channels and Registry workspace (Order 93). The lists are re-read
 * from the store when it changes (they are short: one body's applications
 * and one Registry); the open document is redrawn after each action. */

G_DEFINE_FINAL_TYPE (AwpChannelsPage, awp_channels_page, GTK_TYPE_WIDGET)

/* Registry column widths: №, name, owner, date, changes, exclusion. */
static const int column_widths[AWP_REGISTRY_COLUMNS] = { 30, 220, 220, 110, 300, 200 };

const char *
awp_channels_actor (AwpChannelsPage *self)
{
  return self->actor != NULL ? self->actor : g_get_user_name ();
}

void
awp_channels_page_set_actor (AwpChannelsPage *self,
                             const char      *actor)
{
  g_return_if_fail (AWP_IS_CHANNELS_PAGE (self));

  g_free (self->actor);
  self->actor = g_strdup (actor);
}

void
awp_channels_clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

GtkWidget *
awp_channels_heading (const char *text,
                      const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

GtkWidget *
awp_channels_info_row (const char *title,
                       const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL && value[0] != '\0' ? value : "—");
  /* Wrapped (and ellipsized after many lines), never as wide as its text. */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 12);
  gtk_widget_add_css_class (row, "property");
  return row;
}

char *
awp_channels_display_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !awp_calendar_parse_date (iso, "date", &date, NULL))
    return g_strdup ("");
  return awp_calendar_format_date (&date);
}

void
awp_channels_set_message (AwpChannelsPage *self,
                          const char      *text,
                          gboolean         error)
{
  g_free (self->message);
  self->message = g_strdup (text);
  if (self->message_label == NULL)
    return;
  gtk_label_set_text (self->message_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL && text[0] != '\0');
  if (error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "success");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
    }
}

static char *
widget_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

JsonObject *
awp_channels_collect (AwpChannelsPage *self)
{
  JsonObject *data = json_object_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *field = key;
      GtkWidget *widget = value;

      if (g_str_has_prefix (field, "review.") || g_str_equal (field, "decision_reason")
          || g_str_equal (field, "attachment_files"))
        continue;
      if (ADW_IS_COMBO_ROW (widget))
        {
          const char *const *keys = g_object_get_data (G_OBJECT (widget), "awp-keys");
          guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (widget));

          json_object_set_string_member (data, field, selected > 0 ? keys[selected - 1] : "");
        }
      else if (g_str_equal (field, "attachments"))
        {
          g_autofree char *text = widget_text (widget);
          g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
          JsonArray *list = json_array_new ();

          for (guint i = 0; lines[i] != NULL; i++)
            if (g_strstrip (lines[i])[0] != '\0')
              json_array_add_string_element (list, lines[i]);
          json_object_set_array_member (data, field, list);
        }
      else
        {
          g_autofree char *text = widget_text (widget);
          GDate date;

          /* Dates are typed DD.MM.YYYY and kept as YYYY-MM-DD. */
          if (g_object_get_data (G_OBJECT (widget), "awp-date") != NULL
              && awp_validate_date (text, field, &date, NULL))
            {
              g_free (text);
              text = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                                      g_date_get_day (&date));
            }
          json_object_set_string_member (data, field, g_strstrip (text));
        }
    }
  /* Attached files join the listed documents (Annex 1). */
  if (g_hash_table_contains (self->fields, "attachment_files"))
    {
      g_autoptr(JsonArray) files = awp_attachment_list_to_json (g_hash_table_lookup (self->fields, "attachment_files"));
      JsonArray *list;

      if (!json_object_has_member (data, "attachments"))
        json_object_set_array_member (data, "attachments", json_array_new ());
      list = json_object_get_array_member (data, "attachments");
      for (guint i = 0; i < json_array_get_length (files); i++)
        json_array_add_element (list, json_node_copy (json_array_get_element (files, i)));
    }
  return data;
}

/* Lists */

static char *
list_subtitle (JsonObject *data)
{
  const char *status = json_object_get_string_member_with_default (data, "status", "draft");
  g_autofree char *due = awp_channels_display_date (json_object_get_string_member_with_default (data, "due_on", NULL));

  if (due[0] == '\0' || g_str_equal (status, "applied") || g_str_equal (status, "refused")
      || json_object_has_member (data, "notified_on"))
    return g_strdup (awp_state_label (status));
  /* TRANSLATORS: a status, then the date something is due */
  return g_strdup_printf (_("%s · due %s"), awp_state_label (status), due);
}

/* Open deadlines: the date in words and an icon, the colour only added. */
static void
add_due_suffix (AwpChannelsPage *self,
                GtkWidget       *row,
                JsonObject      *data)
{
  const char *status = json_object_get_string_member_with_default (data, "status", "draft");
  gboolean open = g_str_equal (status, "sent")
                  || ((g_str_equal (status, "accredited") || g_str_equal (status, "refused"))
                      && !json_object_has_member (data, "notified_on"));
  g_autofree char *text = NULL;
  AwpDueInfo info;
  GtkWidget *box, *label;

  awp_request_due_info (self->calendar, json_object_get_string_member_with_default (data, "due_on", NULL),
                        !open, &info);
  if (info.state == AWP_DUE_NONE)
    return;
  text = awp_request_due_text_short (&info);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  if (info.icon_name != NULL)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info.icon_name));
  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);
  if (info.css_class != NULL)
    gtk_widget_add_css_class (box, info.css_class);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
}

static GtkWidget *
document_row (AwpChannelsPage *self,
              JsonObject      *record,
              const char      *fallback)
{
  JsonObject *data = json_object_get_object_member (record, "data");
  const char *subject = json_object_get_string_member_with_default (data, "subject", "");
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = list_subtitle (data);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), subject[0] != '\0' ? subject : fallback);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  add_due_suffix (self, row, data);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "awp-id", g_strdup (json_object_get_string_member (record, "id")), g_free);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
select_row (GtkListBox *list,
            const char *id)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (row == NULL)
        return;
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "awp-id"), id) == 0)
        {
          gtk_list_box_select_row (list, row);
          return;
        }
    }
}

static const char *
registry_lang (AwpChannelsPage *self)
{
  return gtk_toggle_button_get_active (self->registry_kk) ? "kk" : "ru";
}

/* A Registry cell exactly as wide as its column, whatever its text and the
 * row's height: a GtkBox would otherwise widen a wrapped label to fit it
 * in fewer lines, and the header would not line up with the rows. */
#define AWP_TYPE_REGISTRY_CELL (awp_registry_cell_widget_get_type ())
G_DECLARE_FINAL_TYPE (AwpRegistryCell, awp_registry_cell_widget, AWP, REGISTRY_CELL, GtkWidget)

struct _AwpRegistryCell
{
  GtkWidget  parent_instance;
  GtkWidget *child;
  int        width;
};

G_DEFINE_FINAL_TYPE (AwpRegistryCell, awp_registry_cell_widget, GTK_TYPE_WIDGET)

static void
awp_registry_cell_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  AwpRegistryCell *self = AWP_REGISTRY_CELL (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = self->width;
  else
    gtk_widget_measure (self->child, GTK_ORIENTATION_VERTICAL, MAX (for_size, self->width),
                        minimum, natural, NULL, NULL);
}

static void
awp_registry_cell_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  gtk_widget_allocate (AWP_REGISTRY_CELL (widget)->child, width, height, -1, NULL);
}

static GtkSizeRequestMode
awp_registry_cell_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
awp_registry_cell_dispose (GObject *object)
{
  g_clear_pointer (&AWP_REGISTRY_CELL (object)->child, gtk_widget_unparent);
  G_OBJECT_CLASS (awp_registry_cell_widget_parent_class)->dispose (object);
}

static void
awp_registry_cell_widget_class_init (AwpRegistryCellClass *klass)
{
  GTK_WIDGET_CLASS (klass)->measure = awp_registry_cell_measure;
  GTK_WIDGET_CLASS (klass)->size_allocate = awp_registry_cell_size_allocate;
  GTK_WIDGET_CLASS (klass)->get_request_mode = awp_registry_cell_request_mode;
  G_OBJECT_CLASS (klass)->dispose = awp_registry_cell_dispose;
}

static void
awp_registry_cell_widget_init (AwpRegistryCell *self)
{
}

static GtkWidget *
registry_cell (guint            column,
               const char      *text,
               gboolean         heading)
{
  GtkWidget *label = gtk_label_new (text);
  int width = column_widths[column];

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  if (heading)
    gtk_widget_add_css_class (label, "caption-heading");
  {
    AwpRegistryCell *cell = g_object_new (AWP_TYPE_REGISTRY_CELL, NULL);

    cell->width = width;
    cell->child = label;
    gtk_widget_set_parent (label, GTK_WIDGET (cell));
    return GTK_WIDGET (cell);
  }
}

static void
fill_registry (AwpChannelsPage *self)
{
  const char *lang = registry_lang (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->registry_header))) != NULL)
    gtk_box_remove (self->registry_header, child);
  for (guint c = 0; c < AWP_REGISTRY_COLUMNS; c++)
    gtk_box_append (self->registry_header, registry_cell (c, awp_registry_column_title (c, lang), TRUE));
  clear_list (self->registry_list);
  if (self->store == NULL)
    return;
  entries = awp_registry_search (self->store, gtk_editable_get_text (GTK_EDITABLE (self->registry_search)), &error);
  if (entries == NULL)
    {
      g_warning ("Registry not read: %s", error->message);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      JsonObject *entry = g_ptr_array_index (entries, i);
      const char *id = json_object_get_string_member (entry, "id");
      g_autoptr(GPtrArray) history = awp_registry_history (self->store, id, NULL);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

      for (guint c = 0; c < AWP_REGISTRY_COLUMNS; c++)
        {
          g_autofree char *text = awp_registry_cell (entry, history, c, lang);

          /* The № column is narrow: a provisional entry shows "—" there,
           * the row's tooltip says why (the PDF and CSV spell it out). */
          if (c == 0 && awp_registry_is_provisional (json_object_get_object_member (entry, "data")))
            {
              g_free (text);
              text = g_strdup ("—");
            }
          gtk_box_append (GTK_BOX (box), registry_cell (c, text, FALSE));
        }
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      if (json_object_has_member (json_object_get_object_member (entry, "data"), "excluded_on"))
        gtk_widget_add_css_class (box, "dim-label");
      if (awp_registry_is_provisional (json_object_get_object_member (entry, "data")))
        gtk_widget_set_tooltip_text (row, _("Provisional entry: the server gives its Registry number at the next sync"));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "awp-id", g_strdup (id), g_free);
      gtk_list_box_append (self->registry_list, row);
    }
  if (self->channel_id != NULL)
    select_row (self->registry_list, self->channel_id);
}

static void
fill_documents (AwpChannelsPage *self,
                GtkListBox      *list,
                const char      *type,
                const char      *fallback)
{
  g_autoptr(GPtrArray) records = awp_registry_list_records (self->store, type, NULL, NULL);

  for (guint i = records != NULL ? records->len : 0; i-- > 0;)
    gtk_list_box_append (list, document_row (self, g_ptr_array_index (records, i), fallback));
}

void
awp_channels_refresh_lists (AwpChannelsPage *self)
{
  clear_list (self->application_list);
  clear_list (self->request_list);
  if (self->store != NULL)
    {
      fill_documents (self, self->application_list, "accreditation_application", _("New accreditation application"));
      fill_documents (self, self->request_list, "change_request", _("Change request"));
      fill_documents (self, self->request_list, "termination_notice", _("Notice of termination"));
    }
  fill_registry (self);
  if (self->open_id != NULL)
    {
      select_row (self->application_list, self->open_id);
      select_row (self->request_list, self->open_id);
    }
}

static void redisplay (AwpChannelsPage *self);

/* The open document's status now in the store (NULL: gone). */
static char *
stored_status (AwpChannelsPage *self)
{
  g_autoptr(JsonObject) record = NULL;

  if (self->store == NULL || self->open_id == NULL)
    return NULL;
  record = awp_store_get_record (self->store, self->open_id, NULL);
  if (record == NULL)
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (json_object_get_object_member (record, "data"),
                                                               "status", "draft"));
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  AwpChannelsPage *self = user_data;
  g_autofree char *status = stored_status (self);

  self->refresh_idle = 0;
  /* A sync brought the other side's decision on the document on screen
   * (accredited, applied …): show it as it is now. A draft being typed
   * keeps its status, so typing is not disturbed. */
  if (status != NULL && self->shown_status != NULL && !g_str_equal (status, self->shown_status))
    redisplay (self);
  else
    awp_channels_refresh_lists (self);
  return G_SOURCE_REMOVE;
}

static void
on_record_changed (AwpChannelsPage *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

/* The Registry entry's history and what can be asked of it. */
static void
show_entry (AwpChannelsPage *self,
            const char      *id)
{
  const char *lang = registry_lang (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) entry = awp_registry_get_entry (self->store, id, &error);
  g_autoptr(GPtrArray) history = NULL;
  GtkWidget *group;
  g_autofree char *title = NULL;

  awp_channels_clear_box (self->registry_detail);
  self->change_field = NULL;
  if (entry == NULL)
    {
      gtk_box_append (self->registry_detail, awp_channels_heading (error->message, "error"));
      return;
    }
  if (id != self->channel_id)
    {
      g_free (self->channel_id);
      self->channel_id = g_strdup (id);
    }
  title = g_strdup_printf ("№ %s · %s", awp_registry_number_label (entry),
                           json_object_get_string_member_with_default (entry, g_str_equal (lang, "kk") ? "name_kk" : "name_ru", ""));
  gtk_box_append (self->registry_detail, awp_channels_heading (title, "title-3"));
  history = awp_registry_history (self->store, id, NULL);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("History of the entry (O93-9, O93-10)"));
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      JsonObject *h = json_object_get_object_member (g_ptr_array_index (history, i), "data");
      const char *kind = json_object_get_string_member_with_default (h, "kind", "");
      g_autofree char *row_title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* In the Registry's language, as its table, its PDF and CSV. */
      row_title = awp_registry_history_title (h, lang);
      if (g_str_equal (kind, "changed"))
        subtitle = g_strdup_printf ("%s: «%s» → «%s»\n%s",
                                    awp_registry_field_title (json_object_get_string_member_with_default (h, "field", ""), lang),
                                    json_object_get_string_member_with_default (h, "old_value", ""),
                                    json_object_get_string_member_with_default (h, "new_value", ""),
                                    json_object_get_string_member_with_default (h, "grounds", ""));
      else if (g_str_equal (kind, "excluded"))
        subtitle = g_strdup (json_object_get_string_member_with_default (h, "grounds", ""));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 8);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (self->registry_detail, group);

  if (!json_object_has_member (entry, "excluded_on"))
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkStringList *fields = gtk_string_list_new (NULL);
      GtkWidget *drop;
      GtkWidget *button;

      for (guint i = 0; awp_registry_fields[i] != NULL; i++)
        gtk_string_list_append (fields, awp_registry_field_title (awp_registry_fields[i], lang));
      drop = gtk_drop_down_new (G_LIST_MODEL (fields), NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Registry record being changed"), -1);
      self->change_field = GTK_DROP_DOWN (drop);
      gtk_box_append (GTK_BOX (box), drop);
      button = gtk_button_new_with_mnemonic (_("Request a _change…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "channels.request-change");
      awp_channels_gate (self, button, "channels.request-change");
      gtk_box_append (GTK_BOX (box), button);
      button = gtk_button_new_with_mnemonic (_("Notice of _termination…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "channels.terminate");
      awp_channels_gate (self, button, "channels.terminate");
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_box_append (GTK_BOX (box), button);
      gtk_box_append (self->registry_detail, box);
    }
}

/* Callbacks */

static void
on_new_application_cb (AwpChannelsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = awp_channels_page_create_application (self, &error);

  if (id == NULL)
    g_warning ("Application not created: %s", error->message);
}

static void
on_application_activated_cb (AwpChannelsPage *self,
                             GtkListBoxRow   *row)
{
  awp_channels_show_application (self, g_object_get_data (G_OBJECT (row), "awp-id"));
}

static void
on_request_activated_cb (AwpChannelsPage *self,
                         GtkListBoxRow   *row)
{
  awp_channels_show_request (self, g_object_get_data (G_OBJECT (row), "awp-id"));
}

static void
on_registry_activated_cb (AwpChannelsPage *self,
                          GtkListBoxRow   *row)
{
  show_entry (self, g_object_get_data (G_OBJECT (row), "awp-id"));
}

static void
on_registry_search_cb (AwpChannelsPage *self)
{
  fill_registry (self);
}

static void
on_registry_lang_cb (AwpChannelsPage *self)
{
  fill_registry (self);
  if (self->channel_id != NULL)
    {
      g_autofree char *id = g_strdup (self->channel_id);

      show_entry (self, id);
    }
}

/* Actions */

/* Who does what under Order 93 (O93-8): the state body's administrator
 * applies, asks for changes and gives notice of termination; the authorized
 * body reviews, decides and writes the Registry. */
static const struct
{
  const char *action;
  const char *role;
} action_roles[] = {
  { "channels.save", "administrator" },
  { "channels.send", "administrator" },
  { "channels.request-change", "administrator" },
  { "channels.terminate", "administrator" },
  { "channels.review", "authorized_body" },
  { "channels.accredit", "authorized_body" },
  { "channels.refuse", "authorized_body" },
  { "channels.notified", "authorized_body" },
  { "channels.apply", "authorized_body" },
};

const char *
awp_channels_role_denial (AwpChannelsPage *self,
                          const char      *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (action_roles); i++)
    if (g_str_equal (action_roles[i].action, action) && !g_str_equal (action_roles[i].role, self->role))
      return g_str_equal (action_roles[i].role, "administrator")
             ? _("Only the state body’s administrator can do this (Order 93, O93-8)")
             : _("Only the authorized body can do this (Order 93, O93-8)");
  return NULL;
}

void
awp_channels_gate (AwpChannelsPage *self,
                   GtkWidget       *button,
                   const char      *action)
{
  const char *why = awp_channels_role_denial (self, action);

  if (why != NULL)
    gtk_widget_set_tooltip_text (button, why);
}

static void
apply_role (AwpChannelsPage *self)
{
  gboolean admin = g_str_equal (self->role, "administrator");

  for (guint i = 0; i < G_N_ELEMENTS (action_roles); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), action_roles[i].action,
                                   awp_channels_role_denial (self, action_roles[i].action) == NULL);
  gtk_widget_set_sensitive (self->new_application_button, self->store != NULL && admin);
  gtk_widget_set_tooltip_text (self->new_application_button,
                               admin ? _("New accreditation application")
                                     : awp_channels_role_denial (self, "channels.save"));
}

static void
redisplay (AwpChannelsPage *self)
{
  g_autofree char *id = g_strdup (self->open_id);
  g_autofree char *message = g_strdup (self->message);

  if (id == NULL)
    return;
  if (g_strcmp0 (self->open_type, "accreditation_application") == 0)
    awp_channels_show_application (self, id);
  else
    awp_channels_show_request (self, id);
  awp_channels_set_message (self, message, FALSE);
  awp_channels_refresh_lists (self);
}

static void
report (AwpChannelsPage *self,
        gboolean         ok,
        GError          *error,
        const char      *done)
{
  if (ok)
    {
      awp_channels_set_message (self, done, FALSE);
      redisplay (self);
    }
  else
    awp_channels_set_message (self, error != NULL ? error->message : "", TRUE);
}

static gboolean
save_open (AwpChannelsPage  *self,
           GError          **error)
{
  g_autoptr(JsonObject) data = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  data = awp_channels_collect (self);

  if (g_strcmp0 (self->open_type, "accreditation_application") == 0)
    return awp_accreditation_save (self->store, self->open_id, data, awp_channels_actor (self), error);
  if (g_strcmp0 (self->open_type, "change_request") == 0)
    return awp_change_request_save (self->store, self->open_id, data, awp_channels_actor (self), error);
  return awp_termination_save (self->store, self->open_id, data, awp_channels_actor (self), error);
}

static gboolean
autosave_cb (gpointer user_data)
{
  AwpChannelsPage *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (!save_open (self, &error))
    awp_channels_set_message (self, error->message, TRUE);
  return G_SOURCE_REMOVE;
}

void
awp_channels_schedule_save (AwpChannelsPage *self)
{
  if (self->open_id == NULL || !self->editable || self->store == NULL)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (AWP_CHANNELS_AUTOSAVE_MS, autosave_cb, self);
}

void
awp_channels_flush (AwpChannelsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->save_source == 0)
    return;
  if (!save_open (self, &error))
    g_warning ("Draft not saved: %s", error->message);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AwpChannelsPage *self = AWP_CHANNELS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->open_id == NULL)
    return;
  report (self, save_open (self, &error), error, _("Saved"));
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AwpChannelsPage *self = AWP_CHANNELS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->open_id == NULL)
    return;
  ok = save_open (self, &error);
  if (ok && g_strcmp0 (self->open_type, "accreditation_application") == 0)
    ok = awp_accreditation_send (self->store, self->open_id, NULL, awp_channels_actor (self), &error);
  else if (ok && g_strcmp0 (self->open_type, "change_request") == 0)
    ok = awp_change_request_send (self->store, self->open_id, NULL, awp_channels_actor (self), &error);
  else if (ok)
    ok = awp_termination_send (self->store, self->open_id, NULL, awp_channels_actor (self), &error);
  report (self, ok, error, _("Sent to the authorized body"));
  if (!ok)
    awp_channels_mark_issues (self, TRUE);
}

static gboolean
save_review (AwpChannelsPage  *self,
             GError          **error)
{
  for (guint i = 0; awp_accreditation_criteria[i] != NULL; i++)
    {
      g_autofree char *check_key = g_strconcat ("review.", awp_accreditation_criteria[i], ".met", NULL);
      g_autofree char *comment_key = g_strconcat ("review.", awp_accreditation_criteria[i], ".comment", NULL);
      GtkWidget *check = g_hash_table_lookup (self->fields, check_key);
      GtkWidget *comment = g_hash_table_lookup (self->fields, comment_key);

      if (check == NULL || comment == NULL)
        continue;
      if (!awp_accreditation_review (self->store, self->open_id, awp_accreditation_criteria[i],
                                     gtk_check_button_get_active (GTK_CHECK_BUTTON (check)),
                                     gtk_editable_get_text (GTK_EDITABLE (comment)), awp_channels_actor (self), error))
        return FALSE;
    }
  return TRUE;
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AwpChannelsPage *self = AWP_CHANNELS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  report (self, save_review (self, &error), error, _("The review is saved"));
}

static void
accredit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  AwpChannelsPage *self = AWP_CHANNELS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = save_review (self, &error)
       && awp_accreditation_decide (self->store, self->open_id, TRUE, NULL, NULL, awp_channels_actor (self), &error);
  report (self, ok, error, _("Accredited: the channel is entered in the Registry"));
}

static void
refuse_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AwpChannelsPage *self = AWP_CHANNELS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *reason = g_hash_table_lookup (self->fields, "decision_reason");
  const char *text = reason != NULL ? gtk_editable_get_text (GTK_EDITABLE (reason)) : "";
  gboolean ok;

  if (g_strcmp0 (self->open_type, "accreditation_application") == 0)
    ok = save_review (self, &error)
         && awp_accreditation_decide (self->store, self->open_id, FALSE, text, NULL, awp_channels_actor (self), &error);
  else
    ok = awp_change_request_refuse (self->store, self->open_id, text, NULL, awp_channels_actor (self), &error);
  report (self, ok, error, _("Refused"));
}

static void
notified_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  AwpChannelsPage *self = AWP_CHANNELS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  report (self, awp_accreditation_mark_notified (self->store, self->open_id, NULL, awp_channels_actor (self), &error),
          error, _("The applicant is notified"));
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  AwpChannelsPage *self = AWP_CHANNELS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (self->open_type, "change_request") == 0)
    ok = awp_change_request_apply (self->store, self->open_id, NULL, awp_channels_actor (self), &error);
  else
    ok = awp_termination_apply (self->store, self->open_id, NULL, awp_channels_actor (self), &error);
  report (self, ok, error, _("Entered into the Registry"));
}

static void
open_request (AwpChannelsPage *self,
              const char      *id)
{
  awp_channels_refresh_lists (self);
  awp_channels_show_request (self, id);
  select_row (self->request_list, id);
  gtk_stack_set_visible_child_name (self->stack, "requests");
}

static void
request_change_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  AwpChannelsPage *self = AWP_CHANNELS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = json_object_new ();
  g_autofree char *id = NULL;
  guint field;

  if (self->channel_id == NULL || self->change_field == NULL)
    return;
  field = gtk_drop_down_get_selected (self->change_field);
  id = awp_change_request_create (self->store, self->channel_id, awp_registry_fields[MIN (field, 3)], data,
                                  awp_channels_actor (self), &error);
  if (id == NULL)
    {
      g_warning ("Change request not created: %s", error->message);
      return;
    }
  open_request (self, id);
}

static void
terminate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  AwpChannelsPage *self = AWP_CHANNELS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = json_object_new ();
  g_autofree char *id = NULL;

  if (self->channel_id == NULL)
    return;
  id = awp_termination_create (self->store, self->channel_id, data, awp_channels_actor (self), &error);
  if (id == NULL)
    {
      g_warning ("Notice not created: %s", error->message);
      return;
    }
  open_request (self, id);
}

static void
show_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  AwpChannelsPage *self = AWP_CHANNELS_PAGE (widget);

  show_entry (self, g_variant_get_string (param, NULL));
  fill_registry (self);
  gtk_stack_set_visible_child_name (self->stack, "registry");
}

static GtkWindow *
parent_window (AwpChannelsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_csv_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  AwpChannelsPage *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (!awp_channels_page_export_csv (self, path, &error))
        g_warning ("Registry not exported: %s", error->message);
    }
  g_object_unref (chooser);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  AwpChannelsPage *self = AWP_CHANNELS_PAGE (widget);
  GtkFileChooserNative *chooser;

  if (self->store == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export the Registry"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     g_str_equal (registry_lang (self), "kk") ? "tizilim.csv" : "reestr.csv");
  g_signal_connect (chooser, "response", G_CALLBACK (on_csv_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_pdf_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  AwpChannelsPage *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (!awp_channels_page_write_pdf (self, g_object_get_data (G_OBJECT (chooser), "awp-lang"), path, &error))
        awp_channels_set_message (self, error->message, TRUE);
    }
  g_object_unref (chooser);
}

static void
pdf_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  AwpChannelsPage *self = AWP_CHANNELS_PAGE (widget);
  const char *lang = g_variant_get_string (param, NULL);
  gboolean kk = g_str_equal (lang, "kk");
  GtkFileChooserNative *chooser;
  const char *title = _("Save the Application as PDF");
  const char *name = kk ? "otinim.pdf" : "zayavka.pdf";

  if (self->open_id == NULL)
    return;
  if (g_strcmp0 (self->open_type, "change_request") == 0)
    {
      title = _("Save the Change Request as PDF");
      name = kk ? "ozgeris.pdf" : "izmeneniya.pdf";
    }
  else if (g_strcmp0 (self->open_type, "termination_notice") == 0)
    {
      title = _("Save the Termination Notice as PDF");
      name = kk ? "habarlama.pdf" : "uvedomlenie.pdf";
    }
  chooser = gtk_file_chooser_native_new (title, parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "awp-lang", g_strdup (lang), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_pdf_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_registry_pdf_response_cb (GtkNativeDialog *chooser,
                             int              response,
                             gpointer         user_data)
{
  AwpChannelsPage *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (!awp_channels_page_write_registry_pdf (self, path, &error))
        g_warning ("Registry not written: %s", error->message);
    }
  g_object_unref (chooser);
}

static void
registry_pdf_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  AwpChannelsPage *self = AWP_CHANNELS_PAGE (widget);
  GtkFileChooserNative *chooser;

  if (self->store == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export the Registry"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     g_str_equal (registry_lang (self), "kk") ? "tizilim.pdf" : "reestr.pdf");
  g_signal_connect (chooser, "response", G_CALLBACK (on_registry_pdf_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  AwpChannelsPage *self = AWP_CHANNELS_PAGE (widget);
  g_autoptr(AwpChannelDoc) doc = NULL;
  g_autoptr(GError) error = NULL;

  if (self->open_id == NULL)
    return;
  doc = awp_channel_doc_new_document (self->store, self->open_id, NULL, g_variant_get_string (param, NULL), &error);
  if (doc == NULL)
    {
      awp_channels_set_message (self, error->message, TRUE);
      return;
    }
  awp_channel_doc_print (doc, parent_window (self));
}

/* What each empty detail pane is for. */
static void
show_hints (AwpChannelsPage *self)
{
  awp_channels_clear_box (self->application_detail);
  awp_channels_clear_box (self->registry_detail);
  awp_channels_clear_box (self->request_detail);
  gtk_box_append (self->application_detail,
                  awp_channels_heading (_("Choose an application on the left or create a new one. The authorized body "
                                          "decides within 8 working days of receipt (O93-5)."), "dim-label"));
  gtk_box_append (self->registry_detail,
                  awp_channels_heading (_("Choose an entry to see its history, request a change or give notice of "
                                          "termination."), "dim-label"));
  gtk_box_append (self->request_detail,
                  awp_channels_heading (_("Changes and terminations enter the Registry within 3 working days of "
                                          "receipt (O93-13)."), "dim-label"));
}

static void
awp_channels_page_dispose (GObject *object)
{
  AwpChannelsPage *self = AWP_CHANNELS_PAGE (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->store != NULL)
    {
      awp_channels_flush (self);
      g_signal_handlers_disconnect_by_data (self->store, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), AWP_TYPE_CHANNELS_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_object (&self->calendar);
  G_OBJECT_CLASS (awp_channels_page_parent_class)->dispose (object);
}

static void
awp_channels_page_finalize (GObject *object)
{
  AwpChannelsPage *self = AWP_CHANNELS_PAGE (object);

  g_free (self->open_id);
  g_free (self->actor);
  g_free (self->shown_status);
  g_free (self->open_type);
  g_free (self->role);
  g_free (self->channel_id);
  g_free (self->message);
  G_OBJECT_CLASS (awp_channels_page_parent_class)->finalize (object);
}

static void
awp_channels_page_class_init (AwpChannelsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awp_channels_page_dispose;
  object_class->finalize = awp_channels_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-channels-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwpChannelsPage, main_box);
  gtk_widget_class_bind_template_child (widget_class, AwpChannelsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AwpChannelsPage, new_application_button);
  gtk_widget_class_bind_template_child (widget_class, AwpChannelsPage, application_list);
  gtk_widget_class_bind_template_child (widget_class, AwpChannelsPage, application_detail);
  gtk_widget_class_bind_template_child (widget_class, AwpChannelsPage, registry_search);
  gtk_widget_class_bind_template_child (widget_class, AwpChannelsPage, registry_kk);
  gtk_widget_class_bind_template_child (widget_class, AwpChannelsPage, registry_ru);
  gtk_widget_class_bind_template_child (widget_class, AwpChannelsPage, registry_header);
  gtk_widget_class_bind_template_child (widget_class, AwpChannelsPage, registry_list);
  gtk_widget_class_bind_template_child (widget_class, AwpChannelsPage, registry_detail);
  gtk_widget_class_bind_template_child (widget_class, AwpChannelsPage, request_list);
  gtk_widget_class_bind_template_child (widget_class, AwpChannelsPage, request_detail);
  gtk_widget_class_bind_template_callback (widget_class, on_new_application_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_application_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_request_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_registry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_registry_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_registry_lang_cb);

  gtk_widget_class_install_action (widget_class, "channels.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "channels.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "channels.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "channels.accredit", NULL, accredit_action);
  gtk_widget_class_install_action (widget_class, "channels.refuse", NULL, refuse_action);
  gtk_widget_class_install_action (widget_class, "channels.notified", NULL, notified_action);
  gtk_widget_class_install_action (widget_class, "channels.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "channels.request-change", NULL, request_change_action);
  gtk_widget_class_install_action (widget_class, "channels.terminate", NULL, terminate_action);
  gtk_widget_class_install_action (widget_class, "channels.show-entry", "s", show_entry_action);
  gtk_widget_class_install_action (widget_class, "channels.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "channels.registry-pdf", NULL, registry_pdf_action);
  gtk_widget_class_install_action (widget_class, "channels.pdf", "s", pdf_action);
  gtk_widget_class_install_action (widget_class, "channels.print", "s", print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "channels.save", NULL);
}

static void
awp_channels_page_init (AwpChannelsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Working days left; without the calendar data they are calendar days. */
  self->calendar = awp_calendar_new_default (NULL);
  /* The Registry opens in the UI's state language (Russian for English). */
  gtk_toggle_button_set_active (g_str_equal (awp_i18n_language (), "kk") ? self->registry_kk : self->registry_ru, TRUE);
  self->role = g_strdup ("administrator");
  apply_role (self);
  show_hints (self);
  awp_channels_refresh_lists (self);
}

AwpChannelsPage *
awp_channels_page_new (void)
{
  return g_object_new (AWP_TYPE_CHANNELS_PAGE, NULL);
}

void
awp_channels_page_set_store (AwpChannelsPage *self,
                             AwpStore        *store)
{
  g_return_if_fail (AWP_IS_CHANNELS_PAGE (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    {
      awp_channels_flush (self);
      g_signal_handlers_disconnect_by_data (self->store, self);
    }
  g_set_object (&self->store, store);
  g_clear_pointer (&self->open_id, g_free);
  self->editable = FALSE;
  g_clear_pointer (&self->channel_id, g_free);
  show_hints (self);
  g_hash_table_remove_all (self->fields);
  self->message_label = NULL;
  self->diff_old = self->diff_new = NULL;
  self->change_field = NULL;
  if (store != NULL)
    g_signal_connect_object (store, "record-changed", G_CALLBACK (on_record_changed), self, G_CONNECT_SWAPPED);
  apply_role (self);
  awp_channels_refresh_lists (self);
}

void
awp_channels_page_set_role (AwpChannelsPage *self,
                            const char      *role)
{
  g_return_if_fail (AWP_IS_CHANNELS_PAGE (self));

  if (role == NULL)
    role = "administrator";
  if (g_str_equal (role, self->role))
    return;
  g_free (self->role);
  self->role = g_strdup (role);
  apply_role (self);
  /* The open document's buttons carry the old role's tooltips. */
  redisplay (self);
  if (self->channel_id != NULL)
    {
      g_autofree char *entry = g_strdup (self->channel_id);

      show_entry (self, entry);
    }
}

gboolean
awp_channels_page_open (AwpChannelsPage  *self,
                        const char       *id,
                        GError          **error)
{
  g_autoptr(JsonObject) record = NULL;
  const char *type;

  g_return_val_if_fail (AWP_IS_CHANNELS_PAGE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  record = awp_store_get_record (self->store, id, error);
  if (record == NULL)
    return FALSE;
  type = json_object_get_string_member (record, "type");
  awp_channels_refresh_lists (self);
  if (g_str_equal (type, "accreditation_application"))
    {
      awp_channels_show_application (self, id);
      select_row (self->application_list, id);
      gtk_stack_set_visible_child_name (self->stack, "applications");
    }
  else if (g_str_equal (type, "channel"))
    {
      show_entry (self, id);
      select_row (self->registry_list, id);
      gtk_stack_set_visible_child_name (self->stack, "registry");
    }
  else if (g_str_equal (type, "change_request") || g_str_equal (type, "termination_notice"))
    open_request (self, id);
  else
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The record “%s” is not of type “%s”"), id, "channel");
      return FALSE;
    }
  return TRUE;
}

char *
awp_channels_page_create_application (AwpChannelsPage  *self,
                                      GError          **error)
{
  g_autoptr(JsonObject) data = json_object_new ();
  g_autofree char *id = NULL;

  g_return_val_if_fail (AWP_IS_CHANNELS_PAGE (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  id = awp_accreditation_create (self->store, data, awp_channels_actor (self), error);
  if (id == NULL)
    return NULL;
  awp_channels_refresh_lists (self);
  awp_channels_show_application (self, id);
  select_row (self->application_list, id);
  gtk_stack_set_visible_child_name (self->stack, "applications");
  return g_steal_pointer (&id);
}

GtkWidget *
awp_channels_page_get_field (AwpChannelsPage *self,
                             const char      *field)
{
  g_return_val_if_fail (AWP_IS_CHANNELS_PAGE (self), NULL);

  return g_hash_table_lookup (self->fields, field);
}

const char *
awp_channels_page_get_message (AwpChannelsPage *self)
{
  g_return_val_if_fail (AWP_IS_CHANNELS_PAGE (self), NULL);

  return self->message;
}

GtkListBox *
awp_channels_page_get_list (AwpChannelsPage *self,
                            const char      *which)
{
  g_return_val_if_fail (AWP_IS_CHANNELS_PAGE (self), NULL);

  if (g_strcmp0 (which, "registry") == 0)
    return self->registry_list;
  if (g_strcmp0 (which, "requests") == 0)
    return self->request_list;
  return self->application_list;
}

void
awp_channels_page_set_registry_language (AwpChannelsPage *self,
                                         const char      *lang)
{
  g_return_if_fail (AWP_IS_CHANNELS_PAGE (self));

  gtk_toggle_button_set_active (g_strcmp0 (lang, "kk") == 0 ? self->registry_kk : self->registry_ru, TRUE);
}

void
awp_channels_page_get_diff (AwpChannelsPage  *self,
                            GtkLabel        **old_side,
                            GtkLabel        **new_side)
{
  g_return_if_fail (AWP_IS_CHANNELS_PAGE (self));

  *old_side = self->diff_old;
  *new_side = self->diff_new;
}

gboolean
awp_channels_page_write_pdf (AwpChannelsPage  *self,
                             const char       *lang,
                             const char       *path,
                             GError          **error)
{
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(JsonObject) shown = NULL;
  g_autoptr(AwpChannelDoc) doc = NULL;

  g_return_val_if_fail (AWP_IS_CHANNELS_PAGE (self), FALSE);

  record = awp_store_get_record (self->store, self->open_id, error);
  if (record == NULL)
    return FALSE;
  /* A draft prints what is on screen, saved or not. */
  if (g_str_equal (json_object_get_string_member_with_default (json_object_get_object_member (record, "data"),
                                                               "status", "draft"), "draft"))
    shown = awp_channels_collect (self);
  doc = awp_channel_doc_new_document (self->store, self->open_id, shown, lang, error);
  return doc != NULL && awp_channel_doc_write_pdf (doc, path, error);
}

gboolean
awp_channels_page_write_registry_pdf (AwpChannelsPage  *self,
                                      const char       *path,
                                      GError          **error)
{
  g_autoptr(AwpChannelDoc) doc = NULL;

  g_return_val_if_fail (AWP_IS_CHANNELS_PAGE (self), FALSE);

  doc = awp_channel_doc_new_registry (self->store, registry_lang (self), error);
  return doc != NULL && awp_channel_doc_write_pdf (doc, path, error);
}

gboolean
awp_channels_page_export_csv (AwpChannelsPage  *self,
                              const char       *path,
                              GError          **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (AWP_IS_CHANNELS_PAGE (self), FALSE);

  csv = awp_registry_to_csv (self->store, registry_lang (self), error);
  return csv != NULL && g_file_set_contents (path, csv, -1, error);
}

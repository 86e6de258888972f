#include "config.h"

#include <glib/gi18n.h>

#include "awp-accreditation.h"
#include "awp-attachment-list.h"
#include "awp-channel-request.h"
#include "awp-channels-page-private.h"
#include "awp-i18n.h"
#include "awp-protocol.h"
#include "awp-registry.h"
#include "awp-state-machine.h"
#include "awp-text-diff.h"

/* The detail panes of the Channels workspace: the Annex 1 editor, the
 * authorized body's review and decision (O93-4 to O93-6), and change
 * requests (Annex 3) and termination notices (O93-12, O93-13). */

static const char *
ui_registry_lang (void)
{
  /* The Registry has kk and ru only; an English UI reads the Russian one. */
  return g_str_equal (awp_i18n_language (), "kk") ? "kk" : "ru";
}

void
awp_channels_mark_issues (AwpChannelsPage *self,
                          gboolean         required_too)
{
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (self->open_type == NULL || g_hash_table_size (self->fields) == 0)
    return;
  data = awp_channels_collect (self);
  if (g_str_equal (self->open_type, "accreditation_application"))
    issues = awp_accreditation_validate (data, NULL);
  else if (g_str_equal (self->open_type, "change_request"))
    {
      g_autoptr(JsonObject) stored = awp_channels_load (self->store, self->open_id, "change_request", NULL);

      /* The fields the editor does not show come from the record. */
      if (stored != NULL)
        {
          awp_channels_copy_members (stored, data);
          issues = awp_change_request_validate (stored, NULL);
        }
    }
  else
    {
      json_object_set_string_member (data, "channel_id", "-");
      issues = awp_termination_validate (data, NULL);
    }
  if (issues == NULL)
    return;
  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkWidget *widget = GTK_IS_TEXT_VIEW (value) ? gtk_widget_get_parent (value) : value;
      const char *message = NULL;

      for (guint i = 0; i < issues->len && message == NULL; i++)
        {
          AwpFieldError *issue = g_ptr_array_index (issues, i);

          if (g_str_equal (issue->field, key) && (required_too || !g_str_equal (issue->code, "required")))
            message = issue->message;
        }
      /* Named in the tooltip, marked in red; cleared once it is right. */
      if (message != NULL)
        gtk_widget_add_css_class (widget, "error");
      else
        gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, message);
    }
}

/* An edit makes the last message (a failed send) stale; wrong input is
 * marked as it is typed (missing fields only after a send). */
static void
on_edited (AwpChannelsPage *self)
{
  if (self->message_label != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  awp_channels_mark_issues (self, FALSE);
  awp_channels_schedule_save (self);
}

static GtkWidget *
entry_row (AwpChannelsPage *self,
           const char      *field,
           const char      *title,
           JsonObject      *data)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), json_object_get_string_member_with_default (data, field, ""));
  gtk_widget_set_name (row, field);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_edited), self, G_CONNECT_SWAPPED);
  g_hash_table_insert (self->fields, g_strdup (field), row);
  return row;
}

static GtkWidget *
date_row (AwpChannelsPage *self,
          const char      *field,
          const char      *title,
          JsonObject      *data)
{
  GtkWidget *row = entry_row (self, field, title, data);
  g_autofree char *shown = awp_channels_display_date (json_object_get_string_member_with_default (data, field, NULL));

  gtk_editable_set_text (GTK_EDITABLE (row), shown);
  g_object_set_data (G_OBJECT (row), "awp-date", GINT_TO_POINTER (TRUE));
  return row;
}

/* A multi-line field: its label above a framed text view. */
static GtkWidget *
text_area (AwpChannelsPage *self,
           const char      *field,
           const char      *title,
           const char      *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 60);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text != NULL ? text : "", -1);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed", G_CALLBACK (on_edited), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_name (view, field);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  g_hash_table_insert (self->fields, g_strdup (field), view);
  return box;
}

static GtkWidget *
combo_row (AwpChannelsPage   *self,
           const char        *field,
           const char        *title,
           const char *const *keys,
           const char *const *labels,
           JsonObject        *data)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkStringList *list = gtk_string_list_new (NULL);
  const char *value = json_object_get_string_member_with_default (data, field, "");
  guint selected = 0;

  gtk_string_list_append (list, _("Not chosen"));
  for (guint i = 0; keys[i] != NULL; i++)
    {
      gtk_string_list_append (list, _(labels[i]));
      if (g_str_equal (keys[i], value))
        selected = i + 1;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_unref (list);
  g_object_set_data (G_OBJECT (row), "awp-keys", (gpointer) keys);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_edited), self, G_CONNECT_SWAPPED);
  gtk_widget_set_name (row, field);
  g_hash_table_insert (self->fields, g_strdup (field), row);
  return row;
}

static GtkWidget *
group (const char *title,
       const char *description)
{
  GtkWidget *g = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (g), description);
  return g;
}

static GtkWidget *
action_button (AwpChannelsPage *self,
               const char *label,
               const char *action,
               const char *target,
               const char *css)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  if (target != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (css != NULL)
    gtk_widget_add_css_class (button, css);
  awp_channels_gate (self, button, action);
  return button;
}

static GtkWidget *
button_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_halign (box, GTK_ALIGN_START);
  return box;
}

static void
add_message_label (AwpChannelsPage *self,
                   GtkBox          *box)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (box, label);
  self->message_label = GTK_LABEL (label);
}

static char *
due_text (JsonObject *data,
          const char *member,
          const char *norm)
{
  JsonObject *deadlines = NULL;
  g_autofree char *shown = NULL;

  if (json_object_has_member (data, "deadlines") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (data, "deadlines")))
    deadlines = json_object_get_object_member (data, "deadlines");
  if (deadlines == NULL || !json_object_has_member (deadlines, member))
    return NULL;
  shown = awp_channels_display_date (json_object_get_string_member (deadlines, member));
  /* TRANSLATORS: a date, then a norm id such as O93-5 */
  return g_strdup_printf (_("%s (%s)"), shown, norm);
}

static void
add_status (GtkBox     *box,
            JsonObject *data)
{
  const char *status = json_object_get_string_member_with_default (data, "status", "draft");
  GtkWidget *label = gtk_label_new (awp_state_label (status));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_name (label, "status");
  gtk_box_append (box, label);
}

static const char *const coverage_keys[] = { "republican", "regional", NULL };
static const char *const coverage_labels[] = { N_("Republican"), N_("Regional") };
static const char *const format_keys[] = { "online", "offline", "hybrid", NULL };
static const char *const format_labels[] = { N_("Online"), N_("Offline"), N_("Hybrid") };

static const char *
choice_label (const char        *value,
              const char *const *keys,
              const char *const *labels)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_strcmp0 (value, keys[i]) == 0)
      return _(labels[i]);
  return value;
}

static char *
attachments_text (JsonObject *data)
{
  GString *text = g_string_new (NULL);

  if (json_object_has_member (data, "attachments") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (data, "attachments")))
    {
      JsonArray *list = json_object_get_array_member (data, "attachments");

      /* The documents listed by name; attached files have their own list. */
      for (guint i = 0; i < json_array_get_length (list); i++)
        if (!awp_attachment_is_ref (json_array_get_element (list, i)))
          g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "",
                                  awp_attachment_entry_name (json_array_get_element (list, i)) ?: "");
    }
  return g_string_free (text, FALSE);
}

/* The documents attached as files (O93-3, Annex 1 "К заявке прилагаются"):
 * editable in a draft (kept under "attachment_files" in the fields table,
 * merged into "attachments" on save), read-only for the authorized body. */
static GtkWidget *
files_list (AwpChannelsPage *self,
            JsonObject      *data,
            gboolean         editable)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Attached files"));
  GtkWidget *list = awp_attachment_list_new ();
  g_autoptr(GPtrArray) refs = awp_attachment_refs (data);

  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_widget_set_name (list, "attachment_files");
  awp_attachment_list_set_store (AWP_ATTACHMENT_LIST (list), self->store);
  awp_attachment_list_set_editable (AWP_ATTACHMENT_LIST (list), editable);
  awp_attachment_list_set_attachments (AWP_ATTACHMENT_LIST (list), refs);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  gtk_box_append (GTK_BOX (box), list);
  if (editable)
    {
      g_hash_table_insert (self->fields, g_strdup ("attachment_files"), list);
      g_signal_connect_object (list, "changed", G_CALLBACK (on_edited), self, G_CONNECT_SWAPPED);
    }
  gtk_widget_set_visible (box, editable || refs->len > 0);
  return box;
}

static void
application_editor (AwpChannelsPage *self,
                    JsonObject      *data)
{
  GtkBox *box = self->application_detail;
  GtkWidget *g;
  GtkWidget *buttons;
  g_autofree char *attachments = attachments_text (data);

  g = group (_("Addressee and applicant"), _("Order No. 93-NK, Annex 1 (O93-3): sent through the SED"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), entry_row (self, "to_body", awp_accreditation_field_label ("to_body"), data));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), entry_row (self, "from_body_kk", awp_accreditation_field_label ("from_body_kk"), data));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), entry_row (self, "from_body_ru", awp_accreditation_field_label ("from_body_ru"), data));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), entry_row (self, "channel_name_kk", awp_accreditation_field_label ("channel_name_kk"), data));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), entry_row (self, "channel_name_ru", awp_accreditation_field_label ("channel_name_ru"), data));
  gtk_box_append (box, g);

  g = group (_("Information for accreditation"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                             entry_row (self, "instruction", _("1) Instruction on creating the channel (if any)"), data));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                             entry_row (self, "regulating_act", _("2) Act regulating the channel’s work (if any)"), data));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                             combo_row (self, "coverage", _("4) Coverage"), coverage_keys, coverage_labels, data));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                             combo_row (self, "format", _("5) Format of interaction"), format_keys, format_labels, data));
  gtk_box_append (box, g);
  gtk_box_append (box, text_area (self, "purpose", _("3) Functional purpose"),
                                  json_object_get_string_member_with_default (data, "purpose", "")));
  gtk_box_append (box, text_area (self, "resources", _("6) Infrastructure, staff and financial resources"),
                                  json_object_get_string_member_with_default (data, "resources", "")));
  gtk_box_append (box, text_area (self, "justification",
                                  _("7) Justification, incl. international experience and survey results"),
                                  json_object_get_string_member_with_default (data, "justification", "")));
  gtk_box_append (box, text_area (self, "other_info", _("Other information"),
                                  json_object_get_string_member_with_default (data, "other_info", "")));
  gtk_box_append (box, text_area (self, "attachments", _("Attachments, one per line"), attachments));
  gtk_box_append (box, files_list (self, data, TRUE));

  g = group (_("Signature"), _("Signed with the EDS of the deputy first head of the state body"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), entry_row (self, "signer", awp_accreditation_field_label ("signer"), data));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), date_row (self, "signed_on", awp_accreditation_field_label ("signed_on"), data));
  gtk_box_append (box, g);

  buttons = button_box ();
  gtk_box_append (GTK_BOX (buttons), action_button (self, _("_Save"), "channels.save", NULL, NULL));
  gtk_box_append (GTK_BOX (buttons), action_button (self, _("Se_nd to the authorized body"), "channels.send", NULL, "suggested-action"));
  gtk_box_append (box, buttons);
}

static void
application_summary (AwpChannelsPage *self,
                     JsonObject      *data)
{
  static const char *const fields[] = {
    "to_body", "from_body_kk", "from_body_ru", "channel_name_kk", "channel_name_ru", "instruction",
    "regulating_act", "purpose", "coverage", "format", "resources", "justification", "other_info", "signer",
  };
  GtkWidget *g = group (NULL, NULL);
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *attachments = attachments_text (data);
  g_autofree char *signed_on = awp_channels_display_date (json_object_get_string_member_with_default (data, "signed_on", NULL));
  g_autofree char *received = awp_channels_display_date (json_object_get_string_member_with_default (data, "received_on", NULL));
  g_autofree char *subtitle = g_strdup_printf (_("Received %s"), received);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Application (Annex 1)"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = json_object_get_string_member_with_default (data, fields[i], "");

      if (g_str_equal (fields[i], "coverage"))
        value = choice_label (value, coverage_keys, coverage_labels);
      else if (g_str_equal (fields[i], "format"))
        value = choice_label (value, format_keys, format_labels);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                awp_channels_info_row (awp_accreditation_field_label (fields[i]), value));
    }
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), awp_channels_info_row (awp_accreditation_field_label ("attachments"), attachments));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), awp_channels_info_row (awp_accreditation_field_label ("signed_on"), signed_on));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), expander);
  gtk_box_append (self->application_detail, g);
  gtk_box_append (self->application_detail, files_list (self, data, FALSE));
}

static void
review_form (AwpChannelsPage *self,
             JsonObject      *data)
{
  JsonObject *review = NULL;
  GtkWidget *g = group (_("Review against the criteria (O93-4)"),
                        _("Mark each criterion and note what the finding rests on."));
  GtkWidget *buttons;
  GtkWidget *reason;
  g_autofree char *due = due_text (data, "decide_by", "O93-5");

  if (json_object_has_member (data, "review") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (data, "review")))
    review = json_object_get_object_member (data, "review");
  for (guint i = 0; awp_accreditation_criteria[i] != NULL; i++)
    {
      const char *criterion = awp_accreditation_criteria[i];
      JsonObject *finding = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *comment = gtk_entry_new ();
      g_autofree char *check_key = g_strconcat ("review.", criterion, ".met", NULL);
      g_autofree char *comment_key = g_strconcat ("review.", criterion, ".comment", NULL);

      if (review != NULL && json_object_has_member (review, criterion)
          && JSON_NODE_HOLDS_OBJECT (json_object_get_member (review, criterion)))
        finding = json_object_get_object_member (review, criterion);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), awp_accreditation_criterion_title (criterion));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   finding != NULL && json_object_get_boolean_member_with_default (finding, "met", FALSE));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_editable_set_text (GTK_EDITABLE (comment),
                             finding != NULL ? json_object_get_string_member_with_default (finding, "comment", "") : "");
      gtk_entry_set_placeholder_text (GTK_ENTRY (comment), _("Comment"));
      gtk_widget_set_valign (comment, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (comment, 260, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), comment);
      g_hash_table_insert (self->fields, g_steal_pointer (&check_key), check);
      g_hash_table_insert (self->fields, g_steal_pointer (&comment_key), comment);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
    }
  gtk_box_append (self->application_detail, g);

  g = group (_("Decision (O93-5)"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), awp_channels_info_row (_("Decision due"), due));
  reason = entry_row (self, "decision_reason", _("Reasons for a refusal"), data);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), reason);
  gtk_box_append (self->application_detail, g);
  buttons = button_box ();
  gtk_box_append (GTK_BOX (buttons), action_button (self, _("Save the _review"), "channels.review", NULL, NULL));
  gtk_box_append (GTK_BOX (buttons), action_button (self, _("_Accredit"), "channels.accredit", NULL, "suggested-action"));
  gtk_box_append (GTK_BOX (buttons), action_button (self, _("_Refuse"), "channels.refuse", NULL, "destructive-action"));
  gtk_box_append (self->application_detail, buttons);
}

static void
decision_summary (AwpChannelsPage *self,
                  JsonObject      *data)
{
  GtkWidget *g = group (_("Decision (O93-5) and notice (O93-6)"), NULL);
  g_autofree char *decided = awp_channels_display_date (json_object_get_string_member_with_default (data, "decided_on", NULL));
  g_autofree char *notified = awp_channels_display_date (json_object_get_string_member_with_default (data, "notified_on", NULL));
  g_autofree char *notify_by = due_text (data, "notify_by", "O93-6");
  GtkWidget *buttons = button_box ();

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                             awp_channels_info_row (_("Decision"), awp_state_label (json_object_get_string_member_with_default (data, "status", ""))));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), awp_channels_info_row (_("Decided on"), decided));
  if (json_object_has_member (data, "decision_reason"))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                               awp_channels_info_row (_("Reasons for the refusal"),
                                                      json_object_get_string_member_with_default (data, "decision_reason", "")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), awp_channels_info_row (_("Applicant to be notified by"), notify_by));
  if (notified[0] != '\0')
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), awp_channels_info_row (_("Applicant notified on"), notified));
  else
    gtk_box_append (GTK_BOX (buttons), action_button (self, _("Applicant _notified"), "channels.notified", NULL, NULL));
  if (json_object_has_member (data, "channel_id"))
    gtk_box_append (GTK_BOX (buttons),
                    action_button (self, _("Show in the _Registry"), "channels.show-entry",
                                   json_object_get_string_member (data, "channel_id"), NULL));
  gtk_box_append (self->application_detail, g);
  gtk_box_append (self->application_detail, buttons);
}

void
awp_channels_show_application (AwpChannelsPage *self,
                               const char      *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = NULL;
  GtkBox *box = self->application_detail;
  const char *status;
  const char *name;
  GtkWidget *docs;

  /* What was typed in the document on screen is kept first. */
  awp_channels_flush (self);
  self->editable = FALSE;
  data = awp_channels_load (self->store, id, "accreditation_application", &error);
  awp_channels_clear_box (box);
  g_hash_table_remove_all (self->fields);
  self->message_label = NULL;
  if (data == NULL)
    {
      gtk_box_append (box, awp_channels_heading (error->message, "error"));
      return;
    }
  if (id != self->open_id)  /* @id may be self->open_id itself */
    {
      g_free (self->open_id);
      self->open_id = g_strdup (id);
    }
  g_free (self->open_type);
  self->open_type = g_strdup ("accreditation_application");
  status = json_object_get_string_member_with_default (data, "status", "draft");
  g_free (self->shown_status);
  self->shown_status = g_strdup (status);
  name = json_object_get_string_member_with_default (data, "channel_name_ru", "");
  gtk_box_append (box, awp_channels_heading (name[0] != '\0' ? name : _("New accreditation application"), "title-2"));
  add_status (box, data);
  add_message_label (self, box);
  self->editable = g_str_equal (status, "draft");
  if (g_str_equal (status, "draft"))
    application_editor (self, data);
  else
    {
      /* The decision first, the application it rests on below. */
      if (g_str_equal (status, "sent"))
        review_form (self, data);
      else
        decision_summary (self, data);
      application_summary (self, data);
    }
  docs = button_box ();
  gtk_box_append (GTK_BOX (docs), action_button (self, _("PDF in _Russian…"), "channels.pdf", "ru", NULL));
  gtk_box_append (GTK_BOX (docs), action_button (self, _("PDF in _Kazakh…"), "channels.pdf", "kk", NULL));
  gtk_box_append (GTK_BOX (docs), action_button (self, _("_Print…"), "channels.print", "ru", NULL));
  gtk_box_append (box, docs);
}

/* The side-by-side difference of the current content and the new wording. */
void
awp_channels_update_diff (AwpChannelsPage *self)
{
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  GtkWidget *entry;
  GString *old_side, *new_side;
  const char *wording;

  if (self->diff_old == NULL || self->open_id == NULL)
    return;
  data = awp_channels_load (self->store, self->open_id, "change_request", NULL);
  if (data == NULL)
    return;
  entry = g_hash_table_lookup (self->fields, "new_value");
  wording = entry != NULL ? gtk_editable_get_text (GTK_EDITABLE (entry))
                          : json_object_get_string_member_with_default (data, "new_value", "");
  spans = awp_text_diff (json_object_get_string_member_with_default (data, "current_value", ""), wording);
  old_side = g_string_new (NULL);
  new_side = g_string_new (NULL);
  for (guint i = 0; i < spans->len; i++)
    {
      AwpDiffSpan *span = g_ptr_array_index (spans, i);
      g_autofree char *text = g_markup_escape_text (span->text, -1);

      switch (span->kind)
        {
        case AWP_DIFF_SAME:
          g_string_append (old_side, text);
          g_string_append (new_side, text);
          break;
        case AWP_DIFF_REMOVED:
          g_string_append_printf (old_side, "<span background=\"#f6c6c6\" strikethrough=\"true\">%s</span>", text);
          break;
        case AWP_DIFF_ADDED:
          g_string_append_printf (new_side, "<span background=\"#c4ecc4\" underline=\"single\">%s</span>", text);
          break;
        }
    }
  gtk_label_set_markup (self->diff_old, old_side->str);
  gtk_label_set_markup (self->diff_new, new_side->str);
  g_string_free (old_side, TRUE);
  g_string_free (new_side, TRUE);
}

static GtkWidget *
diff_column (const char  *title,
             GtkLabel   **label_out)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 10);
  gtk_widget_set_margin_end (label, 10);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_size_request (label, -1, 48);
  gtk_frame_set_child (GTK_FRAME (frame), label);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_widget_set_hexpand (box, TRUE);
  *label_out = GTK_LABEL (label);
  return box;
}

static void
on_wording_changed (AwpChannelsPage *self)
{
  awp_channels_update_diff (self);
}

static void
request_signature (AwpChannelsPage *self,
                   JsonObject      *data)
{
  GtkWidget *g = group (_("Signature"), _("Signed with the EDS of the deputy first head of the state body"));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), entry_row (self, "signer", awp_accreditation_field_label ("signer"), data));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), date_row (self, "signed_on", awp_accreditation_field_label ("signed_on"), data));
  gtk_box_append (self->request_detail, g);
}

static void
request_decision (AwpChannelsPage *self,
                  JsonObject      *data,
                  gboolean         can_refuse,
                  const char      *apply_label)
{
  const char *status = json_object_get_string_member_with_default (data, "status", "draft");
  GtkWidget *buttons = button_box ();
  GtkWidget *g;

  if (g_str_equal (status, "draft"))
    {
      request_signature (self, data);
      gtk_box_append (GTK_BOX (buttons), action_button (self, _("_Save"), "channels.save", NULL, NULL));
      gtk_box_append (GTK_BOX (buttons), action_button (self, _("Se_nd to the authorized body"), "channels.send", NULL,
                                                        "suggested-action"));
    }
  else if (g_str_equal (status, "sent"))
    {
      g_autofree char *due = due_text (data, "apply_by", "O93-13");

      g = group (_("Entry into the Registry (O93-13)"), NULL);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), awp_channels_info_row (_("To be entered by"), due));
      if (can_refuse)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), entry_row (self, "decision_reason", _("Reasons for a refusal"), data));
      gtk_box_append (self->request_detail, g);
      gtk_box_append (GTK_BOX (buttons), action_button (self, apply_label, "channels.apply", NULL, "suggested-action"));
      if (can_refuse)
        gtk_box_append (GTK_BOX (buttons), action_button (self, _("_Refuse"), "channels.refuse", NULL, "destructive-action"));
    }
  else
    {
      g_autofree char *applied = awp_channels_display_date (json_object_get_string_member_with_default (data, "applied_on", NULL));

      g = group (_("Result"), NULL);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), awp_channels_info_row (_("Status"), awp_state_label (status)));
      if (applied[0] != '\0')
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), awp_channels_info_row (_("Entered into the Registry on"), applied));
      if (json_object_has_member (data, "decision_reason"))
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                   awp_channels_info_row (_("Reasons for the refusal"),
                                                          json_object_get_string_member_with_default (data, "decision_reason", "")));
      gtk_box_append (self->request_detail, g);
    }
  gtk_box_append (self->request_detail, buttons);
}

void
awp_channels_show_request (AwpChannelsPage *self,
                           const char      *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(JsonObject) entry = NULL;
  GtkBox *box = self->request_detail;
  JsonObject *data;
  const char *type;
  gboolean draft;

  awp_channels_flush (self);
  self->editable = FALSE;
  record = awp_store_get_record (self->store, id, &error);
  awp_channels_clear_box (box);
  g_hash_table_remove_all (self->fields);
  self->message_label = NULL;
  self->diff_old = self->diff_new = NULL;
  if (record == NULL)
    {
      gtk_box_append (box, awp_channels_heading (error->message, "error"));
      return;
    }
  type = json_object_get_string_member (record, "type");
  data = json_object_get_object_member (record, "data");
  if (id != self->open_id)  /* @id may be self->open_id itself */
    {
      g_free (self->open_id);
      self->open_id = g_strdup (id);
    }
  g_free (self->open_type);
  self->open_type = g_strdup (type);
  draft = g_str_equal (json_object_get_string_member_with_default (data, "status", "draft"), "draft");
  self->editable = draft;
  g_free (self->shown_status);
  self->shown_status = g_strdup (json_object_get_string_member_with_default (data, "status", "draft"));
  entry = awp_registry_get_entry (self->store, json_object_get_string_member_with_default (data, "channel_id", NULL), NULL);

  if (g_str_equal (type, "change_request"))
    {
      const char *field = json_object_get_string_member_with_default (data, "field", "");
      GtkWidget *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      g_autofree char *line = NULL;

      gtk_box_append (box, awp_channels_heading (_("Change to the Registry (Annex 3, O93-11)"), "title-2"));
      add_status (box, data);
      add_message_label (self, box);
      line = g_strdup_printf ("№ %s · %s", entry != NULL ? awp_registry_number_label (entry) : "",
                              awp_registry_field_title (field, ui_registry_lang ()));
      gtk_box_append (box, awp_channels_heading (line, "heading"));
      gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
      gtk_box_append (GTK_BOX (sides), diff_column (_("Current content"), &self->diff_old));
      gtk_box_append (GTK_BOX (sides), diff_column (_("New wording"), &self->diff_new));
      gtk_box_append (box, sides);
      if (draft)
        {
          GtkWidget *g = group (_("The change"), NULL);
          GtkWidget *wording = entry_row (self, "new_value", _("New wording"), data);

          g_signal_connect_object (wording, "changed", G_CALLBACK (on_wording_changed), self, G_CONNECT_SWAPPED);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), wording);
          gtk_box_append (box, g);
          gtk_box_append (box, text_area (self, "grounds", _("Grounds for the change"),
                                          json_object_get_string_member_with_default (data, "grounds", "")));
          gtk_box_append (box, files_list (self, data, TRUE));
        }
      else
        {
          GtkWidget *g = group (_("Grounds"), NULL);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                     awp_channels_info_row (_("Grounds for the change"),
                                                            json_object_get_string_member_with_default (data, "grounds", "")));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                     awp_channels_info_row (awp_accreditation_field_label ("signer"),
                                                            json_object_get_string_member_with_default (data, "signer", "")));
          gtk_box_append (box, g);
          gtk_box_append (box, files_list (self, data, FALSE));
        }
      awp_channels_update_diff (self);
      request_decision (self, data, TRUE, _("_Enter into the Registry"));
    }
  else
    {
      g_autofree char *line = NULL;

      gtk_box_append (box, awp_channels_heading (_("Notice of termination (O93-12)"), "title-2"));
      add_status (box, data);
      add_message_label (self, box);
      line = g_strdup_printf ("№ %s · %s", entry != NULL ? awp_registry_number_label (entry) : "",
                              entry != NULL ? json_object_get_string_member_with_default (entry, ui_registry_lang ()[0] == 'k'
                                                                                          ? "name_kk" : "name_ru", "") : "");
      gtk_box_append (box, awp_channels_heading (line, "heading"));
      if (draft)
        gtk_box_append (box, text_area (self, "text", _("Text of the notice"),
                                        json_object_get_string_member_with_default (data, "text", "")));
      else
        {
          GtkWidget *g = group (_("Notice"), NULL);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                     awp_channels_info_row (_("Text of the notice"),
                                                            json_object_get_string_member_with_default (data, "text", "")));
          gtk_box_append (box, g);
        }
      request_decision (self, data, FALSE, _("_Exclude from the Registry"));
    }
  /* The document itself for the SED: Annex 3 (O93-11) or the notice (O93-12). */
  {
    GtkWidget *docs = button_box ();

    gtk_box_append (GTK_BOX (docs), action_button (self, _("PDF in _Russian…"), "channels.pdf", "ru", NULL));
    gtk_box_append (GTK_BOX (docs), action_button (self, _("PDF in _Kazakh…"), "channels.pdf", "kk", NULL));
    gtk_box_append (GTK_BOX (docs), action_button (self, _("_Print…"), "channels.print", "ru", NULL));
    gtk_box_append (box, docs);
  }
}

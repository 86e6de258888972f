#include "config.h"

#include <string.h>
#include <time.h>
#include <glib/gi18n.h>

#include "awp-attachment-list.h"
#include "awp-meeting-detail.h"
#include "awp-meeting-editor.h"
#include "awp-meeting-import-dialog.h"
#include "awp-meeting-print.h"
#include "awp-meeting-store.h"
#include "awp-validate.h"
#include "awp-window.h"

struct _AwpMeetingDetail
{
  AdwWindow parent_instance;

  /* Template Widgets */
  AdwViewStack        *view_stack;
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *facts_group;
  AdwPreferencesGroup *deadlines_group;
  GtkButton           *hold_button;
  GtkToggleButton     *kk_button;
  GtkToggleButton     *ru_button;
  GtkLabel            *announcement_state;
  GtkTextView         *announcement_view;
  GtkEntry            *announcement_link;
  GtkEntry            *announcement_date;
  GtkLabel            *seats_label;
  GtkListBox          *registrations_list;
  GtkEntry            *reg_surname;
  GtkEntry            *reg_name;
  GtkEntry            *reg_patronymic;
  GtkEntry            *reg_year;
  GtkEntry            *reg_contact;
  GtkEntry            *reg_received;
  GtkDropDown         *reg_channel;
  GtkLabel            *comments_label;
  GtkListBox          *comments_list;
  GtkEntry            *comment_author;
  GtkEntry            *comment_text;
  GtkLabel            *results_state;
  GtkTextView         *decision_view;
  AwpAttachmentList   *decision_files;   /* O605-14: the decision, transcript, minutes */
  AwpAttachmentList   *transcript_files;
  AwpAttachmentList   *minutes_files;
  AdwEntryRow         *results_link_row;

  /* Owned References */
  AwpStore            *store;
  char                *meeting_id;
  char                *org_id;
  JsonObject          *data;
  GPtrArray           *rows;          /* rows added to the two groups, to remove on refresh */
  char                *last_message;
  guint                refresh_source;
  AwpCalendar         *calendar;      /* for the day-by-day explanations; may be NULL */
  AwpRuleSet          *rules;
};

G_DEFINE_FINAL_TYPE (AwpMeetingDetail, awp_meeting_detail, ADW_TYPE_WINDOW)

static void refresh (AwpMeetingDetail *self);

static void
today (GDate *date)
{
  const char *env = g_getenv ("AWP_TODAY");

  if (env == NULL || !awp_calendar_parse_date (env, "AWP_TODAY", date, NULL))
    g_date_set_time_t (date, time (NULL));
}

static void
toast (AwpMeetingDetail *self,
       const char       *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 6);
  /* The newest result replaces an older toast instead of queueing behind it. */
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  g_free (self->last_message);
  self->last_message = g_strdup (message);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}


static char *
entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static void
add_row (AwpMeetingDetail    *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         const char          *css_class)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  if (css_class != NULL)
    gtk_widget_add_css_class (row, css_class);
  adw_preferences_group_add (group, row);
  g_object_set_data (G_OBJECT (row), "awp-group", group);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (AwpMeetingDetail *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];

      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "awp-group"), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const char *
str (JsonObject *object,
     const char *member)
{
  return object != NULL ? json_object_get_string_member_with_default (object, member, NULL) : NULL;
}

static JsonObject *
obj (JsonObject *object,
     const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
fill_overview (AwpMeetingDetail *self)
{
  JsonObject *data = self->data;
  JsonObject *person = obj (data, "responsible");
  JsonObject *emergency = obj (data, "emergency");
  g_autoptr(GPtrArray) issues = awp_meeting_check (data);
  g_autoptr(GString) languages = g_string_new (NULL);
  g_autofree char *when = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *contact = NULL;
  const AwpRegion *region = awp_meeting_region_find (str (data, "region"));
  JsonArray *agenda = json_object_has_member (data, "agenda") ? json_object_get_array_member (data, "agenda") : NULL;
  JsonArray *langs = json_object_has_member (data, "languages") ? json_object_get_array_member (data, "languages") : NULL;
  g_autoptr(GString) agenda_text = g_string_new (NULL);
  GDate date, now;

  today (&now);
  if (awp_meeting_get_date (data, &date))
    {
      g_autofree char *day = awp_calendar_format_day (&date);

      when = g_strdup_printf ("%s, %s", day, str (data, "time") ? str (data, "time") : "");
    }
  add_row (self, self->facts_group, _("Status"), awp_meeting_status_label (str (data, "status")), NULL);
  add_row (self, self->facts_group, _("Collegial body"), str (data, "body"), NULL);
  add_row (self, self->facts_group, _("Date and time"), when, NULL);
  add_row (self, self->facts_group, _("Region"), region ? awp_region_get_name (region) : _("Republican (no region)"), NULL);
  add_row (self, self->facts_group, _("Format"), awp_meeting_format_label (str (data, "format")), NULL);
  if (emergency != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Switched from “%s” to online: %s (Rules No. 605-NK, para. 6)"),
                                               awp_meeting_format_label (str (emergency, "previous_format")),
                                               str (emergency, "ground"));

      add_row (self, self->facts_group, _("Emergency"), text, "warning");
    }
  add_row (self, self->facts_group, _("Place"), str (data, "place"), NULL);
  for (guint i = 0; langs != NULL && i < json_array_get_length (langs); i++)
    g_string_append_printf (languages, "%s%s", i ? ", " : "",
                            g_strcmp0 (json_array_get_string_element (langs, i), "kk") == 0 ? _("Kazakh") : _("Russian"));
  add_row (self, self->facts_group, _("Language"), languages->str, NULL);
  for (guint i = 0; agenda != NULL && i < json_array_get_length (agenda); i++)
    g_string_append_printf (agenda_text, "%s%u. %s", i ? "\n" : "", i + 1, json_array_get_string_element (agenda, i));
  add_row (self, self->facts_group, _("Agenda"), agenda_text->str, NULL);
  phone = str (person, "phone") ? awp_validate_format_phone (str (person, "phone")) : NULL;
  contact = g_strdup_printf ("%s, %s, %s", str (person, "name") ? str (person, "name") : "",
                             phone ? phone : "", str (person, "email") ? str (person, "email") : "");
  add_row (self, self->facts_group, _("Responsible person"), contact, NULL);
  if (str (data, "broadcast_url") != NULL && *str (data, "broadcast_url") != '\0')
    add_row (self, self->facts_group, _("Broadcast link"), str (data, "broadcast_url"), NULL);
  if (json_object_get_boolean_member_with_default (data, "closed", FALSE))
    add_row (self, self->facts_group, _("Closed meeting"), str (data, "closed_ground"), NULL);
  for (guint i = 0; i < issues->len; i++)
    add_row (self, self->facts_group, _("To fix"), ((AwpMeetingIssue *) issues->pdata[i])->message, "error");

  /* Loaded once per window: a refresh follows every store change. */
  if (self->calendar == NULL)
    self->calendar = awp_calendar_new_default (NULL);
  if (self->rules == NULL)
    self->rules = awp_rule_set_new_default (NULL);
  for (guint i = 0; i < AWP_MEETING_N_DEADLINES; i++)
    {
      AwpMeetingDeadlineState state = awp_meeting_deadline_state (data, i, &now, NULL);
      g_autofree char *text = awp_meeting_describe_deadline (data, i, &now);
      g_autofree char *why = NULL;
      GtkWidget *row;

      if (text == NULL)
        continue;
      if (self->calendar != NULL && self->rules != NULL && awp_meeting_get_date (data, &date))
        why = awp_deadline_explain (self->rules, self->calendar, awp_meeting_deadline_norm (i), &date, NULL);
      add_row (self, self->deadlines_group, text, NULL,
               state == AWP_MEETING_DEADLINE_OVERDUE || state == AWP_MEETING_DEADLINE_DONE_LATE ? "error"
               : state == AWP_MEETING_DEADLINE_DONE ? "success" : NULL);
      row = self->rows->pdata[self->rows->len - 1];
      /* The day-by-day reasoning, for whoever asks "why that day?". */
      if (why != NULL)
        gtk_widget_set_tooltip_text (row, why);
      /* The row says the rule; the tooltip walks through the days. */
      if (why != NULL)
        {
          g_autofree char *rule = g_strndup (why, strcspn (why, "\n"));

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rule);
        }
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.hold", g_strcmp0 (str (data, "status"), "announced") == 0);
}

static void
fill_announcement (AwpMeetingDetail *self)
{
  const char *language = gtk_toggle_button_get_active (self->ru_button) ? "ru" : "kk";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = awp_meeting_announcement (self->data, language, &error);
  GDate now, due;
  AwpMeetingDeadlineState state;
  g_autofree char *state_text = NULL;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->announcement_view),
                            text ? text : error->message, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.copy-announcement", text != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.print-announcement", text != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.announce",
                                 text != NULL && g_strcmp0 (str (self->data, "status"), "planned") == 0);

  today (&now);
  state = awp_meeting_deadline_state (self->data, AWP_MEETING_DEADLINE_ANNOUNCE, &now, &due);
  state_text = awp_meeting_describe_deadline (self->data, AWP_MEETING_DEADLINE_ANNOUNCE, &now);
  if (str (self->data, "announcement_url") != NULL)
    {
      g_autofree char *with_link = g_strdup_printf ("%s — %s", state_text, str (self->data, "announcement_url"));

      gtk_label_set_text (self->announcement_state, with_link);
    }
  else
    gtk_label_set_text (self->announcement_state, state_text ? state_text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->announcement_state), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->announcement_state), "success");
  if (state == AWP_MEETING_DEADLINE_OVERDUE || state == AWP_MEETING_DEADLINE_DONE_LATE)
    gtk_widget_add_css_class (GTK_WIDGET (self->announcement_state), "error");
  else if (state == AWP_MEETING_DEADLINE_DONE)
    gtk_widget_add_css_class (GTK_WIDGET (self->announcement_state), "success");
}

static GtkWidget *
person_row (JsonObject *record,
            guint       n,
            gboolean    waiting)
{
  JsonObject *data = json_object_get_object_member (record, "data");
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%u. %s", n, str (data, "requester") ? str (data, "requester") : "");
  g_autofree char *subtitle = NULL;
  const char *received = str (data, "received_on");
  g_autofree char *received_text = NULL;
  g_autofree char *contact = NULL;
  GDate day;

  if (received != NULL && awp_calendar_parse_date (received, "received_on", &day, NULL))
    received_text = awp_calendar_format_date (&day);
  /* TRANSLATORS: year of birth, contact, date received */
  contact = str (data, "contact") ? awp_validate_format_phone (str (data, "contact")) : NULL;
  subtitle = g_strdup_printf (_("born %d · %s · received %s"),
                              (int) json_object_get_int_member_with_default (data, "birth_year", 0),
                              contact ? contact : str (data, "contact") ? str (data, "contact") : "",
                              received_text ? received_text : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (json_object_get_boolean_member_with_default (data, "late", FALSE))
    {
      GtkWidget *late = gtk_label_new (_("Late (Rules No. 605-NK, para. 9)"));

      gtk_widget_add_css_class (late, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), late);
    }
  {
    GtkWidget *seat = gtk_label_new (waiting ? _("Waiting list") : _("Seat"));

    gtk_widget_add_css_class (seat, waiting ? "warning" : "dim-label");
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), seat);
  }
  return row;
}

static void
fill_registrations (AwpMeetingDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpSeatPlan) plan = NULL;
  g_autofree char *seats = NULL;

  clear_list (self->registrations_list);
  plan = awp_meeting_seat_plan (self->store, self->meeting_id, self->org_id, &error);
  if (plan == NULL)
    {
      gtk_label_set_text (self->seats_label, error->message);
      return;
    }
  for (guint i = 0; i < plan->seated->len; i++)
    gtk_list_box_append (self->registrations_list, person_row (plan->seated->pdata[i], i + 1, FALSE));
  for (guint i = 0; i < plan->waiting->len; i++)
    gtk_list_box_append (self->registrations_list, person_row (plan->waiting->pdata[i], plan->seated->len + i + 1, TRUE));
  /* TRANSLATORS: seats taken, seats prepared, waiting, late (Rules No. 605-NK, para. 9-10) */
  seats = g_strdup_printf (_("Seats: %u of %u taken · waiting list: %u · late applications: %u"),
                           plan->seated->len, plan->capacity, plan->waiting->len, plan->n_late);
  gtk_label_set_text (self->seats_label, seats);
}

static void
on_answer_clicked (GtkButton        *button,
                   AwpMeetingDetail *self)
{
  GtkEntry *entry = g_object_get_data (G_OBJECT (button), "awp-entry");
  const char *comment_id = g_object_get_data (G_OBJECT (button), "awp-comment-id");
  g_autofree char *answer = entry_text (entry);
  g_autoptr(GError) error = NULL;

  if (!awp_meeting_answer_comment (self->store, comment_id, answer, awp_window_actor_for (GTK_WINDOW (self)), &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      toast (self, error->message);
      return;
    }
  toast (self, _("Answer saved"));
}

static GtkWidget *
comment_row (AwpMeetingDetail *self,
             JsonObject       *record)
{
  JsonObject *data = json_object_get_object_member (record, "data");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *head = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (str (data, "text"));
  const char *answer = str (data, "answer");
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", str (data, "author") ? str (data, "author") : "");

  gtk_label_set_markup (GTK_LABEL (head), markup);
  gtk_label_set_xalign (GTK_LABEL (head), 0);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), text);
  if (answer != NULL && *answer != '\0')
    {
      g_autofree char *line = g_strdup_printf (_("Answer: %s"), answer);
      GtkWidget *label = gtk_label_new (line);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "success");
      gtk_box_append (GTK_BOX (box), label);
    }
  else
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Answer"));

      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Answer (Rules No. 605-NK, para. 13)"));
      gtk_widget_set_hexpand (entry, TRUE);
      g_object_set_data (G_OBJECT (button), "awp-entry", entry);
      g_object_set_data_full (G_OBJECT (button), "awp-comment-id",
                              g_strdup (json_object_get_string_member (record, "id")), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_answer_clicked), self, 0);
      gtk_box_append (GTK_BOX (line), entry);
      gtk_box_append (GTK_BOX (line), button);
      gtk_box_append (GTK_BOX (box), line);
    }
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return box;
}

static void
fill_comments (AwpMeetingDetail *self)
{
  g_autoptr(GPtrArray) comments = awp_meeting_list_children (self->store, self->meeting_id, "meeting_comment", NULL);
  guint unanswered = 0;
  g_autofree char *text = NULL;

  clear_list (self->comments_list);
  for (guint i = 0; comments != NULL && i < comments->len; i++)
    {
      JsonObject *data = json_object_get_object_member (comments->pdata[i], "data");

      unanswered += str (data, "answer") == NULL || *str (data, "answer") == '\0';
      gtk_list_box_append (self->comments_list, comment_row (self, comments->pdata[i]));
    }
  text = g_strdup_printf (ngettext ("%u comment, %u without an answer (Rules No. 605-NK, para. 13)",
                                       "%u comments, %u without an answer (Rules No. 605-NK, para. 13)",
                                       comments ? comments->len : 0),
                          comments ? comments->len : 0, unanswered);
  gtk_label_set_text (self->comments_label, text);
}

static void
fill_results (AwpMeetingDetail *self)
{
  g_autofree char *state = NULL;
  JsonObject *results = obj (self->data, "results");
  GDate now;

  today (&now);
  state = awp_meeting_describe_deadline (self->data, AWP_MEETING_DEADLINE_RESULTS, &now);
  if (results != NULL)
    {
      g_autofree char *with_link = g_strdup_printf ("%s — %s", state, str (results, "link"));
      JsonArray *attachments = json_object_has_member (results, "attachments")
                               ? json_object_get_array_member (results, "attachments") : NULL;

      gtk_label_set_text (self->results_state, with_link);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->decision_view), str (results, "decision"), -1);
      gtk_editable_set_text (GTK_EDITABLE (self->results_link_row), str (results, "link") ? str (results, "link") : "");
      g_autoptr(GPtrArray) decision = g_ptr_array_new ();
      g_autoptr(GPtrArray) transcript = g_ptr_array_new ();
      g_autoptr(GPtrArray) minutes = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_attachment_free);

      /* Files by their kind; older results named files only, without a file. */
      g_ptr_array_set_free_func (decision, (GDestroyNotify) awp_attachment_free);
      g_ptr_array_set_free_func (transcript, (GDestroyNotify) awp_attachment_free);
      for (guint i = 0; attachments != NULL && i < json_array_get_length (attachments); i++)
        {
          AwpAttachment *a = awp_attachment_from_json (json_array_get_element (attachments, i));
          GPtrArray *to = a == NULL ? NULL : g_strcmp0 (a->kind, "decision") == 0 ? decision
                          : g_strcmp0 (a->kind, "transcript") == 0 ? transcript
                          : g_strcmp0 (a->kind, "minutes") == 0 ? minutes : NULL;

          if (to != NULL)
            g_ptr_array_add (to, a);
          else
            awp_attachment_free (a);
        }
      awp_attachment_list_set_attachments (self->decision_files, decision);
      awp_attachment_list_set_attachments (self->transcript_files, transcript);
      awp_attachment_list_set_attachments (self->minutes_files, minutes);
    }
  /* Unpublished: the files added so far stay while the record changes. */
  /* What is published stays as published. */
  gtk_text_view_set_editable (self->decision_view, results == NULL);
  awp_attachment_list_set_editable (self->decision_files, results == NULL);
  awp_attachment_list_set_editable (self->transcript_files, results == NULL);
  awp_attachment_list_set_editable (self->minutes_files, results == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->results_link_row), results == NULL);
  if (results == NULL)
    gtk_label_set_text (self->results_state, state ? state : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.publish-results",
                                 g_strcmp0 (str (self->data, "status"), "held") == 0);
}

static void
refresh (AwpMeetingDetail *self)
{
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GError) error = NULL;
  const char *title;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  record = awp_store_get_record (self->store, self->meeting_id, &error);
  if (record == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->data, json_object_unref);
  self->data = json_object_ref (json_object_get_object_member (record, "data"));
  title = str (self->data, "title") ? str (self->data, "title") : str (self->data, "subject");
  gtk_window_set_title (GTK_WINDOW (self), title ? title : _("Meeting"));

  clear_rows (self);
  fill_overview (self);
  fill_announcement (self);
  fill_registrations (self);
  fill_comments (self);
  fill_results (self);
}

static gboolean
refresh_idle (gpointer user_data)
{
  AwpMeetingDetail *self = user_data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_record_changed (AwpMeetingDetail *self,
                   const char       *id)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle, self);
}

static void
on_language_toggled_cb (AwpMeetingDetail *self)
{
  if (self->data != NULL)
    fill_announcement (self);
}

char *
awp_meeting_detail_dup_announcement (AwpMeetingDetail *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->announcement_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
copy_announcement_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  AwpMeetingDetail *self = AWP_MEETING_DETAIL (widget);
  g_autofree char *text = awp_meeting_detail_dup_announcement (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  toast (self, _("Announcement copied"));
}

static void
print_announcement_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  AwpMeetingDetail *self = AWP_MEETING_DETAIL (widget);
  g_autofree char *text = awp_meeting_detail_dup_announcement (self);
  g_autoptr(GError) error = NULL;

  if (!awp_meeting_print_text (GTK_WINDOW (self), _("Announcement"), text, NULL, &error))
    toast (self, error->message);
}

static void
print_participants_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  AwpMeetingDetail *self = AWP_MEETING_DETAIL (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = awp_meeting_participants_text (self->store, self->meeting_id, &error);

  if (text == NULL || !awp_meeting_print_text (GTK_WINDOW (self), _("List of participants"), text, NULL, &error))
    toast (self, error->message);
}

static gboolean
read_date (GtkEntry    *entry,
           const char  *label,
           GDate       *out,
           GError     **error)
{
  g_autofree char *text = entry_text (entry);

  if (*text == '\0')
    {
      today (out);
      return TRUE;
    }
  if (!awp_validate_date (text, label, out, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  return TRUE;
}

static void
announce_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  AwpMeetingDetail *self = AWP_MEETING_DETAIL (widget);
  g_autofree char *link = entry_text (self->announcement_link);
  g_autoptr(GError) error = NULL;
  gboolean late = FALSE;
  GDate on;

  if (!read_date (self->announcement_date, _("Date published"), &on, &error)
      || !awp_meeting_announce (self->store, self->meeting_id, link, &on, awp_window_actor_for (GTK_WINDOW (self)), &late, &error))
    {
      if (error->domain == AWP_MEETING_ERROR && error->code == AWP_MEETING_ERROR_INVALID)
        gtk_widget_add_css_class (GTK_WIDGET (self->announcement_link), "error");
      toast (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->announcement_link), "error");
  toast (self, late ? _("Announcement published late (Rules No. 605-NK, para. 8)") : _("Announcement published on time"));
}

static void
hold_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AwpMeetingDetail *self = AWP_MEETING_DETAIL (widget);
  g_autoptr(GError) error = NULL;

  if (!awp_meeting_hold (self->store, self->meeting_id, awp_window_actor_for (GTK_WINDOW (self)), &error))
    toast (self, error->message);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AwpMeetingDetail *self = AWP_MEETING_DETAIL (widget);
  AwpMeetingEditor *editor = awp_meeting_editor_new (GTK_WINDOW (self), self->store, self->meeting_id, self->org_id, NULL);

  gtk_window_present (GTK_WINDOW (editor));
}

static void
export_ics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  AwpMeetingDetail *self = AWP_MEETING_DETAIL (widget);
  const char *ids[] = { self->meeting_id, NULL };
  g_autofree char *name = g_strdup_printf ("%s.ics", str (self->data, "date") ? str (self->data, "date") : "meeting");

  awp_meeting_save_ics (GTK_WINDOW (self), self->store, ids, name);
}

static void
register_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  AwpMeetingDetail *self = AWP_MEETING_DETAIL (widget);
  g_autoptr(JsonObject) application = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *surname = entry_text (self->reg_surname);
  g_autofree char *name = entry_text (self->reg_name);
  g_autofree char *patronymic = entry_text (self->reg_patronymic);
  g_autofree char *year = entry_text (self->reg_year);
  g_autofree char *contact = entry_text (self->reg_contact);
  g_autofree char *received = NULL;
  g_autofree char *id = NULL;
  GtkEntry *entries[] = { self->reg_surname, self->reg_name, self->reg_patronymic, self->reg_year,
                          self->reg_contact, self->reg_received };
  GDate day;
  gint64 year_number = 0;

  if (!read_date (self->reg_received, _("Date received"), &day, &error))
    {
      toast (self, error->message);
      return;
    }
  received = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));
  json_object_set_string_member (application, "surname", surname);
  json_object_set_string_member (application, "name", name);
  if (*patronymic != '\0')
    json_object_set_string_member (application, "patronymic", patronymic);
  if (g_ascii_string_to_signed (year, 10, 0, 9999, &year_number, NULL))
    json_object_set_int_member (application, "birth_year", year_number);
  json_object_set_string_member (application, "contact", contact);
  json_object_set_string_member (application, "received_on", received);
  json_object_set_string_member (application, "channel",
                                 gtk_drop_down_get_selected (self->reg_channel) == 1 ? "electronic" : "paper");
  id = awp_meeting_register (self->store, self->meeting_id, application, awp_window_actor_for (GTK_WINDOW (self)), &error);
  if (id == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (entries[i]), "");
      gtk_widget_remove_css_class (GTK_WIDGET (entries[i]), "error");
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->reg_surname));
  toast (self, _("Application registered"));
}

static void
on_csv_chosen (GtkNativeDialog  *dialog,
               int               response,
               AwpMeetingDetail *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = file ? g_file_load_bytes (file, NULL, NULL, &error) : NULL;

      if (bytes == NULL)
        toast (self, error ? error->message : _("No file chosen"));
      else
        gtk_window_present (GTK_WINDOW (awp_meeting_import_dialog_new (GTK_WINDOW (self), self->store,
                                                                       self->meeting_id, bytes)));
    }
  g_object_unref (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AwpMeetingDetail *self = AWP_MEETING_DETAIL (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Import Applications"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheet (CSV)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_csv_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
add_comment_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  AwpMeetingDetail *self = AWP_MEETING_DETAIL (widget);
  g_autofree char *author = entry_text (self->comment_author);
  g_autofree char *text = entry_text (self->comment_text);
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;

  id = awp_meeting_add_comment (self->store, self->meeting_id, author, text, awp_window_actor_for (GTK_WINDOW (self)), &error);
  if (id == NULL)
    {
      toast (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->comment_author), "");
  gtk_editable_set_text (GTK_EDITABLE (self->comment_text), "");
}

/* The files of one kind, as references with that kind (O605-14). */
static void
add_attachment (JsonArray         *attachments,
                const char        *kind,
                AwpAttachmentList *list)
{
  g_autoptr(JsonArray) files = awp_attachment_list_to_json (list);

  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonObject *a = json_array_get_object_element (files, i);

      json_object_set_string_member (a, "kind", kind);
      json_array_add_object_element (attachments, json_object_ref (a));
    }
}

static void
publish_results_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  AwpMeetingDetail *self = AWP_MEETING_DETAIL (widget);
  g_autoptr(JsonArray) attachments = json_array_new ();
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->decision_view);
  g_autofree char *decision = NULL;
  g_autofree char *link = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->results_link_row))));
  GtkTextIter start, end;
  gboolean late = FALSE;
  GDate on;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  decision = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  add_attachment (attachments, "decision", self->decision_files);
  add_attachment (attachments, "transcript", self->transcript_files);
  add_attachment (attachments, "minutes", self->minutes_files);
  today (&on);
  if (!awp_meeting_publish_results (self->store, self->meeting_id, g_strstrip (decision), attachments, link,
                                    &on, awp_window_actor_for (GTK_WINDOW (self)), &late, &error))
    {
      toast (self, error->message);
      return;
    }
  toast (self, late ? _("Results published late (Rules No. 605-NK, para. 14)") : _("Results published on time"));
}

void
awp_meeting_detail_set_page (AwpMeetingDetail *self,
                             const char       *page)
{
  g_return_if_fail (AWP_IS_MEETING_DETAIL (self));
  adw_view_stack_set_visible_child_name (self->view_stack, page);
}

const char *
awp_meeting_detail_get_last_message (AwpMeetingDetail *self)
{
  g_return_val_if_fail (AWP_IS_MEETING_DETAIL (self), NULL);
  return self->last_message;
}

static void
awp_meeting_detail_dispose (GObject *object)
{
  AwpMeetingDetail *self = AWP_MEETING_DETAIL (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWP_TYPE_MEETING_DETAIL);

  G_OBJECT_CLASS (awp_meeting_detail_parent_class)->dispose (object);
}

static void
awp_meeting_detail_finalize (GObject *object)
{
  AwpMeetingDetail *self = AWP_MEETING_DETAIL (object);

  g_clear_pointer (&self->data, json_object_unref);
  g_clear_object (&self->calendar);
  g_clear_object (&self->rules);
  g_ptr_array_unref (self->rows);
  g_free (self->meeting_id);
  g_free (self->org_id);
  g_free (self->last_message);

  G_OBJECT_CLASS (awp_meeting_detail_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AwpMeetingDetail, name)

static void
awp_meeting_detail_class_init (AwpMeetingDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awp_meeting_detail_dispose;
  object_class->finalize = awp_meeting_detail_finalize;

  g_type_ensure (AWP_TYPE_ATTACHMENT_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-meeting-detail.ui");
  BIND (view_stack);
  BIND (toast_overlay);
  BIND (facts_group);
  BIND (deadlines_group);
  BIND (hold_button);
  BIND (kk_button);
  BIND (ru_button);
  BIND (announcement_state);
  BIND (announcement_view);
  BIND (announcement_link);
  BIND (announcement_date);
  BIND (seats_label);
  BIND (registrations_list);
  BIND (reg_surname);
  BIND (reg_name);
  BIND (reg_patronymic);
  BIND (reg_year);
  BIND (reg_contact);
  BIND (reg_received);
  BIND (reg_channel);
  BIND (comments_label);
  BIND (comments_list);
  BIND (comment_author);
  BIND (comment_text);
  BIND (results_state);
  BIND (decision_view);
  BIND (decision_files);
  BIND (transcript_files);
  BIND (minutes_files);
  BIND (results_link_row);
  gtk_widget_class_bind_template_callback (widget_class, on_language_toggled_cb);

  gtk_widget_class_install_action (widget_class, "detail.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "detail.hold", NULL, hold_action);
  gtk_widget_class_install_action (widget_class, "detail.export-ics", NULL, export_ics_action);
  gtk_widget_class_install_action (widget_class, "detail.copy-announcement", NULL, copy_announcement_action);
  gtk_widget_class_install_action (widget_class, "detail.print-announcement", NULL, print_announcement_action);
  gtk_widget_class_install_action (widget_class, "detail.announce", NULL, announce_action);
  gtk_widget_class_install_action (widget_class, "detail.register", NULL, register_action);
  gtk_widget_class_install_action (widget_class, "detail.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "detail.print-participants", NULL, print_participants_action);
  gtk_widget_class_install_action (widget_class, "detail.add-comment", NULL, add_comment_action);
  gtk_widget_class_install_action (widget_class, "detail.publish-results", NULL, publish_results_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "detail.edit", NULL);
}

static void
awp_meeting_detail_init (AwpMeetingDetail *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

AwpMeetingDetail *
awp_meeting_detail_new (GtkWindow  *parent,
                        AwpStore   *store,
                        const char *meeting_id,
                        const char *org_id)
{
  AwpMeetingDetail *self;

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting_id != NULL, NULL);

  self = g_object_new (AWP_TYPE_MEETING_DETAIL, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  awp_attachment_list_set_store (self->decision_files, store);
  awp_attachment_list_set_store (self->transcript_files, store);
  awp_attachment_list_set_store (self->minutes_files, store);
  self->meeting_id = g_strdup (meeting_id);
  self->org_id = g_strdup (org_id);
  g_signal_connect_object (store, "record-changed", G_CALLBACK (on_record_changed), self, G_CONNECT_SWAPPED);
  refresh (self);
  return self;
}

#include "config.h"

#include <glib/gi18n.h>

#include "awp-conference-application.h"
#include "awp-query-model.h"
#include "awp-draft.h"
#include "awp-request-dialogs.h"
#include "awp-request-format.h"
#include "awp-state-machine.h"

/* The form behind one dialog; its widgets are named after the record
 * fields they fill (tests find them by name). */
typedef struct
{
  AwpStore      *store;
  AwpCalendar   *calendar;
  AwpRuleSet    *rules;
  char          *id;
  char          *action;
  char          *actor;
  gboolean       application; /* a conference application (O145-10.2) */
  JsonObject    *data;        /* the request as the dialog opened */

  GtkWidget     *ground;      /* return: GtkDropDown */
  GtkTextView   *text;        /* comment, notice, reason, answer */
  GtkWidget     *org_search;  /* forward */
  GtkListBox    *org_list;
  AwpQueryModel *orgs;
  GtkSpinButton *days;        /* extend */
  GtkLabel      *preview;     /* extend: the new dates */
  GtkLabel      *problem_label;

  char          *draft_key;   /* "record/<id>/<action>": the text typed so far */

  char          *problem;
  gboolean       closing;     /* being torn down: its children emit changes */
  gboolean       done;
  GError        *error;
} Form;

/* Article 11 grounds offered for a return (O145-4.3); "other" needs the comment. */
static const char *const return_grounds[] = { "requester_unidentified", "content_unclear", "other", NULL };

static void
form_free (Form *f)
{
  g_clear_object (&f->store);
  g_clear_object (&f->calendar);
  g_clear_object (&f->rules);
  g_clear_object (&f->orgs);
  g_clear_pointer (&f->data, json_object_unref);
  g_free (f->id);
  g_free (f->action);
  g_free (f->actor);
  g_free (f->problem);
  g_free (f->draft_key);
  g_clear_error (&f->error);
  g_free (f);
}

static Form *
form_of (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "awp-request-form");
}

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *raw = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  raw = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (g_strdup (raw));
}

static const char *
data_string (Form *f, const char *name)
{
  return json_object_get_string_member_with_default (f->data, name, NULL);
}

static GtkListBoxRow *
selected_org (Form *f)
{
  return f->org_list ? gtk_list_box_get_selected_row (f->org_list) : NULL;
}

/* The extended answer date and the notice date, or FALSE with @error. */
static gboolean
extension_dates (Form        *f,
                 AwpDeadline *extended,
                 AwpDeadline *notice,
                 GError     **error)
{
  const char *due_text = data_string (f, "due_on");
  guint times = (guint) json_object_get_int_member_with_default (f->data, "times_extended", 0);
  GDate due, today;

  awp_request_today (&today);
  if (due_text == NULL || !awp_calendar_parse_date (due_text, "due_on", &due, error))
    {
      if (due_text == NULL)
        g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID, _("The request has no due date"));
      return FALSE;
    }
  return awp_deadline_extend (f->rules, f->calendar, "O145-5.2", &due,
                              gtk_spin_button_get_value_as_int (f->days), times, extended, error)
         && awp_deadline_compute (f->rules, f->calendar, "O145-5.2/notice", &today, notice, error);
}

static void
validate (AdwMessageDialog *dialog)
{
  Form *f = form_of (dialog);
  g_autofree char *text = NULL;

  if (f == NULL || f->closing)
    return;
  text = f->text ? text_of (f->text) : NULL;
  g_clear_pointer (&f->problem, g_free);
  if (g_str_equal (f->action, "forward") && selected_org (f) == NULL)
    f->problem = g_strdup (_("Organization: pick the competent holder to forward to"));
  else if (g_str_equal (f->action, "extend"))
    {
      g_autoptr(GError) error = NULL;
      AwpDeadline extended, notice;

      if (!extension_dates (f, &extended, &notice, &error))
        /* Translators: "Days: <why the rule does not allow it>" */
        f->problem = g_strdup_printf (_("Days: %s"), error->message);
      else
        {
          g_autofree char *a = awp_request_iso_date (&extended.date);
          g_autofree char *b = awp_request_iso_date (&notice.date);
          g_autofree char *da = awp_request_format_date (a);
          g_autofree char *db = awp_request_format_date (b);
          g_autofree char *line = g_strdup_printf (_("New answer date: %s. Tell the user by %s (O145-5.2)."), da, db);

          gtk_label_set_text (f->preview, line);
        }
    }
  if (f->problem == NULL && f->text != NULL && (text == NULL || *text == '\0'))
    {
      if (g_str_equal (f->action, "return"))
        f->problem = g_strdup (_("Comment: say what in the request does not comply with Article 11 of the Law"));
      else if (g_str_equal (f->action, "forward"))
        f->problem = g_strdup (_("Notice to the user: write the notice the user receives"));
      else if (g_str_equal (f->action, "extend"))
        f->problem = g_strdup (_("Reason: say which information from other holders is needed"));
      else if (g_str_equal (f->action, "answer"))
        f->problem = g_strdup (_("Answer: write the answer to the request"));
      else if (g_str_equal (f->action, "refuse") && f->application)
        f->problem = g_strdup (_("Reason: say why the topic is outside the body's competence or activities"));
      else if (g_str_equal (f->action, "refuse"))
        f->problem = g_strdup (_("Reasons: give the reasons for the refusal"));
    }
  if (f->problem_label != NULL)
    {
      gtk_label_set_text (f->problem_label, f->problem ? f->problem : "");
      gtk_widget_set_visible (GTK_WIDGET (f->problem_label), f->problem != NULL);
    }
  adw_message_dialog_set_response_enabled (dialog, f->action, f->problem == NULL);
}

static JsonObject *
collect_fields (Form *f)
{
  JsonObject *fields = json_object_new ();
  g_autofree char *text = f->text ? text_of (f->text) : NULL;
  g_autofree char *today = NULL;
  GDate date;

  awp_request_today (&date);
  today = awp_request_iso_date (&date);
  if (g_str_equal (f->action, "accept"))
    json_object_set_string_member (fields, "accepted_on", today);
  else if (g_str_equal (f->action, "return"))
    {
      guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (f->ground));

      json_object_set_string_member (fields, "return_ground", return_grounds[MIN (i, 2)]);
      json_object_set_string_member (fields, "return_comment", text);
    }
  else if (g_str_equal (f->action, "forward"))
    {
      GtkListBoxRow *row = selected_org (f);

      json_object_set_string_member (fields, "forwarded_to", g_object_get_data (G_OBJECT (row), "awp-org-id"));
      json_object_set_string_member (fields, "forwarded_to_name", g_object_get_data (G_OBJECT (row), "awp-org-name"));
      /* O145-4.2: the user is notified at the same time. */
      json_object_set_string_member (fields, "user_notice", text);
      json_object_set_string_member (fields, "user_notified_on", today);
    }
  else if (g_str_equal (f->action, "extend"))
    {
      AwpDeadline extended, notice;
      JsonObject *deadlines = json_object_new ();
      g_autofree char *notice_by = NULL;

      json_object_set_int_member (fields, "extend_days", gtk_spin_button_get_value_as_int (f->days));
      json_object_set_string_member (fields, "extend_reason", text);
      json_object_set_string_member (fields, "extended_on", today);
      if (json_object_has_member (f->data, "deadlines")
          && JSON_NODE_HOLDS_OBJECT (json_object_get_member (f->data, "deadlines")))
        {
          JsonObject *old = json_object_get_object_member (f->data, "deadlines");
          JsonObjectIter iter;
          const char *key;
          JsonNode *value;

          json_object_iter_init (&iter, old);
          while (json_object_iter_next (&iter, &key, &value))
            json_object_set_member (deadlines, key, json_node_copy (value));
        }
      /* The notice of the extension becomes a tracked deadline (O145-5.2). */
      if (extension_dates (f, &extended, &notice, NULL))
        {
          notice_by = awp_request_iso_date (&notice.date);
          json_object_set_string_member (deadlines, "notice_by", notice_by);
        }
      json_object_set_object_member (fields, "deadlines", deadlines);
    }
  else if (g_str_equal (f->action, "answer"))
    json_object_set_string_member (fields, "answer", text);
  else if (g_str_equal (f->action, "refuse"))
    json_object_set_string_member (fields, "refusal_reasons", text);
  return fields;
}

/* One draft journal per store, next to its file: the text of an answer,
 * reasons or comment survives a crash of the workstation (issue 10 item 7). */
AwpDraftJournal *
awp_request_drafts (AwpStore *store)
{
  static GQuark quark;
  AwpDraftJournal *journal;

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);

  if (quark == 0)
    quark = g_quark_from_static_string ("awp-request-drafts");
  journal = g_object_get_qdata (G_OBJECT (store), quark);
  if (journal == NULL && awp_store_get_path (store) != NULL)
    {
      g_autofree char *dir = awp_draft_journal_dir_for_store (awp_store_get_path (store));
      g_autoptr(GError) error = NULL;

      journal = awp_draft_journal_new (dir, &error);
      if (journal == NULL)
        {
          g_warning ("Drafts are not kept: %s", error->message);
          return NULL;
        }
      g_object_set_qdata_full (G_OBJECT (store), quark, journal, g_object_unref);
    }
  return journal;
}

static void
on_text_changed_cb (AdwMessageDialog *dialog)
{
  Form *f = form_of (dialog);
  AwpDraftJournal *journal = awp_request_drafts (f->store);
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *text = NULL;

  if (f->closing || f->done || journal == NULL || f->draft_key == NULL)
    return;
  text = text_of (f->text);
  if (*text == '\0')
    {
      awp_draft_journal_discard (journal, f->draft_key, NULL);
      return;
    }
  fields = json_object_new ();
  json_object_set_string_member (fields, "text", text);
  awp_draft_journal_set (journal, f->draft_key, fields);
}

/* The text typed before a crash (or a Cancel) comes back. */
static void
restore_draft (Form *f)
{
  AwpDraftJournal *journal = awp_request_drafts (f->store);
  g_autoptr(AwpDraft) draft = NULL;
  const char *text;

  if (journal == NULL || f->text == NULL)
    return;
  f->draft_key = g_strdup_printf ("record/%s/%s", f->id, f->action);
  draft = awp_draft_journal_get (journal, f->draft_key, NULL);
  if (draft == NULL)
    return;
  text = json_object_get_string_member_with_default (draft->fields, "text", "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (f->text), text, -1);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response)
{
  Form *f = form_of (dialog);
  g_autoptr(JsonObject) fields = NULL;

  if (!g_str_equal (response, f->action))
    return;
  validate (dialog);
  if (f->problem != NULL)
    {
      g_set_error_literal (&f->error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID, f->problem);
      return;
    }
  g_clear_error (&f->error);
  if (f->application)
    {
      /* O145-10.2: the draft conference comes with the acceptance. */
      if (g_str_equal (f->action, "accept"))
        {
          g_autofree char *conference_id = awp_conference_application_accept (f->store, f->id, f->actor, &f->error);

          f->done = conference_id != NULL;
        }
      else
        {
          g_autofree char *reason = text_of (f->text);
          guint ground = gtk_drop_down_get_selected (GTK_DROP_DOWN (f->ground));

          f->done = awp_conference_application_refuse (f->store, f->id, ground == 1 ? "activities" : "competence",
                                                       reason, f->actor, &f->error);
        }
      return;
    }
  fields = collect_fields (f);
  f->done = awp_store_transition (f->store, f->id, f->action, fields, f->actor, &f->error);
  if (f->done && f->draft_key != NULL && awp_request_drafts (f->store) != NULL)
    awp_draft_journal_discard (awp_request_drafts (f->store), f->draft_key, NULL);
}

static void
on_closing_cb (AdwMessageDialog *dialog)
{
  form_of (dialog)->closing = TRUE;
}

static GtkTextView *
add_text (GtkBox     *box,
          const char *field,
          const char *label,
          const char *initial)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), view);
  gtk_widget_set_name (view, field);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  if (initial != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), initial, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 110);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (box, title);
  gtk_box_append (box, scroller);
  return GTK_TEXT_VIEW (view);
}

static GtkWidget *
create_org_row (gpointer item,
                gpointer user_data)
{
  AwpQueueItem *org = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (awp_queue_item_get_subject (org));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  /* Screen readers announce the organization when the row is focused. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  awp_queue_item_get_subject (org), -1);
  g_object_set_data_full (G_OBJECT (row), "awp-org-id", g_strdup (awp_queue_item_get_id (org)), g_free);
  g_object_set_data_full (G_OBJECT (row), "awp-org-name", g_strdup (awp_queue_item_get_subject (org)), g_free);
  return row;
}

/* A request goes to another holder (O145-4.2): the body that has it is not
 * offered. */
static void
hide_own_org (GtkListBox *list)
{
  const char *own = g_object_get_data (G_OBJECT (list), "awp-own-org");
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    gtk_widget_set_visible (GTK_WIDGET (row), g_strcmp0 (g_object_get_data (G_OBJECT (row), "awp-org-id"), own) != 0);
}

static void
on_org_search_changed_cb (GtkSearchEntry   *entry,
                          AdwMessageDialog *dialog)
{
  Form *f = form_of (dialog);

  awp_query_model_set_search (f->orgs, gtk_editable_get_text (GTK_EDITABLE (entry)));
  validate (dialog);
}

static void
build_forward (AdwMessageDialog *dialog,
               Form             *f,
               GtkBox           *box)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  g_autofree char *notice = NULL;

  f->org_search = gtk_search_entry_new ();
  gtk_widget_set_name (f->org_search, "org_search");
  g_object_set (f->org_search, "placeholder-text", _("Search organizations"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->org_search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search organizations"), -1);
  f->orgs = awp_query_model_new (f->store, "organization");
  awp_query_model_set_sort (f->orgs, AWP_QUEUE_SORT_NUMBER, FALSE);
  f->org_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (f->org_list), "forwarded_to");
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->org_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Competent organization"), -1);
  gtk_list_box_bind_model (f->org_list, G_LIST_MODEL (f->orgs), create_org_row, NULL, NULL);
  /* After the list box's own handler, which shows each new row. */
  g_object_set_data_full (G_OBJECT (f->org_list), "awp-own-org", g_strdup (data_string (f, "org_id")), g_free);
  g_signal_connect_object (f->orgs, "items-changed", G_CALLBACK (hide_own_org), f->org_list, G_CONNECT_SWAPPED);
  hide_own_org (f->org_list);
  g_signal_connect_swapped (f->org_list, "selected-rows-changed", G_CALLBACK (validate), dialog);
  g_signal_connect (f->org_search, "search-changed", G_CALLBACK (on_org_search_changed_cb), dialog);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (f->org_list));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (box, f->org_search);
  gtk_box_append (box, scroller);
  notice = g_strdup_printf (_("Your request No. %s is outside our competence and was forwarded to the competent holder (Rules No. 145, para. 4)."),
                            data_string (f, "number") ? data_string (f, "number") : "");
  f->text = add_text (box, "user_notice", _("_Notice to the user"), notice);
}

static void
build_extend (AdwMessageDialog *dialog,
              Form             *f,
              GtkBox           *box)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Days to add (calendar days, at most 15)"));

  /* Wider than the rule allows, so that the rule itself answers. */
  f->days = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 30, 1));
  gtk_spin_button_set_value (f->days, 15);
  gtk_widget_set_name (GTK_WIDGET (f->days), "extend_days");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (f->days));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (f->days), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (f->days));
  gtk_box_append (box, row);
  f->preview = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (f->preview, TRUE);
  gtk_label_set_xalign (f->preview, 0.0f);
  gtk_box_append (box, GTK_WIDGET (f->preview));
  g_signal_connect_swapped (f->days, "value-changed", G_CALLBACK (validate), dialog);
  f->text = add_text (box, "extend_reason", _("_Reason"), NULL);
}

static void
build_return (Form   *f,
              GtkBox *box)
{
  const char *labels[] = {
    _("The requester is not identified"),
    _("What is asked is unclear"),
    _("Another requirement of Article 11 (say which in the comment)"),
    NULL,
  };
  GtkWidget *title = gtk_label_new_with_mnemonic (_("_Ground (Article 11 of the Law)"));

  f->ground = gtk_drop_down_new_from_strings (labels);
  gtk_widget_set_name (f->ground, "return_ground");
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), f->ground);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (f->ground), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  gtk_box_append (box, title);
  gtk_box_append (box, f->ground);
  f->text = add_text (box, "return_comment", _("_Comment"), NULL);
}

static void
build_application_refuse (Form   *f,
                          GtkBox *box)
{
  const char *labels[] = {
    _("Outside the body's competence"),
    _("Outside the body's activities"),
    NULL,
  };
  GtkWidget *title = gtk_label_new_with_mnemonic (_("_Ground (O145-10.2)"));

  f->ground = gtk_drop_down_new_from_strings (labels);
  gtk_widget_set_name (f->ground, "refusal_ground");
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), f->ground);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (f->ground), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  gtk_box_append (box, title);
  gtk_box_append (box, f->ground);
  f->text = add_text (box, "refusal_reason", _("_Reason"), NULL);
}

/* The heading, body and button of each action. */
static void
describe (Form        *f,
          const char **heading,
          char       **body,
          const char **button)
{
  g_autofree char *due = awp_request_format_date (data_string (f, "due_on"));
  const char *number = data_string (f, "number") ? data_string (f, "number") : "";

  if (f->application && g_str_equal (f->action, "accept"))
    {
      *heading = _("Accept the Application?");
      *body = g_strdup_printf (_("Application %s is accepted within five working days of receipt, by %s (O145-10.2). A draft conference is created from its topic and text."), number, due);
      *button = _("_Accept");
    }
  else if (f->application)
    {
      *heading = _("Refuse the Application");
      *body = g_strdup_printf (_("An application outside the body's competence or activities is refused with the reason, within five working days of receipt, by %s (O145-10.2). Application %s."), due, number);
      *button = _("Re_fuse");
    }
  else if (g_str_equal (f->action, "accept"))
    {
      *heading = _("Accept for Consideration?");
      *body = g_strdup_printf (_("Request %s is accepted for consideration (O145-4.1). The answer is due by %s: 15 calendar days from receipt (O145-5.1)."), number, due);
      *button = _("_Accept");
    }
  else if (g_str_equal (f->action, "return"))
    {
      *heading = _("Return the Request");
      *body = g_strdup_printf (_("Request %s does not comply with Article 11 of the Law and is returned to the user within one working day of receipt (O145-4.3)."), number);
      *button = _("_Return");
    }
  else if (g_str_equal (f->action, "forward"))
    {
      *heading = _("Forward to the Competent Holder");
      *body = g_strdup_printf (_("Request %s is outside this body's competence. It is forwarded within three working days of receipt, and the user is notified at the same time (O145-4.2)."), number);
      *button = _("_Forward");
    }
  else if (g_str_equal (f->action, "extend"))
    {
      *heading = _("Extend the Answer Period");
      *body = g_strdup_printf (_("When information from other holders is needed, the head may extend the period once, by at most 15 calendar days; the user is told within three working days (O145-5.2). The answer is now due by %s."), due);
      *button = _("_Extend");
    }
  else if (g_str_equal (f->action, "answer"))
    {
      *heading = _("Answer the Request");
      *body = g_strdup_printf (_("The answer to request %s is due by %s (O145-5.1)."), number, due);
      *button = _("_Send Answer");
    }
  else
    {
      *heading = _("Refuse with Reasons");
      *body = g_strdup_printf (_("A refusal on the grounds of Article 11 para. 16 of the Law is a reasoned answer within five working days of registration (O145-5.3). Request %s."), number);
      *button = _("Re_fuse");
    }
}

AdwMessageDialog *
awp_request_dialog_new (GtkWindow   *parent,
                        AwpStore    *store,
                        AwpCalendar *calendar,
                        AwpRuleSet  *rules,
                        const char  *id,
                        const char  *action,
                        const char  *actor)
{
  g_autoptr(JsonObject) record = NULL;
  g_autofree char *body = NULL;
  const char *heading, *button;
  AdwMessageDialog *dialog;
  GtkWidget *box;
  Form *f;

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);
  g_return_val_if_fail (g_strv_contains ((const char *const[]) { "accept", "return", "forward", "extend", "answer", "refuse", NULL }, action), NULL);

  record = awp_store_get_record (store, id, NULL);
  if (record == NULL)
    return NULL;
  f = g_new0 (Form, 1);
  f->store = g_object_ref (store);
  f->calendar = calendar ? g_object_ref (calendar) : NULL;
  f->rules = rules ? g_object_ref (rules) : NULL;
  f->id = g_strdup (id);
  f->action = g_strdup (action);
  f->actor = g_strdup (actor);
  f->data = json_object_ref (json_object_get_object_member (record, "data"));
  f->application = g_strcmp0 (json_object_get_string_member_with_default (record, "type", NULL),
                              "conference_application") == 0;
  if (f->application && !g_str_equal (action, "accept") && !g_str_equal (action, "refuse"))
    {
      form_free (f);
      return NULL;
    }

  describe (f, &heading, &body, &button);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  g_object_set_data_full (G_OBJECT (dialog), "awp-request-form", f, (GDestroyNotify) form_free);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), action, button, NULL);
  adw_message_dialog_set_default_response (dialog, action);
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_appearance (dialog, action,
                                              g_str_equal (action, "refuse") || g_str_equal (action, "return")
                                                ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, 420, -1);
  if (g_str_equal (action, "return"))
    build_return (f, GTK_BOX (box));
  else if (g_str_equal (action, "forward"))
    build_forward (dialog, f, GTK_BOX (box));
  else if (g_str_equal (action, "extend"))
    build_extend (dialog, f, GTK_BOX (box));
  else if (g_str_equal (action, "answer"))
    f->text = add_text (GTK_BOX (box), "answer", _("_Answer"), NULL);
  else if (g_str_equal (action, "refuse") && f->application)
    build_application_refuse (f, GTK_BOX (box));
  else if (g_str_equal (action, "refuse"))
    f->text = add_text (GTK_BOX (box), "refusal_reasons", _("_Reasons"), NULL);
  if (f->text != NULL && !f->application)
    {
      restore_draft (f);
      g_signal_connect_object (gtk_text_view_get_buffer (f->text), "changed",
                               G_CALLBACK (on_text_changed_cb), dialog, G_CONNECT_SWAPPED);
    }
  if (f->text != NULL)
    g_signal_connect_object (gtk_text_view_get_buffer (f->text), "changed",
                             G_CALLBACK (validate), dialog, G_CONNECT_SWAPPED);
  f->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (f->problem_label, TRUE);
  gtk_label_set_xalign (f->problem_label, 0.0f);
  gtk_widget_set_name (GTK_WIDGET (f->problem_label), "problem");
  gtk_widget_add_css_class (GTK_WIDGET (f->problem_label), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->problem_label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("What is missing in the form"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->problem_label));
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), NULL);
  g_signal_connect (dialog, "unrealize", G_CALLBACK (on_closing_cb), NULL);
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_closing_cb), NULL);
  validate (dialog);
  return dialog;
}

const char *
awp_request_dialog_get_problem (AdwMessageDialog *dialog)
{
  return form_of (dialog)->problem;
}

gboolean
awp_request_dialog_get_done (AdwMessageDialog *dialog)
{
  return form_of (dialog)->done;
}

const GError *
awp_request_dialog_get_error (AdwMessageDialog *dialog)
{
  return form_of (dialog)->error;
}

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "awp-attachment-list.h"
#include "awp-i18n.h"
#include "awp-request-deadlines.h"
#include "awp-request-detail.h"
#include "awp-request-format.h"
#include "awp-state-machine.h"

struct _AwpRequestDetail
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkStack    *stack;
  GtkLabel    *subject_label;
  GtkLabel    *meta_label;
  GtkLabel    *status_label;
  GtkImage    *due_icon;
  GtkLabel    *due_label;
  GtkLabel    *request_heading;
  GtkLabel    *text_label;
  GtkLabel    *answer_heading;
  GtkLabel    *answer_label;
  GtkLabel    *attachments_heading;
  AwpAttachmentList *attachments;
  GtkListBox  *deadlines_list;
  GtkLabel    *rating_heading;
  GtkLabel    *rating_label;
  GtkListBox  *timeline_list;
  GtkWidget   *accept_button;
  GtkWidget   *return_button;
  GtkWidget   *forward_button;
  GtkWidget   *extend_button;
  GtkWidget   *answer_button;
  GtkWidget   *refuse_button;

  /* Owned */
  AwpStore    *store;
  AwpCalendar *calendar;
  AwpRuleSet  *rules;
  char        *id;
  char        *type;       /* blog_request or conference_application */
  JsonObject  *data;       /* the shown record's data */
  gulong       changed_id;
};

G_DEFINE_FINAL_TYPE (AwpRequestDetail, awp_request_detail, GTK_TYPE_WIDGET)

enum { SIGNAL_REQUEST_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

const char *const awp_request_actions[] = {
  "accept", "return", "forward", "extend", "answer", "refuse", NULL
};

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const char *
member (JsonObject *o, const char *name)
{
  return o ? json_object_get_string_member_with_default (o, name, NULL) : NULL;
}

static void
add_deadline_row (AwpRequestDetail   *self,
                  AwpRunningDeadline *d)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *explanation = gtk_label_new (d->explanation ? d->explanation : "");
  g_autofree char *norm = g_strdup (d->norm);
  g_autofree char *title = NULL;
  g_autofree char *date = awp_request_format_date (d->due_on);
  g_autofree char *left = NULL;
  g_autofree char *subtitle = NULL;
  AwpDueInfo info;

  /* "O145-5.2/notice" is a rule id; people read the paragraph. */
  norm[strcspn (norm, "/")] = '\0';
  title = g_strdup_printf ("%s (%s)", d->what, norm);
  awp_request_due_info (self->calendar, d->due_on, FALSE, &info);
  left = awp_request_due_text (&info);
  subtitle = g_strdup_printf ("%s — %s", date, left);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  if (info.icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (info.icon_name);

      gtk_widget_add_css_class (icon, info.css_class);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, left, -1);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
    }
  gtk_label_set_wrap (GTK_LABEL (explanation), TRUE);
  gtk_label_set_xalign (GTK_LABEL (explanation), 0.0f);
  gtk_label_set_selectable (GTK_LABEL (explanation), TRUE);
  gtk_widget_set_margin_start (explanation, 12);
  gtk_widget_set_margin_end (explanation, 12);
  gtk_widget_set_margin_top (explanation, 6);
  gtk_widget_set_margin_bottom (explanation, 6);
  /* A row of text, not a control: not activatable, and read out whole. */
  {
    GtkWidget *holder = gtk_list_box_row_new ();

    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (holder), FALSE);
    gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (holder), explanation);
    gtk_accessible_update_property (GTK_ACCESSIBLE (holder), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    d->explanation ? d->explanation : "", -1);
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), holder);
  }
  gtk_widget_set_name (row, d->norm);
  gtk_list_box_append (self->deadlines_list, row);
}

static void
add_timeline_row (AwpRequestDetail *self,
                  const char       *title,
                  const char       *at,
                  const char       *actor,
                  const char       *norm,
                  const char       *note)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GDateTime) when = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) local = when ? g_date_time_to_local (when) : NULL;
  g_autofree char *time = local ? g_date_time_format (local, "%d.%m.%Y %H:%M") : awp_request_format_date (at);
  GString *subtitle = g_string_new (time);

  if (actor != NULL)
    g_string_append_printf (subtitle, " · %s", actor);
  if (norm != NULL)
    g_string_append_printf (subtitle, " · %s", norm);
  if (note != NULL)
    g_string_append_printf (subtitle, "\n%s", note);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_append (self->timeline_list, row);
  g_string_free (subtitle, TRUE);
}

/* The organization a request went to, named in the user's language from
 * the directory (the recorded name is in the forwarder's). */
static char *
forwarded_name (AwpRequestDetail *self)
{
  const char *org_id = member (self->data, "forwarded_to");
  g_autoptr(JsonObject) org = NULL;
  const char *name = "";

  if (org_id != NULL && self->store != NULL)
    org = awp_store_get_record (self->store, org_id, NULL);
  if (org != NULL && json_object_has_member (org, "data"))
    name = awp_i18n_pick (json_object_get_object_member (org, "data"), "name");
  return g_strdup (name[0] != '\0' ? name : member (self->data, "forwarded_to_name"));
}

/* What the user wrote with an action, shown under its timeline entry. */
static char *
event_note (AwpRequestDetail *self,
            const char       *action)
{
  JsonObject *data = self->data;

  if (g_str_equal (action, "return"))
    return g_strdup (member (data, "return_comment"));
  if (g_str_equal (action, "forward"))
    return forwarded_name (self);
  if (g_str_equal (action, "extend"))
    return g_strdup (member (data, "extend_reason"));
  if (g_str_equal (action, "refuse"))
    return g_strdup (member (data, "refusal_reasons") ? member (data, "refusal_reasons") : member (data, "refusal_reason"));
  return NULL;
}

static void
fill_timeline (AwpRequestDetail *self)
{
  JsonObject *data = self->data;
  gboolean answer_event = FALSE;

  clear_list (self->timeline_list);
  if (g_str_equal (self->type, "conference_application"))
    add_timeline_row (self, C_("status", "Received"), member (data, "received_on"),
                      member (data, "requester"), "O145-10.1", NULL);
  else
    add_timeline_row (self, C_("status", "Received"), member (data, "received_on"),
                      member (data, "requester"), "O145-4.1",
                      awp_request_auth_label (member (data, "auth_method")));
  if (json_object_has_member (data, "events")
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (data, "events")))
    {
      JsonArray *events = json_object_get_array_member (data, "events");

      for (guint i = 0; i < json_array_get_length (events); i++)
        {
          JsonObject *e = json_array_get_object_element (events, i);
          const char *action = member (e, "action");
          g_autofree char *note = NULL;

          if (action == NULL)
            continue;
          answer_event |= g_str_equal (action, "answer");
          note = event_note (self, action);
          add_timeline_row (self, awp_request_status_label (member (e, "to")), member (e, "at"),
                            member (e, "actor"), member (e, "norm"), note);
        }
    }
  /* Records from the server carry the answer date without local events. */
  if (!answer_event && member (data, "answered_on") != NULL)
    add_timeline_row (self, awp_request_status_label ("answered"), member (data, "answered_on"),
                      NULL, "O145-5.1", NULL);
}

/* O145-6: Like / Dislike, a Dislike with its reason. Demo data from before
 * the portal's ratings carries a score instead. */
static void
fill_rating (AwpRequestDetail *self)
{
  JsonNode *node = json_object_get_member (self->data, "rating");
  const char *value = NULL;
  const char *reason = member (self->data, "rating_reason");
  g_autofree char *text = NULL;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      value = member (json_node_get_object (node), "value");
      reason = member (json_node_get_object (node), "reason");
    }
  else if (node != NULL && json_node_get_value_type (node) == G_TYPE_STRING)
    value = json_node_get_string (node);
  else if (node != NULL && json_node_get_value_type (node) == G_TYPE_INT64)
    text = g_strdup_printf (_("Score %d of 5"), (int) json_node_get_int (node));

  if (g_strcmp0 (value, "like") == 0)
    text = g_strdup (_("Like"));
  else if (g_strcmp0 (value, "dislike") == 0)
    text = g_strdup_printf (_("Dislike — reason: %s"), reason ? reason : _("not given"));
  if (text == NULL)
    text = g_strdup (member (self->data, "answer") ? _("The citizen has not rated the answer yet.")
                                                   : _("Rated after the answer."));
  gtk_label_set_text (self->rating_label, text);
}

gboolean
awp_request_detail_can (AwpRequestDetail  *self,
                        const char        *action,
                        char             **why)
{
  const AwpStateMachine *machine = awp_state_machine_for_type (self->type);
  const char *status = awp_request_detail_get_status (self);
  g_autoptr(GString) from = NULL;

  g_return_val_if_fail (AWP_IS_REQUEST_DETAIL (self), FALSE);

  if (status == NULL)
    {
      if (why)
        *why = g_strdup (_("Select a request first"));
      return FALSE;
    }
  if (awp_state_machine_find (machine, status, action, NULL) != NULL)
    return TRUE;
  if (why == NULL)
    return FALSE;
  from = g_string_new (NULL);
  for (guint i = 0; i < machine->n_transitions; i++)
    if (g_str_equal (machine->transitions[i].action, action))
      g_string_append_printf (from, "%s%s", from->len ? ", " : "",
                              awp_request_status_label (machine->transitions[i].from));
  if (g_str_equal (action, "extend") && json_object_get_int_member_with_default (self->data, "times_extended", 0) > 0)
    *why = g_strdup (_("The period was already extended once; O145-5.2 allows one extension"));
  else
    /* Translators: "Not possible: the request is Answered. Only for: Received." */
    *why = g_strdup_printf (_("Not possible: the request is %s. Only for: %s."),
                            awp_request_status_label (status), from->str);
  return FALSE;
}

static void
update_buttons (AwpRequestDetail *self)
{
  GtkWidget *buttons[] = {
    self->accept_button, self->return_button, self->forward_button,
    self->extend_button, self->answer_button, self->refuse_button,
  };
  static const char *const norms[] = { "O145-4.1", "O145-4.3", "O145-4.2", "O145-5.2", "O145-5.1", "O145-5.3" };
  const AwpStateMachine *machine = awp_state_machine_for_type (self->type);
  gboolean application = g_str_equal (self->type, "conference_application");

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      g_autofree char *why = NULL;
      g_autofree char *tip = NULL;
      gboolean known = FALSE;

      /* Only the actions this kind of record has at all. */
      for (guint t = 0; t < machine->n_transitions; t++)
        known |= g_str_equal (machine->transitions[t].action, awp_request_actions[i]);
      gtk_widget_set_visible (buttons[i], known);
      if (awp_request_detail_can (self, awp_request_actions[i], &why))
        tip = g_strdup_printf ("%s (%s)", awp_action_label (awp_request_actions[i]),
                               application ? "O145-10.2" : norms[i]);
      gtk_widget_set_tooltip_text (buttons[i], tip ? tip : why);
    }
}

static void
reload (AwpRequestDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autofree char *received = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *due_date = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *due_line = NULL;
  JsonObject *data;
  AwpDueInfo info;
  const char *answer;

  g_clear_pointer (&self->data, json_object_unref);
  if (self->id != NULL && self->store != NULL)
    record = awp_store_get_record (self->store, self->id, &error);
  if (record == NULL)
    {
      if (error != NULL)
        g_message ("Request %s not shown: %s", self->id, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_buttons (self);
      g_signal_emit (self, signals[SIGNAL_REQUEST_CHANGED], 0);
      return;
    }
  data = json_object_get_object_member (record, "data");
  self->data = json_object_ref (data);

  gtk_label_set_text (self->subject_label, member (data, "subject") ? member (data, "subject") : "");
  received = awp_request_format_date (member (data, "received_on"));
  if (g_str_equal (self->type, "conference_application"))
    meta = g_strdup_printf ("%s · %s · %s", member (data, "number") ? member (data, "number") : "—",
                            member (data, "requester") ? member (data, "requester") : "—", received);
  else
    meta = g_strdup_printf ("%s · %s · %s · %s", member (data, "number") ? member (data, "number") : "—",
                            member (data, "requester") ? member (data, "requester") : "—", received,
                            awp_request_auth_label (member (data, "auth_method")));
  gtk_label_set_text (self->meta_label, meta);
  gtk_label_set_text (self->status_label, awp_request_status_label (member (data, "status") ? member (data, "status") : "received"));

  awp_request_due_info (self->calendar, member (data, "due_on"),
                        awp_state_machine_is_final (awp_state_machine_for_type (self->type),
                                                    member (data, "status") ? member (data, "status") : "received"),
                        &info);
  due_date = awp_request_format_date (member (data, "due_on"));
  due_text = awp_request_due_text (&info);
  /* Translators: "Answer due 05.12.2026 — 3 working days left" */
  if (g_str_equal (self->type, "conference_application"))
    due_line = info.state == AWP_DUE_NONE ? g_strdup_printf (_("Decision due %s"), due_date)
                                          : g_strdup_printf (_("Decision due %s — %s"), due_date, due_text);
  else
    due_line = info.state == AWP_DUE_NONE ? g_strdup_printf (_("Answer due %s"), due_date)
                                          : g_strdup_printf (_("Answer due %s — %s"), due_date, due_text);
  gtk_label_set_text (self->due_label, due_line);
  gtk_image_set_from_icon_name (self->due_icon, info.icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->due_icon), info.icon_name != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "warning");
  if (info.css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_label), info.css_class);

  gtk_label_set_text (self->text_label, member (data, "text") ? member (data, "text") : "");
  answer = member (data, "answer");
  gtk_label_set_text (self->answer_label, answer ? answer : "");
  gtk_widget_set_visible (GTK_WIDGET (self->answer_heading), answer != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->answer_label), answer != NULL);
  /* The answer's documents (O145-5.1), fetched when opened. */
  awp_attachment_list_set_store (self->attachments, self->store);
  awp_attachment_list_set_record (self->attachments, self->id);
  gtk_widget_set_visible (GTK_WIDGET (self->attachments_heading), awp_attachment_list_get_count (self->attachments) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->attachments), awp_attachment_list_get_count (self->attachments) > 0);

  clear_list (self->deadlines_list);
  deadlines = awp_request_running_deadlines (self->calendar, self->rules, self->type, data, &error);
  if (deadlines == NULL)
    g_message ("Deadlines of %s not computed: %s", self->id, error->message);
  for (guint i = 0; deadlines != NULL && i < deadlines->len; i++)
    add_deadline_row (self, deadlines->pdata[i]);
  if (deadlines == NULL || deadlines->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No deadline is running: the request is closed."));
      gtk_list_box_append (self->deadlines_list, row);
    }

  fill_rating (self);
  gtk_widget_set_visible (GTK_WIDGET (self->rating_heading), answer != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->rating_label), answer != NULL);
  if (g_str_equal (self->type, "conference_application"))
    {
      /* O145-10.2: what was decided. */
      const char *note = member (data, "refusal_reason");

      gtk_label_set_text (self->answer_label, note ? note : "");
      gtk_widget_set_visible (GTK_WIDGET (self->answer_heading), note != NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->answer_label), note != NULL);
    }
  fill_timeline (self);
  gtk_stack_set_visible_child_name (self->stack, "request");
  update_buttons (self);
  g_signal_emit (self, signals[SIGNAL_REQUEST_CHANGED], 0);
}

static void
on_record_changed_cb (AwpRequestDetail *self,
                      const char       *id)
{
  if (id == NULL || g_strcmp0 (id, self->id) == 0)
    reload (self);
}

void
awp_request_detail_set_context (AwpRequestDetail *self,
                                AwpStore         *store,
                                AwpCalendar      *calendar,
                                AwpRuleSet       *rules)
{
  g_return_if_fail (AWP_IS_REQUEST_DETAIL (self));

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  g_set_object (&self->calendar, calendar);
  g_set_object (&self->rules, rules);
  if (store != NULL)
    self->changed_id = g_signal_connect_object (store, "record-changed",
                                                G_CALLBACK (on_record_changed_cb), self,
                                                G_CONNECT_SWAPPED);
  reload (self);
}

void
awp_request_detail_set_request_id (AwpRequestDetail *self,
                                   const char       *id)
{
  g_return_if_fail (AWP_IS_REQUEST_DETAIL (self));

  if (g_strcmp0 (id, self->id) == 0 && (id == NULL || self->data != NULL))
    return;
  g_free (self->id);
  self->id = g_strdup (id);
  reload (self);
}

const char *
awp_request_detail_get_request_id (AwpRequestDetail *self)
{
  g_return_val_if_fail (AWP_IS_REQUEST_DETAIL (self), NULL);

  return self->data ? self->id : NULL;
}

const char *
awp_request_detail_get_status (AwpRequestDetail *self)
{
  g_return_val_if_fail (AWP_IS_REQUEST_DETAIL (self), NULL);

  if (self->data == NULL)
    return NULL;
  return json_object_get_string_member_with_default (self->data, "status", "received");
}

static void
awp_request_detail_dispose (GObject *object)
{
  AwpRequestDetail *self = AWP_REQUEST_DETAIL (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWP_TYPE_REQUEST_DETAIL);
  g_clear_object (&self->store);
  g_clear_object (&self->calendar);
  g_clear_object (&self->rules);
  g_clear_pointer (&self->data, json_object_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->type, g_free);

  G_OBJECT_CLASS (awp_request_detail_parent_class)->dispose (object);
}

static void
awp_request_detail_class_init (AwpRequestDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awp_request_detail_dispose;

  signals[SIGNAL_REQUEST_CHANGED] =
    g_signal_new ("request-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (AWP_TYPE_ATTACHMENT_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-request-detail.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, subject_label);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, meta_label);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, due_icon);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, due_label);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, request_heading);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, text_label);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, answer_heading);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, answer_label);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, attachments_heading);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, attachments);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, deadlines_list);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, rating_heading);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, rating_label);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, accept_button);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, return_button);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, forward_button);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, extend_button);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, answer_button);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestDetail, refuse_button);
}

static void
awp_request_detail_init (AwpRequestDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->type = g_strdup ("blog_request");
}

void
awp_request_detail_set_entity_type (AwpRequestDetail *self,
                                    const char       *type)
{
  g_return_if_fail (AWP_IS_REQUEST_DETAIL (self));
  g_return_if_fail (awp_state_machine_for_type (type) != NULL);

  g_free (self->type);
  self->type = g_strdup (type);
  if (g_str_equal (type, "conference_application"))
    {
      /* Two actions: side by side on the first row. */
      GtkWidget *grid = gtk_widget_get_parent (self->refuse_button);
      GtkLayoutChild *child = gtk_layout_manager_get_layout_child (gtk_widget_get_layout_manager (grid),
                                                                   self->refuse_button);

      gtk_grid_layout_child_set_row (GTK_GRID_LAYOUT_CHILD (child), 0);
      gtk_grid_layout_child_set_column (GTK_GRID_LAYOUT_CHILD (child), 1);
      child = gtk_layout_manager_get_layout_child (gtk_widget_get_layout_manager (grid), self->return_button);
      gtk_grid_layout_child_set_row (GTK_GRID_LAYOUT_CHILD (child), 3);
      gtk_label_set_text (self->request_heading, C_("heading", "Application"));
    }
  reload (self);
}

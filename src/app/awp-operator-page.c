#include "config.h"

#include <glib/gi18n.h>

#include "awp-operator-page.h"
#include "awp-query-model.h"
#include "awp-state-machine.h"
#include "awp-template-check.h"
#include "awp-template-review.h"

struct _AwpOperatorPage
{
  GtkWidget      parent_instance;

  GtkListBox    *list;
  GtkLabel      *title;
  GtkLabel      *deadline;
  GtkLabel      *view;
  GtkTextView   *remarks;
  GtkLabel      *error;
  GtkWidget     *detail;

  AwpStore      *store;
  AwpQueryModel *models[2];
  char          *actor;
  char          *open_id;
};

G_DEFINE_FINAL_TYPE (AwpOperatorPage, awp_operator_page, GTK_TYPE_WIDGET)

static const char *const kinds[] = { "conference", "survey" };

/* What awaits the Operator: a decision (submitted) or publication (accepted). */
static gboolean
awaits_operator (const char *status)
{
  return g_strcmp0 (status, "submitted") == 0 || g_strcmp0 (status, "accepted") == 0;
}

static void
add_row (AwpOperatorPage *self,
         const char      *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = awp_store_get_record (self->store, id, &error);
  JsonObject *data = record ? json_object_get_object_member (record, "data") : NULL;
  GtkWidget *row, *box, *title, *line;
  g_autofree char *deadline = NULL;
  g_autofree char *text = NULL;
  const char *subject, *status;

  if (data == NULL)
    return;
  subject = awp_template_display_title (data);
  status = json_object_get_string_member_with_default (data, "status", "draft");
  deadline = awp_template_review_deadline (data, NULL);
  text = g_strdup_printf ("%s · %s", awp_state_label (status), deadline);
  row = gtk_list_box_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  title = gtk_label_new (subject[0] ? subject : _("Untitled draft"));
  line = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (line), 0);
  gtk_label_set_wrap (GTK_LABEL (line), TRUE);
  gtk_widget_add_css_class (line, "dim-label");
  gtk_widget_add_css_class (line, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), line);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "awp-id", g_strdup (id), g_free);
  gtk_list_box_append (self->list, row);
}

static void show (AwpOperatorPage *self, JsonObject *data);

static void
refill (AwpOperatorPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint k = 0; k < G_N_ELEMENTS (self->models); k++)
    {
      GListModel *model = G_LIST_MODEL (self->models[k]);

      if (model == NULL)
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(AwpQueueItem) it = g_list_model_get_item (model, i);

          if (awaits_operator (awp_queue_item_get_status (it)))
            add_row (self, awp_queue_item_get_id (it));
        }
    }
  /* The template on screen as it is now: a sync may have brought the
   * administrator's fix and resubmission. */
  if (self->open_id != NULL && self->store != NULL)
    {
      g_autoptr(JsonObject) record = awp_store_get_record (self->store, self->open_id, NULL);

      if (record != NULL)
        show (self, json_object_get_object_member (record, "data"));
    }
}

static void
append_line (GString    *out,
             const char *label,
             JsonObject *data,
             const char *field)
{
  const char *value = json_object_get_string_member_with_default (data, field, NULL);

  if (value != NULL && value[0] != '\0')
    g_string_append_printf (out, "%s: %s\n", label, value);
}

/* Read-only: the Operator decides, the administrator edits. */
static void
show (AwpOperatorPage *self,
      JsonObject      *data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *deadline = awp_template_review_deadline (data, NULL);
  const char *status = json_object_get_string_member_with_default (data, "status", "draft");

  gtk_label_set_text (self->title, awp_template_display_title (data));
  gtk_label_set_text (self->deadline, deadline);
  g_string_append_printf (text, "%s: %s\n", _("Status"), awp_state_label (status));
  append_line (text, _("Name (Kazakh)"), data, "title_kk");
  append_line (text, _("Name (Russian)"), data, "title_ru");
  append_line (text, _("Name (English)"), data, "title_en");
  append_line (text, _("Brief description (Kazakh)"), data, "brief_kk");
  append_line (text, _("Brief description (Russian)"), data, "brief_ru");
  append_line (text, _("Opening date"), data, "opens_on");
  append_line (text, _("Closing date"), data, "closes_on");
  append_line (text, _("Launch date"), data, "launch_on");
  append_line (text, _("Closing date"), data, "close_on");
  append_line (text, _("Submitted on"), data, "submitted_on");
  /* The whole of Annex 1 / Annex 2: the Operator judges what will be
   * published (O145-7), description and questions included. */
  append_line (text, _("Description (Kazakh)"), data, "description_kk");
  append_line (text, _("Description (Russian)"), data, "description_ru");
  append_line (text, _("Surname"), data, "moderator_surname");
  append_line (text, _("Name"), data, "moderator_name");
  append_line (text, _("Moderator’s patronymic"), data, "moderator_patronymic");
  append_line (text, _("Moderator’s IIN"), data, "moderator_iin");
  append_line (text, _("Position"), data, "moderator_position");
  append_line (text, _("Moderator’s e-mail"), data, "moderator_email");
  append_line (text, _("Moderator’s phone"), data, "moderator_phone");
  if (json_object_get_boolean_member_with_default (data, "public_discussion", FALSE))
    g_string_append_printf (text, "%s\n", _("Public discussion of the body’s work"));
  append_line (text, _("Survey number"), data, "number");
  append_line (text, _("Category"), data, "category");
  if (json_object_has_member (data, "questions"))
    {
      JsonArray *questions = json_object_get_array_member (data, "questions");

      g_string_append_printf (text, _("Questions: %u\n"), json_array_get_length (questions));
      for (guint q = 0; questions != NULL && q < json_array_get_length (questions); q++)
        {
          JsonObject *question = json_array_get_object_element (questions, q);
          JsonArray *options = json_object_get_array_member (question, "options");
          g_autofree char *head = g_strdup_printf (_("Question %u"), q + 1);
          gboolean multiple = g_strcmp0 (json_object_get_string_member_with_default (question, "choice", ""),
                                         "multiple") == 0;

          g_string_append_printf (text, "%s (%s): %s / %s\n", head, multiple ? _("Multiple choice") : _("Single choice"),
                                  json_object_get_string_member_with_default (question, "title_kk", ""),
                                  json_object_get_string_member_with_default (question, "title_ru", ""));
          for (guint o = 0; options != NULL && o < json_array_get_length (options); o++)
            {
              JsonObject *option = json_array_get_object_element (options, o);
              g_autofree char *label = g_strdup_printf (_("Answer option №%u"), o + 1);

              g_string_append_printf (text, "    %s: %s / %s\n", label,
                                      json_object_get_string_member_with_default (option, "title_kk", ""),
                                      json_object_get_string_member_with_default (option, "title_ru", ""));
            }
        }
    }
  gtk_label_set_text (self->view, text->str);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "operator.accept", g_str_equal (status, "submitted"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "operator.return", g_str_equal (status, "submitted"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "operator.publish", g_str_equal (status, "accepted"));
  gtk_widget_set_visible (self->detail, TRUE);
}

gboolean
awp_operator_page_open (AwpOperatorPage  *self,
                        const char       *id,
                        GError          **error)
{
  g_autoptr(JsonObject) record = NULL;

  g_return_val_if_fail (AWP_IS_OPERATOR_PAGE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  record = awp_store_get_record (self->store, id, error);
  if (record == NULL)
    return FALSE;
  if (id != self->open_id)
    {
      g_free (self->open_id);
      self->open_id = g_strdup (id);
    }
  gtk_label_set_text (self->error, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  show (self, json_object_get_object_member (record, "data"));
  return TRUE;
}

static void
on_row_activated (AwpOperatorPage *self,
                  GtkListBoxRow   *row)
{
  g_autoptr(GError) error = NULL;

  if (!awp_operator_page_open (self, g_object_get_data (G_OBJECT (row), "awp-id"), &error))
    g_warning ("Template not opened: %s", error->message);
}

static void
finish (AwpOperatorPage *self,
        gboolean         ok,
        GError          *error)
{
  if (!ok)
    {
      gtk_label_set_text (self->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
      return;
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->remarks), "", -1);
  awp_operator_page_open (self, self->open_id, NULL);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AwpOperatorPage *self = AWP_OPERATOR_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *action = strchr (action_name, '.') + 1;
  gboolean ok;

  if (self->store == NULL || self->open_id == NULL)
    return;
  if (g_str_equal (action, "return"))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->remarks);
      GtkTextIter a, b;
      g_autofree char *remarks = NULL;

      gtk_text_buffer_get_bounds (buffer, &a, &b);
      remarks = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
      ok = awp_template_review_return (self->store, self->open_id, remarks, self->actor, &error);
    }
  else
    ok = awp_store_transition (self->store, self->open_id, action, NULL, self->actor, &error);
  finish (self, ok, error);
}

static GtkWidget *
action_button (const char *label,
               const char *action)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (b), action);
  gtk_widget_set_name (b, action);
  return b;
}

static void
awp_operator_page_dispose (GObject *object)
{
  AwpOperatorPage *self = AWP_OPERATOR_PAGE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  for (guint k = 0; k < G_N_ELEMENTS (self->models); k++)
    g_clear_object (&self->models[k]);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (awp_operator_page_parent_class)->dispose (object);
}

static void
awp_operator_page_finalize (GObject *object)
{
  AwpOperatorPage *self = AWP_OPERATOR_PAGE (object);

  g_free (self->actor);
  g_free (self->open_id);
  G_OBJECT_CLASS (awp_operator_page_parent_class)->finalize (object);
}

static void
awp_operator_page_class_init (AwpOperatorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awp_operator_page_dispose;
  object_class->finalize = awp_operator_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "operator.accept", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "operator.return", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "operator.publish", NULL, run_action);
}

/* An error about the remarks goes once the remarks change. */
static void
on_remarks_changed (AwpOperatorPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
}

static void
awp_operator_page_init (AwpOperatorPage *self)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *detail_scroll = gtk_scrolled_window_new ();
  GtkWidget *detail = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *remarks_scroll = gtk_scrolled_window_new ();
  GtkWidget *remarks_label = gtk_label_new (_("Remarks (required to return the template)"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->actor = g_strdup ("operator");
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Templates awaiting the Operator"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), GTK_WIDGET (self->list));
  gtk_widget_set_size_request (scroll, 300, -1);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "title-2");
  self->deadline = GTK_LABEL (gtk_label_new (NULL));
  self->view = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_selectable (self->view, TRUE);
  gtk_label_set_wrap (self->view, TRUE);
  self->remarks = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->remarks, GTK_WRAP_WORD_CHAR);
  g_signal_connect_object (gtk_text_view_get_buffer (self->remarks), "changed",
                           G_CALLBACK (on_remarks_changed), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remarks), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remarks"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (remarks_scroll), GTK_WIDGET (self->remarks));
  gtk_widget_set_size_request (remarks_scroll, -1, 100);
  gtk_widget_add_css_class (remarks_scroll, "card");
  self->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  for (GtkLabel **l = (GtkLabel *[]) { self->title, self->deadline, self->view, GTK_LABEL (remarks_label), self->error, NULL }; *l; l++)
    gtk_label_set_xalign (*l, 0);

  gtk_box_append (GTK_BOX (buttons), action_button (_("_Accept"), "operator.accept"));
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Return with remarks"), "operator.return"));
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Publish"), "operator.publish"));
  gtk_box_append (GTK_BOX (detail), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (detail), GTK_WIDGET (self->deadline));
  gtk_box_append (GTK_BOX (detail), GTK_WIDGET (self->view));
  gtk_box_append (GTK_BOX (detail), remarks_label);
  gtk_box_append (GTK_BOX (detail), remarks_scroll);
  gtk_box_append (GTK_BOX (detail), GTK_WIDGET (self->error));
  gtk_box_append (GTK_BOX (detail), buttons);
  g_object_set (detail, "margin-start", 18, "margin-end", 18, "margin-top", 18, "margin-bottom", 18, NULL);
  gtk_widget_set_visible (detail, FALSE);
  self->detail = detail;
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (detail_scroll), detail);
  gtk_widget_set_hexpand (detail_scroll, TRUE);

  gtk_paned_set_start_child (GTK_PANED (paned), scroll);
  gtk_paned_set_end_child (GTK_PANED (paned), detail_scroll);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 340);
  gtk_widget_set_parent (paned, GTK_WIDGET (self));
}

AwpOperatorPage *
awp_operator_page_new (void)
{
  return g_object_new (AWP_TYPE_OPERATOR_PAGE, NULL);
}

void
awp_operator_page_set_store (AwpOperatorPage *self,
                             AwpStore        *store)
{
  g_return_if_fail (AWP_IS_OPERATOR_PAGE (self));

  if (self->store == store)
    return;
  g_set_object (&self->store, store);
  for (guint k = 0; k < G_N_ELEMENTS (self->models); k++)
    {
      g_clear_object (&self->models[k]);
      if (store == NULL)
        continue;
      self->models[k] = awp_query_model_new (store, kinds[k]);
      awp_query_model_set_sort (self->models[k], AWP_QUEUE_SORT_RECEIVED, TRUE);
      g_signal_connect_object (self->models[k], "items-changed", G_CALLBACK (refill), self, G_CONNECT_SWAPPED);
    }
  refill (self);
}

void
awp_operator_page_set_actor (AwpOperatorPage *self,
                             const char      *actor)
{
  g_return_if_fail (AWP_IS_OPERATOR_PAGE (self) && actor != NULL);
  g_free (self->actor);
  self->actor = g_strdup (actor);
}

GtkListBox *
awp_operator_page_get_list (AwpOperatorPage *self)
{
  return self->list;
}

GtkTextView *
awp_operator_page_get_remarks (AwpOperatorPage *self)
{
  return self->remarks;
}

const char *
awp_operator_page_get_error (AwpOperatorPage *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->error)) ? gtk_label_get_text (self->error) : NULL;
}

#include "config.h"

#include <glib/gi18n.h>

#include "awp-calendar.h"
#include "awp-state-machine.h"
#include "awp-template-doc.h"
#include "awp-template-form.h"
#include "awp-template-notices.h"
#include "awp-validate.h"

typedef struct
{
  GtkWidget        *input;     /* GtkEntry or GtkTextView */
  GtkWidget        *error;     /* GtkLabel under it */
  GObject          *emitter;   /* the entry, or the text view's buffer */
  char             *member;
  char             *path;      /* the issue field: "title_kk", "questions[0].options[1].title_ru" */
  int               question;
  int               option;
  AwpFormInputKind  kind;
  gboolean          touched;   /* typed into: its errors show from now on */
} FormInput;

struct _AwpTemplateForm
{
  const AwpTemplateKind  *kind;
  AwpTemplateFormWidgets  w;
  AwpTemplateFormLoaded   loaded;
  AwpTemplateFormChanged  changed;
  gpointer                user_data;

  AwpStore   *store;
  char       *id;
  JsonObject *data;       /* the working copy */
  JsonObject *saved;      /* what the store has, as last loaded or saved */
  GPtrArray  *inputs;     /* FormInput, fixed ones first */
  guint       n_fixed;
  GPtrArray  *issues;
  GPtrArray  *checks;
  GDate       today;      /* invalid: the current date */
  char       *actor;
  guint       save_source;
  guint       follow_source; /* a look at the store after it changed */
  gboolean    loading;
  gboolean    show_all;   /* after a submission attempt: every error shows */
};

static void on_input_changed (GObject *emitter, AwpTemplateForm *form);

static void
form_input_free (gpointer p)
{
  FormInput *in = p;

  g_free (in->member);
  g_free (in->path);
  g_free (in);
}

static JsonObject *
deep_copy (JsonObject *obj)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), obj);
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(JsonNode) back = json_from_string (text, NULL);

  return json_object_ref (json_node_get_object (back));
}

AwpTemplateForm *
awp_template_form_new (const AwpTemplateKind        *kind,
                       const AwpTemplateFormWidgets *widgets,
                       AwpTemplateFormLoaded         loaded,
                       AwpTemplateFormChanged        changed,
                       gpointer                      user_data)
{
  AwpTemplateForm *form = g_new0 (AwpTemplateForm, 1);

  form->kind = kind;
  form->w = *widgets;
  form->loaded = loaded;
  form->changed = changed;
  form->user_data = user_data;
  form->data = json_object_new ();
  form->saved = json_object_new ();
  form->inputs = g_ptr_array_new_with_free_func (form_input_free);
  form->actor = g_strdup (g_get_user_name ());
  g_date_clear (&form->today, 1);
  return form;
}

static void
disconnect_input (AwpTemplateForm *form,
                  FormInput       *in)
{
  g_signal_handlers_disconnect_by_data (in->emitter, form);
}

void
awp_template_form_free (AwpTemplateForm *form)
{
  if (form == NULL)
    return;
  g_clear_handle_id (&form->save_source, g_source_remove);
  g_clear_handle_id (&form->follow_source, g_source_remove);
  if (form->store != NULL)
    g_signal_handlers_disconnect_by_data (form->store, form);
  for (guint i = 0; i < form->inputs->len; i++)
    disconnect_input (form, g_ptr_array_index (form->inputs, i));
  g_ptr_array_unref (form->inputs);
  g_clear_pointer (&form->issues, g_ptr_array_unref);
  g_clear_pointer (&form->checks, g_ptr_array_unref);
  g_clear_pointer (&form->data, json_object_unref);
  g_clear_pointer (&form->saved, json_object_unref);
  g_clear_object (&form->store);
  g_free (form->id);
  g_free (form->actor);
  g_free (form);
}

static void on_store_changed (AwpTemplateForm *form, const char *id, AwpStore *store);

void
awp_template_form_set_store (AwpTemplateForm *form,
                             AwpStore        *store)
{
  if (form->store == store)
    return;
  g_clear_handle_id (&form->save_source, g_source_remove);
  g_clear_handle_id (&form->follow_source, g_source_remove);
  if (form->store != NULL)
    g_signal_handlers_disconnect_by_data (form->store, form);
  g_set_object (&form->store, store);
  g_clear_pointer (&form->id, g_free);
  if (store != NULL)
    g_signal_connect_swapped (store, "record-changed", G_CALLBACK (on_store_changed), form);
}

AwpStore *
awp_template_form_get_store (AwpTemplateForm *form)
{
  return form->store;
}

const char *
awp_template_form_get_id (AwpTemplateForm *form)
{
  return form->id;
}

JsonObject *
awp_template_form_get_data (AwpTemplateForm *form)
{
  return form->data;
}

const char *
awp_template_form_get_actor (AwpTemplateForm *form)
{
  return form->actor;
}

void
awp_template_form_set_actor (AwpTemplateForm *form,
                             const char      *actor)
{
  g_free (form->actor);
  form->actor = g_strdup (actor != NULL ? actor : g_get_user_name ());
}

void
awp_template_form_set_today (AwpTemplateForm *form,
                             const GDate     *today)
{
  if (today != NULL)
    form->today = *today;
  else
    g_date_clear (&form->today, 1);
  awp_template_form_refresh (form);
}

GPtrArray *
awp_template_form_get_issues (AwpTemplateForm *form)
{
  return form->issues;
}

GPtrArray *
awp_template_form_get_checks (AwpTemplateForm *form)
{
  return form->checks;
}

char *
awp_template_form_display_date (const char *iso)
{
  GDate d;

  if (iso == NULL || !awp_calendar_parse_date (iso, "date", &d, NULL))
    return g_strdup (iso ? iso : "");
  return awp_calendar_format_date (&d);
}

/* The object an input writes into: the data, a question, or an option. */
static JsonObject *
target_of (JsonObject *data,
           int         question,
           int         option)
{
  JsonArray *questions;
  JsonObject *q;
  JsonArray *options;

  if (question < 0)
    return data;
  if (!json_object_has_member (data, "questions")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (data, "questions")))
    return NULL;
  questions = json_object_get_array_member (data, "questions");
  if ((guint) question >= json_array_get_length (questions)
      || !JSON_NODE_HOLDS_OBJECT (json_array_get_element (questions, question)))
    return NULL;
  q = json_array_get_object_element (questions, question);
  if (option < 0)
    return q;
  if (!json_object_has_member (q, "options") || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (q, "options")))
    return NULL;
  options = json_object_get_array_member (q, "options");
  if ((guint) option >= json_array_get_length (options)
      || !JSON_NODE_HOLDS_OBJECT (json_array_get_element (options, option)))
    return NULL;
  return json_array_get_object_element (options, option);
}

static char *
input_get_text (FormInput *in)
{
  if (GTK_IS_TEXT_VIEW (in->input))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (in->input));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (in->input)));
}

static void
input_set_text (FormInput  *in,
                const char *text)
{
  g_autofree char *shown = in->kind == AWP_FORM_DATE ? awp_template_form_display_date (text) : g_strdup (text);

  if (GTK_IS_TEXT_VIEW (in->input))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (in->input)), shown, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (in->input), shown);
}

/* Puts the data's value into the input (while loading: no autosave). */
static void
fill_input (AwpTemplateForm *form,
            FormInput       *in)
{
  JsonObject *target = target_of (form->data, in->question, in->option);
  const char *text = target ? json_object_get_string_member_with_default (target, in->member, "") : "";
  gboolean was_loading = form->loading;

  form->loading = TRUE;
  input_set_text (in, text);
  form->loading = was_loading;
}

GtkWidget *
awp_template_form_field (AwpTemplateForm  *form,
                         AwpFormInputKind  kind,
                         const char       *caption,
                         const char       *member,
                         int               question,
                         int               option,
                         gboolean          dynamic,
                         GtkWidget       **input)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (caption);
  GtkWidget *error = gtk_label_new (NULL);
  FormInput *in = g_new0 (FormInput, 1);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), label);

  if (kind == AWP_FORM_TEXT)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();

      in->input = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (in->input), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (in->input), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (in->input), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (in->input), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (in->input), 6);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (in->input), 6);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 72);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), in->input);
      gtk_widget_add_css_class (scroller, "card");
      gtk_box_append (GTK_BOX (box), scroller);
      in->emitter = G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (in->input)));
    }
  else
    {
      in->input = gtk_entry_new ();
      if (kind == AWP_FORM_DATE)
        {
          /* TRANSLATORS: the date format shown in empty date fields */
          gtk_entry_set_placeholder_text (GTK_ENTRY (in->input), _("DD.MM.YYYY"));
          gtk_entry_set_input_purpose (GTK_ENTRY (in->input), GTK_INPUT_PURPOSE_DIGITS);
        }
      gtk_box_append (GTK_BOX (box), in->input);
      in->emitter = G_OBJECT (in->input);
    }
  gtk_accessible_update_relation (GTK_ACCESSIBLE (in->input),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, error, NULL,
                                  -1);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_add_css_class (error, "caption");
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (GTK_BOX (box), error);

  in->error = error;
  in->kind = kind;
  in->member = g_strdup (member);
  in->question = question;
  in->option = option;
  if (question < 0)
    in->path = g_strdup (member);
  else if (option < 0)
    in->path = g_strdup_printf ("questions[%d].%s", question, member);
  else
    in->path = g_strdup_printf ("questions[%d].options[%d].%s", question, option, member);
  g_object_set_data_full (G_OBJECT (in->input), "awp-field", g_strdup (in->path), g_free);

  if (dynamic)
    g_ptr_array_add (form->inputs, in);
  else
    g_ptr_array_insert (form->inputs, (int) form->n_fixed++, in);

  fill_input (form, in);
  g_signal_connect (in->emitter, "changed", G_CALLBACK (on_input_changed), form);
  *input = in->input;
  return box;
}

void
awp_template_form_drop_dynamic (AwpTemplateForm *form)
{
  for (guint i = form->n_fixed; i < form->inputs->len; i++)
    disconnect_input (form, g_ptr_array_index (form->inputs, i));
  g_ptr_array_set_size (form->inputs, form->n_fixed);
}

static const AwpFieldError *
issue_for (AwpTemplateForm *form,
           const char      *path)
{
  for (guint i = 0; form->issues != NULL && i < form->issues->len; i++)
    {
      const AwpFieldError *e = g_ptr_array_index (form->issues, i);

      if (g_str_equal (e->field, path))
        return e;
    }
  return NULL;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
two_line_row (const char *icon,
              const char *icon_class,
              const char *title,
              const char *body)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *image = gtk_image_new_from_icon_name (icon);
  GtkWidget *t = gtk_label_new (title);
  GtkWidget *b = gtk_label_new (body);

  gtk_widget_set_valign (image, GTK_ALIGN_START);
  if (icon_class)
    gtk_widget_add_css_class (image, icon_class);
  gtk_label_set_xalign (GTK_LABEL (t), 0);
  gtk_label_set_wrap (GTK_LABEL (t), TRUE);
  gtk_label_set_xalign (GTK_LABEL (b), 0);
  gtk_label_set_wrap (GTK_LABEL (b), TRUE);
  gtk_widget_add_css_class (t, "heading");
  gtk_widget_add_css_class (b, "dim-label");
  gtk_box_append (GTK_BOX (text), t);
  gtk_box_append (GTK_BOX (text), b);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  /* Callers add lines under the text (a notice's posting). */
  g_object_set_data (G_OBJECT (row), "awp-text-box", text);
  return row;
}

static void
show_checks (AwpTemplateForm *form)
{
  if (form->w.checks_list == NULL)
    return;
  clear_list (form->w.checks_list);
  for (guint i = 0; form->checks != NULL && i < form->checks->len; i++)
    {
      const AwpRuleCheck *c = g_ptr_array_index (form->checks, i);
      const char *icon = c->status == AWP_CHECK_PASSED ? "emblem-ok-symbolic"
                       : c->status == AWP_CHECK_FAILED ? "dialog-warning-symbolic"
                       : "content-loading-symbolic";
      const char *css = c->status == AWP_CHECK_PASSED ? "success"
                      : c->status == AWP_CHECK_FAILED ? "error" : "dim-label";
      GtkWidget *row = two_line_row (icon, css, c->title, c->explanation);

      gtk_widget_set_name (row, c->id);
      gtk_widget_add_css_class (row, c->status == AWP_CHECK_PASSED ? "awp-check-passed"
                                     : c->status == AWP_CHECK_FAILED ? "awp-check-failed"
                                     : "awp-check-pending");
      gtk_list_box_append (form->w.checks_list, row);
    }
}

static void
on_post_notice_clicked (GtkButton       *button,
                        AwpTemplateForm *form)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (button), "awp-entry");
  const char *key = g_object_get_data (G_OBJECT (button), "awp-notice");
  g_autofree char *id = g_strdup (form->id);
  g_autoptr(GError) error = NULL;

  if (!awp_template_post_notice (form->store, id, key, gtk_editable_get_text (entry),
                                 g_date_valid (&form->today) ? &form->today : NULL, form->actor, &error))
    {
      if (form->w.message_label)
        {
          gtk_label_set_text (form->w.message_label, error->message);
          gtk_widget_add_css_class (GTK_WIDGET (form->w.message_label), "error");
          gtk_widget_set_visible (GTK_WIDGET (form->w.message_label), TRUE);
        }
      return;
    }
  awp_template_form_load (form, id, NULL);
}

/* Under a notice: where and when it was posted, or (once the Operator
 * accepted the template) a field for its link. */
static void
add_posting (AwpTemplateForm *form,
             GtkWidget       *row,
             const AwpNotice *n)
{
  GtkBox *text = g_object_get_data (G_OBJECT (row), "awp-text-box");
  const char *status = json_object_get_string_member_with_default (form->data, "status", "draft");

  if (g_date_valid (&n->posted_on))
    {
      g_autofree char *day = awp_calendar_format_date (&n->posted_on);
      /* TRANSLATORS: a date, then the link to the notice on the portal */
      g_autofree char *line = n->late ? g_strdup_printf (_("Posted late, on %s: %s"), day, n->link)
                                      : g_strdup_printf (_("Posted on %s: %s"), day, n->link);
      GtkWidget *label = gtk_label_new (line);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, n->late ? "error" : "success");
      gtk_widget_set_name (label, "notice-posted");
      gtk_box_append (text, label);
    }
  else if (g_str_equal (status, "accepted") || g_str_equal (status, "published"))
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Mark as _posted"));

      gtk_widget_set_hexpand (entry, TRUE);
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://");
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Link to the notice"), -1);
      gtk_widget_set_name (entry, "notice-link");
      gtk_widget_set_name (button, "post-notice");
      g_object_set_data (G_OBJECT (button), "awp-entry", entry);
      g_object_set_data_full (G_OBJECT (button), "awp-notice", g_strdup (n->key), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_post_notice_clicked), form);
      gtk_box_append (GTK_BOX (line), entry);
      gtk_box_append (GTK_BOX (line), button);
      gtk_widget_set_margin_top (line, 4);
      gtk_box_append (text, line);
    }
}

static void
show_notices (AwpTemplateForm          *form,
              const AwpTemplateContext *ctx)
{
  g_autoptr(GPtrArray) notices = NULL;

  if (form->w.notices_list == NULL)
    return;
  clear_list (form->w.notices_list);
  notices = form->kind->notices (form->data, ctx);
  for (guint i = 0; i < notices->len; i++)
    {
      const AwpNotice *n = g_ptr_array_index (notices, i);
      g_autofree char *latest = awp_calendar_format_day (&n->latest);
      g_autofree char *body = NULL;
      GtkWidget *row;

      if (g_date_valid (&n->earliest))
        {
          g_autofree char *earliest = awp_calendar_format_day (&n->earliest);

          /* TRANSLATORS: two dates, then a norm id such as O145-8.2 */
          body = g_strdup_printf (_("From %s to %s (%s)"), earliest, latest, n->norm);
        }
      else
        /* TRANSLATORS: a date, then a norm id such as O145-8.1 */
        body = g_strdup_printf (_("By %s at the latest (%s)"), latest, n->norm);
      row = two_line_row (g_date_valid (&n->posted_on) ? "emblem-ok-symbolic" : "mail-send-symbolic",
                          g_date_valid (&n->posted_on) ? (n->late ? "error" : "success") : NULL,
                          n->title, body);
      add_posting (form, row, n);
      gtk_list_box_append (form->w.notices_list, row);
    }
  if (notices->len == 0)
    gtk_list_box_append (form->w.notices_list,
                         two_line_row ("content-loading-symbolic", "dim-label",
                                       _("No notices yet"),
                                       _("The schedule appears once the dates are filled in.")));
}

static void
show_status (AwpTemplateForm *form)
{
  const char *status = json_object_get_string_member_with_default (form->data, "status", "draft");
  const char *remarks = json_object_get_string_member_with_default (form->data, "remarks", "");
  const char *sent = json_object_get_string_member_with_default (form->data, "submitted_on", NULL);
  gboolean editable = form->id != NULL && awp_template_is_editable (form->data);
  g_autofree char *text = NULL;

  if (form->w.status_label)
    {
      if (sent != NULL && !g_str_equal (status, "draft"))
        {
          g_autofree char *day = awp_template_form_display_date (sent);

          /* TRANSLATORS: a status such as "Submitted", then a date */
          text = g_strdup_printf (_("%s · sent to the Operator on %s"), awp_state_label (status), day);
        }
      else
        text = g_strdup (awp_state_label (status));
      gtk_label_set_text (form->w.status_label, text);
      /* Ellipsized in a narrow window: the whole line on hover. */
      gtk_widget_set_tooltip_text (GTK_WIDGET (form->w.status_label), text);
      gtk_widget_set_name (GTK_WIDGET (form->w.status_label), status);
    }
  if (form->w.remarks_label)
    {
      gboolean show = g_str_equal (status, "returned") && remarks[0] != '\0';
      g_autofree char *line = show ? g_strdup_printf (_("The Operator’s remarks: %s"), remarks) : NULL;

      gtk_label_set_text (form->w.remarks_label, line ? line : "");
      gtk_widget_set_visible (GTK_WIDGET (form->w.remarks_label), show);
    }
  if (form->w.form_box)
    gtk_widget_set_sensitive (form->w.form_box, editable);
  /* Only a draft or a returned template can be sent. */
  if (form->w.submit_button)
    gtk_widget_set_visible (form->w.submit_button, editable);
}

void
awp_template_form_refresh (AwpTemplateForm *form)
{
  AwpTemplateContext ctx;
  g_autoptr(GError) error = NULL;

  show_status (form);
  if (form->store == NULL
      || !awp_template_context_init (&ctx, form->store, g_date_valid (&form->today) ? &form->today : NULL, &error))
    return;

  g_clear_pointer (&form->issues, g_ptr_array_unref);
  g_clear_pointer (&form->checks, g_ptr_array_unref);
  form->issues = form->kind->validate (form->data, &ctx);
  form->checks = form->kind->check_rules (form->data, &ctx);

  for (guint i = 0; i < form->inputs->len; i++)
    {
      FormInput *in = g_ptr_array_index (form->inputs, i);
      const AwpFieldError *e = issue_for (form, in->path);
      g_autofree char *text = input_get_text (in);
      /* A fresh draft is not a wall of red: errors show once a field is
       * typed into, holds text, or a submission was tried. */
      gboolean show = e != NULL && (in->touched || form->show_all || text[0] != '\0');

      gtk_label_set_text (GTK_LABEL (in->error), show ? e->message : "");
      gtk_widget_set_visible (in->error, show);
      if (show)
        gtk_widget_add_css_class (in->input, "error");
      else
        gtk_widget_remove_css_class (in->input, "error");
    }
  show_checks (form);
  show_notices (form, &ctx);
}

static gboolean
is_date_member (const char *member)
{
  return g_str_has_suffix (member, "_on");
}

/* The fields that differ from the stored copy. Dates go in only when they
 * are real dates: a half-typed date is not saved. */
static JsonObject *
pending_changes (AwpTemplateForm *form)
{
  JsonObject *changes = json_object_new ();

  for (guint i = 0; form->kind->members[i] != NULL; i++)
    {
      const char *m = form->kind->members[i];
      JsonNode *now = json_object_get_member (form->data, m);
      JsonNode *before = json_object_get_member (form->saved, m);
      GDate d;

      if (now != NULL && is_date_member (m)
          && !awp_calendar_parse_date (json_node_get_string (now), m, &d, NULL))
        now = NULL;
      if (now == NULL)
        {
          if (before != NULL)
            json_object_set_null_member (changes, m);
          continue;
        }
      if (before != NULL && json_node_equal (now, before))
        continue;
      json_object_set_member (changes, m, json_node_copy (now));
    }
  return changes;
}

static void
show_saved (AwpTemplateForm *form,
            const GError    *error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M");
  g_autofree char *text = NULL;

  if (form->w.save_label == NULL)
    return;
  if (error != NULL)
    /* TRANSLATORS: %s is the reason */
    text = g_strdup_printf (_("Not saved: %s"), error->message);
  else
    /* TRANSLATORS: %s is a time, 14:05 */
    text = g_strdup_printf (_("Draft saved at %s"), time);
  gtk_label_set_text (form->w.save_label, text);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (form->w.save_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (form->w.save_label), "error");
}

gboolean
awp_template_form_has_pending (AwpTemplateForm *form)
{
  return form->save_source != 0;
}

gboolean
awp_template_form_flush (AwpTemplateForm  *form,
                         GError          **error)
{
  g_autoptr(JsonObject) changes = NULL;
  g_autoptr(GError) local = NULL;

  g_clear_handle_id (&form->save_source, g_source_remove);
  if (form->store == NULL || form->id == NULL || !awp_template_is_editable (form->data))
    return TRUE;
  changes = pending_changes (form);
  if (json_object_get_size (changes) == 0)
    return TRUE;
  if (!awp_template_save (form->store, form->kind->type, form->id, changes, form->actor, &local))
    {
      show_saved (form, local);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  json_object_unref (form->saved);
  form->saved = deep_copy (form->data);
  show_saved (form, NULL);
  return TRUE;
}

static gboolean
autosave_cb (gpointer user_data)
{
  AwpTemplateForm *form = user_data;

  form->save_source = 0;
  awp_template_form_flush (form, NULL);
  return G_SOURCE_REMOVE;
}

void
awp_template_form_changed (AwpTemplateForm *form)
{
  if (form->loading)
    return;
  g_clear_handle_id (&form->save_source, g_source_remove);
  if (form->id != NULL)
    form->save_source = g_timeout_add (AWP_TEMPLATE_FORM_AUTOSAVE_MS, autosave_cb, form);
  awp_template_form_refresh (form);
  if (form->changed)
    form->changed (form->user_data);
}

static void
on_input_changed (GObject         *emitter,
                  AwpTemplateForm *form)
{
  FormInput *in = NULL;
  JsonObject *target;
  g_autofree char *text = NULL;

  if (form->loading)
    return;
  for (guint i = 0; i < form->inputs->len && in == NULL; i++)
    if (((FormInput *) g_ptr_array_index (form->inputs, i))->emitter == emitter)
      in = g_ptr_array_index (form->inputs, i);
  if (in == NULL)
    return;
  target = target_of (form->data, in->question, in->option);
  if (target == NULL)
    return;
  in->touched = TRUE;
  text = input_get_text (in);
  if (in->kind == AWP_FORM_DATE)
    {
      GDate d;

      /* Stored as YYYY-MM-DD when it is a date, else as typed (the check
       * then names the field and the format). */
      if (awp_validate_date (text, in->member, &d, NULL))
        {
          g_autofree char *iso = awp_template_iso_date (&d);

          json_object_set_string_member (target, in->member, iso);
        }
      else if (text[0] == '\0')
        json_object_remove_member (target, in->member);
      else
        json_object_set_string_member (target, in->member, text);
    }
  else
    json_object_set_string_member (target, in->member, text);
  awp_template_form_changed (form);
}

gboolean
awp_template_form_load (AwpTemplateForm  *form,
                        const char       *id,
                        GError          **error)
{
  g_autoptr(JsonObject) record = NULL;
  const char *type;

  g_return_val_if_fail (form->store != NULL, FALSE);

  awp_template_form_flush (form, NULL);
  record = awp_store_get_record (form->store, id, error);
  if (record == NULL)
    return FALSE;
  type = json_object_get_string_member_with_default (record, "type", "");
  if (!g_str_equal (type, form->kind->type))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The record “%s” is not of type “%s”"), id, form->kind->type);
      return FALSE;
    }
  g_free (form->id);
  form->id = g_strdup (id);
  json_object_unref (form->data);
  json_object_unref (form->saved);
  form->data = deep_copy (json_object_get_object_member (record, "data"));
  form->saved = deep_copy (form->data);
  form->show_all = FALSE;

  form->loading = TRUE;
  for (guint i = 0; i < form->inputs->len; i++)
    {
      FormInput *in = g_ptr_array_index (form->inputs, i);

      in->touched = FALSE;
      fill_input (form, in);
    }
  if (form->loaded)
    form->loaded (form->user_data);
  form->loading = FALSE;
  if (form->w.save_label)
    gtk_label_set_text (form->w.save_label, "");
  if (form->w.message_label)
    gtk_widget_set_visible (GTK_WIDGET (form->w.message_label), FALSE);
  awp_template_form_refresh (form);
  if (form->changed)
    form->changed (form->user_data);
  return TRUE;
}

/* The open template changed in the store under the form: a sync brought
 * the Operator's decision and remarks (O145-7), or the portal's survey
 * results. Without edits waiting to be saved the form shows the stored
 * template again; with some, only what the body does not edit here
 * (status, remarks, results …) is taken, so typing is never lost. */
/* Whether @stored differs from what the form last loaded or saved in
 * what the body does not type here (status, remarks, results …); its own
 * fields, and the subject the store derives from them, come from here. */
static gboolean
changed_elsewhere (AwpTemplateForm *form,
                   JsonObject      *stored)
{
  JsonObject *sides[] = { stored, form->saved };

  for (guint k = 0; k < G_N_ELEMENTS (sides); k++)
    {
      g_autoptr(GList) names = json_object_get_members (sides[k]);

      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonNode *a = json_object_get_member (stored, l->data);
          JsonNode *b = json_object_get_member (form->saved, l->data);

          if (g_strv_contains (form->kind->members, l->data) || g_str_equal (l->data, "subject"))
            continue;
          if (a == NULL || b == NULL || !json_node_equal (a, b))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
follow_store_cb (gpointer user_data)
{
  AwpTemplateForm *form = user_data;
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(JsonObject) changes = NULL;
  g_autofree char *open_id = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *stored;

  form->follow_source = 0;
  if (form->id == NULL || form->store == NULL)
    return G_SOURCE_REMOVE;
  record = awp_store_get_record (form->store, form->id, NULL);
  if (record == NULL)
    return G_SOURCE_REMOVE;
  stored = json_object_get_object_member (record, "data");
  if (stored == NULL || !changed_elsewhere (form, stored))
    return G_SOURCE_REMOVE;
  changes = pending_changes (form);
  /* Another step (the Operator returned, accepted, published): the form
   * shows it as a whole, editable again or no longer. */
  if (json_object_get_size (changes) == 0
      && g_strcmp0 (json_object_get_string_member_with_default (form->saved, "status", "draft"),
                    json_object_get_string_member_with_default (stored, "status", "draft")) != 0)
    {
      open_id = g_strdup (form->id);
      g_clear_handle_id (&form->save_source, g_source_remove);
      awp_template_form_load (form, open_id, NULL);
      return G_SOURCE_REMOVE;
    }
  /* Otherwise the inputs stay as they are (a cursor does not jump): only
   * what is not typed here is taken (remarks, results, the server's org id). */
  members = json_object_get_members (stored);
  for (GList *m = members; m != NULL; m = m->next)
    {
      if (g_strv_contains (form->kind->members, m->data))
        continue;
      json_object_set_member (form->data, m->data, json_node_copy (json_object_get_member (stored, m->data)));
      json_object_set_member (form->saved, m->data, json_node_copy (json_object_get_member (stored, m->data)));
    }
  awp_template_form_refresh (form);
  if (form->changed)
    form->changed (form->user_data);
  return G_SOURCE_REMOVE;
}

/* Looked at once the store is done: the signal comes inside a write (a
 * transition of this very template among them). */
static void
on_store_changed (AwpTemplateForm *form,
                  const char      *id,
                  AwpStore        *store)
{
  if (form->id == NULL || (id != NULL && g_strcmp0 (id, form->id) != 0) || form->follow_source != 0)
    return;
  form->follow_source = g_idle_add (follow_store_cb, form);
}

gboolean
awp_template_form_submit (AwpTemplateForm  *form,
                          GError          **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *id = g_strdup (form->id);
  gboolean ok;

  g_return_val_if_fail (form->id != NULL, FALSE);

  ok = awp_template_form_flush (form, &local)
       && form->kind->submit (form->store, id,
                              g_date_valid (&form->today) ? &form->today : NULL,
                              form->actor, &local);
  if (ok)
    ok = awp_template_form_load (form, id, &local);
  if (!ok)
    {
      form->show_all = TRUE;
      awp_template_form_refresh (form);
    }
  if (form->w.message_label)
    {
      gtk_label_set_text (form->w.message_label,
                          ok ? _("Sent to the Operator (Rules No. 145, para. 7).") : local->message);
      gtk_widget_set_visible (GTK_WIDGET (form->w.message_label), TRUE);
      if (ok)
        gtk_widget_remove_css_class (GTK_WIDGET (form->w.message_label), "error");
      else
        gtk_widget_add_css_class (GTK_WIDGET (form->w.message_label), "error");
    }
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local));
  return ok;
}

static GtkWindow *
owner_window (GtkWidget *owner)
{
  GtkRoot *root = gtk_widget_get_root (owner);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_message (AwpTemplateForm *form,
              const char      *text,
              gboolean         error)
{
  if (form->w.message_label == NULL)
    return;
  gtk_label_set_text (form->w.message_label, text);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (form->w.message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (form->w.message_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (form->w.message_label), TRUE);
}

static void
on_pdf_response (GtkNativeDialog *dialog,
                 int              response,
                 gpointer         user_data)
{
  AwpTemplateDoc *doc = g_object_get_data (G_OBJECT (dialog), "awp-doc");
  AwpTemplateForm *form = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        show_message (form, _("The document can only be saved to a local folder."), TRUE);
      else if (!awp_template_doc_write_pdf (doc, path, &error))
        show_message (form, error->message, TRUE);
      else
        {
          /* TRANSLATORS: a file path */
          g_autofree char *text = g_strdup_printf (_("Saved as “%s”."), path);

          show_message (form, text, FALSE);
        }
    }
  g_object_unref (dialog);
}

void
awp_template_form_save_pdf (AwpTemplateForm *form,
                            GtkWidget       *owner)
{
  GtkFileChooserNative *dialog;
  /* TRANSLATORS: file names for the Annex documents */
  const char *name = g_str_equal (form->kind->type, "conference") ? _("conference-template.pdf")
                                                                  : _("survey-template.pdf");

  /* What is on screen, saved first, is what goes into the document. */
  awp_template_form_flush (form, NULL);
  dialog = gtk_file_chooser_native_new (_("Save the template as PDF"), owner_window (owner),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data_full (G_OBJECT (dialog), "awp-doc", awp_template_doc_new (form->kind->type, form->data),
                          (GDestroyNotify) awp_template_doc_free);
  /* The form outlives the dialog: the dialog is modal to the window. */
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_pdf_response), form);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
awp_template_form_print (AwpTemplateForm *form,
                         GtkWidget       *owner)
{
  g_autoptr(AwpTemplateDoc) doc = NULL;

  awp_template_form_flush (form, NULL);
  doc = awp_template_doc_new (form->kind->type, form->data);
  awp_template_doc_print (doc, owner_window (owner));
}

#include "config.h"

#include <glib/gi18n.h>

#include "awp-conference-editor.h"
#include "awp-conference-questions.h"
#include "awp-conference-template.h"

struct _AwpConferenceEditor
{
  GtkWidget parent_instance;

  /* Template Widgets */
  GtkWidget  *main_box;
  GtkLabel   *status_label;
  GtkLabel   *save_label;
  GtkLabel   *remarks_label;
  GtkLabel   *message_label;
  GtkWidget  *submit_button;
  GtkWidget  *form_box;
  GtkBox     *dates_box;
  GtkListBox *checks_list;
  GtkGrid    *texts_grid;
  GtkGrid    *moderator_grid;
  GtkSwitch  *public_switch;
  GtkListBox *notices_list;
  GtkWidget  *live_box;
  GtkLabel   *live_summary;
  GtkListBox *live_list;
  GtkLabel   *close_message;
  GtkWidget  *close_button;

  /* Owned */
  AwpTemplateForm *form;
};

G_DEFINE_FINAL_TYPE (AwpConferenceEditor, awp_conference_editor, GTK_TYPE_WIDGET)

static const char *const conference_members[] = {
  "opens_on", "closes_on",
  "title_kk", "title_ru", "title_en",
  "brief_kk", "brief_ru", "brief_en",
  "description_kk", "description_ru", "description_en",
  "moderator_surname", "moderator_name", "moderator_patronymic", "moderator_iin",
  "moderator_position", "moderator_email", "moderator_phone",
  "public_discussion",
  NULL
};

static const AwpTemplateKind conference_kind = {
  "conference",
  awp_conference_template_validate,
  awp_conference_template_check_rules,
  awp_conference_template_notices,
  awp_conference_template_submit,
  conference_members,
};

static void refresh_live (AwpConferenceEditor *self);

static void
on_loaded (gpointer user_data)
{
  AwpConferenceEditor *self = user_data;
  JsonObject *data = awp_template_form_get_data (self->form);

  gtk_switch_set_active (self->public_switch,
                         json_object_get_boolean_member_with_default (data, "public_discussion", FALSE));
  gtk_label_set_text (self->close_message, "");
  refresh_live (self);
}

static void
on_answer_clicked (GtkButton           *button,
                   AwpConferenceEditor *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (button), "awp-entry");
  const char *question = g_object_get_data (G_OBJECT (button), "awp-question");
  g_autoptr(GError) error = NULL;

  if (!awp_conference_question_answer (awp_template_form_get_store (self->form), question,
                                       gtk_editable_get_text (entry),
                                       awp_template_form_get_actor (self->form), &error))
    {
      gtk_label_set_text (self->close_message, error->message);
      return;
    }
  gtk_label_set_text (self->close_message, "");
  refresh_live (self);
}

/* Answers being typed, by question id, so a question arriving meanwhile
 * (the list is rebuilt) does not wipe them. */
static void
collect_drafts (GtkWidget  *root,
                GHashTable *drafts)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_name (root), "answer") == 0)
    {
      GtkEditable *entry = g_object_get_data (G_OBJECT (root), "awp-entry");
      const char *text = gtk_editable_get_text (entry);

      if (text[0] != '\0')
        g_hash_table_insert (drafts, g_strdup (g_object_get_data (G_OBJECT (root), "awp-question")),
                             g_strdup (text));
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    collect_drafts (c, drafts);
}

static GtkWidget *
question_row (AwpConferenceEditor *self,
              JsonObject          *record,
              GHashTable          *drafts)
{
  JsonObject *data = json_object_get_object_member (record, "data");
  const char *answer = json_object_get_string_member_with_default (data, "answer", "");
  g_autofree char *received = awp_template_form_display_date (
    json_object_get_string_member_with_default (data, "received_on", ""));
  /* TRANSLATORS: who asked, then the date */
  g_autofree char *meta = g_strdup_printf (_("%s, %s"),
                                           json_object_get_string_member_with_default (data, "author", "—"),
                                           received);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *text = gtk_label_new (json_object_get_string_member_with_default (data, "text", ""));
  GtkWidget *who = gtk_label_new (meta);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_widget_add_css_class (text, "heading");
  gtk_label_set_xalign (GTK_LABEL (who), 0);
  gtk_widget_add_css_class (who, "dim-label");
  gtk_widget_add_css_class (who, "caption");
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), who);
  if (answer[0] != '\0')
    {
      g_autofree char *line = g_strdup_printf (_("Answer: %s"), answer);
      GtkWidget *label = gtk_label_new (line);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "success");
      gtk_box_append (GTK_BOX (box), label);
    }
  else
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Answer"));
      const char *draft;

      gtk_widget_set_hexpand (entry, TRUE);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("The answer to publish"));
      draft = g_hash_table_lookup (drafts, json_object_get_string_member (record, "id"));
      if (draft != NULL)
        gtk_editable_set_text (GTK_EDITABLE (entry), draft);
      gtk_widget_set_name (entry, "answer-entry");
      gtk_widget_set_name (button, "answer");
      g_object_set_data (G_OBJECT (button), "awp-entry", entry);
      g_object_set_data_full (G_OBJECT (button), "awp-question",
                              g_strdup (json_object_get_string_member (record, "id")), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_answer_clicked), self);
      gtk_box_append (GTK_BOX (line), entry);
      gtk_box_append (GTK_BOX (line), button);
      gtk_box_append (GTK_BOX (box), line);
    }
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* The live question queue of a published conference (O145-9.2). */
static void
refresh_live (AwpConferenceEditor *self)
{
  AwpStore *store = awp_template_form_get_store (self->form);
  const char *id = awp_template_form_get_id (self->form);
  const char *status = json_object_get_string_member_with_default (awp_template_form_get_data (self->form),
                                                                   "status", "draft");
  gboolean live = g_str_equal (status, "published") || g_str_equal (status, "closed");
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GHashTable) drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint open = 0;

  gtk_widget_set_visible (self->live_box, live && store != NULL && id != NULL);
  collect_drafts (GTK_WIDGET (self->live_list), drafts);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->live_list))) != NULL)
    gtk_list_box_remove (self->live_list, child);
  if (!live || store == NULL || id == NULL)
    return;
  questions = awp_conference_questions_list (store, id, &error);
  if (questions == NULL)
    {
      gtk_label_set_text (self->live_summary, error->message);
      return;
    }
  for (guint i = 0; i < questions->len; i++)
    {
      JsonObject *data = json_object_get_object_member (questions->pdata[i], "data");

      if (json_object_get_string_member_with_default (data, "answer", "")[0] == '\0')
        open++;
      gtk_list_box_append (self->live_list, question_row (self, questions->pdata[i], drafts));
    }
  {
    /* TRANSLATORS: the number of questions received, then of those unanswered */
    g_autofree char *received = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question received",
                                                              "%u questions received", questions->len),
                                                 questions->len);
    g_autofree char *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u without an answer",
                                                             "%s, %u without an answer", open),
                                                received, open);

    gtk_label_set_text (self->live_summary, summary);
  }
  gtk_widget_set_sensitive (self->close_button, g_str_equal (status, "published"));
}

static void
on_close_clicked_cb (AwpConferenceEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (awp_template_form_get_id (self->form));

  if (!awp_conference_close (awp_template_form_get_store (self->form), id,
                             awp_template_form_get_actor (self->form), &error))
    {
      gtk_label_set_text (self->close_message, error->message);
      return;
    }
  awp_template_form_load (self->form, id, NULL);
}

static void
on_public_toggled_cb (AwpConferenceEditor *self)
{
  JsonObject *data = awp_template_form_get_data (self->form);

  if (json_object_get_boolean_member_with_default (data, "public_discussion", FALSE)
      == gtk_switch_get_active (self->public_switch))
    return;
  json_object_set_boolean_member (data, "public_discussion", gtk_switch_get_active (self->public_switch));
  awp_template_form_changed (self->form);
}

static void
on_submit_clicked_cb (AwpConferenceEditor *self)
{
  awp_template_form_submit (self->form, NULL);
}

/* The trilingual rows of Annex 1: kk | ru | en side by side. */
static void
build_texts (AwpConferenceEditor *self)
{
  static const struct { const char *member; const char *label; AwpFormInputKind kind; } rows[] = {
    { "title", NC_("template", "Name"), AWP_FORM_ENTRY },
    { "brief", NC_("template", "Brief description"), AWP_FORM_TEXT },
    { "description", NC_("template", "Description"), AWP_FORM_TEXT },
  };
  static const char *const langs[] = { "kk", "ru", "en" };

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        g_autofree char *member = g_strdup_printf ("%s_%s", rows[r].member, langs[l]);
        const char *label = g_dpgettext2 (GETTEXT_PACKAGE, "template", rows[r].label);
        g_autofree char *caption = NULL;
        GtkWidget *input;
        GtkWidget *field;

        if (l == 0)
          caption = g_strdup_printf (_("%s in Kazakh"), label);
        else if (l == 1)
          caption = g_strdup_printf (_("%s in Russian"), label);
        else
          /* TRANSLATORS: Annex 1 marks English as optional: "Name in English (if necessary)" */
          caption = g_strdup_printf (_("%s in English (if necessary)"), label);
        field = awp_template_form_field (self->form, rows[r].kind, caption, member, -1, -1, FALSE, &input);
        if (rows[r].kind == AWP_FORM_TEXT && g_str_equal (rows[r].member, "description"))
          gtk_widget_set_size_request (gtk_widget_get_parent (input), -1, 140);
        gtk_widget_set_valign (field, GTK_ALIGN_START);
        gtk_grid_attach (self->texts_grid, field, (int) l, (int) r, 1, 1);
      }
}

static void
build_moderator (AwpConferenceEditor *self)
{
  static const struct { const char *member; const char *label; GtkInputPurpose purpose; } rows[] = {
    { "moderator_surname", N_("Surname"), GTK_INPUT_PURPOSE_NAME },
    { "moderator_name", N_("Name"), GTK_INPUT_PURPOSE_NAME },
    { "moderator_patronymic", N_("Patronymic (if any)"), GTK_INPUT_PURPOSE_NAME },
    { "moderator_iin", N_("IIN"), GTK_INPUT_PURPOSE_DIGITS },
    { "moderator_position", N_("Position"), GTK_INPUT_PURPOSE_FREE_FORM },
    { "moderator_email", N_("E-mail"), GTK_INPUT_PURPOSE_EMAIL },
    { "moderator_phone", N_("Phone"), GTK_INPUT_PURPOSE_PHONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *input;
      GtkWidget *field = awp_template_form_field (self->form, AWP_FORM_ENTRY, _(rows[i].label),
                                                  rows[i].member, -1, -1, FALSE, &input);

      gtk_entry_set_input_purpose (GTK_ENTRY (input), rows[i].purpose);
      if (g_str_equal (rows[i].member, "moderator_iin"))
        gtk_entry_set_max_length (GTK_ENTRY (input), 12);
      if (g_str_equal (rows[i].member, "moderator_phone"))
        gtk_entry_set_placeholder_text (GTK_ENTRY (input), "+7 701 123 45 67");
      gtk_widget_set_valign (field, GTK_ALIGN_START);
      gtk_grid_attach (self->moderator_grid, field, (int) (i % 3), (int) (i / 3), 1, 1);
    }
}

static void
build_dates (AwpConferenceEditor *self)
{
  GtkWidget *input;

  gtk_box_append (self->dates_box,
                  awp_template_form_field (self->form, AWP_FORM_DATE, _("Opening date"), "opens_on",
                                           -1, -1, FALSE, &input));
  gtk_box_append (self->dates_box,
                  awp_template_form_field (self->form, AWP_FORM_DATE, _("Closing date"), "closes_on",
                                           -1, -1, FALSE, &input));
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  AwpConferenceEditor *self = AWP_CONFERENCE_EDITOR (widget);

  awp_template_form_save_pdf (self->form, widget);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  AwpConferenceEditor *self = AWP_CONFERENCE_EDITOR (widget);

  awp_template_form_print (self->form, widget);
}

static void
awp_conference_editor_dispose (GObject *object)
{
  AwpConferenceEditor *self = AWP_CONFERENCE_EDITOR (object);

  /* What was typed last is not lost when the editor goes away. */
  if (self->form != NULL)
    awp_template_form_flush (self->form, NULL);
  g_clear_pointer (&self->form, awp_template_form_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWP_TYPE_CONFERENCE_EDITOR);

  G_OBJECT_CLASS (awp_conference_editor_parent_class)->dispose (object);
}

static void
awp_conference_editor_class_init (AwpConferenceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awp_conference_editor_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "editor.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "editor.print", NULL, print_action);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-conference-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AwpConferenceEditor, main_box);
  gtk_widget_class_bind_template_child (widget_class, AwpConferenceEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, AwpConferenceEditor, save_label);
  gtk_widget_class_bind_template_child (widget_class, AwpConferenceEditor, remarks_label);
  gtk_widget_class_bind_template_child (widget_class, AwpConferenceEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, AwpConferenceEditor, submit_button);
  gtk_widget_class_bind_template_child (widget_class, AwpConferenceEditor, form_box);
  gtk_widget_class_bind_template_child (widget_class, AwpConferenceEditor, dates_box);
  gtk_widget_class_bind_template_child (widget_class, AwpConferenceEditor, checks_list);
  gtk_widget_class_bind_template_child (widget_class, AwpConferenceEditor, texts_grid);
  gtk_widget_class_bind_template_child (widget_class, AwpConferenceEditor, moderator_grid);
  gtk_widget_class_bind_template_child (widget_class, AwpConferenceEditor, public_switch);
  gtk_widget_class_bind_template_child (widget_class, AwpConferenceEditor, notices_list);
  gtk_widget_class_bind_template_child (widget_class, AwpConferenceEditor, live_box);
  gtk_widget_class_bind_template_child (widget_class, AwpConferenceEditor, live_summary);
  gtk_widget_class_bind_template_child (widget_class, AwpConferenceEditor, live_list);
  gtk_widget_class_bind_template_child (widget_class, AwpConferenceEditor, close_message);
  gtk_widget_class_bind_template_child (widget_class, AwpConferenceEditor, close_button);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_public_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_clicked_cb);
}

static void
awp_conference_editor_init (AwpConferenceEditor *self)
{
  AwpTemplateFormWidgets w;

  gtk_widget_init_template (GTK_WIDGET (self));

  w.status_label = self->status_label;
  w.save_label = self->save_label;
  w.remarks_label = self->remarks_label;
  w.message_label = self->message_label;
  w.checks_list = self->checks_list;
  w.notices_list = self->notices_list;
  w.form_box = self->form_box;
  w.submit_button = self->submit_button;
  self->form = awp_template_form_new (&conference_kind, &w, on_loaded, NULL, self);

  build_dates (self);
  build_texts (self);
  build_moderator (self);
  awp_template_form_refresh (self->form);
}

AwpConferenceEditor *
awp_conference_editor_new (void)
{
  return g_object_new (AWP_TYPE_CONFERENCE_EDITOR, NULL);
}

/* A question of the open conference arrived or changed (a sync). */
static void
on_store_record_changed (AwpConferenceEditor *self,
                         const char          *id)
{
  AwpStore *store = awp_template_form_get_store (self->form);
  g_autoptr(JsonObject) record = NULL;
  JsonObject *data;

  if (store == NULL || !gtk_widget_get_visible (self->live_box))
    return;
  /* A pull (views start over): new questions may have come with it. */
  if (id == NULL)
    {
      refresh_live (self);
      return;
    }
  record = awp_store_get_record (store, id, NULL);
  if (record == NULL || g_strcmp0 (json_object_get_string_member (record, "type"), "conference_question") != 0)
    return;
  data = json_object_get_object_member (record, "data");
  if (g_strcmp0 (json_object_get_string_member_with_default (data, "parent_id", NULL),
                 awp_template_form_get_id (self->form)) == 0)
    refresh_live (self);
}

void
awp_conference_editor_set_store (AwpConferenceEditor *self,
                                 AwpStore            *store)
{
  AwpStore *old;

  g_return_if_fail (AWP_IS_CONFERENCE_EDITOR (self));

  old = awp_template_form_get_store (self->form);
  if (old != NULL)
    g_signal_handlers_disconnect_by_data (old, self);
  awp_template_form_flush (self->form, NULL);
  awp_template_form_set_store (self->form, store);
  if (store != NULL)
    g_signal_connect_object (store, "record-changed", G_CALLBACK (on_store_record_changed), self,
                             G_CONNECT_SWAPPED);
}

gboolean
awp_conference_editor_load (AwpConferenceEditor  *self,
                            const char           *id,
                            GError              **error)
{
  g_return_val_if_fail (AWP_IS_CONFERENCE_EDITOR (self), FALSE);

  return awp_template_form_load (self->form, id, error);
}

/* Rereads the question queue (new questions arrive by sync). */
void
awp_conference_editor_refresh_questions (AwpConferenceEditor *self)
{
  g_return_if_fail (AWP_IS_CONFERENCE_EDITOR (self));

  refresh_live (self);
}

AwpTemplateForm *
awp_conference_editor_get_form (AwpConferenceEditor *self)
{
  g_return_val_if_fail (AWP_IS_CONFERENCE_EDITOR (self), NULL);

  return self->form;
}

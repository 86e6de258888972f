#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "awp-calendar.h"
#include "awp-results-chart.h"
#include "awp-results-pdf.h"
#include "awp-survey-editor.h"
#include "awp-survey-results.h"
#include "awp-survey-template.h"

struct _AwpSurveyEditor
{
  GtkWidget parent_instance;

  /* Template Widgets */
  GtkWidget       *main_box;
  GtkLabel        *status_label;
  GtkLabel        *save_label;
  GtkLabel        *remarks_label;
  GtkLabel        *message_label;
  GtkWidget       *submit_button;
  GtkWidget       *form_box;
  GtkGrid         *texts_grid;
  GtkListBox      *checks_list;
  GtkLabel        *questions_error;
  GtkBox          *questions_box;
  GtkListBox      *notices_list;
  GtkStack        *view_stack;
  GtkToggleButton *edit_button;
  GtkToggleButton *preview_button;
  GtkToggleButton *results_button;
  GtkLabel        *respondents_label;
  GtkWidget       *export_button;
  GtkBox          *results_box;
  GtkToggleButton *lang_kk_button;
  GtkToggleButton *lang_ru_button;
  GtkToggleButton *lang_en_button;
  GtkBox          *preview_box;

  /* Owned */
  AwpTemplateForm *form;
};

G_DEFINE_FINAL_TYPE (AwpSurveyEditor, awp_survey_editor, GTK_TYPE_WIDGET)

static const char *const survey_members[] = {
  "number", "category", "title_kk", "title_ru", "title_en", "launch_on", "close_on", "questions",
  NULL
};

static const AwpTemplateKind survey_kind = {
  "survey",
  awp_survey_template_validate,
  awp_survey_template_check_rules,
  awp_survey_template_notices,
  awp_survey_template_submit,
  survey_members,
};

typedef enum
{
  OP_QUESTION_UP,
  OP_QUESTION_DOWN,
  OP_QUESTION_REMOVE,
  OP_OPTION_ADD,
  OP_OPTION_UP,
  OP_OPTION_DOWN,
  OP_OPTION_REMOVE,
} StructureOp;

static void rebuild_questions (AwpSurveyEditor *self);

static const char *
preview_lang (AwpSurveyEditor *self)
{
  if (gtk_toggle_button_get_active (self->lang_ru_button))
    return "ru";
  if (gtk_toggle_button_get_active (self->lang_en_button))
    return "en";
  return "kk";
}

static const char *
text_in (JsonObject *obj,
         const char *lang)
{
  g_autofree char *member = g_strdup_printf ("title_%s", lang);

  return obj ? json_object_get_string_member_with_default (obj, member, "") : "";
}

static GtkWidget *
preview_label (const char *text,
               const char *css)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (text == NULL || text[0] == '\0')
    {
      gtk_label_set_text (GTK_LABEL (label), _("(no text in this language)"));
      gtk_widget_add_css_class (label, "dim-label");
    }
  else
    gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css)
    gtk_widget_add_css_class (label, css);
  return label;
}

/* The survey as the portal shows it in one language: its name, dates,
 * and each question with radio buttons (single) or check boxes (multiple). */
static void
update_preview (AwpSurveyEditor *self)
{
  JsonObject *data = awp_template_form_get_data (self->form);
  const char *lang = preview_lang (self);
  JsonArray *questions = awp_survey_template_get_questions (data);
  GtkWidget *child;
  g_autofree char *launch = awp_template_form_display_date (json_object_get_string_member_with_default (data, "launch_on", ""));
  g_autofree char *close = awp_template_form_display_date (json_object_get_string_member_with_default (data, "close_on", ""));
  g_autofree char *dates = g_strdup_printf ("%s – %s", launch, close);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_box))) != NULL)
    gtk_box_remove (self->preview_box, child);

  gtk_box_append (self->preview_box, preview_label (text_in (data, lang), "title-2"));
  gtk_box_append (self->preview_box, preview_label (dates, "dim-label"));
  for (guint q = 0; q < json_array_get_length (questions); q++)
    {
      JsonObject *question = json_array_get_object_element (questions, q);
      JsonArray *options = json_object_has_member (question, "options")
                           ? json_object_get_array_member (question, "options") : NULL;
      gboolean multiple = g_str_equal (json_object_get_string_member_with_default (question, "choice", "single"),
                                       "multiple");
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      g_autofree char *title = g_strdup_printf ("%u. %s", q + 1, text_in (question, lang));
      GtkCheckButton *group = NULL;

      gtk_widget_add_css_class (card, "card");
      gtk_box_append (GTK_BOX (card), preview_label (text_in (question, lang)[0] ? title : NULL, "heading"));
      for (guint o = 0; options != NULL && o < json_array_get_length (options); o++)
        {
          const char *text = text_in (json_array_get_object_element (options, o), lang);
          GtkWidget *button = gtk_check_button_new_with_label (text[0] ? text : _("(no text in this language)"));

          if (!multiple)
            {
              if (group == NULL)
                group = GTK_CHECK_BUTTON (button);
              else
                gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
            }
          gtk_box_append (GTK_BOX (card), button);
        }
      for (child = gtk_widget_get_first_child (card); child; child = gtk_widget_get_next_sibling (child))
        {
          gtk_widget_set_margin_start (child, 12);
          gtk_widget_set_margin_end (child, 12);
        }
      gtk_widget_set_margin_top (gtk_widget_get_first_child (card), 12);
      gtk_widget_set_margin_bottom (gtk_widget_get_last_child (card), 12);
      gtk_box_append (self->preview_box, card);
    }
}

static void update_results (AwpSurveyEditor *self);

static void
on_changed (gpointer user_data)
{
  AwpSurveyEditor *self = user_data;
  GPtrArray *issues = awp_template_form_get_issues (self->form);
  const char *message = NULL;

  /* Issues of the list itself ("add a question") and of a question's
   * options have no input of their own; show them here. */
  for (guint i = 0; issues != NULL && i < issues->len && message == NULL; i++)
    {
      AwpFieldError *e = g_ptr_array_index (issues, i);

      if (g_str_equal (e->field, "questions") || g_str_has_suffix (e->field, "].options")
          || g_str_has_suffix (e->field, "].choice"))
        message = e->message;
    }
  gtk_label_set_text (self->questions_error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->questions_error), message != NULL);
  if (gtk_toggle_button_get_active (self->preview_button))
    update_preview (self);
  if (gtk_toggle_button_get_active (self->results_button))
    update_results (self);
}

static void
on_loaded (gpointer user_data)
{
  rebuild_questions (user_data);
}

static void
structure_changed (AwpSurveyEditor *self)
{
  rebuild_questions (self);
  awp_template_form_changed (self->form);
}

static void
on_structure_clicked (GtkButton       *button,
                      AwpSurveyEditor *self)
{
  JsonObject *data = awp_template_form_get_data (self->form);
  StructureOp op = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "awp-op"));
  guint q = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "awp-question"));
  guint o = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "awp-option"));
  gboolean done = FALSE;

  switch (op)
    {
    case OP_QUESTION_UP:
      done = q > 0 && awp_survey_template_move_question (data, q, q - 1);
      break;
    case OP_QUESTION_DOWN:
      done = awp_survey_template_move_question (data, q, q + 1);
      break;
    case OP_QUESTION_REMOVE:
      done = awp_survey_template_remove_question (data, q);
      break;
    case OP_OPTION_ADD:
      done = awp_survey_template_add_option (data, q);
      break;
    case OP_OPTION_UP:
      done = o > 0 && awp_survey_template_move_option (data, q, o, o - 1);
      break;
    case OP_OPTION_DOWN:
      done = awp_survey_template_move_option (data, q, o, o + 1);
      break;
    case OP_OPTION_REMOVE:
      done = awp_survey_template_remove_option (data, q, o);
      break;
    default:
      g_assert_not_reached ();
    }
  if (done)
    structure_changed (self);
}

static void
on_add_question_clicked_cb (AwpSurveyEditor *self)
{
  if (awp_survey_template_add_question (awp_template_form_get_data (self->form)) != G_MAXUINT)
    structure_changed (self);
}

/* Widget names, stable across languages (tests and CSS use them). */
static const char *const op_names[] = {
  "question-up", "question-down", "question-remove",
  "option-add", "option-up", "option-down", "option-remove",
};

static GtkWidget *
op_button (AwpSurveyEditor *self,
           const char      *icon,
           const char      *tooltip,
           StructureOp      op,
           guint            q,
           guint            o,
           gboolean         sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_name (button, op_names[op]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, sensitive);
  g_object_set_data (G_OBJECT (button), "awp-op", GINT_TO_POINTER (op));
  g_object_set_data (G_OBJECT (button), "awp-question", GUINT_TO_POINTER (q));
  g_object_set_data (G_OBJECT (button), "awp-option", GUINT_TO_POINTER (o));
  g_signal_connect (button, "clicked", G_CALLBACK (on_structure_clicked), self);
  return button;
}

static void
on_choice_selected (GtkDropDown     *drop,
                    GParamSpec      *pspec,
                    AwpSurveyEditor *self)
{
  JsonObject *data = awp_template_form_get_data (self->form);
  JsonArray *questions = awp_survey_template_get_questions (data);
  guint q = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop), "awp-question"));

  if (q >= json_array_get_length (questions))
    return;
  json_object_set_string_member (json_array_get_object_element (questions, q), "choice",
                                 gtk_drop_down_get_selected (drop) == 1 ? "multiple" : "single");
  awp_template_form_changed (self->form);
}

/* Three inputs side by side for a trilingual member of a question/option. */
static GtkWidget *
trilingual_row (AwpSurveyEditor *self,
                const char      *label,
                int              q,
                int              o)
{
  GtkWidget *grid = gtk_grid_new ();
  static const char *const langs[] = { "kk", "ru", "en" };

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_widget_set_hexpand (grid, TRUE);
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autofree char *member = g_strdup_printf ("title_%s", langs[l]);
      g_autofree char *caption = l == 0 ? g_strdup_printf (_("%s in Kazakh"), label)
                               : l == 1 ? g_strdup_printf (_("%s in Russian"), label)
                               : g_strdup_printf (_("%s in English (if necessary)"), label);
      GtkWidget *input;
      GtkWidget *field = awp_template_form_field (self->form, AWP_FORM_ENTRY, caption, member, q, o, TRUE, &input);

      gtk_widget_set_valign (field, GTK_ALIGN_START);
      gtk_grid_attach (GTK_GRID (grid), field, (int) l, 0, 1, 1);
    }
  return grid;
}

static GtkWidget *
question_card (AwpSurveyEditor *self,
               JsonObject      *question,
               guint            q,
               guint            n_questions)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *heading = g_strdup_printf (_("Question %u"), q + 1);
  GtkWidget *title = gtk_label_new (heading);
  const char *const choices[] = { _("Single choice"), _("Multiple choice"), NULL };
  GtkWidget *drop = gtk_drop_down_new_from_strings (choices);
  JsonArray *options = json_object_has_member (question, "options")
                       && JSON_NODE_HOLDS_ARRAY (json_object_get_member (question, "options"))
                       ? json_object_get_array_member (question, "options") : NULL;
  guint n_options = options ? json_array_get_length (options) : 0;
  GtkWidget *add_option;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_name (card, "question");
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (header), title);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop),
                              g_str_equal (json_object_get_string_member_with_default (question, "choice", "single"),
                                           "multiple") ? 1 : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Answer type"), -1);
  g_object_set_data (G_OBJECT (drop), "awp-question", GUINT_TO_POINTER (q));
  g_signal_connect (drop, "notify::selected", G_CALLBACK (on_choice_selected), self);
  gtk_box_append (GTK_BOX (header), drop);
  gtk_box_append (GTK_BOX (header), op_button (self, "go-up-symbolic", _("Move the question up"),
                                               OP_QUESTION_UP, q, 0, q > 0));
  gtk_box_append (GTK_BOX (header), op_button (self, "go-down-symbolic", _("Move the question down"),
                                               OP_QUESTION_DOWN, q, 0, q + 1 < n_questions));
  gtk_box_append (GTK_BOX (header), op_button (self, "user-trash-symbolic", _("Remove the question"),
                                               OP_QUESTION_REMOVE, q, 0, TRUE));
  gtk_box_append (GTK_BOX (card), header);
  gtk_box_append (GTK_BOX (card), trilingual_row (self, heading, (int) q, -1));

  for (guint o = 0; o < n_options; o++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      /* TRANSLATORS: Annex 2's label, "Answer option №2" */
      g_autofree char *label = g_strdup_printf (_("Answer option №%u"), o + 1);

      gtk_widget_set_name (row, "option");
      gtk_widget_set_margin_start (row, 24);
      gtk_box_append (GTK_BOX (row), trilingual_row (self, label, (int) q, (int) o));
      gtk_box_append (GTK_BOX (row), op_button (self, "go-up-symbolic", _("Move the answer option up"),
                                                OP_OPTION_UP, q, o, o > 0));
      gtk_box_append (GTK_BOX (row), op_button (self, "go-down-symbolic", _("Move the answer option down"),
                                                OP_OPTION_DOWN, q, o, o + 1 < n_options));
      gtk_box_append (GTK_BOX (row), op_button (self, "list-remove-symbolic", _("Remove the answer option"),
                                                OP_OPTION_REMOVE, q, o, TRUE));
      gtk_box_append (GTK_BOX (card), row);
    }
  add_option = op_button (self, "list-add-symbolic", _("Add an answer option"), OP_OPTION_ADD, q, 0,
                          n_options < AWP_SURVEY_MAX_OPTIONS);
  gtk_button_set_label (GTK_BUTTON (add_option), _("Add an answer option"));
  gtk_widget_set_halign (add_option, GTK_ALIGN_START);
  gtk_widget_set_margin_start (add_option, 24);
  gtk_box_append (GTK_BOX (card), add_option);

  for (GtkWidget *c = gtk_widget_get_first_child (card); c; c = gtk_widget_get_next_sibling (c))
    {
      gtk_widget_set_margin_end (c, 12);
      if (gtk_widget_get_margin_start (c) == 0)
        gtk_widget_set_margin_start (c, 12);
    }
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (add_option, 12);
  return card;
}

/* Question widgets are made from the data: after a load and after every
 * add, remove or move (typing only updates the data). */
static void
rebuild_questions (AwpSurveyEditor *self)
{
  JsonObject *data = awp_template_form_get_data (self->form);
  JsonArray *questions = awp_survey_template_get_questions (data);
  guint n = json_array_get_length (questions);
  GtkWidget *child;

  awp_template_form_drop_dynamic (self->form);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->questions_box))) != NULL)
    gtk_box_remove (self->questions_box, child);
  for (guint q = 0; q < n; q++)
    {
      JsonNode *node = json_array_get_element (questions, q);

      if (JSON_NODE_HOLDS_OBJECT (node))
        gtk_box_append (self->questions_box, question_card (self, json_node_get_object (node), q, n));
    }
}

/* Results are shown in the UI's language when the survey has it. */
static const char *
content_lang (void)
{
  const char *const *names = g_get_language_names ();

  if (g_str_has_prefix (names[0], "ru"))
    return "ru";
  if (g_str_has_prefix (names[0], "en"))
    return "en";
  return "kk";
}

static void
update_results (AwpSurveyEditor *self)
{
  JsonObject *data = awp_template_form_get_data (self->form);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = awp_survey_results_compute (data, content_lang (), &error);
  guint respondents = awp_survey_results_respondents (data);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_box))) != NULL)
    gtk_box_remove (self->results_box, child);
  gtk_widget_set_sensitive (self->export_button, results != NULL && results->len > 0);
  if (results == NULL)
    {
      gtk_label_set_text (self->respondents_label, error->message);
      return;
    }
  if (results->len == 0)
    {
      gtk_label_set_text (self->respondents_label,
                          _("No results yet: they arrive from the portal while the survey runs."));
      return;
    }
  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u respondent", "%u respondents",
                                                          respondents), respondents);

    gtk_label_set_text (self->respondents_label, text);
  }
  for (guint q = 0; q < results->len; q++)
    {
      AwpSurveyQuestionResult *r = g_ptr_array_index (results, q);
      g_autofree char *title = g_strdup_printf ("%u. %s", q + 1, r->question);
      GtkWidget *heading = gtk_label_new (title);
      GtkWidget *kind = gtk_label_new (r->multiple ? _("Multiple choice: percentages may add up to more than 100 %")
                                                   : _("Single choice"));
      AwpResultsChart *chart = awp_results_chart_new ();

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, "heading");
      gtk_label_set_xalign (GTK_LABEL (kind), 0);
      gtk_label_set_wrap (GTK_LABEL (kind), TRUE);
      gtk_widget_add_css_class (kind, "dim-label");
      gtk_widget_add_css_class (kind, "caption");
      awp_results_chart_set_result (chart, r);
      gtk_box_append (self->results_box, heading);
      gtk_box_append (self->results_box, kind);
      gtk_box_append (self->results_box, GTK_WIDGET (chart));
    }
}

static void
on_view_toggled_cb (AwpSurveyEditor *self)
{
  const char *page = "edit";

  if (gtk_toggle_button_get_active (self->preview_button))
    {
      update_preview (self);
      page = "preview";
    }
  else if (gtk_toggle_button_get_active (self->results_button))
    {
      update_results (self);
      page = "results";
    }
  gtk_stack_set_visible_child_name (self->view_stack, page);
}

gboolean
awp_survey_editor_export_csv (AwpSurveyEditor  *self,
                              GFile            *file,
                              GError          **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (AWP_IS_SURVEY_EDITOR (self), FALSE);

  csv = awp_survey_results_to_csv (awp_template_form_get_data (self->form), content_lang (), error);
  return csv != NULL
         && g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                     NULL, NULL, error);
}

gboolean
awp_survey_editor_export_pdf (AwpSurveyEditor  *self,
                              GFile            *file,
                              GError          **error)
{
  g_return_val_if_fail (AWP_IS_SURVEY_EDITOR (self), FALSE);

  return awp_results_pdf_write (awp_template_form_get_data (self->form), content_lang (), file, error);
}

static void
on_export_pdf_response (GtkNativeDialog *dialog,
                        int              response,
                        AwpSurveyEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (!awp_survey_editor_export_pdf (self, file, &error))
        gtk_label_set_text (self->respondents_label, error->message);
    }
  g_object_unref (dialog);
}

static void
on_export_pdf_clicked_cb (AwpSurveyEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  const char *number = json_object_get_string_member_with_default (awp_template_form_get_data (self->form),
                                                                   "number", "");
  /* TRANSLATORS: a file name; %s is the survey number */
  g_autofree char *name = g_strdup_printf (_("survey-%s-results.pdf"), number);

  dialog = gtk_file_chooser_native_new (_("Export the survey results"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_pdf_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    AwpSurveyEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (!awp_survey_editor_export_csv (self, file, &error))
        gtk_label_set_text (self->respondents_label, error->message);
    }
  g_object_unref (dialog);
}

static void
on_export_clicked_cb (AwpSurveyEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  const char *number = json_object_get_string_member_with_default (awp_template_form_get_data (self->form),
                                                                   "number", "");
  /* TRANSLATORS: a file name; %s is the survey number */
  g_autofree char *name = g_strdup_printf (_("survey-%s-results.csv"), number);

  dialog = gtk_file_chooser_native_new (_("Export the survey results"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_preview_lang_toggled_cb (AwpSurveyEditor *self)
{
  if (gtk_toggle_button_get_active (self->preview_button))
    update_preview (self);
}

static void
on_submit_clicked_cb (AwpSurveyEditor *self)
{
  awp_template_form_submit (self->form, NULL);
}

static void
build_fields (AwpSurveyEditor *self)
{
  static const char *const langs[] = { "kk", "ru", "en" };
  GtkWidget *input;
  GtkWidget *field;

  field = awp_template_form_field (self->form, AWP_FORM_ENTRY, _("Survey number"), "number", -1, -1, FALSE, &input);
  gtk_grid_attach (self->texts_grid, field, 0, 0, 1, 1);
  field = awp_template_form_field (self->form, AWP_FORM_ENTRY, _("Category"), "category", -1, -1, FALSE, &input);
  gtk_grid_attach (self->texts_grid, field, 1, 0, 2, 1);
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autofree char *member = g_strdup_printf ("title_%s", langs[l]);
      const char *label = _("Name of the survey");
      g_autofree char *caption = l == 0 ? g_strdup_printf (_("%s in Kazakh"), label)
                               : l == 1 ? g_strdup_printf (_("%s in Russian"), label)
                               : g_strdup_printf (_("%s in English (if necessary)"), label);

      field = awp_template_form_field (self->form, AWP_FORM_ENTRY, caption, member, -1, -1, FALSE, &input);
      gtk_widget_set_valign (field, GTK_ALIGN_START);
      gtk_grid_attach (self->texts_grid, field, (int) l, 1, 1, 1);
    }
  field = awp_template_form_field (self->form, AWP_FORM_DATE, _("Launch date"), "launch_on", -1, -1, FALSE, &input);
  gtk_grid_attach (self->texts_grid, field, 0, 2, 1, 1);
  field = awp_template_form_field (self->form, AWP_FORM_DATE, _("Closing date"), "close_on", -1, -1, FALSE, &input);
  gtk_grid_attach (self->texts_grid, field, 1, 2, 1, 1);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  AwpSurveyEditor *self = AWP_SURVEY_EDITOR (widget);

  awp_template_form_save_pdf (self->form, widget);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  AwpSurveyEditor *self = AWP_SURVEY_EDITOR (widget);

  awp_template_form_print (self->form, widget);
}

static void
awp_survey_editor_dispose (GObject *object)
{
  AwpSurveyEditor *self = AWP_SURVEY_EDITOR (object);

  if (self->form != NULL)
    awp_template_form_flush (self->form, NULL);
  g_clear_pointer (&self->form, awp_template_form_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWP_TYPE_SURVEY_EDITOR);

  G_OBJECT_CLASS (awp_survey_editor_parent_class)->dispose (object);
}

static void
awp_survey_editor_class_init (AwpSurveyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awp_survey_editor_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "editor.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "editor.print", NULL, print_action);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-survey-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, main_box);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, save_label);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, remarks_label);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, submit_button);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, form_box);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, texts_grid);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, checks_list);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, questions_error);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, questions_box);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, notices_list);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, edit_button);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, preview_button);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, results_button);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, respondents_label);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, export_button);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, results_box);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, lang_kk_button);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, lang_ru_button);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, lang_en_button);
  gtk_widget_class_bind_template_child (widget_class, AwpSurveyEditor, preview_box);
  gtk_widget_class_bind_template_callback (widget_class, on_add_question_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_lang_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_pdf_clicked_cb);
}

static void
awp_survey_editor_init (AwpSurveyEditor *self)
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
  self->form = awp_template_form_new (&survey_kind, &w, on_loaded, on_changed, self);

  build_fields (self);
  awp_template_form_refresh (self->form);
}

AwpSurveyEditor *
awp_survey_editor_new (void)
{
  return g_object_new (AWP_TYPE_SURVEY_EDITOR, NULL);
}

/* Results arrive by sync: the server adds up the portal's responses into
 * the survey record (O145-11). Only they are taken into the working copy,
 * so what is being typed stays, and the Results view shows them. */
static void
on_store_record_changed (AwpSurveyEditor *self,
                         const char      *id)
{
  AwpStore *store = awp_template_form_get_store (self->form);
  const char *open_id = awp_template_form_get_id (self->form);
  JsonObject *working = awp_template_form_get_data (self->form);
  g_autoptr(JsonObject) record = NULL;
  JsonNode *results, *held;

  if (id == NULL || store == NULL || g_strcmp0 (id, open_id) != 0)
    return;
  record = awp_store_get_record (store, id, NULL);
  if (record == NULL)
    return;
  results = json_object_get_member (json_object_get_object_member (record, "data"), "results");
  held = json_object_get_member (working, "results");
  if (results == NULL && held == NULL)
    return;
  if (results != NULL && held != NULL && json_node_equal (results, held))
    return;
  if (results != NULL)
    json_object_set_member (working, "results", json_node_copy (results));
  else
    json_object_remove_member (working, "results");
  if (gtk_toggle_button_get_active (self->results_button))
    update_results (self);
}

void
awp_survey_editor_set_store (AwpSurveyEditor *self,
                             AwpStore        *store)
{
  AwpStore *old;

  g_return_if_fail (AWP_IS_SURVEY_EDITOR (self));

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
awp_survey_editor_load (AwpSurveyEditor  *self,
                        const char       *id,
                        GError          **error)
{
  g_return_val_if_fail (AWP_IS_SURVEY_EDITOR (self), FALSE);

  return awp_template_form_load (self->form, id, error);
}

AwpTemplateForm *
awp_survey_editor_get_form (AwpSurveyEditor *self)
{
  g_return_val_if_fail (AWP_IS_SURVEY_EDITOR (self), NULL);

  return self->form;
}

void
awp_survey_editor_show_preview (AwpSurveyEditor *self,
                                const char      *lang)
{
  g_return_if_fail (AWP_IS_SURVEY_EDITOR (self));

  if (g_strcmp0 (lang, "ru") == 0)
    gtk_toggle_button_set_active (self->lang_ru_button, TRUE);
  else if (g_strcmp0 (lang, "en") == 0)
    gtk_toggle_button_set_active (self->lang_en_button, TRUE);
  else
    gtk_toggle_button_set_active (self->lang_kk_button, TRUE);
  gtk_toggle_button_set_active (lang != NULL ? self->preview_button : self->edit_button, TRUE);
}

void
awp_survey_editor_show_results (AwpSurveyEditor *self)
{
  g_return_if_fail (AWP_IS_SURVEY_EDITOR (self));

  gtk_toggle_button_set_active (self->results_button, TRUE);
}

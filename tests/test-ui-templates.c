#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "awp-application.h"
#include "awp-conference-editor.h"
#include "awp-conference-questions.h"
#include "awp-conference-template.h"
#include "awp-results-chart.h"
#include "awp-results-pdf.h"
#include "awp-i18n.h"
#include "awp-survey-editor.h"
#include "awp-survey-template.h"
#include "awp-template-doc.h"
#include "awp-templates-page.h"
#include "awp-test-store.h"
#include "awp-test-pages.h"
#include "awp-window.h"
#include "awp-test-ui.h"

/* The conference and survey editors driven through their real widgets in
 * a real window over a real store: typing validates as you type, the rule
 * checks follow the dates, drafts autosave and come back, questions are
 * added, reordered and removed, the preview shows the portal's view per
 * language, and submission changes the status. With AWP_SCREENSHOT_DIR set,
 * the filled editors are also saved as PNG files (docs/screenshots). */

#define find_field(root, name) awp_test_ui_find_field ((root), (name))
#define field(root, name) awp_test_ui_field ((root), (name))

/* As a user types: the whole text replaced, "changed" emitted. */
static void
type (GtkWidget *root, const char *name, const char *text)
{
  GtkWidget *input = field (root, name);

  if (GTK_IS_TEXT_VIEW (input))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (input), text);
}

static char *
text_of (GtkWidget *root, const char *name)
{
  GtkWidget *input = field (root, name);

  if (GTK_IS_TEXT_VIEW (input))
    {
      GtkTextIter a, b;

      gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), &a, &b);
      return gtk_text_buffer_get_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), &a, &b, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (input)));
}

/* The error line under an input, or NULL when it is hidden. */
static const char *
error_of (GtkWidget *root, const char *name)
{
  GtkWidget *w = field (root, name);
  GtkWidget *error;

  if (GTK_IS_SCROLLED_WINDOW (gtk_widget_get_parent (w)))
    w = gtk_widget_get_parent (w);
  error = gtk_widget_get_next_sibling (w);
  g_assert_true (GTK_IS_LABEL (error));
  return gtk_widget_get_visible (error) ? gtk_label_get_text (GTK_LABEL (error)) : NULL;
}

static void
collect_by_name (GtkWidget *root, const char *name, GPtrArray *out)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    g_ptr_array_add (out, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    collect_by_name (c, name, out);
}

/* Clicks the @nth button named @name (widget names do not change with the
 * language). */
static void
click (GtkWidget *root, const char *name, guint nth)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_by_name (root, name, buttons);
  if (nth >= buttons->len)
    g_error ("no button %u named %s (%u found)", nth, name, buttons->len);
  g_assert_true (gtk_widget_is_sensitive (buttons->pdata[nth]));
  g_signal_emit_by_name (buttons->pdata[nth], "clicked");
  awp_test_ui_spin ();
}

static guint
count_named (GtkWidget *root, const char *name)
{
  guint n = g_strcmp0 (gtk_widget_get_name (root), name) == 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    n += count_named (c, name);
  return n;
}

#define find_named(root, name) awp_test_ui_find_named ((root), (name))

/* The rule check row of @id shows @state ("passed", "failed", "pending"). */
static void
assert_check (GtkWidget *root, const char *id, const char *state)
{
  GtkWidget *row = find_named (root, id);
  g_autofree char *css = g_strdup_printf ("awp-check-%s", state);

  g_assert_nonnull (row);
  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  if (!gtk_widget_has_css_class (row, css))
    g_error ("check %s is not %s", id, state);
}

static void
dump_labels (GtkWidget *root)
{
  if (GTK_IS_LABEL (root))
    g_test_message ("label %s mapped=%d: %s", gtk_widget_get_name (root), gtk_widget_get_mapped (root),
                    gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    dump_labels (c);
}

static gboolean
tree_has_label (GtkWidget *root, const char *needle)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root)
      && strstr (gtk_label_get_text (GTK_LABEL (root)), needle) != NULL)
    return TRUE;
  if (GTK_IS_CHECK_BUTTON (root) && gtk_widget_get_mapped (root)
      && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (root)), needle) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (tree_has_label (c, needle))
      return TRUE;
  return FALSE;
}

static void
wait_autosave (AwpTemplateForm *form)
{
  /* The debounce timer fires on its own; no sleeping, no timed assertion. */
  while (awp_template_form_has_pending (form))
    g_main_context_iteration (NULL, TRUE);
  awp_test_ui_spin ();
}

static JsonObject *
stored (AwpStore *store, const char *id)
{
  g_autoptr(JsonObject) record = awp_store_get_record (store, id, NULL);

  g_assert_nonnull (record);
  return json_object_ref (json_object_get_object_member (record, "data"));
}

static void
set_date (GDate *d, const char *iso)
{
  g_assert_true (awp_calendar_parse_date (iso, "test", d, NULL));
}

typedef struct
{
  StoreFixture  store;
  AwpWindow    *window;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  store_fixture_setup (&f->store, data);
  g_settings_set_int (settings, "window-width", 1366);
  g_settings_set_int (settings, "window-height", 800);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  f->window = g_object_ref (awp_window_new (NULL));
  awp_window_set_store (f->window, f->store.store);
  gtk_window_present (GTK_WINDOW (f->window));
  awp_test_ui_spin ();
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  awp_test_ui_spin ();
  g_assert_finalize_object (f->window);
  store_fixture_teardown (&f->store, data);
}


/* The template as its Annex document (PDF), and the text in it, read back
 * by tests/pdf-text.py. */
static char *
pdf_text (AwpStore *store, const char *type, const char *id)
{
  g_autoptr(JsonObject) data = stored (store, id);
  g_autoptr(AwpTemplateDoc) doc = awp_template_doc_new (type, data);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("awp-pdf-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "template.pdf", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "pdf-text.py", NULL);
  g_autofree char *head = NULL;
  char *out = NULL;
  int status = -1;
  const char *argv[] = { "python3", script, path, NULL };

  g_assert_no_error (error);
  g_assert_true (awp_template_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "%PDF-"));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  if (g_getenv ("AWP_KEEP_PDF") == NULL)
    {
      g_remove (path);
      g_rmdir (dir);
    }
  else
    g_printerr ("PDF kept: %s\n", path);
  return out;
}

static void
assert_has (const char *text, const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not in:\n%s", needle, text);
}

/* The text of a PDF file, read back by tests/pdf-text.py. */
static char *
pdf_file_text (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "pdf-text.py", NULL);
  g_autofree char *head = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "python3", script, path, NULL };
  char *out = NULL;
  int status = -1;

  g_assert_true (g_file_get_contents (path, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "%PDF-"));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

#define find_page(root, editor_type) awp_test_find_templates_page ((root), (editor_type))

static AwpTemplatesPage *
open_workspace (Fixture *f, const char *name, GType editor_type)
{
  AwpTemplatesPage *p;

  g_assert_true (awp_window_set_workspace (f->window, name));
  awp_test_ui_spin ();
  p = find_page (GTK_WIDGET (f->window), editor_type);
  g_assert_nonnull (p);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (p)));
  return p;
}

static void
fill_conference (GtkWidget *editor)
{
  type (editor, "title_kk", "Өңірдің 2026–2030 жылдарға арналған даму жоспары");
  type (editor, "title_ru", "План развития области на 2026–2030 годы");
  type (editor, "title_en", "Regional development plan 2026–2030");
  type (editor, "brief_kk", "Облыс әкімдігінің тұрғындармен онлайн кездесуі.");
  type (editor, "brief_ru", "Онлайн-встреча акимата области с жителями.");
  type (editor, "description_kk", "Жол, су және мектеп салу жоспарлары туралы сұрақтарға жауап беріледі.");
  type (editor, "description_ru", "Ответы на вопросы о планах строительства дорог, водопроводов и школ.");
  type (editor, "moderator_surname", "Сейітқали");
  type (editor, "moderator_name", "Әсем");
  type (editor, "moderator_position", "Ішкі саясат бөлімінің бас маманы");
  type (editor, "moderator_email", "a.seitkali@akimat.gov.kz");
  type (editor, "moderator_phone", "+7 701 123 45 67");
}

static void
test_conference_editor (Fixture *f, gconstpointer data)
{
  AwpTemplatesPage *p = open_workspace (f, "conferences", AWP_TYPE_CONFERENCE_EDITOR);
  GtkWidget *editor = awp_templates_page_get_editor (p);
  AwpTemplateForm *form = awp_conference_editor_get_form (AWP_CONFERENCE_EDITOR (editor));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(JsonObject) saved = NULL;
  GDate today;

  /* "New" makes a draft in the store and opens it. */
  g_assert_null (gtk_list_box_get_row_at_index (awp_templates_page_get_list (p), 0));
  click (GTK_WIDGET (p), "new", 0);
  id = g_strdup (awp_template_form_get_id (form));
  g_assert_nonnull (id);
  g_assert_nonnull (gtk_list_box_get_row_at_index (awp_templates_page_get_list (p), 0));
  g_assert_true (gtk_widget_get_mapped (editor));
  set_date (&today, "2026-03-02");
  awp_template_form_set_today (form, &today);

  /* A fresh draft is not a wall of errors; a typed wrong value is named. */
  g_assert_null (error_of (editor, "title_kk"));
  type (editor, "moderator_iin", "901123300255");
  g_assert_nonnull (error_of (editor, "moderator_iin"));
  if (awp_test_ui_english ())
    g_assert_nonnull (strstr (error_of (editor, "moderator_iin"), "IIN"));
  type (editor, "moderator_iin", "901123300258");
  g_assert_null (error_of (editor, "moderator_iin"));
  type (editor, "title_ru", "Плaн");   /* a Latin "a" */
  g_assert_nonnull (error_of (editor, "title_ru"));
  type (editor, "opens_on", "31.02.2026");
  g_assert_nonnull (error_of (editor, "opens_on"));
  if (awp_test_ui_english ())
    g_assert_nonnull (strstr (error_of (editor, "opens_on"), "Opening date"));
  assert_check (editor, "submission", "pending");

  /* The rule checks follow the dates: opening 10.03 needs the Operator by
   * 04.03 (O145-7), so from 02.03 it is in time; closing before opening
   * fails the Annex 1 order and O145-9.1. */
  type (editor, "opens_on", "10.03.2026");
  g_assert_null (error_of (editor, "opens_on"));
  assert_check (editor, "submission", "passed");
  type (editor, "closes_on", "09.03.2026");
  assert_check (editor, "order", "failed");
  assert_check (editor, "duration", "failed");
  type (editor, "closes_on", "12.03.2026");
  assert_check (editor, "order", "passed");
  assert_check (editor, "duration", "passed");
  g_assert_true (tree_has_label (editor, "04.03.2026"));
  /* O145-8.1: the notice by the working day before the opening. */
  g_assert_true (tree_has_label (editor, "06.03.2026"));

  fill_conference (editor);
  g_assert_null (error_of (editor, "title_ru"));
  /* O118-7: a public discussion of the body's work. */
  gtk_switch_set_active (GTK_SWITCH (find_named (editor, "GtkSwitch")), TRUE);

  /* Autosave writes the draft through the store. */
  wait_autosave (form);
  saved = stored (f->store.store, id);
  g_assert_cmpstr (json_object_get_string_member (saved, "opens_on"), ==, "2026-03-10");
  g_assert_cmpstr (json_object_get_string_member (saved, "moderator_iin"), ==, "901123300258");
  g_assert_cmpstr (json_object_get_string_member (saved, "subject"), ==, "План развития области на 2026–2030 годы");
  g_assert_true (json_object_get_boolean_member (saved, "public_discussion"));
  g_clear_pointer (&saved, json_object_unref);

  /* A half-typed date is not saved over a good one. */
  type (editor, "closes_on", "12.03.20");
  wait_autosave (form);
  saved = stored (f->store.store, id);
  g_assert_cmpstr (json_object_get_string_member_with_default (saved, "closes_on", "none"), ==, "none");
  g_clear_pointer (&saved, json_object_unref);
  type (editor, "closes_on", "12.03.2026");
  wait_autosave (form);

  awp_test_ui_screenshot (GTK_WIDGET (f->window), "conference-editor");

  /* Annex 1 as a document: labels in Kazakh and Russian, the values. */
  {
    g_autofree char *text = pdf_text (f->store.store, "conference", id);

    assert_has (text, "Шаблон интернет-конференции");
    assert_has (text, "Интернет-конференцияның үлгісі");
    assert_has (text, "Дата открытия");
    assert_has (text, "10.03.2026");
    assert_has (text, "План развития области на 2026–2030 годы");
    assert_has (text, "901123300258");
    assert_has (text, "a.seitkali@akimat.gov.kz");
  }

  /* The draft comes back in a new editor, as after a restart. */
  {
    AwpConferenceEditor *again = g_object_ref_sink (awp_conference_editor_new ());
    g_autofree char *title = NULL;
    g_autofree char *opens = NULL;

    awp_conference_editor_set_store (again, f->store.store);
    g_assert_true (awp_conference_editor_load (again, id, &error));
    g_assert_no_error (error);
    title = text_of (GTK_WIDGET (again), "title_kk");
    opens = text_of (GTK_WIDGET (again), "opens_on");
    g_assert_cmpstr (title, ==, "Өңірдің 2026–2030 жылдарға арналған даму жоспары");
    g_assert_cmpstr (opens, ==, "10.03.2026");
    g_object_unref (again);
  }

  /* Submit: the status says so, the form is read-only. */
  click (editor, "submit", 0);
  saved = stored (f->store.store, id);
  g_assert_cmpstr (json_object_get_string_member (saved, "status"), ==, "submitted");
  g_assert_cmpstr (json_object_get_string_member (saved, "submitted_on"), ==, "2026-03-02");
  if (awp_test_ui_english ())
    g_assert_true (tree_has_label (editor, "Submitted"));
  g_assert_false (gtk_widget_is_sensitive (field (editor, "title_kk")));
  g_assert_false (gtk_widget_get_visible (find_named (editor, "submit")));

  /* The Operator returns it with remarks: they show, the form is editable
   * again, and it goes back after a fix. */
  {
    g_autoptr(JsonObject) remarks = json_obj ("{\"remarks\":\"Сипаттаманы толықтырыңыз.\"}");

    g_assert_true (awp_store_transition (f->store.store, id, "return", remarks, "operator", &error));
    g_assert_no_error (error);
  }
  g_assert_true (awp_templates_page_open (p, id, &error));
  awp_test_ui_spin ();
  g_assert_true (tree_has_label (editor, "Сипаттаманы толықтырыңыз."));
  g_assert_true (gtk_widget_is_sensitive (field (editor, "description_ru")));
  type (editor, "description_ru", "Ответы на вопросы о дорогах, водопроводах и школах области.");
  click (editor, "submit", 0);
  g_clear_pointer (&saved, json_object_unref);
  saved = stored (f->store.store, id);
  g_assert_cmpstr (json_object_get_string_member (saved, "status"), ==, "submitted");
  g_assert_cmpstr (json_object_get_string_member (saved, "description_ru"), ==,
                   "Ответы на вопросы о дорогах, водопроводах и школах области.");
}

static void
test_conference_submit_refused (Fixture *f, gconstpointer data)
{
  AwpTemplatesPage *p = open_workspace (f, "conferences", AWP_TYPE_CONFERENCE_EDITOR);
  GtkWidget *editor = awp_templates_page_get_editor (p);
  AwpTemplateForm *form = awp_conference_editor_get_form (AWP_CONFERENCE_EDITOR (editor));
  g_autoptr(JsonObject) saved = NULL;
  g_autofree char *id = NULL;
  GDate today;

  click (GTK_WIDGET (p), "new", 0);
  id = g_strdup (awp_template_form_get_id (form));
  set_date (&today, "2026-03-05");
  awp_template_form_set_today (form, &today);
  fill_conference (editor);
  type (editor, "moderator_iin", "901123300258");
  type (editor, "opens_on", "10.03.2026");
  type (editor, "closes_on", "12.03.2026");
  /* Sent on 05.03 it is late for 10.03 (O145-7): the check says when the
   * opening may be, and submission is refused. */
  assert_check (editor, "submission", "failed");
  g_assert_true (tree_has_label (editor, "11.03.2026"));
  click (editor, "submit", 0);
  g_assert_true (tree_has_label (editor, "O145-7"));
  saved = stored (f->store.store, id);
  g_assert_cmpstr (json_object_get_string_member (saved, "status"), ==, "draft");
  g_clear_pointer (&saved, json_object_unref);

  /* Emptied required fields show every error after the attempt. */
  type (editor, "opens_on", "11.03.2026");
  type (editor, "closes_on", "11.03.2026");
  type (editor, "brief_ru", "");
  type (editor, "moderator_iin", "901123300255");
  click (editor, "submit", 0);
  g_assert_nonnull (error_of (editor, "brief_ru"));
  g_assert_nonnull (error_of (editor, "moderator_iin"));
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (field (editor, "moderator_iin"), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    /* The moderator's fields, in view for the picture. */
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    awp_test_ui_screenshot (GTK_WIDGET (f->window), "conference-errors");
  }
  saved = stored (f->store.store, id);
  g_assert_cmpstr (json_object_get_string_member (saved, "status"), ==, "draft");
}

static const char *
question_text (JsonObject *data, guint q, const char *member)
{
  JsonArray *qs = json_object_get_array_member (data, "questions");

  return json_object_get_string_member (json_array_get_object_element (qs, q), member);
}

static void
fill_survey (GtkWidget *editor)
{
  type (editor, "number", "7");
  type (editor, "category", "Мемлекеттік қызметтер / Государственные услуги");
  type (editor, "title_kk", "Мемлекеттік қызметтердің сапасы");
  type (editor, "title_ru", "Качество государственных услуг");
  type (editor, "launch_on", "10.03.2026");
  type (editor, "close_on", "31.03.2026");
  type (editor, "questions[0].title_kk", "Қызмет көрсету сапасына қанағаттанасыз ба?");
  type (editor, "questions[0].title_ru", "Довольны ли вы качеством обслуживания?");
  type (editor, "questions[0].options[0].title_kk", "Иә");
  type (editor, "questions[0].options[0].title_ru", "Да");
  type (editor, "questions[0].options[1].title_kk", "Жоқ");
  type (editor, "questions[0].options[1].title_ru", "Нет");
}

static void
test_survey_editor (Fixture *f, gconstpointer data)
{
  AwpTemplatesPage *p = open_workspace (f, "surveys", AWP_TYPE_SURVEY_EDITOR);
  GtkWidget *editor = awp_templates_page_get_editor (p);
  AwpTemplateForm *form = awp_survey_editor_get_form (AWP_SURVEY_EDITOR (editor));
  g_autoptr(JsonObject) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GDate today;

  click (GTK_WIDGET (p), "new", 0);
  id = g_strdup (awp_template_form_get_id (form));
  set_date (&today, "2026-03-02");
  awp_template_form_set_today (form, &today);

  /* A new survey has one question of two options. */
  g_assert_cmpuint (count_named (editor, "question"), ==, 1);
  g_assert_cmpuint (count_named (editor, "option"), ==, 2);
  fill_survey (editor);
  assert_check (editor, "submission", "passed");
  assert_check (editor, "duration", "passed");
  assert_check (editor, "questions", "passed");
  type (editor, "close_on", "20.03.2026");
  assert_check (editor, "duration", "failed");    /* nine working days (O145-11) */
  type (editor, "close_on", "31.03.2026");

  /* A second question, a third option, then reorder and remove. */
  click (editor, "add-question", 0);
  g_assert_cmpuint (count_named (editor, "question"), ==, 2);
  type (editor, "questions[1].title_kk", "Қандай қызметтерді пайдаландыңыз?");
  type (editor, "questions[1].title_ru", "Какими услугами вы пользовались?");
  type (editor, "questions[1].options[0].title_kk", "Анықтама алу");
  type (editor, "questions[1].options[0].title_ru", "Получение справки");
  type (editor, "questions[1].options[1].title_kk", "Жер учаскесі");
  type (editor, "questions[1].options[1].title_ru", "Земельный участок");
  click (editor, "option-add", 1);
  type (editor, "questions[1].options[2].title_kk", "Басқа");
  type (editor, "questions[1].options[2].title_ru", "Другое");
  g_assert_cmpuint (count_named (editor, "option"), ==, 5);
  {
    GtkWidget *drop = NULL;

    /* The second question: multiple choice. */
    for (GtkWidget *w = field (editor, "questions[1].title_kk"); w && drop == NULL; w = gtk_widget_get_parent (w))
      if (g_strcmp0 (gtk_widget_get_name (w), "question") == 0)
        for (GtkWidget *h = gtk_widget_get_first_child (gtk_widget_get_first_child (w)); h; h = gtk_widget_get_next_sibling (h))
          if (GTK_IS_DROP_DOWN (h))
            drop = h;
    g_assert_nonnull (drop);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), 1);
  }
  /* Move "Басқа" up to first, then the second question up to first. */
  click (editor, "option-up", 4);   /* question 2, option 3 */
  click (editor, "option-up", 3);
  {
    g_autofree char *first = text_of (editor, "questions[1].options[0].title_ru");

    g_assert_cmpstr (first, ==, "Другое");
  }
  click (editor, "question-up", 1);
  {
    g_autofree char *first = text_of (editor, "questions[0].title_ru");

    g_assert_cmpstr (first, ==, "Какими услугами вы пользовались?");
  }
  wait_autosave (form);
  saved = stored (f->store.store, id);
  g_assert_cmpstr (question_text (saved, 0, "title_ru"), ==, "Какими услугами вы пользовались?");
  g_assert_cmpstr (question_text (saved, 0, "choice"), ==, "multiple");
  g_assert_cmpstr (question_text (saved, 1, "choice"), ==, "single");
  g_clear_pointer (&saved, json_object_unref);

  awp_test_ui_screenshot (GTK_WIDGET (f->window), "survey-editor");

  /* Annex 2 as a document: each question and option, kk and ru. */
  {
    g_autofree char *text = pdf_text (f->store.store, "survey", id);

    assert_has (text, "Шаблон опроса");
    assert_has (text, "Наименование вопроса №2");
    assert_has (text, "Вариант ответа №3");
    assert_has (text, "Другое");
    assert_has (text, "Қызмет көрсету сапасына қанағаттанасыз ба?");
    assert_has (text, "31.03.2026");
  }

  /* The portal's view in Russian: the multiple-choice question has check
   * boxes, the other radio buttons; English has no text yet. */
  awp_survey_editor_show_preview (AWP_SURVEY_EDITOR (editor), "ru");
  awp_test_ui_spin ();
  g_assert_true (tree_has_label (editor, "Качество государственных услуг"));
  g_assert_true (tree_has_label (editor, "Другое"));
  awp_test_ui_screenshot (GTK_WIDGET (f->window), "survey-preview");
  awp_survey_editor_show_preview (AWP_SURVEY_EDITOR (editor), "kk");
  awp_test_ui_spin ();
  g_assert_true (tree_has_label (editor, "Мемлекеттік қызметтердің сапасы"));
  g_assert_false (tree_has_label (editor, "Качество государственных услуг"));
  awp_survey_editor_show_preview (AWP_SURVEY_EDITOR (editor), NULL);
  awp_test_ui_spin ();

  /* Remove an option and the first question; it is saved. */
  click (editor, "option-remove", 0);
  click (editor, "question-remove", 0);
  g_assert_cmpuint (count_named (editor, "question"), ==, 1);
  wait_autosave (form);
  saved = stored (f->store.store, id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (saved, "questions")), ==, 1);
  g_assert_cmpstr (question_text (saved, 0, "title_ru"), ==, "Довольны ли вы качеством обслуживания?");
  g_clear_pointer (&saved, json_object_unref);

  /* Restored in a new editor, with its questions. */
  {
    AwpSurveyEditor *again = g_object_ref_sink (awp_survey_editor_new ());
    g_autofree char *option = NULL;

    awp_survey_editor_set_store (again, f->store.store);
    g_assert_true (awp_survey_editor_load (again, id, &error));
    g_assert_no_error (error);
    option = text_of (GTK_WIDGET (again), "questions[0].options[1].title_kk");
    g_assert_cmpstr (option, ==, "Жоқ");
    g_object_unref (again);
  }

  click (editor, "submit", 0);
  saved = stored (f->store.store, id);
  g_assert_cmpstr (json_object_get_string_member (saved, "status"), ==, "submitted");
}


static GtkWidget *
nth_named (GtkWidget *root, const char *name, guint nth)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  collect_by_name (root, name, all);
  g_assert_cmpuint (nth, <, all->len);
  return all->pdata[nth];
}

static void
collect_entries (GtkWidget *root, const char *name, GPtrArray *out)
{
  if (GTK_IS_ENTRY (root) && g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    g_ptr_array_add (out, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    collect_entries (c, name, out);
}

/* A conference published by the Operator, with citizens' questions; the
 * editor answers them, and closing is refused until all are (O145-9.2). */
static void
test_conference_live_questions (Fixture *f, gconstpointer data)
{
  AwpStore *store = f->store.store;
  AwpTemplatesPage *p = open_workspace (f, "conferences", AWP_TYPE_CONFERENCE_EDITOR);
  GtkWidget *editor = awp_templates_page_get_editor (p);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) conf = json_object_new ();
  g_autoptr(JsonObject) saved = NULL;
  g_autofree char *id = NULL;
  GDate today;

  json_object_set_string_member (conf, "title_kk", "Әкіммен ашық диалог");
  json_object_set_string_member (conf, "title_ru", "Открытый диалог с акимом");
  id = awp_template_create (store, "conference", conf, "admin", &error);
  g_assert_no_error (error);
  g_assert_true (awp_templates_page_open (p, id, &error));
  set_date (&today, "2026-03-02");
  awp_template_form_set_today (awp_conference_editor_get_form (AWP_CONFERENCE_EDITOR (editor)), &today);
  fill_conference (editor);
  type (editor, "moderator_iin", "901123300258");
  type (editor, "opens_on", "10.03.2026");
  type (editor, "closes_on", "12.03.2026");
  click (editor, "submit", 0);
  g_assert_true (awp_store_transition (store, id, "accept", NULL, "operator", &error));
  g_assert_true (awp_store_transition (store, id, "publish", NULL, "operator", &error));
  g_assert_no_error (error);
  g_free (awp_conference_question_receive (store, id, "Жаңа мектеп қашан ашылады?", "Айгүл Н.", "portal", &error));
  g_free (awp_conference_question_receive (store, id, "Когда отремонтируют дорогу на Талгар?", "Иван П.", "portal", &error));
  g_assert_no_error (error);
  g_assert_true (awp_templates_page_open (p, id, &error));
  awp_test_ui_spin ();

  /* O145-8.1: the notice is marked as posted with its link. */
  {
    g_autoptr(GPtrArray) links = g_ptr_array_new ();

    collect_entries (editor, "notice-link", links);
    g_assert_cmpuint (links->len, ==, 1);
    gtk_editable_set_text (links->pdata[0], "dialog.egov.kz/conference/7");
    click (editor, "post-notice", 0);
    g_assert_null (find_named (editor, "notice-posted"));
    g_ptr_array_set_size (links, 0);
    collect_entries (editor, "notice-link", links);
    gtk_editable_set_text (links->pdata[0], "https://dialog.egov.kz/conference/7");
    click (editor, "post-notice", 0);
    g_assert_nonnull (find_named (editor, "notice-posted"));
    saved = stored (store, id);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (saved, "notices")), ==, 1);
    g_clear_pointer (&saved, json_object_unref);
  }

  /* Two open questions: closing is refused and says why. */
  g_assert_true (gtk_widget_get_mapped (nth_named (editor, "close-conference", 0)));
  click (editor, "close-conference", 0);
  if (awp_test_ui_english ())
    g_assert_true (tree_has_label (editor, "2 questions are unanswered"));
  saved = stored (store, id);
  g_assert_cmpstr (json_object_get_string_member (saved, "status"), ==, "published");
  g_clear_pointer (&saved, json_object_unref);

  /* Answer the first; while the second is being answered, a third
   * question arrives (a sync): it shows, and the typed answer stays. */
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();

    collect_entries (editor, "answer-entry", entries);
    g_assert_cmpuint (entries->len, ==, 2);
    gtk_editable_set_text (entries->pdata[0], "Мектеп 1 қыркүйекте ашылады.");
    click (editor, "answer", 0);
    g_ptr_array_set_size (entries, 0);
    collect_entries (editor, "answer-entry", entries);
    g_assert_cmpuint (entries->len, ==, 1);
    gtk_editable_set_text (entries->pdata[0], "Ремонт дороги начнётся в мае.");
  }
  g_free (awp_conference_question_receive (store, id, "Будет ли освещение во дворах?", "Мария С.", "portal", &error));
  awp_test_ui_spin ();
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();

    collect_entries (editor, "answer-entry", entries);
    g_assert_cmpuint (entries->len, ==, 2);
    g_assert_cmpstr (gtk_editable_get_text (entries->pdata[0]), ==, "Ремонт дороги начнётся в мае.");
    g_assert_cmpstr (gtk_editable_get_text (entries->pdata[1]), ==, "");
    awp_test_ui_screenshot (GTK_WIDGET (f->window), "conference-questions");
    click (editor, "answer", 0);
  }
  click (editor, "close-conference", 0);
  saved = stored (store, id);
  g_assert_cmpstr (json_object_get_string_member (saved, "status"), ==, "published");
  g_clear_pointer (&saved, json_object_unref);
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();

    collect_entries (editor, "answer-entry", entries);
    g_assert_cmpuint (entries->len, ==, 1);
    gtk_editable_set_text (entries->pdata[0], "Да, освещение установят летом.");
    click (editor, "answer", 0);
  }
  g_assert_cmpint (awp_conference_questions_unanswered (store, id, NULL), ==, 0);
  click (editor, "close-conference", 0);
  saved = stored (store, id);
  g_assert_cmpstr (json_object_get_string_member (saved, "status"), ==, "closed");
  g_assert_false (gtk_widget_is_sensitive (nth_named (editor, "close-conference", 0)));
}

static guint
count_charts (GtkWidget *root, guint *bars)
{
  guint n = 0;

  if (AWP_IS_RESULTS_CHART (root))
    {
      *bars += awp_results_chart_get_n_bars (AWP_RESULTS_CHART (root));
      g_assert_cmpint (gtk_widget_get_height (root), >, 0);
      return 1;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    n += count_charts (c, bars);
  return n;
}

/* Results of a published survey: bars per option and a CSV export. */
static void
test_survey_results (Fixture *f, gconstpointer data)
{
  AwpStore *store = f->store.store;
  AwpTemplatesPage *p = open_workspace (f, "surveys", AWP_TYPE_SURVEY_EDITOR);
  GtkWidget *editor = awp_templates_page_get_editor (p);
  AwpTemplateForm *form = awp_survey_editor_get_form (AWP_SURVEY_EDITOR (editor));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) results = json_obj ("{\"results\":{\"respondents\":240,\"counts\":[[150,90],[60,150,30]]}}");
  g_autofree char *id = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GFile) file = NULL;
  guint bars = 0;
  GDate today;

  click (GTK_WIDGET (p), "new", 0);
  id = g_strdup (awp_template_form_get_id (form));
  set_date (&today, "2026-03-02");
  awp_template_form_set_today (form, &today);
  fill_survey (editor);
  click (editor, "add-question", 0);
  type (editor, "questions[1].title_kk", "Қандай қызметтерді пайдаландыңыз?");
  type (editor, "questions[1].title_ru", "Какими услугами вы пользовались?");
  type (editor, "questions[1].options[0].title_kk", "Анықтама алу");
  type (editor, "questions[1].options[0].title_ru", "Получение справки");
  type (editor, "questions[1].options[1].title_kk", "Жер учаскесі");
  type (editor, "questions[1].options[1].title_ru", "Земельный участок");
  click (editor, "option-add", 1);
  type (editor, "questions[1].options[2].title_kk", "Басқа");
  type (editor, "questions[1].options[2].title_ru", "Другое");
  click (editor, "submit", 0);
  g_assert_true (awp_store_transition (store, id, "accept", NULL, "operator", &error));
  g_assert_true (awp_store_transition (store, id, "publish", NULL, "operator", &error));
  g_assert_true (awp_store_update (store, id, results, "sync", &error));
  g_assert_no_error (error);
  g_assert_true (awp_templates_page_open (p, id, &error));

  awp_survey_editor_show_results (AWP_SURVEY_EDITOR (editor));
  awp_test_ui_wait_frames (GTK_WIDGET (f->window));
  /* The editor fits beside the sidebar and the list: the window does not
   * fold to the sidebar when a long status shows. */
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_cmpuint (count_charts (editor, &bars), ==, 2);
  g_assert_cmpuint (bars, ==, 5);
  if (awp_test_ui_english () && !tree_has_label (editor, "240 respondents"))
    dump_labels (editor);
  if (awp_test_ui_english ())
    g_assert_true (tree_has_label (editor, "240 respondents"));
  awp_test_ui_screenshot (GTK_WIDGET (f->window), "survey-results");

  dir = g_dir_make_tmp ("awp-csv-XXXXXX", &error);
  path = g_build_filename (dir, "results.csv", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (awp_survey_editor_export_csv (AWP_SURVEY_EDITOR (editor), file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &csv, NULL, &error));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (csv, ";150;62,5\r\n"));
  g_assert_nonnull (strstr (csv, ";30;12,5\r\n"));
  g_remove (path);

  /* The same results as a PDF: name, questions, options and figures in
   * the UI's language (kk when the survey has none in it). */
  {
    g_autofree char *pdf = g_build_filename (dir, "results.pdf", NULL);
    g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
    g_autofree char *text = NULL;
    gboolean ru = g_str_has_prefix (g_get_language_names ()[0], "ru");

    g_assert_true (awp_survey_editor_export_pdf (AWP_SURVEY_EDITOR (editor), pdf_file, &error));
    g_assert_no_error (error);
    text = pdf_file_text (pdf);
    assert_has (text, ru ? "Качество государственных услуг" : "Мемлекеттік қызметтердің сапасы");
    assert_has (text, ru ? "Довольны ли вы качеством обслуживания?" : "Қызмет көрсету сапасына қанағаттанасыз ба?");
    assert_has (text, ru ? "Какими услугами вы пользовались?" : "Қандай қызметтерді пайдаландыңыз?");
    assert_has (text, ru ? "Земельный участок" : "Жер учаскесі");
    assert_has (text, ru ? "Другое" : "Басқа");
    /* 150 and 30 of 240 respondents; the decimal sign is the locale's. */
    assert_has (text, "150 (62");
    assert_has (text, "30 (12");
    if (awp_test_ui_english ())
      {
        assert_has (text, "150 (62.5 %)");
        assert_has (text, "30 (12.5 %)");
        assert_has (text, "240 respondents");
      }
    if (g_getenv ("AWP_KEEP_PDF") == NULL)
      g_remove (pdf);
    else
      g_printerr ("PDF kept: %s\n", pdf);
  }

  /* A sync brings more responses (the server adds up the portal's, O145-11)
   * while the Results view is open: it shows them without reopening. */
  {
    g_autoptr(JsonObject) more = json_obj ("{\"results\":{\"respondents\":250,\"counts\":[[160,90],[60,160,30]]}}");
    guint more_bars = 0;

    g_assert_true (awp_store_update (store, id, more, "sync", &error));
    g_assert_no_error (error);
    awp_test_ui_wait_frames (GTK_WIDGET (f->window));
    g_assert_cmpuint (count_charts (editor, &more_bars), ==, 2);
    if (awp_test_ui_english ())
      g_assert_true (tree_has_label (editor, "250 respondents"));
    g_assert_true (awp_survey_editor_export_csv (AWP_SURVEY_EDITOR (editor), file, &error));
    g_assert_no_error (error);
    g_clear_pointer (&csv, g_free);
    g_assert_true (g_file_get_contents (path, &csv, NULL, &error));
    g_assert_nonnull (strstr (csv, ";160;64,0\r\n"));
    g_remove (path);
  }

  /* Forty questions take several A4 pages, the last question included;
   * counts that do not fit the questions write no file. */
  {
    g_autofree char *pdf = g_build_filename (dir, "long.pdf", NULL);
    g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
    g_autoptr(GString) json = g_string_new ("{\"title_kk\":\"Ұзын сауалнама\",\"questions\":[");
    g_autoptr(JsonObject) long_survey = NULL;
    g_autoptr(JsonObject) bad = json_obj ("{\"questions\":[{\"title_kk\":\"С\",\"options\":[{\"title_kk\":\"А\"}]}],"
                                          "\"results\":{\"respondents\":10,\"counts\":[[11]]}}");
    g_autofree char *text = NULL;
    g_autofree char *third = NULL;

    for (guint q = 0; q < 40; q++)
      g_string_append_printf (json, "%s{\"title_kk\":\"Сұрақ %u\",\"options\":[{\"title_kk\":\"А\"},"
                              "{\"title_kk\":\"Ә\"},{\"title_kk\":\"Б\"},{\"title_kk\":\"В\"}]}",
                              q ? "," : "", q + 1);
    g_string_append (json, "],\"results\":{\"respondents\":8,\"counts\":[");
    for (guint q = 0; q < 40; q++)
      g_string_append_printf (json, "%s[4,2,1,1]", q ? "," : "");
    g_string_append (json, "]}}");
    long_survey = json_obj (json->str);
    g_assert_true (awp_results_pdf_write (long_survey, "kk", pdf_file, &error));
    g_assert_no_error (error);
    text = pdf_file_text (pdf);
    assert_has (text, "Ұзын сауалнама");
    assert_has (text, "40. Сұрақ 40");
    /* The footer of the third page (cairo may pack the page objects). */
    third = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Page %d"), 3);
    assert_has (text, third);
    g_remove (pdf);

    g_assert_false (awp_results_pdf_write (bad, "kk", pdf_file, &error));
    g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "results.counts[0]"));
    g_clear_error (&error);
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }
  g_rmdir (dir);
}

static gboolean
check_app_window (gpointer user_data)
{
  GApplication *app = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  AwpTemplatesPage *conferences;
  AwpTemplatesPage *surveys;

  if (window == NULL)
    return G_SOURCE_CONTINUE;
  conferences = find_page (GTK_WIDGET (window), AWP_TYPE_CONFERENCE_EDITOR);
  surveys = find_page (GTK_WIDGET (window), AWP_TYPE_SURVEY_EDITOR);
  g_assert_nonnull (conferences);
  g_assert_nonnull (surveys);
  /* The demo data's templates are listed: the pages have the store. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (awp_templates_page_get_list (conferences), 0));
  g_assert_nonnull (gtk_list_box_get_row_at_index (awp_templates_page_get_list (surveys), 0));
  g_object_set_data (G_OBJECT (app), "checked", GINT_TO_POINTER (1));
  gtk_window_destroy (window);
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

/* The real application gives its store to the window's workspaces. */
static void
test_application_store (void)
{
  g_autoptr(AwpApplication) app = awp_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("awp-app-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "awp.db", NULL);
  char *argv[] = { (char *) "awp", (char *) "--db", db, NULL };

  g_assert_no_error (error);
  g_idle_add (check_app_window, app);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (app), "checked")));
  remove_dir (dir);
}

static void
test_no_store (void)
{
  AwpTemplatesPage *p = g_object_ref_sink (awp_templates_page_new ("survey"));

  /* Without a store the page says so and offers no "New". */
  g_assert_null (awp_templates_page_get_list (p) ? gtk_list_box_get_row_at_index (awp_templates_page_get_list (p), 0) : NULL);
  g_assert_true (AWP_IS_SURVEY_EDITOR (awp_templates_page_get_editor (p)));
  g_assert_finalize_object (p);
}

int
main (int argc, char *argv[])
{
  awp_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  {
    /* AdwApplication loads style.css; these tests have no application. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/ui/templates/conference/edit-autosave-submit", test_conference_editor);
  ADD ("/ui/templates/conference/submit-refused", test_conference_submit_refused);
  ADD ("/ui/templates/survey/questions-preview", test_survey_editor);
  ADD ("/ui/templates/conference/live-questions", test_conference_live_questions);
  ADD ("/ui/templates/survey/results", test_survey_results);
#undef ADD
  g_test_add_func ("/ui/templates/no-store", test_no_store);
  g_test_add_func ("/ui/templates/application-store", test_application_store);

  return g_test_run ();
}

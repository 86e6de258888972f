#include "config.h"

#include <glib/gstdio.h>

#include "awp-conference-editor.h"
#include "awp-i18n.h"
#include "awp-operator-page.h"
#include "awp-query-model.h"
#include "awp-survey-editor.h"
#include "awp-templates-page.h"
#include "awp-test-pages.h"
#include "awp-test-workstation.h"

/* Issue 7, "Done when": in training mode an administrator prepares,
 * submits and (as the Operator) publishes a conference and a survey,
 * answers live questions and exports results — with every rule of Order
 * 145 enforced.
 *
 * A real awp-server with the demo seed anchored on today; the real
 * application joined to it as admin.almaty, and a second workstation
 * joined as the Operator (tests/awp-test-workstation.h). Through the
 * editors' and the Operator page's widgets: a conference opening too soon
 * (O145-7) and a survey shorter than 10 working days (O145-11) are refused,
 * fixed and submitted; the Operator, who gets them by sync, returns the
 * conference with remarks; the administrator sees the remarks in the open
 * editor, fixes and resubmits; the Operator accepts and publishes both.
 * Citizens (awpctl portal) may not ask before the conference opens; in the
 * demo conference running today they ask, and the questions reach the open
 * editor by sync; closing is refused while one is unanswered (O145-9.2),
 * then goes through. Citizens answer the demo survey; the Results view,
 * the CSV and the PDF (read back with tests/pdf-text.py) show the new
 * counts. The server holds every step. */

static AwpTestServer server;

/* ---- the editors' widgets (by the names they carry, not by text) ---- */

#define find_field(root, name) awp_test_ui_find_field ((root), (name))
#define field(root, name) awp_test_ui_field ((root), (name))

/* As a user types: the whole text replaced, "changed" emitted. */
static void
type (GtkWidget *root, const char *name, const char *text)
{
  awp_test_ui_type_into (field (root, name), text);
}

static void
collect (GtkWidget *root, GType type, const char *name, GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    g_ptr_array_add (out, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    collect (c, type, name, out);
}

/* Clicks the @nth button named @name. */
static void
click (GtkWidget *root, const char *name, guint nth)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (root, GTK_TYPE_BUTTON, name, buttons);
  if (nth >= buttons->len)
    g_error ("no button %u named %s (%u found)", nth, name, buttons->len);
  g_assert_true (gtk_widget_is_sensitive (buttons->pdata[nth]));
  g_signal_emit_by_name (buttons->pdata[nth], "clicked");
  awp_test_ui_spin ();
}

static guint
count_entries (GtkWidget *root, const char *name)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  collect (root, GTK_TYPE_ENTRY, name, all);
  return all->len;
}

static void
assert_check (GtkWidget *editor, const char *id, const char *state)
{
  GtkWidget *row = ws_find_named (editor, id);
  g_autofree char *css = g_strdup_printf ("awp-check-%s", state);

  g_assert_nonnull (row);
  if (!gtk_widget_has_css_class (row, css))
    g_error ("check %s is not %s", id, state);
}

#define find_page(root, editor_type) awp_test_find_templates_page ((root), (editor_type))

static AwpTemplatesPage *
workspace (Workstation *ws, const char *name, GType editor_type)
{
  AwpTemplatesPage *p;

  g_assert_true (awp_window_set_workspace (ws->window, name));
  awp_test_ui_spin ();
  p = find_page (GTK_WIDGET (ws->window), editor_type);
  g_assert_nonnull (p);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (p)));
  return p;
}

/* The row of @id in @list, activated as a click does; FALSE when absent. */
static gboolean
activate_id (GtkListBox *list, const char *id)
{
  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "awp-id"), id) == 0)
        {
          g_signal_emit_by_name (list, "row-activated", row);
          awp_test_ui_spin ();
          return TRUE;
        }
    }
  return FALSE;
}

/* DD.MM.YYYY @days from today, as typed. */
static char *
day_from_now (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%d.%m.%Y");
}

static char *
iso_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
pdf_file_text (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "pdf-text.py", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "python3", script, path, NULL };
  char *out = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
assert_has (const char *text, const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not in:\n%s", needle, text);
}

/* The body's published template of @type running today, not @except. */
static char *
running_demo (Workstation *ws, const char *type, const char *except)
{
  g_autoptr(AwpQueryModel) model = awp_query_model_new (ws->store, type);
  g_autofree char *today = iso_today ();

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(AwpQueueItem) it = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(JsonObject) d = ws_data (ws, awp_queue_item_get_id (it));
      const char *from = json_object_get_string_member_with_default (d, g_str_equal (type, "survey") ? "launch_on" : "opens_on", "");
      const char *to = json_object_get_string_member_with_default (d, g_str_equal (type, "survey") ? "close_on" : "closes_on", "");

      if (g_strcmp0 (awp_queue_item_get_status (it), "published") == 0 && g_strcmp0 (awp_queue_item_get_id (it), except) != 0
          && g_strcmp0 (from, today) <= 0 && g_strcmp0 (today, to) <= 0)
        return g_strdup (awp_queue_item_get_id (it));
    }
  return NULL;
}

static gint64
server_unanswered (const char *conference)
{
  g_autofree char *path = g_build_filename (server.dir, "server.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n, all;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT count(*), sum(coalesce(json_extract(data, '$.answer'), '') = '') FROM records "
                                       "WHERE json_extract(data, '$.parent_id') = ? AND entity_type = 'conference_question'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, conference, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  all = sqlite3_column_int64 (stmt, 0);
  n = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  /* the demo's four and the two asked here */
  g_assert_cmpint (all, ==, 6);
  return n;
}

/* ---- the round trip -------------------------------------------------- */

static void
fill_conference (GtkWidget *editor)
{
  type (editor, "title_kk", "Ауылдық елді мекендерді газбен қамту");
  type (editor, "title_ru", "Газификация сельских населённых пунктов");
  type (editor, "brief_kk", "Облыс әкімдігінің тұрғындармен онлайн кездесуі.");
  type (editor, "brief_ru", "Онлайн-встреча акимата области с жителями.");
  type (editor, "description_kk", "Газ құбырын салу кестесі туралы сұрақтарға жауап беріледі.");
  type (editor, "description_ru", "Ответы на вопросы о графике строительства газопровода.");
  type (editor, "moderator_surname", "Сейітқали");
  type (editor, "moderator_name", "Әсем");
  type (editor, "moderator_iin", "901123300258");
  type (editor, "moderator_position", "Ішкі саясат бөлімінің бас маманы");
  type (editor, "moderator_email", "a.seitkali@akimat.gov.kz");
  type (editor, "moderator_phone", "+7 701 123 45 67");
}

static void
fill_survey (GtkWidget *editor)
{
  type (editor, "number", "12");
  type (editor, "category", "Тұрғын үй-коммуналдық шаруашылық / Жилищно-коммунальное хозяйство");
  type (editor, "title_kk", "Жылу беру маусымының сапасы");
  type (editor, "title_ru", "Качество отопительного сезона");
  type (editor, "questions[0].title_kk", "Пәтеріңіз жылы ма?");
  type (editor, "questions[0].title_ru", "Тепло ли в вашей квартире?");
  type (editor, "questions[0].options[0].title_kk", "Иә");
  type (editor, "questions[0].options[0].title_ru", "Да");
  type (editor, "questions[0].options[1].title_kk", "Жоқ");
  type (editor, "questions[0].options[1].title_ru", "Нет");
  click (editor, "add-question", 0);
  type (editor, "questions[1].title_kk", "Қандай ақаулар болды?");
  type (editor, "questions[1].title_ru", "Какие были неполадки?");
  type (editor, "questions[1].options[0].title_kk", "Батареялар суық");
  type (editor, "questions[1].options[0].title_ru", "Холодные батареи");
  type (editor, "questions[1].options[1].title_kk", "Ыстық су жоқ");
  type (editor, "questions[1].options[1].title_ru", "Нет горячей воды");
  click (editor, "option-add", 1);
  type (editor, "questions[1].options[2].title_kk", "Ақау болған жоқ");
  type (editor, "questions[1].options[2].title_ru", "Неполадок не было");
}

static const char *remarks = "Сипаттамада газ құбырының трассасын көрсетіңіз / Укажите трассу газопровода в описании";

static void
prepare_and_submit (Workstation *admin, char **conference, char **survey)
{
  g_autofree char *today = iso_today ();
  g_autofree char *tomorrow = day_from_now (1);
  g_autofree char *week = day_from_now (8);
  g_autofree char *opens = day_from_now (21);
  g_autofree char *closes = day_from_now (28);
  g_autofree char *too_short = day_from_now (28);
  g_autofree char *long_enough = day_from_now (56);
  g_autofree char *v = NULL;
  AwpTemplatesPage *p;
  GtkWidget *editor;

  /* Annex 1. Opening tomorrow is too soon: the Operator must have it 3
   * working days before (O145-7); refused, nothing sent. */
  p = workspace (admin, "conferences", AWP_TYPE_CONFERENCE_EDITOR);
  editor = awp_templates_page_get_editor (p);
  click (GTK_WIDGET (p), "new", 0);
  *conference = g_strdup (awp_template_form_get_id (awp_conference_editor_get_form (AWP_CONFERENCE_EDITOR (editor))));
  fill_conference (editor);
  type (editor, "opens_on", tomorrow);
  type (editor, "closes_on", week);
  assert_check (editor, "submission", "failed");
  click (editor, "submit", 0);
  g_assert_true (ws_shows (editor, "O145-7"));
  v = ws_field (admin, *conference, "status");
  g_assert_cmpstr (v, ==, "draft");
  g_clear_pointer (&v, g_free);
  /* Three weeks ahead it is in time. */
  type (editor, "opens_on", opens);
  type (editor, "closes_on", closes);
  assert_check (editor, "submission", "passed");
  assert_check (editor, "duration", "passed");
  click (editor, "submit", 0);
  v = ws_field (admin, *conference, "status");
  g_assert_cmpstr (v, ==, "submitted");
  g_clear_pointer (&v, g_free);
  v = ws_field (admin, *conference, "submitted_on");
  g_assert_cmpstr (v, ==, today);
  g_clear_pointer (&v, g_free);
  g_assert_false (gtk_widget_is_sensitive (field (editor, "title_kk")));

  /* Annex 2. A week is shorter than 10 working days (O145-11): refused. */
  p = workspace (admin, "surveys", AWP_TYPE_SURVEY_EDITOR);
  editor = awp_templates_page_get_editor (p);
  click (GTK_WIDGET (p), "new", 0);
  *survey = g_strdup (awp_template_form_get_id (awp_survey_editor_get_form (AWP_SURVEY_EDITOR (editor))));
  fill_survey (editor);
  type (editor, "launch_on", opens);
  type (editor, "close_on", too_short);
  assert_check (editor, "submission", "passed");
  assert_check (editor, "duration", "failed");
  click (editor, "submit", 0);
  g_assert_true (ws_shows (editor, "O145-11"));
  v = ws_field (admin, *survey, "status");
  g_assert_cmpstr (v, ==, "draft");
  g_clear_pointer (&v, g_free);
  type (editor, "close_on", long_enough);
  assert_check (editor, "duration", "passed");
  assert_check (editor, "questions", "passed");
  click (editor, "submit", 0);
  v = ws_field (admin, *survey, "status");
  g_assert_cmpstr (v, ==, "submitted");
  g_clear_pointer (&v, g_free);
}

static void
operator_decides (Workstation *op, const char *id, const char *action, const char *text)
{
  AwpOperatorPage *page = awp_window_get_operator_page (op->window);

  g_assert_nonnull (page);
  g_assert_true (awp_window_set_workspace (op->window, "operator"));
  awp_test_ui_spin ();
  if (!activate_id (awp_operator_page_get_list (page), id))
    g_error ("%s is not in the Operator's queue", id);
  if (text != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (awp_operator_page_get_remarks (page)), text, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));
  awp_test_ui_spin ();
  g_assert_cmpstr (awp_operator_page_get_error (page), ==, NULL);
}

static void
review_round_trip (Workstation *admin, Workstation *op, const char *conference, const char *survey)
{
  AwpTemplatesPage *p;
  GtkWidget *editor;
  g_autofree char *v = NULL;

  ws_sync (admin);
  v = ws_server_field (&server, conference, "status");
  g_assert_cmpstr (v, ==, "submitted");
  g_clear_pointer (&v, g_free);

  /* The Operator's window gets both by sync and returns the conference. */
  ws_sync (op);
  operator_decides (op, conference, "operator.return", remarks);
  ws_sync (op);
  v = ws_server_field (&server, conference, "status");
  g_assert_cmpstr (v, ==, "returned");
  g_clear_pointer (&v, g_free);

  /* The administrator's editor, still open on it, shows the remarks once
   * the sync lands, and is editable again. */
  p = workspace (admin, "conferences", AWP_TYPE_CONFERENCE_EDITOR);
  editor = awp_templates_page_get_editor (p);
  g_assert_cmpstr (awp_template_form_get_id (awp_conference_editor_get_form (AWP_CONFERENCE_EDITOR (editor))), ==, conference);
  ws_sync (admin);
  if (!ws_shows (editor, remarks))
    g_error ("the open editor does not show the Operator's remarks after the sync");
  g_assert_true (gtk_widget_is_sensitive (field (editor, "description_ru")));
  type (editor, "description_ru", "Ответы на вопросы о графике строительства газопровода по трассе Талгар — Есик.");
  click (editor, "submit", 0);
  v = ws_field (admin, conference, "status");
  g_assert_cmpstr (v, ==, "submitted");
  g_clear_pointer (&v, g_free);
  ws_sync (admin);

  /* The Operator's window, still on the returned template, shows the fix
   * once the sync lands: the whole of Annex 1, the description included. */
  ws_sync (op);
  g_assert_true (awp_window_set_workspace (op->window, "operator"));
  awp_test_ui_spin ();
  if (!ws_shows (GTK_WIDGET (awp_window_get_operator_page (op->window)), "по трассе Талгар — Есик"))
    g_error ("the Operator's open template does not show the resubmitted description");
  g_assert_true (ws_shows (GTK_WIDGET (awp_window_get_operator_page (op->window)), "901123300258"));

  /* The Operator accepts and publishes both. */
  operator_decides (op, conference, "operator.accept", NULL);
  operator_decides (op, conference, "operator.publish", NULL);
  operator_decides (op, survey, "operator.accept", NULL);
  /* Annex 2 in the review: each question and option. */
  g_assert_true (ws_shows (GTK_WIDGET (awp_window_get_operator_page (op->window)), "Ақау болған жоқ / Неполадок не было"));
  operator_decides (op, survey, "operator.publish", NULL);
  ws_sync (op);
  ws_sync (admin);
  v = ws_field (admin, conference, "status");
  g_assert_cmpstr (v, ==, "published");
  g_clear_pointer (&v, g_free);
  v = ws_field (admin, survey, "status");
  g_assert_cmpstr (v, ==, "published");
  g_clear_pointer (&v, g_free);
  if (awp_test_ui_english ())
    g_assert_true (ws_shows (editor, "Published"));
  g_assert_false (gtk_widget_is_sensitive (field (editor, "title_kk")));

  /* O145-8.1: the notice of the conference, marked as posted with its
   * link (a link that is not one is refused). */
  {
    g_autoptr(GPtrArray) links = g_ptr_array_new ();
    g_autoptr(JsonObject) on_server = NULL;
    JsonArray *notices;

    collect (editor, GTK_TYPE_ENTRY, "notice-link", links);
    g_assert_cmpuint (links->len, ==, 1);
    gtk_editable_set_text (links->pdata[0], "dialog.egov.kz/conference/газ");
    click (editor, "post-notice", 0);
    g_assert_null (ws_find_named (editor, "notice-posted"));
    g_ptr_array_set_size (links, 0);
    collect (editor, GTK_TYPE_ENTRY, "notice-link", links);
    gtk_editable_set_text (links->pdata[0], "https://dialog.egov.kz/conference/gas-2026");
    click (editor, "post-notice", 0);
    g_assert_nonnull (ws_find_named (editor, "notice-posted"));
    ws_sync (admin);
    on_server = ws_server_record (&server, conference);
    notices = json_object_get_array_member (on_server, "notices");
    g_assert_nonnull (notices);
    g_assert_cmpuint (json_array_get_length (notices), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (notices, 0), "link"), ==,
                     "https://dialog.egov.kz/conference/gas-2026");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (notices, 0), "norm"), ==, "O145-8.1");
  }
}

static void
live_questions (Workstation *admin, const char *conference)
{
  g_autofree char *demo = running_demo (admin, "conference", conference);
  AwpTemplatesPage *p = workspace (admin, "conferences", AWP_TYPE_CONFERENCE_EDITOR);
  GtkWidget *editor = awp_templates_page_get_editor (p);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *v = NULL;
  guint left;

  g_assert_nonnull (demo);
  /* Not before the conference opens (O145-9.2 on the server). */
  {
    const char *args[] = { "portal", "ask", "--server", server.url, "--org", "akimat-almaty-region", "--conference",
                           conference, "--text", "Газ қашан келеді?", NULL };

    g_assert_cmpint (ws_awpctl (args, &out, &err), ==, 1);
    assert_has (err, "not_open");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* The demo conference running today, open in the editor: its two
   * waiting questions. */
  g_assert_true (activate_id (awp_templates_page_get_list (p), demo));
  g_assert_cmpuint (count_entries (editor, "answer-entry"), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const char *texts[] = { "Ауылға газ қашан келеді?", "Когда построят школу в Каскелене?" };
      const char *args[] = { "portal", "ask", "--server", server.url, "--org", "akimat-almaty-region", "--conference",
                             demo, "--text", texts[i], "--author", "Айгүл Н.", NULL };

      g_assert_cmpint (ws_awpctl (args, &out, &err), ==, 0);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
    }
  /* They arrive by sync in the open queue. */
  ws_sync (admin);
  if (count_entries (editor, "answer-entry") != 4)
    g_error ("the open conference shows %u questions to answer after the sync, not 4",
             count_entries (editor, "answer-entry"));
  g_assert_true (ws_shows (editor, "Когда построят школу в Каскелене?"));

  /* O145-9.2: not closed while a question waits. */
  left = 4;
  while (left > 0)
    {
      g_autoptr(GPtrArray) entries = g_ptr_array_new ();

      click (editor, "close-conference", 0);
      v = ws_field (admin, demo, "status");
      g_assert_cmpstr (v, ==, "published");
      g_clear_pointer (&v, g_free);
      if (awp_test_ui_english () && left > 1)
        {
          g_autofree char *says = g_strdup_printf ("%u questions are unanswered", left);

          g_assert_true (ws_shows (editor, says));
        }
      collect (editor, GTK_TYPE_ENTRY, "answer-entry", entries);
      g_assert_cmpuint (entries->len, ==, left);
      gtk_editable_set_text (entries->pdata[0], "Жоба 2027 жылы аяқталады / Проект завершится в 2027 году.");
      click (editor, "answer", 0);
      left--;
      g_assert_cmpuint (count_entries (editor, "answer-entry"), ==, left);
    }
  click (editor, "close-conference", 0);
  v = ws_field (admin, demo, "status");
  g_assert_cmpstr (v, ==, "closed");
  g_clear_pointer (&v, g_free);
  ws_sync (admin);
  v = ws_server_field (&server, demo, "status");
  g_assert_cmpstr (v, ==, "closed");
  g_assert_cmpint (server_unanswered (demo), ==, 0);
}

static gint64
count_of (JsonObject *survey, guint q, guint o)
{
  JsonObject *results = json_object_get_object_member (survey, "results");

  return json_array_get_int_element (json_array_get_array_element (json_object_get_array_member (results, "counts"), q), o);
}

static void
survey_results (Workstation *admin, const char *survey)
{
  g_autofree char *demo = running_demo (admin, "survey", survey);
  AwpTemplatesPage *p = workspace (admin, "surveys", AWP_TYPE_SURVEY_EDITOR);
  AwpSurveyEditor *editor = AWP_SURVEY_EDITOR (awp_templates_page_get_editor (p));
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) on_server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("awp-results-XXXXXX", &error);
  g_autofree char *csv_path = g_build_filename (dir, "results.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "results.pdf", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autofree char *csv = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *line = NULL;
  g_autofree char *shown = NULL;
  gint64 respondents;

  g_assert_nonnull (demo);
  /* Citizens may not answer a survey that has not started. */
  {
    const char *args[] = { "portal", "respond", "--server", server.url, "--org", "akimat-almaty-region", "--survey",
                           survey, "--answers", "0;1", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (ws_awpctl (args, &out, &err), ==, 1);
  }

  /* The demo survey's results open in the editor, then citizens answer. */
  g_assert_true (activate_id (awp_templates_page_get_list (p), demo));
  awp_survey_editor_show_results (editor);
  awp_test_ui_spin ();
  before = ws_data (admin, demo);
  respondents = json_object_get_int_member (json_object_get_object_member (before, "results"), "respondents");
  for (guint i = 0; i < 3; i++)
    {
      const char *args[] = { "portal", "respond", "--server", server.url, "--org", "akimat-almaty-region", "--survey",
                             demo, "--answers", "0;0,1", NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      if (ws_awpctl (args, &out, &err) != 0)
        g_error ("the answer was refused: %s", err);
    }
  ws_sync (admin);
  after = ws_data (admin, demo);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (after, "results"), "respondents"), ==,
                   respondents + 3);
  g_assert_cmpint (count_of (after, 0, 0), ==, count_of (before, 0, 0) + 3);
  g_assert_cmpint (count_of (after, 1, 1), ==, count_of (before, 1, 1) + 3);
  on_server = ws_server_record (&server, demo);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (on_server, "results"), "respondents"), ==,
                   respondents + 3);

  /* The Results view, left open, shows the new figure. */
  shown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u respondent", "%u respondents", respondents + 3),
                           (guint) (respondents + 3));
  if (!ws_shows (GTK_WIDGET (editor), shown))
    g_error ("the open Results view does not show “%s” after the sync", shown);

  /* CSV and PDF carry the counts. */
  g_assert_true (awp_survey_editor_export_csv (editor, csv_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  line = g_strdup_printf (";%" G_GINT64_FORMAT ";", count_of (after, 0, 0));
  assert_has (csv, line);
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf (";%" G_GINT64_FORMAT ";", count_of (after, 1, 1));
  assert_has (csv, line);
  g_clear_pointer (&line, g_free);
  g_assert_true (awp_survey_editor_export_pdf (editor, pdf_file, &error));
  g_assert_no_error (error);
  pdf = pdf_file_text (pdf_path);
  line = g_strdup_printf ("%" G_GINT64_FORMAT " (", count_of (after, 0, 0));
  assert_has (pdf, line);
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("%" G_GINT64_FORMAT " (", count_of (after, 1, 1));
  assert_has (pdf, line);
  assert_has (pdf, shown);
  awp_test_ui_screenshot (admin->window, "training-survey-results-live");
  g_remove (csv_path);
  g_remove (pdf_path);
  g_rmdir (dir);
}

static void
body (AwpApplication *app, gpointer data)
{
  Workstation admin = { 0 };
  Workstation op = { 0 };
  g_autofree char *conference = NULL;
  g_autofree char *survey = NULL;
  g_auto(GStrv) admin_spaces = NULL;
  g_auto(GStrv) op_spaces = NULL;

  ws_init_app (&admin, "administrator", app);
  ws_init_joined (&op, "Operator", server.url, "operator");
  /* The roles are the server's: only the Operator reviews (O145-7). */
  admin_spaces = awp_window_list_workspaces (admin.window);
  op_spaces = awp_window_list_workspaces (op.window);
  g_assert_false (g_strv_contains ((const char *const *) admin_spaces, "operator"));
  g_assert_true (g_strv_contains ((const char *const *) op_spaces, "operator"));

  prepare_and_submit (&admin, &conference, &survey);
  review_round_trip (&admin, &op, conference, survey);
  live_questions (&admin, conference);
  survey_results (&admin, survey);

  /* The server's copy: both published, the fixed text, the remarks kept. */
  {
    g_autoptr(JsonObject) c = ws_server_record (&server, conference);
    g_autoptr(JsonObject) s = ws_server_record (&server, survey);

    g_assert_cmpstr (json_object_get_string_member (c, "status"), ==, "published");
    g_assert_cmpstr (json_object_get_string_member (c, "description_ru"), ==,
                     "Ответы на вопросы о графике строительства газопровода по трассе Талгар — Есик.");
    g_assert_cmpstr (json_object_get_string_member (c, "remarks"), ==, remarks);
    /* Each step names who took it: the signed-in users, not the computer's account. */
    {
      g_autofree char *who = ws_server_events (&server, conference);
      g_autofree char *who_survey = ws_server_events (&server, survey);

      g_assert_cmpstr (who, ==, "submit:admin.almaty return:operator submit:admin.almaty accept:operator publish:operator");
      g_assert_cmpstr (who_survey, ==, "submit:admin.almaty accept:operator publish:operator");
    }
    g_assert_cmpstr (json_object_get_string_member (s, "status"), ==, "published");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (s, "questions")), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (
                       json_array_get_object_element (json_object_get_array_member (
                         json_array_get_object_element (json_object_get_array_member (s, "questions"), 1), "options"), 2),
                       "title_ru"), ==, "Неполадок не было");
  }
  ws_clear (&op);
}

static void
test_round_trip (void)
{
  ws_server_start (&server);
  ws_run_app (server.url, "admin.almaty", body, NULL);
  awp_test_server_stop (&server);
}

int
main (int argc, char *argv[])
{
  awp_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/training/templates/round-trip", test_round_trip);
  return g_test_run ();
}

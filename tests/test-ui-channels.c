#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "awp-attachment-list.h"
#include "awp-channels-page.h"
#include "awp-i18n.h"
#include "awp-registry.h"
#include "awp-reports-page.h"
#include "awp-store.h"
#include "awp-test-pages.h"
#include "awp-test-ui.h"

/* The Channels and Registry workspace with the real widgets under Xvfb:
 * an applicant fills Annex 1 and sends it, the authorized body ticks the
 * O93-4 checklist and accredits, the channel appears in the Registry in
 * Kazakh and Russian, a change request shows its difference side by side
 * and is entered, a termination notice excludes the channel; the Annex 1
 * PDF in both languages and the CSV are read back.
 * With AWP_SCREENSHOT_DIR set it saves what it shows as PNG files. */

#define TODAY "2026-03-18"

typedef struct
{
  char     *dir;
  AwpStore *store;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_setenv ("AWP_TODAY", TODAY, TRUE);
  f->dir = g_dir_make_tmp ("awp-ui-channels-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "awp.db", NULL);
  f->store = awp_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  awp_test_ui_spin ();
  g_assert_finalize_object (f->store);
  d = g_dir_open (f->dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);

      g_remove (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

#define field(page, name) awp_test_channels_field ((page), (name))

#define type_into(page, name, text) awp_test_channels_type_into ((page), (name), (text))

#define act(page, action, target) awp_test_channels_act ((page), (action), (target))

/* The button bound to @action in the page, or NULL. */
#define find_action_button(w, action) awp_test_ui_find ((w), GTK_TYPE_BUTTON, NULL, (action))

static void
set_role (AwpChannelsPage *page, const char *role)
{
  awp_channels_page_set_role (page, role);
  awp_test_ui_spin ();
}

static JsonObject *
data_of (AwpStore *store, const char *id)
{
  g_autoptr(JsonObject) record = awp_store_get_record (store, id, NULL);

  g_assert_nonnull (record);
  return json_object_ref (json_object_get_object_member (record, "data"));
}

#define count_rows(list) awp_test_ui_count_rows (list)

static void
activate_row (GtkListBox *list, int index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  awp_test_ui_spin ();
}

static char *
pdf_text (AwpChannelsPage *page, const char *lang)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("awp-pdf-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "annex.pdf", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "pdf-text.py", NULL);
  char *out = NULL;
  int status = -1;
  const char *argv[] = { "python3", script, path, NULL };

  /* NULL: the Registry (Annex 2); otherwise the application (Annex 1). */
  if (lang != NULL)
    g_assert_true (awp_channels_page_write_pdf (page, lang, path, &error));
  else
    g_assert_true (awp_channels_page_write_registry_pdf (page, path, &error));
  g_assert_no_error (error);
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

/* PDF text comes out one text object per line: compare without breaks. */
static void
assert_in_pdf (const char *text, const char *needle)
{
  g_autoptr(GString) flat = g_string_new (text);

  g_string_replace (flat, "\n", " ", 0);
  if (strstr (flat->str, needle) == NULL)
    g_error ("“%s” not in the PDF:\n%s", needle, flat->str);
}

#define find_descendant_named(root, name) awp_test_ui_find ((root), GTK_TYPE_WIDGET, (name), NULL)

static void
fill_application (AwpChannelsPage *page)
{
  type_into (page, "to_body", "Министерство культуры и информации Республики Казахстан");
  type_into (page, "from_body_kk", "Абай облысының әкімдігі");
  type_into (page, "from_body_ru", "Акимат области Абай");
  type_into (page, "channel_name_kk", "«Әкіммен тікелей байланыс» қоғамдық қабылдау бөлмесі");
  type_into (page, "channel_name_ru", "Общественная приемная «Прямая связь с акимом»");
  type_into (page, "regulating_act", "Постановление акимата области Абай от 12.02.2026 № 34");
  type_into (page, "purpose", "Приём устных и письменных обращений жителей области и ответы на них в прямом эфире");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (page, "coverage")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (page, "format")), 3);
  type_into (page, "resources", "Два сотрудника отдела внутренней политики, студия, телефонная линия 1414");
  type_into (page, "justification", "По опросу 2025 года 62 % жителей предпочитают прямой эфир с акимом");
  type_into (page, "attachments", "Положение о приёмной\nРезультаты опроса");
  type_into (page, "signer", "Сейітқали Ә. Б.");
  type_into (page, "signed_on", "17.03.2026");
}

static void
test_lifecycle (Fixture *f, gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  AwpChannelsPage *page = awp_channels_page_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *app = NULL;
  g_autofree char *channel = NULL;
  g_autoptr(JsonObject) d = NULL;
  GtkLabel *old_side = NULL, *new_side = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  awp_channels_page_set_store (page, f->store);
  awp_test_ui_spin ();

  /* The applicant: a new draft; sending it empty names what is missing. */
  app = awp_channels_page_create_application (page, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (awp_channels_page_get_list (page, "applications")), ==, 1);
  act (page, "channels.send", NULL);
  d = data_of (f->store, app);
  g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "draft");
  if (awp_test_ui_english ())
    g_assert_nonnull (strstr (awp_channels_page_get_message (page), "Authorized body"));
  g_clear_pointer (&d, json_object_unref);
  /* Missing fields are marked after the failed send. */
  g_assert_true (gtk_widget_has_css_class (field (page, "to_body"), "error"));
  g_assert_true (gtk_widget_has_css_class (field (page, "signer"), "error"));

  fill_application (page);
  /* Typing is saved (after a pause, or at once when another document is
   * shown): the draft holds what was typed. */
  g_assert_true (awp_channels_page_open (page, app, &error));
  g_assert_no_error (error);
  d = data_of (f->store, app);
  g_assert_cmpstr (json_object_get_string_member (d, "to_body"), ==, "Министерство культуры и информации Республики Казахстан");
  g_assert_cmpstr (json_object_get_string_member (d, "coverage"), ==, "regional");
  g_assert_cmpstr (json_object_get_string_member (d, "signed_on"), ==, "2026-03-17");
  g_clear_pointer (&d, json_object_unref);
  /* Once filled, nothing is marked; a Latin look-alike is marked as typed. */
  g_assert_false (gtk_widget_has_css_class (field (page, "to_body"), "error"));
  g_assert_false (gtk_widget_has_css_class (field (page, "signer"), "error"));
  type_into (page, "channel_name_kk", "Қоғамдық қабылдаy бөлмесi");
  g_assert_true (gtk_widget_has_css_class (field (page, "channel_name_kk"), "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (field (page, "channel_name_kk")));
  type_into (page, "channel_name_kk", "«Әкіммен тікелей байланыс» қоғамдық қабылдау бөлмесі");
  g_assert_false (gtk_widget_has_css_class (field (page, "channel_name_kk"), "error"));
  /* Issue 9: a document attached as a file, beside those listed by name. */
  {
    g_autofree char *dir = g_dir_make_tmp ("awp-ui-annex-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "Положение о приёмной.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    JsonArray *listed;

    g_assert_true (g_file_set_contents (path, "%PDF-1.4\n% положение\n%%EOF\n", -1, NULL));
    g_assert_true (awp_attachment_list_add_file (AWP_ATTACHMENT_LIST (field (page, "attachment_files")), file, &error));
    g_assert_no_error (error);
    g_remove (path);
    g_rmdir (dir);
    g_assert_true (awp_channels_page_open (page, app, &error));
    g_assert_no_error (error);
    d = data_of (f->store, app);
    listed = json_object_get_array_member (d, "attachments");
    g_assert_cmpuint (json_array_get_length (listed), ==, 3);
    g_assert_cmpstr (json_array_get_string_element (listed, 0), ==, "Положение о приёмной");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (listed, 2), "name"), ==,
                     "Положение о приёмной.pdf");
    g_clear_pointer (&d, json_object_unref);
    /* Reopened: the names stay in the text, the file in its list. */
    g_assert_cmpuint (awp_attachment_list_get_count (AWP_ATTACHMENT_LIST (field (page, "attachment_files"))), ==, 1);
  }
  awp_test_ui_screenshot (window, "channels-application");

  /* Annex 1 in both languages, from what is on screen. */
  {
    g_autofree char *ru = pdf_text (page, "ru");
    g_autofree char *kk = pdf_text (page, "kk");

    assert_in_pdf (ru, "Заявка для аккредитации канала");
    assert_in_pdf (ru, "Акимат области Абай");
    assert_in_pdf (ru, "Общественная приемная «Прямая связь с акимом»");
    assert_in_pdf (ru, "региональный");
    assert_in_pdf (ru, "2) Результаты опроса");
    assert_in_pdf (ru, "17.03.2026");
    assert_in_pdf (kk, "Коммуникация арнасын аккредиттеуге");
    assert_in_pdf (kk, "«Әкіммен тікелей байланыс» қоғамдық қабылдау бөлмесі");
    assert_in_pdf (kk, "өңірлік");
    assert_in_pdf (kk, "Абай облысының әкімдігі");
  }

  act (page, "channels.send", NULL);
  d = data_of (f->store, app);
  g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "sent");
  /* O93-5 over Nauryz: 8 working days from 18.03.2026. */
  g_assert_cmpstr (json_object_get_string_member (d, "due_on"), ==, "2026-04-02");
  g_clear_pointer (&d, json_object_unref);

  /* O93-8: the decision is the authorized body's; an administrator sees
   * the buttons, insensitive, with the reason. */
  for (guint i = 0; i < 3; i++)
    {
      const char *decision[] = { "channels.review", "channels.accredit", "channels.refuse" };
      GtkWidget *button = find_action_button (GTK_WIDGET (page), decision[i]);

      g_assert_nonnull (button);
      g_assert_false (gtk_widget_is_sensitive (button));
      g_assert_nonnull (gtk_widget_get_tooltip_text (button));
    }
  set_role (page, "authorized_body");
  for (guint i = 0; i < 3; i++)
    {
      const char *decision[] = { "channels.review", "channels.accredit", "channels.refuse" };
      GtkWidget *button = find_action_button (GTK_WIDGET (page), decision[i]);

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_is_sensitive (button));
      g_assert_null (gtk_widget_get_tooltip_text (button));
    }

  /* The authorized body: two criteria met are not enough. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (field (page, "review.no_duplication.met")), TRUE);
  type_into (page, "review.no_duplication.comment", "Аналогичных каналов в области нет");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (field (page, "review.regulated_procedure.met")), TRUE);
  type_into (page, "review.regulated_procedure.comment", "Постановление № 34");
  awp_test_ui_screenshot (window, "channels-review");
  act (page, "channels.accredit", NULL);
  g_assert_cmpint (awp_store_count (f->store, "channel", NULL), ==, 0);
  d = data_of (f->store, app);
  g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "sent");
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (
    json_object_get_object_member (d, "review"), "regulated_procedure"), "met"));
  g_clear_pointer (&d, json_object_unref);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (field (page, "review.expected_results.met")), TRUE);
  act (page, "channels.accredit", NULL);
  d = data_of (f->store, app);
  g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "accredited");
  channel = g_strdup (json_object_get_string_member (d, "channel_id"));
  g_assert_cmpint (awp_store_count (f->store, "channel", NULL), ==, 1);
  g_clear_pointer (&d, json_object_unref);
  act (page, "channels.notified", NULL);
  d = data_of (f->store, app);
  g_assert_cmpstr (json_object_get_string_member (d, "notified_on"), ==, TODAY);
  g_clear_pointer (&d, json_object_unref);

  /* The Registry: one entry, in both languages. */
  act (page, "channels.show-entry", channel);
  g_assert_cmpint (count_rows (awp_channels_page_get_list (page, "registry")), ==, 1);
  /* No server here: the entry waits for its number (docs/sync.md "Groups"). */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (awp_channels_page_get_list (page, "registry"), 0);
    GtkWidget *cells = gtk_list_box_row_get_child (row);
    GtkWidget *number = gtk_widget_get_first_child (cells);

    g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (row)));
    g_assert_nonnull (number);
    while (number != NULL && !GTK_IS_LABEL (number))
      number = gtk_widget_get_first_child (number);
    g_assert_true (GTK_IS_LABEL (number));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (number)), ==, "—");
  }
  awp_channels_page_set_registry_language (page, "kk");
  awp_test_ui_spin ();

  /* Annex 3: the Kazakh name changes, shown side by side. The body may
   * not ask for it; the state body's administrator does. */
  {
    GtkWidget *button = find_action_button (GTK_WIDGET (page), "channels.request-change");

    g_assert_false (gtk_widget_is_sensitive (button));
    g_assert_nonnull (gtk_widget_get_tooltip_text (button));
  }
  set_role (page, "administrator");
  act (page, "channels.request-change", NULL);
  g_assert_cmpint (count_rows (awp_channels_page_get_list (page, "requests")), ==, 1);
  type_into (page, "new_value", "Абай облысы әкімінің «Тікелей байланыс» қоғамдық қабылдау бөлмесі");
  awp_channels_page_get_diff (page, &old_side, &new_side);
  g_assert_nonnull (strstr (gtk_label_get_label (old_side), "strikethrough"));
  g_assert_nonnull (strstr (gtk_label_get_label (new_side), "underline"));
  g_assert_nonnull (strstr (gtk_label_get_text (old_side), "«Әкіммен тікелей байланыс»"));
  g_assert_nonnull (strstr (gtk_label_get_text (new_side), "Абай облысы әкімінің"));
  type_into (page, "grounds", "Абай облысы әкімдігінің 2026 жылғы 4 мамырдағы № 45 қаулысы");
  type_into (page, "signer", "Сейітқали Ә. Б.");
  type_into (page, "signed_on", "18.03.2026");
  {
    /* Annex 3: the resolution behind the change, as a file (issue 9). */
    g_autofree char *dir = g_dir_make_tmp ("awp-ui-annex3-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "қаулы-45.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) add_error = NULL;

    g_assert_true (g_file_set_contents (path, "%PDF-1.4\n% қаулы\n%%EOF\n", -1, NULL));
    g_assert_true (awp_attachment_list_add_file (AWP_ATTACHMENT_LIST (field (page, "attachment_files")), file, &add_error));
    g_assert_no_error (add_error);
    g_remove (path);
    g_rmdir (dir);
  }
  awp_test_ui_screenshot (window, "channels-change-request");
  /* Annex 3 (O93-11, O93-A3) in both languages, as typed (a draft). */
  {
    g_autofree char *ru = pdf_text (page, "ru");
    g_autofree char *kk = pdf_text (page, "kk");

    assert_in_pdf (ru, "Приложение 3 к Правилам");
    assert_in_pdf (ru, "Заявка на внесение изменений");
    assert_in_pdf (ru, "дополнений в Реестр каналов");
    assert_in_pdf (ru, "От: Акимат области Абай");
    assert_in_pdf (ru, "Наименование изменяемой записи Реестра:");
    assert_in_pdf (ru, "Наименование канала (на казахском языке)");
    assert_in_pdf (ru, "«Әкіммен тікелей байланыс» қоғамдық қабылдау бөлмесі");
    assert_in_pdf (ru, "Новая редакция:");
    assert_in_pdf (ru, "Абай облысы әкімінің «Тікелей байланыс»");
    assert_in_pdf (ru, "4 мамырдағы №");
    assert_in_pdf (ru, "номер ожидается");
    assert_in_pdf (ru, "Сейітқали Ә. Б.");
    assert_in_pdf (ru, "18.03.2026");
    assert_in_pdf (kk, "3-қосымша");
    assert_in_pdf (kk, "толықтырулар енгізуге");
    assert_in_pdf (kk, "Мемлекеттік орган: Абай облысының әкімдігі");
    assert_in_pdf (kk, "Тізілімнің өзгертілетін жазбасының мазмұны:");
    assert_in_pdf (kk, "Арнаның атауы (қазақ тілінде)");
    assert_in_pdf (kk, "Жаңа редакциясы:");
    assert_in_pdf (kk, "нөмірі күтілуде");
    assert_in_pdf (kk, "18.03.2026");
  }
  act (page, "channels.send", NULL);
  /* A disabled action does nothing, even when activated by name. */
  gtk_widget_activate_action (GTK_WIDGET (page), "channels.apply", NULL);
  awp_test_ui_spin ();
  d = data_of (f->store, channel);
  g_assert_cmpstr (json_object_get_string_member (d, "name_kk"), ==, "«Әкіммен тікелей байланыс» қоғамдық қабылдау бөлмесі");
  g_clear_pointer (&d, json_object_unref);
  set_role (page, "authorized_body");
  {
    /* The authorized body sees the file, read-only. */
    GtkWidget *files = find_descendant_named (GTK_WIDGET (page), "attachment_files");

    g_assert_nonnull (files);
    g_assert_cmpuint (awp_attachment_list_get_count (AWP_ATTACHMENT_LIST (files)), ==, 1);
  }
  act (page, "channels.apply", NULL);
  d = data_of (f->store, channel);
  g_assert_cmpstr (json_object_get_string_member (d, "name_kk"), ==,
                   "Абай облысы әкімінің «Тікелей байланыс» қоғамдық қабылдау бөлмесі");
  g_clear_pointer (&d, json_object_unref);

  /* O93-12: the notice excludes it. */
  act (page, "channels.show-entry", channel);
  set_role (page, "administrator");
  act (page, "channels.terminate", NULL);
  type_into (page, "text", "Қабылдау бөлмесінің жұмысы 2026 жылғы 1 сәуірден бастап тоқтатылады");
  type_into (page, "signer", "Сейітқали Ә. Б.");
  type_into (page, "signed_on", "18.03.2026");
  act (page, "channels.send", NULL);
  /* The termination notice (O93-12) in both languages, as sent. */
  {
    g_autofree char *ru = pdf_text (page, "ru");
    g_autofree char *kk = pdf_text (page, "kk");

    assert_in_pdf (ru, "Уведомление о прекращении работы");
    assert_in_pdf (ru, "От: Акимат области Абай");
    assert_in_pdf (ru, "просим исключить его");
    assert_in_pdf (ru, "Текст уведомления:");
    assert_in_pdf (ru, "2026 жылғы 1 сәуірден");
    assert_in_pdf (ru, "18.03.2026");
    assert_in_pdf (kk, "Коммуникация арнасының жұмысын тоқтату");
    assert_in_pdf (kk, "Мемлекеттік орган: Абай облысының әкімдігі");
    assert_in_pdf (kk, "«Абай облысы әкімінің");
    assert_in_pdf (kk, "тізілімінен шығаруды");
    assert_in_pdf (kk, "Хабарлама мәтіні:");
    assert_in_pdf (kk, "18.03.2026");
  }
  set_role (page, "authorized_body");
  act (page, "channels.apply", NULL);
  d = data_of (f->store, channel);
  g_assert_cmpstr (json_object_get_string_member (d, "excluded_on"), ==, TODAY);
  g_clear_pointer (&d, json_object_unref);
  g_assert_cmpint (count_rows (awp_channels_page_get_list (page, "requests")), ==, 2);

  /* The whole history on screen and in the CSV. */
  act (page, "channels.show-entry", channel);
  activate_row (awp_channels_page_get_list (page, "registry"), 0);
  {
    g_autofree char *path = g_build_filename (f->dir, "registry.csv", NULL);
    g_autofree char *csv = NULL;

    g_assert_true (awp_channels_page_export_csv (page, path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
    g_assert_true (g_str_has_prefix (csv, "№,Коммуникация арнасының атауы,"));
    g_assert_nonnull (strstr (csv, "18.03.2026 — тізілімнен шығарылды"));
    g_assert_nonnull (strstr (csv, "Арнаның атауы (қазақ тілінде)"));
    g_remove (path);
    awp_channels_page_set_registry_language (page, "ru");
    awp_test_ui_spin ();
    g_assert_true (awp_channels_page_export_csv (page, path, &error));
    g_clear_pointer (&csv, g_free);
    g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
    g_assert_true (g_str_has_prefix (csv, "№,Наименование канала коммуникаций,"));
    g_assert_nonnull (strstr (csv, "18.03.2026 — исключен из Реестра"));
    g_remove (path);
  }
  /* And as the Annex 2 document. */
  {
    g_autofree char *text = pdf_text (page, NULL);

    assert_in_pdf (text, "Реестр каналов коммуникаций");
    assert_in_pdf (text, "Общественная приемная");
    assert_in_pdf (text, "исключен из Реестра");
  }
  /* The Registry on screen in the UI's language. */
  awp_channels_page_set_registry_language (page, g_str_has_prefix (g_getenv ("LANGUAGE") ?: "", "kk") ? "kk" : "ru");
  awp_test_ui_spin ();
  awp_test_ui_screenshot (window, "channels-registry");

  /* Search narrows the table (the entry's delay is waited out). */
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (page), AWP_TYPE_CHANNELS_PAGE,
                                                                      "registry_search")), "Алматы");
  for (int i = 0; i < 200 && count_rows (awp_channels_page_get_list (page, "registry")) != 0; i++)
    {
      g_usleep (10000);
      awp_test_ui_spin ();
    }
  g_assert_cmpint (count_rows (awp_channels_page_get_list (page, "registry")), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  awp_test_ui_spin ();
}

static GtkWidget *
report_field (AwpReportsPage *page, const char *name)
{
  GtkWidget *w = awp_reports_page_get_field (page, name);

  if (w == NULL)
    g_error ("no report field %s", name);
  return w;
}

/* Order 118: a report per body and year, due 1 March (moved to Monday
 * 02.03.2026), the O118-6 confirmation before the request, and the link. */
static void
test_reports (Fixture *f, gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  AwpReportsPage *page = awp_reports_page_new ();
  g_autoptr(JsonObject) d = NULL;
  const char *id;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  awp_reports_page_set_store (page, f->store);
  awp_test_ui_spin ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.new", NULL));
  awp_test_ui_spin ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (report_field (page, "body_kind")), 0);
  gtk_editable_set_text (GTK_EDITABLE (report_field (page, "body_kk")), "Қазақстан Республикасы Мәдениет және ақпарат министрлігі");
  gtk_editable_set_text (GTK_EDITABLE (report_field (page, "body_ru")), "Министерство культуры и информации Республики Казахстан");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (report_field (page, "year")), 2025);
  gtk_editable_set_text (GTK_EDITABLE (report_field (page, "title")),
                         "Отчет о достижении целевых индикаторов плана развития на 2025 год");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.create", NULL));
  awp_test_ui_spin ();
  id = awp_reports_page_get_open_id (page);
  g_assert_nonnull (id);
  d = data_of (f->store, id);
  g_assert_cmpstr (json_object_get_string_member (d, "due_on"), ==, "2026-03-02");
  g_clear_pointer (&d, json_object_unref);

  /* No request without the O118-6 confirmation. */
  gtk_editable_set_text (GTK_EDITABLE (report_field (page, "document")), "Есеп-2025.pdf");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.request", NULL));
  awp_test_ui_spin ();
  g_assert_nonnull (strstr (awp_reports_page_get_message (page), "O118-6"));
  d = data_of (f->store, id);
  g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (d, "document"), ==, "Есеп-2025.pdf");
  g_clear_pointer (&d, json_object_unref);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (report_field (page, "no_restricted_info")), TRUE);
  awp_test_ui_screenshot (window, "reports");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.request", NULL));
  awp_test_ui_spin ();
  d = data_of (f->store, id);
  g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "requested");
  /* Requested on 18.03.2026, after 02.03.2026. */
  g_assert_true (json_object_get_boolean_member (d, "late"));
  g_clear_pointer (&d, json_object_unref);

  gtk_editable_set_text (GTK_EDITABLE (report_field (page, "link")), "budget report");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.publish", NULL));
  awp_test_ui_spin ();
  d = data_of (f->store, id);
  g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "requested");
  g_clear_pointer (&d, json_object_unref);
  gtk_editable_set_text (GTK_EDITABLE (report_field (page, "link")), "https://budget.egov.kz/reports/2025/mki");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.publish", NULL));
  awp_test_ui_spin ();
  d = data_of (f->store, id);
  g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "published");
  g_assert_cmpstr (json_object_get_string_member (d, "link"), ==, "https://budget.egov.kz/reports/2025/mki");
  g_clear_pointer (&d, json_object_unref);
  awp_test_ui_screenshot (window, "reports-published");

  /* The same body and year again: refused, nothing created. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.new", NULL));
  awp_test_ui_spin ();
  gtk_editable_set_text (GTK_EDITABLE (report_field (page, "body_kk")), "Қазақстан Республикасы Мәдениет және ақпарат министрлігі");
  gtk_editable_set_text (GTK_EDITABLE (report_field (page, "body_ru")), "Министерство культуры и информации Республики Казахстан");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (report_field (page, "year")), 2025);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.create", NULL));
  awp_test_ui_spin ();
  g_assert_cmpint (awp_store_count (f->store, "efficiency_report", NULL), ==, 1);
  g_assert_cmpint (count_rows (awp_reports_page_get_list (page)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  awp_test_ui_spin ();
}

int
main (int argc, char **argv)
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

  g_test_add ("/ui/channels/lifecycle", Fixture, NULL, fixture_setup, test_lifecycle, fixture_teardown);
  g_test_add ("/ui/reports/lifecycle", Fixture, NULL, fixture_setup, test_reports, fixture_teardown);
  return g_test_run ();
}

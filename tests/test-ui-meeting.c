#include "config.h"

#include "awp-attachment-list.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "awp-i18n.h"
#include "awp-meeting-calendar.h"
#include "awp-meeting-detail.h"
#include "awp-meeting-editor.h"
#include "awp-meeting-emergency-dialog.h"
#include "awp-meeting-import-dialog.h"
#include "awp-meeting-planner.h"
#include "awp-meeting-print.h"
#include "awp-meeting-store.h"
#include "awp-seed.h"
#include "awp-window.h"
#include "awp-test-ui.h"

/* The meetings planner driven through its real widgets under Xvfb, on a
 * real store: the editor validates as the secretary types and saves; the
 * agenda and calendar show the meeting and its deadlines; the detail
 * window announces (kk/ru, copy), registers up to capacity with a waiting
 * list, imports a CSV with a per-row preview, prints the participant list
 * to PDF, takes broadcast comments and their answers, and publishes
 * results; the emergency dialog switches meetings to online.
 * With AWP_SCREENSHOT_DIR set it saves what it shows as PNG files. */

#define TODAY "2026-03-02"

typedef struct
{
  char     *dir;
  AwpStore *store;
} Fixture;

#define IN_ENGLISH(check) G_STMT_START { if (awp_test_ui_english ()) { check; } } G_STMT_END

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_setenv ("AWP_TODAY", TODAY, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("awp-ui-meeting-XXXXXX", &error);
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

static GtkWidget *
child (gpointer widget, GType type, const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

#define type_into(widget, text) awp_test_ui_type_into ((widget), (text))

static void
fill_editor (AwpMeetingEditor *editor)
{
  type_into (awp_meeting_editor_get_field_widget (editor, "body"), "Астана қаласы әкімдігі жанындағы қоғамдық кеңес");
  type_into (awp_meeting_editor_get_field_widget (editor, "title"), "Қала көшелерін көгалдандыру / Озеленение улиц");
  adw_combo_row_set_selected (ADW_COMBO_ROW (awp_meeting_editor_get_field_widget (editor, "region")), 1);
  type_into (awp_meeting_editor_get_field_widget (editor, "date"), "12.03.2026");
  type_into (awp_meeting_editor_get_field_widget (editor, "time"), "10:00");
  type_into (awp_meeting_editor_get_field_widget (editor, "place"), "Бейбітшілік к-сі, 11, мәжіліс залы");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (awp_meeting_editor_get_field_widget (editor, "capacity")), 2);
  type_into (awp_meeting_editor_get_field_widget (editor, "broadcast_url"), "https://youtube.com/live/astana");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (awp_meeting_editor_get_field_widget (editor, "agenda"))),
                            "2026 жылғы көгалдандыру жоспары\n\nТұрғындардың ұсыныстары", -1);
  type_into (awp_meeting_editor_get_field_widget (editor, "responsible.name"), "Сәрсенова Әйгерім Болатқызы");
  type_into (awp_meeting_editor_get_field_widget (editor, "responsible.email"), "a.sarsenova@astana.gov.kz");
}

static char *
plan_meeting (Fixture *f, GtkWindow *parent)
{
  AwpMeetingEditor *editor = awp_meeting_editor_new (parent, f->store, NULL, "org-1", NULL);
  GtkWidget *phone;
  g_auto(GStrv) ids = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  char *id;

  g_object_ref (editor);
  gtk_window_present (GTK_WINDOW (editor));
  awp_test_ui_spin ();

  /* A new form lists what is missing, and Save waits. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  awp_test_ui_spin ();
  g_assert_cmpint (awp_store_count (f->store, "meeting", NULL), ==, 0);
  IN_ENGLISH (g_assert_nonnull (strstr (awp_meeting_editor_get_issues_text (editor), "Collegial body")));
  g_assert_false (gtk_widget_has_css_class (awp_meeting_editor_get_field_widget (editor, "title"), "error"));

  fill_editor (editor);
  /* A Moscow number is not a Kazakhstan work phone (O605-8): named, marked. */
  phone = awp_meeting_editor_get_field_widget (editor, "responsible.phone");
  type_into (phone, "+7 495 123 45 67");
  g_assert_true (gtk_widget_has_css_class (phone, "error"));
  IN_ENGLISH (g_assert_true (g_str_has_prefix (awp_meeting_editor_get_issues_text (editor), "Work phone")));
  gtk_widget_grab_focus (phone);
  awp_test_ui_screenshot (editor, "meeting-editor");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  awp_test_ui_spin ();
  g_assert_cmpint (awp_store_count (f->store, "meeting", NULL), ==, 0);

  type_into (phone, "8 (7172) 55-66-77");
  g_assert_false (gtk_widget_has_css_class (phone, "error"));
  g_assert_cmpstr (awp_meeting_editor_get_issues_text (editor), ==, "");
  /* A closed meeting needs its ground (O605-3, O605-4). */
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (awp_meeting_editor_get_field_widget (editor, "closed")), TRUE);
  awp_test_ui_spin ();
  g_assert_true (gtk_widget_has_css_class (awp_meeting_editor_get_field_widget (editor, "closed_ground"), "error"));
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (awp_meeting_editor_get_field_widget (editor, "closed")), FALSE);
  awp_test_ui_spin ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  awp_test_ui_spin ();
  g_assert_finalize_object (editor);

  meetings = awp_meeting_list (f->store, NULL, NULL);
  g_assert_cmpuint (meetings->len, ==, 1);
  id = g_strdup (json_object_get_string_member (meetings->pdata[0], "id"));
  {
    JsonObject *data = json_object_get_object_member (meetings->pdata[0], "data");

    g_assert_cmpstr (json_object_get_string_member (data, "date"), ==, "2026-03-12");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (data, "responsible"), "phone"),
                     ==, "+77172556677");
    /* Two questions: the blank line between them is not a third. */
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (data, "agenda")), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (data, "region"), ==, "astana");
  }
  (void) ids;
  return id;
}

static void
register_person (AwpMeetingDetail *detail, const char *surname, const char *name, const char *year, const char *received)
{
  type_into (child (detail, AWP_TYPE_MEETING_DETAIL, "reg_surname"), surname);
  type_into (child (detail, AWP_TYPE_MEETING_DETAIL, "reg_name"), name);
  type_into (child (detail, AWP_TYPE_MEETING_DETAIL, "reg_year"), year);
  type_into (child (detail, AWP_TYPE_MEETING_DETAIL, "reg_contact"), "+7 701 555 44 33");
  type_into (child (detail, AWP_TYPE_MEETING_DETAIL, "reg_received"), received);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.register", NULL));
  awp_test_ui_spin ();
}

static void
on_text_read (GObject *clipboard, GAsyncResult *result, gpointer user_data)
{
  char **out = user_data;

  *out = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
}

#define find_descendant(widget, type) awp_test_ui_find ((widget), (type), NULL, NULL)

static void
test_secretary_day (Fixture *f, gconstpointer data)
{
  AwpWindow *window = g_object_ref (awp_window_new (NULL));
  AwpMeetingPlanner *planner = awp_window_get_meeting_planner (window);
  AwpMeetingDetail *detail;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *list = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "participants.pdf", NULL);
  g_autofree char *pdf_data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = NULL;
  g_auto(GStrv) ids = NULL;
  GListModel *entries;
  GtkWidget *seats;
  gsize pdf_len = 0;

  awp_window_set_workspace (window, "meetings");
  awp_window_set_store (window, f->store);
  gtk_window_present (GTK_WINDOW (window));
  awp_test_ui_spin ();

  id = plan_meeting (f, GTK_WINDOW (window));
  awp_test_ui_spin ();

  /* The agenda and the calendar: the meeting and its three deadlines. */
  ids = awp_meeting_planner_list_ids (planner);
  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, id);
  entries = awp_meeting_planner_get_entries (planner);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 4);

  /* Editing loads the stored meeting as typed and saves only changes. */
  {
    AwpMeetingEditor *editor = g_object_ref (awp_meeting_editor_new (GTK_WINDOW (window), f->store, id, "org-1", NULL));
    g_autoptr(JsonObject) edited = NULL;
    JsonObject *d;

    gtk_window_present (GTK_WINDOW (editor));
    awp_test_ui_spin ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (awp_meeting_editor_get_field_widget (editor, "date"))), ==, "12.03.2026");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (awp_meeting_editor_get_field_widget (editor, "responsible.phone"))),
                     ==, "+7 7172 55 66 77");
    type_into (awp_meeting_editor_get_field_widget (editor, "place"), "Бейбітшілік к-сі, 11, 305-бөлме");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
    awp_test_ui_spin ();
    g_assert_finalize_object (editor);
    edited = awp_store_get_record (f->store, id, NULL);
    d = json_object_get_object_member (edited, "data");
    g_assert_cmpstr (json_object_get_string_member (d, "place"), ==, "Бейбітшілік к-сі, 11, 305-бөлме");
    g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "planned");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (d, "deadlines"), "announce_by"), ==, "2026-03-06");
  }

  detail = AWP_MEETING_DETAIL (g_object_ref (awp_meeting_planner_open (planner, id)));
  awp_test_ui_spin ();
  awp_test_ui_screenshot (detail, "meeting-detail-overview");

  /* Announcement in Kazakh, then Russian; Copy puts it on the clipboard. */
  awp_meeting_detail_set_page (detail, "announcement");
  text = awp_meeting_detail_dup_announcement (detail);
  g_assert_true (g_str_has_prefix (text, "ХАБАРЛАНДЫРУ"));
  g_clear_pointer (&text, g_free);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (detail, AWP_TYPE_MEETING_DETAIL, "ru_button")), TRUE);
  awp_test_ui_spin ();
  text = awp_meeting_detail_dup_announcement (detail);
  g_assert_true (g_str_has_prefix (text, "ОБЪЯВЛЕНИЕ"));
  g_assert_nonnull (strstr (text, "до 10.03.2026 включительно"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.copy-announcement", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (detail)), NULL, on_text_read, &copied);
  while (copied == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (copied, ==, text);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (detail, AWP_TYPE_MEETING_DETAIL, "kk_button")), TRUE);
  awp_test_ui_spin ();
  awp_test_ui_screenshot (detail, "meeting-announcement");

  /* A bad link is refused and named; a good one on 05.03 is on time. */
  type_into (child (detail, AWP_TYPE_MEETING_DETAIL, "announcement_link"), "gov.kz news");
  type_into (child (detail, AWP_TYPE_MEETING_DETAIL, "announcement_date"), "05.03.2026");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.announce", NULL));
  awp_test_ui_spin ();
  IN_ENGLISH (g_assert_true (g_str_has_prefix (awp_meeting_detail_get_last_message (detail), "Announcement link")));
  type_into (child (detail, AWP_TYPE_MEETING_DETAIL, "announcement_link"), "https://astana.gov.kz/news/605");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.announce", NULL));
  awp_test_ui_spin ();
  IN_ENGLISH (g_assert_cmpstr (awp_meeting_detail_get_last_message (detail), ==, "Announcement published on time"));
  record = awp_store_get_record (f->store, id, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "data"), "status"), ==, "announced");

  /* Registrations: two seats, a third person waits; a late one is flagged. */
  awp_meeting_detail_set_page (detail, "registrations");
  register_person (detail, "Ахметова", "Дана", "1990", "02.03.2026");
  register_person (detail, "Бекетов", "Арман", "1985", "03.03.2026");
  register_person (detail, "Жұмабаев", "Нұрсұлтан", "2001", "11.03.2026");
  register_person (detail, "Иванова", "Ольга", "19x0", "04.03.2026");
  IN_ENGLISH (g_assert_true (g_str_has_prefix (awp_meeting_detail_get_last_message (detail), "Year of birth")));
  seats = child (detail, AWP_TYPE_MEETING_DETAIL, "seats_label");
  IN_ENGLISH (g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (seats)), ==,
                   "Seats: 2 of 2 taken · waiting list: 1 · late applications: 1"));

  /* The import preview names each bad row; Import adds the good ones. */
  {
    static const char csv[] =
      "ФИО;Год рождения;Контакты;Дата подачи\n"
      "Омаров Тимур Серикович;1999;timur@mail.kz;04.03.2026\n"
      "Ахметова Дана;1990;+7 701 555 44 33;04.03.2026\n"
      "Сидоров;1980;+7 702 000 00 00;04.03.2026\n"
      "Ким Виктор;2031;+7 702 000 00 01;04.03.2026\n";
    g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
    AwpMeetingImportDialog *import = awp_meeting_import_dialog_new (GTK_WINDOW (detail), f->store, id, bytes);

    g_object_ref (import);
    gtk_window_present (GTK_WINDOW (import));
    awp_test_ui_spin ();
    g_assert_cmpuint (awp_meeting_import_dialog_get_n_rows (import), ==, 4);
    g_assert_cmpuint (awp_meeting_import_dialog_get_n_invalid (import), ==, 2);
    IN_ENGLISH (g_assert_true (g_str_has_prefix (awp_meeting_import_dialog_get_summary (import), "4 rows: 2 valid, 2 with errors")));
    awp_test_ui_screenshot (import, "meeting-import");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (import), "import.run", NULL));
    awp_test_ui_spin ();
    g_assert_finalize_object (import);
  }
  /* Ахметова was registered already: only Омаров is new. */
  IN_ENGLISH (g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (seats)), ==,
                   "Seats: 2 of 2 taken · waiting list: 2 · late applications: 1"));
  awp_test_ui_screenshot (detail, "meeting-registrations");

  /* The printable participant list, exported as PDF. */
  list = awp_meeting_participants_text (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (list, "1. Ахметова Дана"));
  IN_ENGLISH (g_assert_nonnull (strstr (list, "Waiting list")));
  g_assert_true (awp_meeting_print_text (GTK_WINDOW (detail), "participants", list, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &pdf_data, &pdf_len, NULL));
  g_assert_cmpuint (pdf_len, >, 1000);
  g_assert_true (g_str_has_prefix (pdf_data, "%PDF"));

  /* The meeting is held on 12.03; the secretary works on the next day. */
  g_setenv ("AWP_TODAY", "2026-03-13", TRUE);
  /* A broadcast comment blocks results until answered. */
  awp_meeting_detail_set_page (detail, "overview");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.hold", NULL));
  awp_test_ui_spin ();
  awp_meeting_detail_set_page (detail, "comments");
  type_into (child (detail, AWP_TYPE_MEETING_DETAIL, "comment_author"), "Мария");
  type_into (child (detail, AWP_TYPE_MEETING_DETAIL, "comment_text"), "Когда начнётся посадка деревьев?");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.add-comment", NULL));
  awp_test_ui_spin ();
  IN_ENGLISH (g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (detail, AWP_TYPE_MEETING_DETAIL, "comments_label"))), ==,
                   "1 comment, 1 without an answer (Rules No. 605-NK, para. 13)"));

  awp_meeting_detail_set_page (detail, "results");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (detail, AWP_TYPE_MEETING_DETAIL, "decision_view"))),
                            "Көгалдандыру жоспары мақұлданды.", -1);
  {
    /* O605-14: the minutes as a file (issue 8), kept in the store by its hash. */
    g_autofree char *dir = g_dir_make_tmp ("awp-ui-minutes-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "хаттама-12-03.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) add_error = NULL;
    static const char minutes[] = "%PDF-1.4\n% хаттама\n%%EOF\n";

    g_assert_true (g_file_set_contents (path, minutes, sizeof minutes - 1, NULL));
    g_assert_true (awp_attachment_list_add_file (AWP_ATTACHMENT_LIST (child (detail, AWP_TYPE_MEETING_DETAIL, "minutes_files")),
                                                 file, &add_error));
    g_assert_no_error (add_error);
    g_remove (path);
    g_rmdir (dir);
  }
  type_into (child (detail, AWP_TYPE_MEETING_DETAIL, "results_link_row"), "https://astana.gov.kz/decisions/605");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.publish-results", NULL));
  awp_test_ui_spin ();
  IN_ENGLISH (g_assert_nonnull (strstr (awp_meeting_detail_get_last_message (detail), "para. 13")));

  {
    GtkWidget *list_box = child (detail, AWP_TYPE_MEETING_DETAIL, "comments_list");
    GtkWidget *entry = find_descendant (list_box, GTK_TYPE_ENTRY);
    GtkWidget *button = find_descendant (list_box, GTK_TYPE_BUTTON);

    g_assert_nonnull (entry);
    g_assert_nonnull (button);
    type_into (entry, "Сәуірде басталады / В апреле");
    awp_meeting_detail_set_page (detail, "comments");
    awp_test_ui_spin ();
    awp_test_ui_screenshot (detail, "meeting-comments");
    g_signal_emit_by_name (button, "clicked");
    awp_test_ui_spin ();
  }
  IN_ENGLISH (g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (detail, AWP_TYPE_MEETING_DETAIL, "comments_label"))), ==,
                   "1 comment, 0 without an answer (Rules No. 605-NK, para. 13)"));
  awp_meeting_detail_set_page (detail, "results");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.publish-results", NULL));
  awp_test_ui_spin ();
  IN_ENGLISH (g_assert_cmpstr (awp_meeting_detail_get_last_message (detail), ==, "Results published on time"));
  awp_test_ui_screenshot (detail, "meeting-results");
  g_clear_pointer (&record, json_object_unref);
  record = awp_store_get_record (f->store, id, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "data"), "status"),
                   ==, "results_published");
  {
    g_autoptr(GPtrArray) files = awp_attachment_list (f->store, id, NULL);

    g_assert_cmpuint (files->len, ==, 1);
    g_assert_cmpstr (((AwpAttachment *) files->pdata[0])->name, ==, "хаттама-12-03.pdf");
    g_assert_cmpstr (((AwpAttachment *) files->pdata[0])->kind, ==, "minutes");
    g_assert_true (((AwpAttachment *) files->pdata[0])->local);
    /* Published: the files stay as they are. */
    g_assert_false (gtk_widget_get_visible (gtk_widget_get_last_child (gtk_widget_get_first_child (
      child (detail, AWP_TYPE_MEETING_DETAIL, "minutes_files")))));
  }

  awp_meeting_detail_set_page (detail, "overview");
  awp_test_ui_spin ();
  awp_test_ui_screenshot (detail, "meeting-detail-done");
  gtk_window_destroy (GTK_WINDOW (detail));
  awp_test_ui_spin ();
  g_assert_finalize_object (detail);

  /* Selecting the meeting in the agenda takes the calendar to its day. */
  gtk_list_box_select_row (GTK_LIST_BOX (child (planner, AWP_TYPE_MEETING_PLANNER, "agenda_list")),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (planner, AWP_TYPE_MEETING_PLANNER, "agenda_list")), 0));
  awp_test_ui_spin ();
  {
    GtkWidget *calendar = child (window, AWP_TYPE_WINDOW, "meeting_calendar");
    g_autoptr(GDateTime) selected = awp_meeting_calendar_get_selected_date (AWP_MEETING_CALENDAR (calendar));

    g_assert_cmpint (g_date_time_get_month (selected), ==, 3);
    g_assert_cmpint (g_date_time_get_day_of_month (selected), ==, 12);
  }
  awp_test_ui_screenshot (window, "meetings-planner");
  gtk_window_destroy (GTK_WINDOW (window));
  awp_test_ui_spin ();
  g_assert_finalize_object (window);
}

static void
test_emergency_dialog (Fixture *f, gconstpointer data)
{
  g_autoptr(GtkWindow) parent = NULL;
  AwpMeetingEmergencyDialog *dialog;
  g_autofree char *id = NULL;
  g_autofree char *result = NULL;
  g_autoptr(JsonObject) application = json_object_new ();
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reg = NULL;

  parent = GTK_WINDOW (g_object_ref_sink (gtk_window_new ()));
  id = plan_meeting (f, parent);
  json_object_set_string_member (application, "surname", "Ахметова");
  json_object_set_string_member (application, "name", "Дана");
  json_object_set_int_member (application, "birth_year", 1990);
  json_object_set_string_member (application, "contact", "dana@mail.kz");
  reg = awp_meeting_register (f->store, id, application, "test", &error);
  g_assert_no_error (error);

  dialog = g_object_ref (awp_meeting_emergency_dialog_new (parent, f->store));
  gtk_window_present (GTK_WINDOW (dialog));
  awp_test_ui_spin ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, AWP_TYPE_MEETING_EMERGENCY_DIALOG, "region_row")), 1);
  type_into (child (dialog, AWP_TYPE_MEETING_EMERGENCY_DIALOG, "from_row"), "10.03.2026");
  type_into (child (dialog, AWP_TYPE_MEETING_EMERGENCY_DIALOG, "to_row"), "31.02.2026");
  type_into (child (dialog, AWP_TYPE_MEETING_EMERGENCY_DIALOG, "ground_row"), "Әкімнің 09.03.2026 № 12 шешімі");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "emergency.declare", NULL));
  awp_test_ui_spin ();
  /* An impossible date is named and nothing switches. */
  g_assert_true (gtk_widget_has_css_class (child (dialog, AWP_TYPE_MEETING_EMERGENCY_DIALOG, "to_row"), "error"));
  record = awp_store_get_record (f->store, id, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "data"), "format"), ==, "hybrid");

  type_into (child (dialog, AWP_TYPE_MEETING_EMERGENCY_DIALOG, "to_row"), "15.03.2026");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "emergency.declare", NULL));
  awp_test_ui_spin ();
  result = awp_meeting_emergency_dialog_dup_result (dialog);
  IN_ENGLISH (g_assert_true (g_str_has_prefix (result, "1 meeting switched to online")));
  g_assert_nonnull (strstr (result, "Ахметова Дана — dana@mail.kz"));
  awp_test_ui_screenshot (dialog, "meeting-emergency");
  g_clear_pointer (&record, json_object_unref);
  record = awp_store_get_record (f->store, id, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "data"), "format"), ==, "online");

  gtk_window_destroy (GTK_WINDOW (dialog));
  awp_test_ui_spin ();
  g_assert_finalize_object (dialog);
  gtk_window_destroy (parent);
}

/* The demo seed's meetings (older records with "subject" and "held_on")
 * still show in the agenda and on the calendar, beside planned ones. */
static void
test_seeded_store (Fixture *f, gconstpointer data)
{
  AwpWindow *window = g_object_ref (awp_window_new (NULL));
  AwpMeetingPlanner *planner = awp_window_get_meeting_planner (window);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  gint64 n;

  g_assert_true (awp_seed_run (f->store, 50, 1, &error));
  g_assert_no_error (error);
  n = awp_store_count (f->store, "meeting", NULL);
  g_assert_cmpint (n, >, 0);
  awp_window_set_workspace (window, "meetings");
  awp_window_set_store (window, f->store);
  gtk_window_present (GTK_WINDOW (window));
  awp_test_ui_spin ();
  ids = awp_meeting_planner_list_ids (planner);
  g_assert_cmpint (g_strv_length (ids), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (awp_meeting_planner_get_entries (planner)), >=, (guint) n);
  /* Opening an older record shows what it lacks instead of failing. */
  {
    AwpMeetingDetail *detail = AWP_MEETING_DETAIL (g_object_ref (awp_meeting_planner_open (planner, ids[0])));

    awp_test_ui_spin ();
    gtk_window_destroy (GTK_WINDOW (detail));
    awp_test_ui_spin ();
    g_assert_finalize_object (detail);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  awp_test_ui_spin ();
  g_assert_finalize_object (window);
}

int
main (int argc, char **argv)
{
  g_setenv ("AWP_TODAY", TODAY, TRUE);
  if (g_getenv ("LANGUAGE") == NULL || g_getenv ("AWP_SCREENSHOT_DIR") == NULL)
    g_setenv ("LANGUAGE", "en", TRUE);
  awp_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui-meeting/secretary-day", Fixture, NULL, fixture_setup, test_secretary_day, fixture_teardown);
  g_test_add ("/ui-meeting/seeded-store", Fixture, NULL, fixture_setup, test_seeded_store, fixture_teardown);
  g_test_add ("/ui-meeting/emergency-dialog", Fixture, NULL, fixture_setup, test_emergency_dialog, fixture_teardown);
  return g_test_run ();
}

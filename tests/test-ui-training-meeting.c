#include "config.h"

#include <glib/gstdio.h>

#include "awp-attachment-list.h"
#include "awp-calendar-entry.h"
#include "awp-i18n.h"
#include "awp-meeting-detail.h"
#include "awp-meeting-editor.h"
#include "awp-meeting-planner.h"
#include "awp-meeting-store.h"
#include "awp-meeting.h"
#include "awp-test-training.h"

/* Issue 8, "Done when": in training mode a secretary plans a meeting,
 * publishes its announcement on time, registers participants up to
 * capacity with a waiting list, runs the broadcast comments and publishes
 * results — and the planner shows every deadline of Order 605. The real
 * application (awp --training), the meetings planner's own widgets, the
 * in-process demo server: what the secretary did is on the server (the
 * meeting, each registration, the answered comment, the results), and the
 * deadlines on the calendar and in the meeting's window are the core's
 * (O605-8, O605-9, O605-14 computed with the real calendar). */

static GtkWidget *
detail_child (AwpMeetingDetail *detail, const char *name)
{
  GObject *o = gtk_widget_get_template_child (GTK_WIDGET (detail), AWP_TYPE_MEETING_DETAIL, name);

  g_assert_nonnull (o);
  return GTK_WIDGET (o);
}

#define type_into(widget, text) awp_test_ui_type_into ((widget), (text))

static AwpMeetingEditor *
find_editor (void)
{
  return awp_test_ui_find_toplevel (AWP_TYPE_MEETING_EDITOR);
}

static char *
iso (const GDate *date)
{
  char buf[16];

  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", date);
  return g_strdup (buf);
}

/* The three deadlines of a meeting on @date, by the core rules. */
static void
core_deadlines (const GDate *date, GDate out[AWP_MEETING_N_DEADLINES])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpCalendar) calendar = awp_calendar_new_default (&error);
  g_autoptr(AwpRuleSet) rules = awp_rule_set_new_default (&error);
  static const char *const norms[] = { "O605-8", "O605-9", "O605-14" };

  g_assert_no_error (error);
  for (guint i = 0; i < AWP_MEETING_N_DEADLINES; i++)
    {
      AwpDeadline due;

      g_assert_cmpstr (awp_meeting_deadline_norm (i), ==, norms[i]);
      g_assert_true (awp_deadline_compute (rules, calendar, norms[i], date, &due, &error));
      g_assert_no_error (error);
      out[i] = due.date;
    }
}

/* The planner's calendar has the meeting on its day and each of its three
 * deadlines on the core's day; the meeting's window lists the same dates. */
static void
check_planner_deadlines (AwpMeetingPlanner *planner, AwpMeetingDetail *detail, const char *title, const GDate *date)
{
  static const AwpCalendarEntryKind kinds[] = {
    AWP_CALENDAR_ENTRY_DEADLINE_ANNOUNCEMENT, AWP_CALENDAR_ENTRY_DEADLINE_REGISTRATION, AWP_CALENDAR_ENTRY_DEADLINE_RESULTS,
  };
  GListModel *entries = awp_meeting_planner_get_entries (planner);
  GDate due[AWP_MEETING_N_DEADLINES];
  guint found = 0;

  core_deadlines (date, due);
  /* Each meeting's entry comes first, then its deadlines: find the one on
   * @date (demo meetings of a body share a title). */
  for (guint i = 0; i < g_list_model_get_n_items (entries) && found == 0; i++)
    {
      g_autoptr(AwpCalendarEntry) entry = g_list_model_get_item (entries, i);
      GDateTime *at = awp_calendar_entry_get_starts_at (entry);

      if (awp_calendar_entry_get_kind (entry) != AWP_CALENDAR_ENTRY_MEETING
          || g_strcmp0 (awp_calendar_entry_get_title (entry), title) != 0
          || g_date_time_get_day_of_month (at) != g_date_get_day (date)
          || g_date_time_get_month (at) != (int) g_date_get_month (date))
        continue;
      found |= 1 << 3;
      for (guint j = i + 1; j < g_list_model_get_n_items (entries); j++)
        {
          g_autoptr(AwpCalendarEntry) d = g_list_model_get_item (entries, j);
          GDateTime *when = awp_calendar_entry_get_starts_at (d);

          if (awp_calendar_entry_get_kind (d) == AWP_CALENDAR_ENTRY_MEETING)
            break;
          for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
            if (awp_calendar_entry_get_kind (d) == kinds[k])
              {
                g_assert_cmpint (g_date_time_get_year (when), ==, g_date_get_year (&due[k]));
                g_assert_cmpint (g_date_time_get_month (when), ==, g_date_get_month (&due[k]));
                g_assert_cmpint (g_date_time_get_day_of_month (when), ==, g_date_get_day (&due[k]));
                found |= 1 << k;
              }
        }
    }
  /* The meeting and all three deadlines of Order 605. */
  g_assert_cmpuint (found, ==, 0xf);

  if (detail != NULL)
    {
      GtkWidget *group = detail_child (detail, "deadlines_group");
      static const char *const heads[] = { "Announcement by ", "Applications until ", "Results by " };

      for (guint k = 0; k < AWP_MEETING_N_DEADLINES; k++)
        {
          g_autofree char *day = awp_calendar_format_date (&due[k]);
          g_autofree char *head = g_strconcat (heads[k], day, NULL);
          gboolean shown = FALSE;

          for (GtkWidget *row = find_widget (group, ADW_TYPE_ACTION_ROW, NULL, NULL); row != NULL;
               row = gtk_widget_get_next_sibling (row))
            if (ADW_IS_ACTION_ROW (row)
                && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), head))
              shown = TRUE;
          if (!shown)
            g_error ("the meeting's window does not show “%s”", head);
        }
    }
}

/* The accelerators the shortcuts window lists, normalized. */
#define overlay_accels() awp_test_ui_overlay_accels (RESOURCE_BASE "/gtk/help-overlay.ui")

/* Every key @widget binds is in the shortcuts window (keypad keys are the
 * main keys' twins); returns how many were checked. */
static guint
assert_keys_listed (GtkWidget *widget, GHashTable *listed)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          g_autofree char *name = NULL;

          /* GtkWindow's own (the inspector) are callbacks, not actions. */
          if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (gtk_shortcut_get_action (shortcut)))
            continue;
          name = gtk_accelerator_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                       gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
          if (g_str_has_prefix (name, "KP_") || g_str_equal (name, "ISO_Enter"))
            continue;
          if (!g_hash_table_contains (listed, name))
            g_error ("%s of %s is not in the shortcuts window", name, G_OBJECT_TYPE_NAME (widget));
          n++;
        }
    }
  return n;
}

static void
register_person (AwpMeetingDetail *detail, const char *surname, const char *name, const char *year, const char *received)
{
  type_into (detail_child (detail, "reg_surname"), surname);
  type_into (detail_child (detail, "reg_name"), name);
  type_into (detail_child (detail, "reg_year"), year);
  type_into (detail_child (detail, "reg_contact"), "+7 701 555 44 33");
  type_into (detail_child (detail, "reg_received"), received);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.register", NULL));
  spin ();
}

static void
secretary_body (AwpApplication *app, AwpWindow *window)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpCalendar) calendar = awp_calendar_new_default (&error);
  AwpStore *store = awp_application_get_store (app);
  AwpMeetingPlanner *planner;
  AwpMeetingEditor *editor;
  AwpMeetingDetail *detail;
  g_autoptr(JsonObject) server = NULL;
  g_autoptr(JsonObject) mine = NULL;
  g_autofree char *id = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *date_iso = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  const char *title = "Жасыл қала / Зелёный город";
  GDate today, date, next_day;
  gint64 version = 0;

  g_assert_no_error (error);
  g_assert_true (awp_window_set_workspace (window, "meetings"));
  planner = awp_window_get_meeting_planner (window);
  spin ();
  /* The demo body's meetings came from the training server. */
  before = awp_meeting_planner_list_ids (planner);
  g_assert_cmpuint (g_strv_length (before), >=, 2);
  /* Their deadlines on the calendar are the core's too. */
  for (guint i = 0; before[i] != NULL; i++)
    {
      g_autoptr(JsonObject) demo = local_data (store, before[i]);
      GDate day;

      g_assert_true (awp_calendar_parse_date (json_object_get_string_member (demo, "date"), "date", &day, NULL));
      check_planner_deadlines (planner, NULL, json_object_get_string_member (demo, "title"), &day);
    }

  /* Ten working days ahead: the announcement is due in a week (O605-8). */
  g_date_set_time_t (&today, time (NULL));
  g_assert_true (awp_calendar_add_working_days (calendar, &today, 10, &date));
  date_text = awp_calendar_format_date (&date);
  today_text = awp_calendar_format_date (&today);
  date_iso = iso (&date);

  /* Plan it through New Meeting. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (planner), "planner.new", NULL));
  spin ();
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_object_ref (editor);
  type_into (awp_meeting_editor_get_field_widget (editor, "body"), "Алматы облысы әкімдігі жанындағы қоғамдық кеңес");
  type_into (awp_meeting_editor_get_field_widget (editor, "title"), title);
  adw_combo_row_set_selected (ADW_COMBO_ROW (awp_meeting_editor_get_field_widget (editor, "region")), 1);
  type_into (awp_meeting_editor_get_field_widget (editor, "date"), date_text);
  type_into (awp_meeting_editor_get_field_widget (editor, "time"), "10:00");
  type_into (awp_meeting_editor_get_field_widget (editor, "place"), "Қонаев қ., Абай д-лы, 39, мәжіліс залы");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (awp_meeting_editor_get_field_widget (editor, "capacity")), 2);
  type_into (awp_meeting_editor_get_field_widget (editor, "broadcast_url"), "https://youtube.com/live/almaty-region");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (awp_meeting_editor_get_field_widget (editor, "agenda"))),
                            "Саябақтарды көгалдандыру\nТұрғындардың ұсыныстары", -1);
  type_into (awp_meeting_editor_get_field_widget (editor, "responsible.name"), "Жақсыбекова Айнұр");
  type_into (awp_meeting_editor_get_field_widget (editor, "responsible.phone"), "8 (7272) 55-66-77");
  type_into (awp_meeting_editor_get_field_widget (editor, "responsible.email"), "a.zhaksybekova@zhetysu.gov.kz");
  g_assert_cmpstr (awp_meeting_editor_get_issues_text (editor), ==, "");
  {
    g_autoptr(GHashTable) listed = overlay_accels ();

    /* The planner's, the calendar's and the editor's keys are all listed. */
    g_assert_cmpuint (assert_keys_listed (GTK_WIDGET (planner), listed), ==, 1);
    g_assert_cmpuint (assert_keys_listed (window_child (window, "meeting_calendar"), listed), ==, 9);
    g_assert_cmpuint (assert_keys_listed (GTK_WIDGET (editor), listed), ==, 2);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  spin ();
  g_assert_finalize_object (editor);

  after = awp_meeting_planner_list_ids (planner);
  g_assert_cmpuint (g_strv_length (after), ==, g_strv_length (before) + 1);
  for (guint i = 0; after[i] != NULL && id == NULL; i++)
    if (!g_strv_contains ((const char *const *) before, after[i]))
      id = g_strdup (after[i]);
  g_assert_nonnull (id);
  check_planner_deadlines (planner, NULL, title, &date);

  /* It reaches the training server by itself. */
  wait_for (synced_clean, app, "the new meeting reaching the server");
  server = server_record (app, id, &version);
  g_assert_nonnull (server);
  g_assert_cmpstr (json_object_get_string_member (server, "date"), ==, date_iso);
  g_assert_cmpstr (json_object_get_string_member (server, "status"), ==, "planned");
  g_clear_pointer (&server, json_object_unref);

  /* The announcement, published today: on time. */
  detail = AWP_MEETING_DETAIL (g_object_ref (awp_meeting_planner_open (planner, id)));
  spin ();
  check_planner_deadlines (planner, detail, title, &date);
  {
    g_autoptr(GHashTable) listed = overlay_accels ();

    g_assert_cmpuint (assert_keys_listed (GTK_WIDGET (detail), listed), ==, 2);
  }
  awp_meeting_detail_set_page (detail, "announcement");
  type_into (detail_child (detail, "announcement_link"), "https://zhetysu.gov.kz/news/605");
  type_into (detail_child (detail, "announcement_date"), today_text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.announce", NULL));
  spin ();
  g_assert_cmpstr (awp_meeting_detail_get_last_message (detail), ==, "Announcement published on time");

  /* Two seats: the third applicant waits (O605-10). */
  awp_meeting_detail_set_page (detail, "registrations");
  register_person (detail, "Ахметова", "Дана", "1990", today_text);
  register_person (detail, "Бекетов", "Арман", "1985", today_text);
  register_person (detail, "Жұмабаев", "Нұрлан", "2001", today_text);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (detail_child (detail, "seats_label"))), ==,
                   "Seats: 2 of 2 taken · waiting list: 1 · late applications: 0");
  wait_for (synced_clean, app, "the announcement and the registrations reaching the server");
  server = server_record (app, id, NULL);
  g_assert_cmpstr (json_object_get_string_member (server, "status"), ==, "announced");
  g_assert_cmpstr (json_object_get_string_member (server, "announcement_url"), ==, "https://zhetysu.gov.kz/news/605");
  g_clear_pointer (&server, json_object_unref);
  g_assert_cmpint (server_count (app, "SELECT count(*) FROM records WHERE entity_type = 'meeting_registration'"
                                      " AND deleted = 0 AND json_extract(data, '$.parent_id') = ?", id), ==, 3);

  /* The meeting is held; the secretary works the next day. */
  next_day = date;
  g_date_add_days (&next_day, 1);
  {
    g_autofree char *next_iso = iso (&next_day);

    g_setenv ("AWP_TODAY", next_iso, TRUE);
  }
  awp_meeting_detail_set_page (detail, "overview");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.hold", NULL));
  spin ();
  awp_meeting_detail_set_page (detail, "comments");
  type_into (detail_child (detail, "comment_author"), "Мария");
  type_into (detail_child (detail, "comment_text"), "Когда начнётся посадка деревьев?");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.add-comment", NULL));
  spin ();
  {
    GtkWidget *list_box = detail_child (detail, "comments_list");
    GtkWidget *entry = find_widget (list_box, GTK_TYPE_ENTRY, NULL, NULL);
    GtkWidget *button = find_widget (list_box, GTK_TYPE_BUTTON, NULL, NULL);

    g_assert_nonnull (entry);
    g_assert_nonnull (button);
    type_into (entry, "Сәуірде басталады / В апреле");
    g_signal_emit_by_name (button, "clicked");
    spin ();
  }
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (detail_child (detail, "comments_label"))), ==,
                   "1 comment, 0 without an answer (Rules No. 605-NK, para. 13)");
  awp_meeting_detail_set_page (detail, "results");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (detail_child (detail, "decision_view"))),
                            "Көгалдандыру жоспары мақұлданды.", -1);
  {
    /* O605-14: the minutes as a file; the sync uploads it before the results. */
    g_autofree char *dir = g_dir_make_tmp ("awp-ui-minutes-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "хаттама.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) add_error = NULL;
    static const char minutes[] = "%PDF-1.4\n% хаттама 605\n%%EOF\n";

    g_assert_true (g_file_set_contents (path, minutes, sizeof minutes - 1, NULL));
    g_assert_true (awp_attachment_list_add_file (AWP_ATTACHMENT_LIST (detail_child (detail, "minutes_files")),
                                                 file, &add_error));
    g_assert_no_error (add_error);
    g_remove (path);
    g_rmdir (dir);
  }
  type_into (detail_child (detail, "results_link_row"), "https://zhetysu.gov.kz/decisions/605");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.publish-results", NULL));
  spin ();
  g_assert_cmpstr (awp_meeting_detail_get_last_message (detail), ==, "Results published on time");
  check_planner_deadlines (planner, detail, title, &date);

  /* All of it is on the server. */
  sync_now_and_wait (app, window, TRUE);
  mine = local_data (store, id);
  server = server_record (app, id, NULL);
  g_assert_cmpstr (json_object_get_string_member (mine, "status"), ==, "results_published");
  g_assert_cmpstr (json_object_get_string_member (server, "status"), ==, "results_published");
  {
    /* Each step is signed by the signed-in secretary, not the computer's account. */
    JsonArray *events = json_object_get_array_member (server, "events");

    g_assert_nonnull (events);
    g_assert_cmpuint (json_array_get_length (events), >=, 3);
    for (guint i = 0; i < json_array_get_length (events); i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (events, i), "actor"), ==,
                       "admin.almaty");
  }
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (server, "results"), "link"), ==,
                   "https://zhetysu.gov.kz/decisions/605");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (server, "results"), "decision"), ==,
                   "Көгалдандыру жоспары мақұлданды.");
  {
    /* The minutes reached the server as a file the meeting names. */
    JsonArray *files = json_object_get_array_member (json_object_get_object_member (server, "results"), "attachments");
    JsonObject *minutes;

    g_assert_cmpuint (json_array_get_length (files), ==, 1);
    minutes = json_array_get_object_element (files, 0);
    g_assert_cmpstr (json_object_get_string_member (minutes, "name"), ==, "хаттама.pdf");
    g_assert_cmpint (server_count (app, "SELECT count(*) FROM attachment_blobs WHERE sha256 = ?",
                                   json_object_get_string_member (minutes, "id")), ==, 1);
  }
  g_assert_cmpint (server_count (app, "SELECT count(*) FROM records WHERE entity_type = 'meeting_comment'"
                                      " AND deleted = 0 AND json_extract(data, '$.parent_id') = ?"
                                      " AND json_extract(data, '$.answer') IS NOT NULL", id), ==, 1);
  g_assert_cmpint (server_count (app, "SELECT count(*) FROM records WHERE entity_type = 'meeting_registration'"
                                      " AND deleted = 0 AND json_extract(data, '$.parent_id') = ?", id), ==, 3);
  /* Nothing waits, nothing was refused. */
  g_assert_cmpint (awp_outbox_count (store, "rejected", NULL), ==, 0);
  g_assert_cmpint (awp_outbox_count (store, "conflict", NULL), ==, 0);

  g_unsetenv ("AWP_TODAY");
  gtk_window_destroy (GTK_WINDOW (detail));
  spin ();
  g_assert_finalize_object (detail);
}

static void
test_secretary (void)
{
  run_training_app (secretary_body);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  awp_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/training-meeting/secretary", test_secretary);
  return g_test_run ();
}

#include "config.h"

#include <adwaita.h>

#include "awp-meeting-calendar.h"

/* The meeting calendar widget: keyboard actions across month and year
 * ends (the short February, leap years), the week view, entries per day
 * in the order drawn, the text read out for the selected day, and
 * rendering an empty and a busy month in a real window. */

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GDateTime *
day (int y, int m, int d)
{
  return g_date_time_new_local (y, m, d, 0, 0, 0);
}

static void
assert_selected (AwpMeetingCalendar *cal, int y, int m, int d)
{
  g_autoptr(GDateTime) selected = awp_meeting_calendar_get_selected_date (cal);

  g_assert_cmpint (g_date_time_get_year (selected), ==, y);
  g_assert_cmpint (g_date_time_get_month (selected), ==, m);
  g_assert_cmpint (g_date_time_get_day_of_month (selected), ==, d);
  g_assert_cmpint (g_date_time_get_hour (selected), ==, 0);
}

static void
select_day (AwpMeetingCalendar *cal, int y, int m, int d)
{
  g_autoptr(GDateTime) date = day (y, m, d);

  awp_meeting_calendar_set_selected_date (cal, date);
  assert_selected (cal, y, m, d);
}

static void
act (AwpMeetingCalendar *cal, const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cal), action, NULL));
}

static void
count_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
on_day_activated (AwpMeetingCalendar *cal, GDateTime *date, GDateTime **out)
{
  g_clear_pointer (out, g_date_time_unref);
  *out = g_date_time_ref (date);
}

static AwpMeetingCalendar *
new_calendar (void)
{
  AwpMeetingCalendar *cal = g_object_ref_sink (AWP_MEETING_CALENDAR (awp_meeting_calendar_new ()));
  g_autoptr(GDateTime) today = day (2026, 3, 17);

  awp_meeting_calendar_set_today (cal, today);
  return cal;
}

static void
test_navigation (void)
{
  AwpMeetingCalendar *cal = new_calendar ();
  g_autoptr(GDateTime) activated = NULL;
  static const struct { int y, m, d; const char *action; int ey, em, ed; } steps[] = {
    { 2025, 12, 31, "calendar.next-day", 2026, 1, 1 },
    { 2026, 1, 1, "calendar.previous-day", 2025, 12, 31 },
    { 2026, 1, 1, "calendar.previous-week", 2025, 12, 25 },
    { 2025, 12, 29, "calendar.next-week", 2026, 1, 5 },
    { 2026, 1, 31, "calendar.next-page", 2026, 2, 28 },      /* not a leap year */
    { 2024, 1, 31, "calendar.next-page", 2024, 2, 29 },      /* leap year */
    { 2026, 3, 31, "calendar.previous-page", 2026, 2, 28 },
    { 2026, 1, 15, "calendar.previous-page", 2025, 12, 15 },
    { 2025, 12, 15, "calendar.next-page", 2026, 1, 15 },
    { 2024, 2, 28, "calendar.next-day", 2024, 2, 29 },
    { 2030, 6, 1, "calendar.today", 2026, 3, 17 },
  };
  guint notified = 0;

  g_signal_connect (cal, "notify::selected-date", G_CALLBACK (count_cb), &notified);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_test_message ("%04d-%02d-%02d %s", steps[i].y, steps[i].m, steps[i].d, steps[i].action);
      select_day (cal, steps[i].y, steps[i].m, steps[i].d);
      act (cal, steps[i].action);
      assert_selected (cal, steps[i].ey, steps[i].em, steps[i].ed);
    }
  g_assert_cmpuint (notified, >=, G_N_ELEMENTS (steps));
  /* Selecting the same day again does not notify. */
  notified = 0;
  select_day (cal, 2026, 3, 17);
  g_assert_cmpuint (notified, ==, 0);

  /* Enter emits ::day-activated with the selected day. */
  g_signal_connect (cal, "day-activated", G_CALLBACK (on_day_activated), &activated);
  select_day (cal, 2026, 3, 26);
  act (cal, "calendar.activate-day");
  g_assert_nonnull (activated);
  g_assert_cmpint (g_date_time_get_day_of_month (activated), ==, 26);
  g_assert_cmpint (g_date_time_get_month (activated), ==, 3);

  g_assert_finalize_object (cal);
}

static void
test_week_view (void)
{
  AwpMeetingCalendar *cal = new_calendar ();
  AwpMeetingCalendarView view = AWP_MEETING_CALENDAR_MONTH;

  g_object_set (cal, "view", AWP_MEETING_CALENDAR_WEEK, NULL);
  g_object_get (cal, "view", &view, NULL);
  g_assert_cmpint (view, ==, AWP_MEETING_CALENDAR_WEEK);
  /* Page Down is a week in the week view, across the year end. */
  select_day (cal, 2025, 12, 29);
  act (cal, "calendar.next-page");
  assert_selected (cal, 2026, 1, 5);
  act (cal, "calendar.previous-page");
  act (cal, "calendar.previous-page");
  assert_selected (cal, 2025, 12, 22);
  awp_meeting_calendar_set_view (cal, AWP_MEETING_CALENDAR_MONTH);
  act (cal, "calendar.next-page");
  assert_selected (cal, 2026, 1, 22);
  g_assert_finalize_object (cal);
}

static AwpCalendarEntry *
entry (const char *title, GDateTime *at, AwpCalendarEntryKind kind)
{
  return awp_calendar_entry_new (title, at, kind);
}

static void
test_entries_per_day (void)
{
  AwpMeetingCalendar *cal = new_calendar ();
  GListStore *store = g_list_store_new (AWP_TYPE_CALENDAR_ENTRY);
  g_autoptr(GDateTime) late = g_date_time_new_local (2026, 3, 26, 15, 30, 0);
  g_autoptr(GDateTime) early = g_date_time_new_local (2026, 3, 26, 10, 0, 0);
  g_autoptr(GDateTime) midnight = day (2026, 3, 26);
  g_autoptr(GDateTime) before = g_date_time_new_local (2026, 3, 25, 23, 59, 0);
  g_autoptr(GDateTime) the_day = day (2026, 3, 26);
  g_autoptr(GDateTime) other_day = day (2026, 3, 25);
  g_autoptr(GDateTime) empty_day = day (2026, 3, 27);
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  g_autoptr(AwpCalendarEntry) e1 = entry ("Қоғамдық кеңес, отырыс", late, AWP_CALENDAR_ENTRY_MEETING);
  g_autoptr(AwpCalendarEntry) e2 = entry ("Алқа отырысы", early, AWP_CALENDAR_ENTRY_MEETING);
  g_autoptr(AwpCalendarEntry) e3 = entry ("Итоги заседания", midnight, AWP_CALENDAR_ENTRY_DEADLINE_RESULTS);
  g_autoptr(AwpCalendarEntry) e4 = entry ("Накануне", before, AWP_CALENDAR_ENTRY_MEETING);
  AwpCalendarEntryKind kind;

  g_list_store_append (store, e1);
  g_list_store_append (store, e2);
  g_list_store_append (store, e3);
  g_list_store_append (store, e4);
  g_object_set (cal, "model", store, NULL);

  /* Deadlines first (all day), then meetings by time. */
  entries = awp_meeting_calendar_get_entries_for_date (cal, the_day);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_true (entries->pdata[0] == e3);
  g_assert_true (entries->pdata[1] == e2);
  g_assert_true (entries->pdata[2] == e1);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = awp_meeting_calendar_get_entries_for_date (cal, other_day);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_true (entries->pdata[0] == e4);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = awp_meeting_calendar_get_entries_for_date (cal, empty_day);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A deadline's shape and norm are in its label; a meeting's time. */
  label = awp_calendar_entry_dup_label (e3);
  g_assert_cmpstr (label, ==, "■ O605-14 Итоги заседания");
  g_clear_pointer (&label, g_free);
  label = awp_calendar_entry_dup_label (e2);
  g_assert_cmpstr (label, ==, "10:00 Алқа отырысы");
  g_assert_true (awp_calendar_entry_kind_from_string ("deadline-registration", &kind));
  g_assert_cmpint (kind, ==, AWP_CALENDAR_ENTRY_DEADLINE_REGISTRATION);
  g_assert_cmpstr (awp_calendar_entry_kind_to_string (kind), ==, "deadline-registration");
  g_assert_false (awp_calendar_entry_kind_from_string ("party", &kind));

  /* What is read out for the selected day follows the model. */
  select_day (cal, 2026, 3, 26);
  text = awp_meeting_calendar_dup_selected_text (cal);
  g_assert_cmpstr (text, ==, "26.03.2026, Thursday: ■ O605-14 Итоги заседания; 10:00 Алқа отырысы; "
                             "15:30 Қоғамдық кеңес, отырыс");
  /* It is the accessible name, so moving the selection reads the new day. */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (cal), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cal), GTK_ACCESSIBLE_PROPERTY_LABEL, text);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (cal), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  g_clear_pointer (&text, g_free);
  g_list_store_remove_all (store);
  entries = awp_meeting_calendar_get_entries_for_date (cal, the_day);
  g_assert_cmpuint (entries->len, ==, 0);
  text = awp_meeting_calendar_dup_selected_text (cal);
  g_assert_cmpstr (text, ==, "26.03.2026, Thursday: nothing planned");
  /* Removing entries updates the name once the model settles. */
  spin ();
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cal), GTK_ACCESSIBLE_PROPERTY_LABEL, text);

  awp_meeting_calendar_set_model (cal, NULL);
  g_assert_finalize_object (store);
  g_assert_finalize_object (cal);
}

static guint
count_text_nodes (GskRenderNode *node)
{
  guint n = 0;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_TEXT_NODE:
      return 1;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        n += count_text_nodes (gsk_container_node_get_child (node, i));
      return n;
    case GSK_TRANSFORM_NODE:
      return count_text_nodes (gsk_transform_node_get_child (node));
    case GSK_ROUNDED_CLIP_NODE:
      return count_text_nodes (gsk_rounded_clip_node_get_child (node));
    case GSK_CLIP_NODE:
      return count_text_nodes (gsk_clip_node_get_child (node));
    default:
      return 0;
    }
}

/* Draws the allocated widget through its snapshot vfunc, as GTK does for a
 * frame; returns how many text runs it drew. */
static guint
render (AwpMeetingCalendar *cal)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  gtk_widget_queue_draw (GTK_WIDGET (cal));
  spin ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (cal)), >, 300);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (cal)), >, 300);
  GTK_WIDGET_GET_CLASS (cal)->snapshot (GTK_WIDGET (cal), snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return count_text_nodes (node);
}

static void
test_render (void)
{
  GtkWidget *window = gtk_window_new ();
  AwpMeetingCalendar *cal = new_calendar ();
  GListStore *store = g_list_store_new (AWP_TYPE_CALENDAR_ENTRY);
  g_autoptr(GDateTime) busy = day (2026, 3, 10);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpCalendar) working = awp_calendar_new_default (&error);
  guint empty_month, empty_week, expected_busy = 0;

  g_assert_no_error (error);
  awp_meeting_calendar_set_working_calendar (cal, working);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (cal));
  gtk_window_present (GTK_WINDOW (window));
  select_day (cal, 2026, 3, 26);

  /* Empty model, then none at all, in both views: the title, 7 weekday
   * names, the day numbers and holiday names only. */
  awp_meeting_calendar_set_model (cal, G_LIST_MODEL (store));
  empty_month = render (cal);
  g_assert_cmpuint (empty_month, >=, 1 + 7 + 35);
  awp_meeting_calendar_set_view (cal, AWP_MEETING_CALENDAR_WEEK);
  empty_week = render (cal);
  g_assert_cmpuint (empty_week, >=, 1 + 7 + 7);
  awp_meeting_calendar_set_model (cal, NULL);
  g_assert_cmpuint (render (cal), ==, empty_week);

  /* 500 entries over March, 50 on the 10th: overflow is summarised. */
  for (guint i = 0; i < 500; i++)
    {
      int mday = i < 50 ? 10 : 1 + i % 31;
      g_autoptr(GDateTime) at = g_date_time_new_local (2026, 3, mday, 8 + i % 10, (i * 7) % 60, 0);
      g_autofree char *title = g_strdup_printf ("Отырыс № %u", i);
      g_autoptr(AwpCalendarEntry) e = entry (title, at, i % 4);

      g_list_store_append (store, e);
      expected_busy += mday == 10;
    }
  awp_meeting_calendar_set_model (cal, G_LIST_MODEL (store));
  entries = awp_meeting_calendar_get_entries_for_date (cal, busy);
  g_assert_cmpuint (entries->len, ==, expected_busy);
  g_assert_cmpuint (expected_busy, >, 50);
  g_assert_cmpuint (render (cal), >, empty_week + 7);
  awp_meeting_calendar_set_view (cal, AWP_MEETING_CALENDAR_MONTH);
  g_assert_cmpuint (render (cal), >, empty_month + 31);
  /* April shows those of 30 and 31 March, in its first row. */
  act (cal, "calendar.next-page");
  {
    guint with_march_end = render (cal);
    guint without;

    awp_meeting_calendar_set_model (cal, NULL);
    without = render (cal);
    g_assert_cmpuint (with_march_end, >, without);
    awp_meeting_calendar_set_model (cal, G_LIST_MODEL (store));
  }

  /* In a narrow window every March day with entries gets shapes. */
  act (cal, "calendar.previous-page");
  g_object_ref (cal);
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 480);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (cal));
  g_object_unref (cal);
  gtk_window_present (GTK_WINDOW (window));
  {
    guint narrow_busy = render (cal);
    guint narrow_empty;

    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (cal)), <, 500);
    awp_meeting_calendar_set_model (cal, NULL);
    narrow_empty = render (cal);
    g_assert_cmpuint (narrow_busy, >=, narrow_empty + 31);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_finalize_object (cal);
  g_assert_finalize_object (store);
}

/* The week view's tall columns wrap a long title over several lines; the
 * month view keeps one line per entry. */
static void
test_week_wraps (void)
{
  GtkWidget *window = gtk_window_new ();
  AwpMeetingCalendar *cal = new_calendar ();
  GListStore *store = g_list_store_new (AWP_TYPE_CALENDAR_ENTRY);
  g_autoptr(GDateTime) at = g_date_time_new_local (2026, 3, 26, 15, 30, 0);
  g_autoptr(AwpCalendarEntry) e = entry ("Коллегия акимата Акмолинской области по вопросам благоустройства "
                                         "дворов и исполнения бюджета на 2026 год", at, AWP_CALENDAR_ENTRY_MEETING);
  guint month_empty, month_one, week_empty, week_one;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (cal));
  gtk_window_present (GTK_WINDOW (window));
  select_day (cal, 2026, 3, 26);
  awp_meeting_calendar_set_model (cal, G_LIST_MODEL (store));
  month_empty = render (cal);
  awp_meeting_calendar_set_view (cal, AWP_MEETING_CALENDAR_WEEK);
  week_empty = render (cal);
  g_list_store_append (store, e);
  week_one = render (cal);
  awp_meeting_calendar_set_view (cal, AWP_MEETING_CALENDAR_MONTH);
  month_one = render (cal);
  /* A line is one text run, two when Pango puts the ellipsis in its own. */
  g_assert_cmpuint (month_one, >, month_empty);
  g_assert_cmpuint (month_one, <=, month_empty + 2);
  g_assert_cmpuint (week_one, >=, week_empty + 3);

  g_object_ref (cal);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_object_unref (cal);
  awp_meeting_calendar_set_model (cal, NULL);
  g_assert_finalize_object (cal);
  g_assert_finalize_object (store);
}

int
main (int argc, char **argv)
{
  /* The test accessibility backend records properties without a bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/meeting-calendar/navigation", test_navigation);
  g_test_add_func ("/meeting-calendar/week-view", test_week_view);
  g_test_add_func ("/meeting-calendar/entries-per-day", test_entries_per_day);
  g_test_add_func ("/meeting-calendar/render", test_render);
  g_test_add_func ("/meeting-calendar/week-wraps", test_week_wraps);
  return g_test_run ();
}

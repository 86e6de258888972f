#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "awp-i18n.h"
#include "awp-requests-page.h"

/* awp-bench-ui requests-page --db FILE: the blog requests page over a big
 * store (make one with `awpctl seed --requests 1000000 FILE`), under a real
 * display (Xvfb). Prints `metric value unit` lines: how long the page takes
 * to open and show its first frame, and how long each scroll step, filter
 * change and search takes until the main loop is idle again (rows bound,
 * frame drawn). */

static double
now (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
report (const char *metric, double value, const char *unit)
{
  printf ("%s %.3f %s\n", metric, value, unit);
  fflush (stdout);
}

/* Runs the main loop until nothing is pending, with one frame clock tick. */
static void
settle (GtkWidget *widget)
{
  GdkFrameClock *clock = widget ? gtk_widget_get_frame_clock (widget) : NULL;

  if (clock != NULL)
    gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  if (clock != NULL)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_painted_cb (gboolean *painted)
{
  *painted = TRUE;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report_steps (const char *name, GArray *steps)
{
  g_autofree char *median = g_strdup_printf ("%s_median", name);
  g_autofree char *p95 = g_strdup_printf ("%s_p95", name);
  g_autofree char *max = g_strdup_printf ("%s_max", name);

  g_array_sort (steps, compare_double);
  report (median, g_array_index (steps, double, steps->len / 2), "ms");
  report (p95, g_array_index (steps, double, (steps->len * 95) / 100), "ms");
  report (max, g_array_index (steps, double, steps->len - 1), "ms");
}

static GtkAdjustment *
find_vadjustment (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAdjustment *adj;

      if (GTK_IS_COLUMN_VIEW (child))
        return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (child));
      if ((adj = find_vadjustment (child)) != NULL)
        return adj;
    }
  return NULL;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpStore) store = NULL;
  g_autoptr(GArray) jumps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) wheel = g_array_new (FALSE, FALSE, sizeof (double));
  const char *db = NULL;
  AwpRequestsPage *page;
  GtkWindow *window;
  GtkAdjustment *adj;
  double t0, upper;
  guint n;

  for (int i = 1; i + 1 < argc; i++)
    if (g_str_equal (argv[i], "--db"))
      db = argv[i + 1];
  if (argc < 2 || !g_str_equal (argv[1], "requests-page") || db == NULL)
    {
      fprintf (stderr, "Usage: awp-bench-ui requests-page --db FILE\n");
      return 2;
    }
  awp_i18n_init ();
  gtk_init ();
  adw_init ();

  t0 = now ();
  store = awp_store_open (db, &error);
  if (store == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  report ("store_open", now () - t0, "ms");

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1366, 800);
  page = g_object_new (AWP_TYPE_REQUESTS_PAGE, NULL);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  settle (GTK_WIDGET (window));

  t0 = now ();
  awp_requests_page_set_store (page, store, "bench");
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
    gboolean painted = FALSE;
    gulong id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (on_painted_cb), &painted);

    gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
    while (!painted)
      g_main_context_iteration (NULL, TRUE);
    g_signal_handler_disconnect (clock, id);
  }
  report ("page_open_first_frame", now () - t0, "ms");
  settle (GTK_WIDGET (window));
  report ("page_open_filter_counts_ready", now () - t0, "ms");
  n = g_list_model_get_n_items (G_LIST_MODEL (awp_requests_page_get_model (page)));
  report ("rows", n, "rows");

  adj = find_vadjustment (GTK_WIDGET (page));
  upper = gtk_adjustment_get_upper (adj);
  /* Jumps across the whole queue, as dragging the scrollbar does. */
  for (int i = 1; i <= 40; i++)
    {
      double t = now (), ms;

      gtk_adjustment_set_value (adj, upper * ((i * 7919) % 40) / 40.0);
      settle (GTK_WIDGET (window));
      ms = now () - t;
      g_array_append_val (jumps, ms);
    }
  report_steps ("scroll_jump", jumps);
  /* Wheel steps from the middle, three rows at a time. */
  gtk_adjustment_set_value (adj, upper / 2);
  settle (GTK_WIDGET (window));
  for (int i = 0; i < 300; i++)
    {
      double t = now (), ms;

      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + 120);
      settle (GTK_WIDGET (window));
      ms = now () - t;
      g_array_append_val (wheel, ms);
    }
  report_steps ("scroll_wheel_step", wheel);

  for (AwpQueueFilter f = AWP_QUEUE_FILTER_OVERDUE; f <= AWP_QUEUE_FILTER_ANSWERED_LATE; f++)
    {
      static const char *const names[] = { "all", "overdue", "due_today", "due_this_week", "forwarded", "answered_late" };
      g_autofree char *metric = g_strdup_printf ("filter_%s", names[f]);

      t0 = now ();
      awp_requests_page_set_filter (page, f);
      settle (GTK_WIDGET (window));
      report (metric, now () - t0, "ms");
    }
  awp_requests_page_set_filter (page, AWP_QUEUE_FILTER_ALL);
  settle (GTK_WIDGET (window));

  t0 = now ();
  awp_requests_page_select (page, 500000 < n ? 500000 : n / 2);
  settle (GTK_WIDGET (window));
  report ("open_detail", now () - t0, "ms");

  gtk_window_destroy (window);
  settle (NULL);
  return 0;
}

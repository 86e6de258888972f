#include "config.h"

#include <glib/gstdio.h>

#include "awp-bench.h"
#include "awp-due.h"
#include "awp-ratings.h"
#include "awp-seed.h"

/* awp-bench today [--rows N] [--db PATH]: over a seeded store of N blog
 * requests (default 1,000,000), what Today and the notifications add to
 * the queue: the other workspaces' deadlines (awp_due_collect), one
 * notification check (two days, requests included), and the ratings
 * overview for 12 months and for all time (O145-6). A --db that exists is
 * reused as it is. */

static double
time_ms (double t0)
{
  return (awp_bench_now () - t0) * 1000;
}

int
awp_bench_today (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpStore) store = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) tomorrow = NULL;
  g_autoptr(AwpRatingsOverview) year = NULL;
  g_autoptr(AwpRatingsOverview) all = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *db = NULL;
  guint rows = 1000000;
  gboolean existed;
  double t0;

  for (int i = 1; i + 1 < argc; i += 2)
    {
      if (g_str_equal (argv[i], "--rows"))
        rows = (guint) g_ascii_strtoull (argv[i + 1], NULL, 10);
      else if (g_str_equal (argv[i], "--db"))
        db = argv[i + 1];
    }
  if (db == NULL)
    {
      dir = g_dir_make_tmp ("awp-bench-today-XXXXXX", &error);
      if (dir == NULL)
        g_error ("%s", error->message);
      path = g_build_filename (dir, "awp.db", NULL);
    }
  else
    path = g_strdup (db);
  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  store = awp_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (!existed)
    {
      t0 = awp_bench_now ();
      if (!awp_seed_run (store, rows, 1, &error))
        g_error ("%s", error->message);
      awp_bench_report ("seed", rows / (awp_bench_now () - t0), "rows/s");
    }
  awp_bench_report ("records", (double) awp_store_count (store, NULL, NULL), "rows");

  t0 = awp_bench_now ();
  due = awp_due_collect (store, NULL, "2026-11-21", AWP_DUE_DEFAULT, &error);
  if (due == NULL)
    g_error ("%s", error->message);
  awp_bench_report ("today_other_workspaces", time_ms (t0), "ms");
  awp_bench_report ("today_other_items", due->len, "items");

  t0 = awp_bench_now ();
  if (!awp_due_to_notify (store, "2026-11-20", "2026-11-18", NULL, &overdue, &tomorrow, &error))
    g_error ("%s", error->message);
  awp_bench_report ("notify_check", time_ms (t0), "ms");
  awp_bench_report ("notify_items", overdue->len + tomorrow->len, "items");

  t0 = awp_bench_now ();
  year = awp_ratings_overview_load (store, "2025-12", "2026-11", &error);
  if (year == NULL)
    g_error ("%s", error->message);
  awp_bench_report ("ratings_12_months", time_ms (t0), "ms");
  t0 = awp_bench_now ();
  all = awp_ratings_overview_load (store, NULL, "2026-11", &error);
  if (all == NULL)
    g_error ("%s", error->message);
  awp_bench_report ("ratings_all_time", time_ms (t0), "ms");
  awp_bench_report ("ratings_rated", all->likes + all->dislikes, "answers");

  g_clear_object (&store);
  if (dir != NULL)
    {
      const char *suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *p = g_strconcat (path, suffixes[i], NULL);

          g_remove (p);
        }
      g_rmdir (dir);
    }
  return 0;
}

#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "awp-bench.h"
#include "awp-query-model.h"
#include "awp-search.h"
#include "awp-seed.h"
#include "awp-store-private.h"

/* awp-bench store [--rows N] [--db FILE]: bulk insert (seed) rate without
 * and with the search index, two-word search latency, opening the queue
 * model over all rows (first page) and its memory, and the overdue filter's
 * count. --db measures an existing seeded file instead (no inserts; the
 * file is kept), to iterate on queries without reseeding. */

static double
rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmRSS:");
  return line ? g_ascii_strtod (line + 6, NULL) / 1024.0 : 0;
}

/* CPU seconds of this process (all threads; user and system). The machine
 * the figures are taken on is shared, so wall time includes waiting for a
 * core; CPU time is what the work itself costs. */
static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
remove_db (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);

      g_remove (p);
    }
}

static AwpStore *
seed (const char *path, guint rows, gboolean fts, const char *metric)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpStore) store = awp_store_open (path, &error);
  g_autofree char *cpu_metric = g_strconcat (metric, "_cpu", NULL);
  double t0, c0;

  if (store == NULL)
    g_error ("%s", error->message);
  awp_store_set_fts_enabled (store, fts);
  t0 = awp_bench_now ();
  c0 = cpu_now ();
  if (!awp_seed_run (store, rows, 1, &error))
    g_error ("%s", error->message);
  awp_bench_report (metric, rows / (awp_bench_now () - t0), "rows/s");
  awp_bench_report (cpu_metric, rows / (cpu_now () - c0), "rows/s");
  return g_steal_pointer (&store);
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
bench_search (AwpStore *store)
{
  /* A subject word and a place, as people search for a known case. */
  static const char *const words[] = {
    "жол", "мектеп", "көше", "емхана", "дорог", "отоплен", "мусор", "автобус",
    "пособие", "интернет", "жарығы", "ремонт", "балалар", "субсид", "шамдар", "маршрут",
  };
  static const char *const places[] = {
    "Астана", "Алматы", "Шымкент", "Қарағанды", "Түркістан", "Өскемен", "Ақтөбе", "Павлодар",
    "Семей", "Тараз", "Қостанай", "Атырау", "Орал", "Қызылорда", "Петропавл", "Көкшетау",
  };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint hits = 0;

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *q = g_strdup_printf ("%s %s", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                            places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))]);
      double t0 = awp_bench_now (), c0 = cpu_now (), dt, dc;
      g_autoptr(GPtrArray) res = awp_search_run (store, q, 50, &error);

      if (res == NULL)
        g_error ("%s", error->message);
      dt = (awp_bench_now () - t0) * 1000;
      dc = (cpu_now () - c0) * 1000;
      hits += res->len;
      g_array_append_val (times, dt);
      g_array_append_val (cpu, dc);
    }
  g_array_sort (times, compare_double);
  awp_bench_report ("search_2words_limit50_p50", g_array_index (times, double, times->len / 2), "ms");
  awp_bench_report ("search_2words_limit50_p95", g_array_index (times, double, times->len * 95 / 100), "ms");
  g_array_sort (cpu, compare_double);
  awp_bench_report ("search_2words_limit50_cpu_p50", g_array_index (cpu, double, cpu->len / 2), "ms");
  awp_bench_report ("search_2words_limit50_cpu_p95", g_array_index (cpu, double, cpu->len * 95 / 100), "ms");
  awp_bench_report ("search_2words_mean_hits", hits / (double) times->len, "rows");
}

static void
bench_model (AwpStore *store)
{
  g_autoptr(AwpQueryModel) model = NULL;
  g_autoptr(GObject) first = NULL;
  double rss0 = rss_mb (), t0 = awp_bench_now (), c0 = cpu_now ();
  guint n;

  model = awp_query_model_new (store, "blog_request");
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  awp_bench_report ("queue_open_first_page", (awp_bench_now () - t0) * 1000, "ms");
  awp_bench_report ("queue_open_first_page_cpu", (cpu_now () - c0) * 1000, "ms");
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  awp_bench_report ("queue_rows", n, "rows");

  /* Scroll through the whole queue, a page at a time. */
  t0 = awp_bench_now ();
  for (guint i = 0; i < n; i += AWP_QUERY_MODEL_PAGE)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  awp_bench_report ("queue_scroll_all_pages", (awp_bench_now () - t0) * 1000, "ms");
  awp_bench_report ("queue_rss_growth", rss_mb () - rss0, "MB");

  /* A jump to the middle (scrollbar drag): not cached, found by OFFSET. */
  t0 = awp_bench_now ();
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), n / 2 + 1));
  awp_bench_report ("queue_jump_to_middle", (awp_bench_now () - t0) * 1000, "ms");

  t0 = awp_bench_now ();
  c0 = cpu_now ();
  awp_query_model_set_filter (model, AWP_QUEUE_FILTER_OVERDUE);
  awp_bench_report ("queue_overdue_count", (awp_bench_now () - t0) * 1000, "ms");
  awp_bench_report ("queue_overdue_count_cpu", (cpu_now () - c0) * 1000, "ms");
  awp_bench_report ("queue_overdue_rows", g_list_model_get_n_items (G_LIST_MODEL (model)), "rows");

  t0 = awp_bench_now ();
  awp_query_model_set_filter (model, AWP_QUEUE_FILTER_ALL);
  awp_query_model_set_search (model, "жол жөндеу");
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), 0));
  awp_bench_report ("queue_search_first_page", (awp_bench_now () - t0) * 1000, "ms");
}

static void
check_done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GError) error = NULL;

  if (!awp_store_check_finish (AWP_STORE (source), result, &error))
    g_error ("%s", error->message);
  *(gboolean *) data = TRUE;
}

/* Opening (what the user waits for), then the integrity check that runs
 * behind it, then queries. */
static void
measure_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpStore) store = NULL;
  gboolean done = FALSE;
  double t0 = awp_bench_now (), c0 = cpu_now ();

  store = awp_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  awp_bench_report ("store_open", (awp_bench_now () - t0) * 1000, "ms");
  awp_bench_report ("store_open_cpu", (cpu_now () - c0) * 1000, "ms");
  t0 = awp_bench_now ();
  awp_store_check_async (store, NULL, check_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  if (awp_store_get_moved_path (store) != NULL)
    g_error ("%s", awp_store_get_recovery_message (store));
  awp_bench_report ("store_integrity_check_background", (awp_bench_now () - t0) * 1000, "ms");
  bench_search (store);
  bench_model (store);
}

int
awp_bench_store (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *indexed = NULL;
  const char *existing = NULL;
  guint64 rows = 1000000;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--rows") && i + 1 < argc
        && g_ascii_string_to_unsigned (argv[i + 1], 10, 1, 50000000, &rows, NULL))
      i++;
    else if (g_str_equal (argv[i], "--db") && i + 1 < argc)
      existing = argv[++i];
    else
      {
        g_printerr ("Usage: awp-bench store [--rows N] [--db FILE]\n");
        return 2;
      }
  /* Reproducible "today" for the overdue filter: the seed's anchor date. */
  g_setenv ("AWP_TODAY", "2026-11-20", TRUE);
  if (existing != NULL)
    {
      measure_file (existing);
      return 0;
    }
  dir = g_dir_make_tmp ("awp-bench-store-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  plain = g_build_filename (dir, "plain.db", NULL);
  indexed = g_build_filename (dir, "fts.db", NULL);

  g_object_unref (seed (plain, (guint) rows, FALSE, "insert_requests_no_fts"));
  remove_db (plain);
  g_object_unref (seed (indexed, (guint) rows, TRUE, "insert_requests_with_fts"));
  measure_file (indexed);
  remove_db (indexed);
  g_rmdir (dir);
  return 0;
}

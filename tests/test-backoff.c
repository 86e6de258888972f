#include "config.h"

#include "awp-backoff.h"

static void
test_classify (void)
{
  static const struct { guint status; AwpHttpClass expected; } cases[] = {
    { 0, AWP_HTTP_RETRY }, { 200, AWP_HTTP_OK }, { 204, AWP_HTTP_OK },
    { 400, AWP_HTTP_FATAL }, { 401, AWP_HTTP_REAUTH }, { 403, AWP_HTTP_FATAL },
    { 404, AWP_HTTP_FATAL }, { 408, AWP_HTTP_RETRY }, { 409, AWP_HTTP_FATAL },
    { 410, AWP_HTTP_RESYNC }, { 412, AWP_HTTP_FATAL }, { 413, AWP_HTTP_FATAL },
    { 422, AWP_HTTP_FATAL }, { 429, AWP_HTTP_RETRY }, { 500, AWP_HTTP_RETRY },
    { 502, AWP_HTTP_RETRY }, { 503, AWP_HTTP_RETRY }, { 504, AWP_HTTP_RETRY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (awp_http_classify_status (cases[i].status), ==, cases[i].expected);
}

static void
test_retry_after (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 22, 10, 0, 0);
  static const struct { const char *value; gboolean ok; guint64 ms; } cases[] = {
    { "0", TRUE, 0 },
    { "7", TRUE, 7000 },
    { " 120 ", TRUE, 120000 },
    { "99999999999999999999999", TRUE, 86400000 }, /* clamped to a day */
    { "Sun, 22 Nov 2026 10:00:30 GMT", TRUE, 30000 },
    { "Sun, 22 Nov 2026 09:59:00 GMT", TRUE, 0 },   /* in the past: now */
    { "", FALSE, 0 },
    { "soon", FALSE, 0 },
    { "12 seconds", FALSE, 0 },
    { "-5", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint64 ms = 12345;
      gboolean ok = awp_http_parse_retry_after (cases[i].value, now, &ms);

      g_test_message ("Retry-After: %s", cases[i].value);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_cmpuint (ms, ==, cases[i].ms);
    }
  g_assert_false (awp_http_parse_retry_after (NULL, now, &(guint64) { 0 }));
}

static void
test_full_jitter_bounds (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint attempt = 0; attempt < 20; attempt++)
    {
      guint64 ceiling = MIN ((guint64) AWP_BACKOFF_BASE_MS << MIN (attempt, 20u),
                             (guint64) AWP_BACKOFF_CAP_MS);
      guint64 max_seen = 0, min_seen = G_MAXUINT64;

      for (guint i = 0; i < 2000; i++)
        {
          guint64 d = awp_backoff_delay_ms (attempt, 0, rand);

          g_assert_cmpuint (d, <=, ceiling);
          max_seen = MAX (max_seen, d);
          min_seen = MIN (min_seen, d);
        }
      /* Jitter really spreads over the whole window, from near 0 to near the ceiling. */
      g_assert_cmpuint (min_seen, <, ceiling / 10 + 1);
      g_assert_cmpuint (max_seen, >, ceiling - ceiling / 10 - 1);
    }
}

static void
test_retry_after_wins (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 100; i++)
    g_assert_cmpuint (awp_backoff_delay_ms (0, 30000, rand), ==, 30000);
  /* Past the cap, Retry-After still wins: the server knows best. */
  g_assert_cmpuint (awp_backoff_delay_ms (30, 600000, rand), ==, 600000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backoff/classify", test_classify);
  g_test_add_func ("/backoff/retry-after", test_retry_after);
  g_test_add_func ("/backoff/full-jitter-bounds", test_full_jitter_bounds);
  g_test_add_func ("/backoff/retry-after-wins", test_retry_after_wins);

  return g_test_run ();
}

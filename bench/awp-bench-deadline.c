#include "config.h"

#include "awp-bench.h"
#include "awp-calendar.h"
#include "awp-deadline.h"

/* Deadline computations per second on one core (goal ≥ 5 million/s: the
 * calendar's per-day tables make each one a few array reads), and the time
 * to load the calendar and the rule sets from data/. */

int
awp_bench_deadline (int    argc,
                    char **argv)
{
  static const char *norms[] = { "O145-4.2", "O145-5.1", "O145-7", "O145-11", "O93-5", "O605-14", "O118-4" };
  const guint rounds = 5;
  const guint n = 2000000;
  g_autoptr(AwpCalendar) calendar = NULL;
  g_autoptr(AwpRuleSet) rules = NULL;
  g_autoptr(GError) error = NULL;
  guint32 first;
  guint64 sum = 0;
  double start, load_ms = 0, best = 0;

  for (guint r = 0; r < rounds; r++)
    {
      start = awp_bench_now ();
      g_clear_object (&calendar);
      calendar = awp_calendar_new_default (&error);
      if (calendar == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      load_ms += (awp_bench_now () - start) * 1000.0;
    }
  awp_bench_report ("calendar_load", load_ms / rounds, "ms");

  start = awp_bench_now ();
  rules = awp_rule_set_new_default (&error);
  if (rules == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  awp_bench_report ("rules_load", (awp_bench_now () - start) * 1000.0, "ms");

  {
    GDate d;

    g_date_clear (&d, 1);
    g_date_set_dmy (&d, 1, 6, 2025);
    first = g_date_get_julian (&d);
  }
  for (guint r = 0; r < rounds; r++)
    {
      double rate;

      start = awp_bench_now ();
      for (guint i = 0; i < n; i++)
        {
          AwpDeadline dl;
          GDate d;

          /* Event dates spread over two and a half years. */
          g_date_clear (&d, 1);
          g_date_set_julian (&d, first + i % 900);
          if (!awp_deadline_compute (rules, calendar, norms[i % G_N_ELEMENTS (norms)], &d, &dl, NULL))
            return 1;
          sum += g_date_get_julian (&dl.date);
        }
      rate = n / (awp_bench_now () - start);
      best = MAX (best, rate);
    }
  if (sum == 0)
    return 1;
  awp_bench_report ("deadline_compute", best, "ops/s");

  {
    guint64 total = 0;
    GDate a, b;

    g_date_clear (&a, 1);
    g_date_clear (&b, 1);
    start = awp_bench_now ();
    for (guint i = 0; i < n; i++)
      {
        g_date_set_julian (&a, first + i % 900);
        g_date_set_julian (&b, first + i % 900 + 60);
        total += awp_calendar_count_working_days (calendar, &a, &b);
      }
    awp_bench_report ("count_working_days", n / (awp_bench_now () - start), "ops/s");
    if (total == 0)
      return 1;
  }
  return 0;
}

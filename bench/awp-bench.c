#include "config.h"

#include <stdio.h>

#include "awp-bench.h"

typedef struct
{
  const char        *name;
  const char        *summary;
  AwpBenchSuiteFunc  func;
} AwpBenchSuite;

static const AwpBenchSuite suites[] = {
  { "deadline", "statutory deadline computations (ops/s) and calendar load (ms)", awp_bench_deadline },
  { "json", "json-glib parse of sync pages (records/s)", awp_bench_json },
  { "sync-server", "awp-server on loopback: pulls/s with 8 clients, push of 10,000 mutations (s)", awp_bench_sync },
};

void
awp_bench_report (const char *metric,
                  double      value,
                  const char *unit)
{
  printf ("%s %.6g %s\n", metric, value, unit);
  fflush (stdout);
}

double
awp_bench_now (void)
{
  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}

static void
usage (void)
{
  fprintf (stderr, "Usage: awp-bench SUITE [ARGS…]\nSuites:\n");
  for (guint i = 0; i < G_N_ELEMENTS (suites); i++)
    fprintf (stderr, "  %-12s %s\n", suites[i].name, suites[i].summary);
}

int
main (int   argc,
      char *argv[])
{
  if (argc < 2)
    {
      usage ();
      return 2;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suites); i++)
    if (g_str_equal (argv[1], suites[i].name))
      return suites[i].func (argc - 1, argv + 1);

  usage ();
  return 2;
}

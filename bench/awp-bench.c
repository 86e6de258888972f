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
  { "attachments", "a 10 MiB file: store add (ms), upload cycle and download through awp-server on loopback (s, MiB/s)", awp_bench_attachments },
  { "deadline", "statutory deadline computations (ops/s) and calendar load (ms)", awp_bench_deadline },
  { "json", "json-glib parse of sync pages (records/s)", awp_bench_json },
  { "validate", "IIN validations and phone normalisations (ops/s)", awp_bench_validate },
  { "meetings", "O605 registration CSV import (rows/s) and iCalendar export/parse (ms)", awp_bench_meetings },
  { "store", "local store: bulk insert, search, queue model over N rows (--rows N)", awp_bench_store },
  { "sync", "sync client and awp-server on loopback: first pull of 100,000 records (records/s), push of 10,000 changes (s), pulls/s with 8 clients", awp_bench_sync },
  { "sync-server", "the same as sync (its old name)", awp_bench_sync },
  { "today", "Today's other deadlines, a notification check, ratings overview over N requests (ms; --rows N)", awp_bench_today },
};

void
awp_bench_report (const char *metric,
                  double      value,
                  const char *unit)
{
  /* Plain decimals, never exponents: scripts compare these figures. */
  if (value >= 1000.0 || value <= -1000.0)
    printf ("%s %.0f %s\n", metric, value, unit);
  else
    printf ("%s %.3f %s\n", metric, value, unit);
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

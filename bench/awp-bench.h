#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef int (*AwpBenchSuiteFunc) (int argc, char **argv);

/* Prints one figure as `metric value unit`. */
void    awp_bench_report (const char *metric,
                          double      value,
                          const char *unit);
/* Monotonic seconds. */
double  awp_bench_now    (void);

int awp_bench_attachments (int argc, char **argv);
int awp_bench_deadline (int argc, char **argv);
int awp_bench_json (int argc, char **argv);
int awp_bench_validate (int argc, char **argv);
int awp_bench_meetings (int argc, char **argv);
int awp_bench_store (int argc, char **argv);
int awp_bench_sync (int argc, char **argv);
int awp_bench_today (int argc, char **argv);

G_END_DECLS

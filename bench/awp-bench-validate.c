#include "config.h"

#include "awp-bench.h"
#include "awp-validate.h"

/* Validators per second on one core: IIN validations (valid and invalid
 * numbers, birth date and both check-digit passes) and phone normalisations
 * of the forms people type. Best of several rounds. */

static const char *iins[] = {
  "901123300258", "871008401427", "850415310009", "901123300255", "821214240092", "310231400007",
};
static const char *phones[] = {
  "+7 701 123 45 67", "87011234567", "8 (701) 123-45-67", "+7(7172)123456", "7011234567", "+7 912 345 67 89",
};

int
awp_bench_validate (int    argc,
                    char **argv)
{
  const guint rounds = 5;
  const guint n = 1000000;
  GDate today;
  guint valid = 0;
  double best = 0;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, G_DATE_NOVEMBER, 2026);
  for (guint r = 0; r < rounds; r++)
    {
      double start = awp_bench_now ();

      for (guint i = 0; i < n; i++)
        {
          /* Invalid numbers pay for the GError, as they do in the UI. */
          g_autoptr(GError) error = NULL;

          valid += awp_validate_iin (iins[i % G_N_ELEMENTS (iins)], "IIN", &today, &error);
        }
      best = MAX (best, n / (awp_bench_now () - start));
    }
  if (valid == 0)
    return 1;
  awp_bench_report ("iin_validate", best, "ops/s");

  best = 0;
  valid = 0;
  for (guint r = 0; r < rounds; r++)
    {
      double start = awp_bench_now ();

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *e164 = awp_validate_phone (phones[i % G_N_ELEMENTS (phones)], "Phone", &error);

          valid += e164 != NULL;
        }
      best = MAX (best, n / (awp_bench_now () - start));
    }
  if (valid == 0)
    return 1;
  awp_bench_report ("phone_normalize", best, "ops/s");
  return 0;
}

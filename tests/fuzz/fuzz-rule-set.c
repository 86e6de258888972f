#include <glib.h>

#include "awp-deadline.h"

/* Rule sets are versioned data that a server may send; a broken one must
 * give a GError, and a loaded one must answer look-ups without crashing. */
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static AwpCalendar *calendar;
  g_autoptr(AwpRuleSet) rules = awp_rule_set_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;

  if (calendar == NULL)
    calendar = awp_calendar_new_generated ();

  if (awp_rule_set_load (rules, bytes, &error))
    {
      g_auto(GStrv) norms = awp_rule_set_list_norms (rules);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 15, G_DATE_MARCH, 2026);
      for (guint i = 0; norms[i] != NULL; i++)
        {
          AwpDeadline result;
          g_autoptr(GError) compute_error = NULL;
          g_autofree char *text = NULL;

          if (!awp_deadline_compute (rules, calendar, norms[i], &date, &result, &compute_error))
            g_assert_nonnull (compute_error);
          g_clear_error (&compute_error);
          text = awp_deadline_explain (rules, calendar, norms[i], &date, &compute_error);
        }
    }
  else
    g_assert_nonnull (error);

  return 0;
}

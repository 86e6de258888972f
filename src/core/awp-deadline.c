#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-calendar-private.h"
#include "awp-rule-private.h"

/* The semantics, exactly as the norms read (see README of the regulations):
 * within N wd of E   the N-th working day after E (E not counted);
 * within N cd of E   E + N, or the next working day when that is not one;
 * at least N wd before D   the N-th working day counted back from D (D not counted);
 * lasts at least N wd      the working days first..last, both included, reach N;
 * by DD.MM of the following year   that day, or the next working day. */

static gboolean
out_of_range (GError **error)
{
  g_set_error (error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_OUT_OF_RANGE,
               _("The deadline falls outside the calendar (years %d to %d)"),
               AWP_CALENDAR_FIRST_YEAR, AWP_CALENDAR_LAST_YEAR);
  return FALSE;
}

/* @date moved by @days calendar days, then to the next working day. */
static gboolean
calendar_days_then_working (AwpCalendar *calendar, const GDate *date, int days, GDate *out)
{
  GDate d = *date;

  if (g_date_get_julian (&d) + days < 1)
    return FALSE;
  g_date_add_days (&d, days);
  return awp_calendar_next_working_day (calendar, &d, out);
}

static gboolean
rule_apply (AwpCalendar *calendar, const AwpRule *rule, const GDate *date, GDate *out)
{
  gboolean wd = rule->unit == AWP_RULE_WORKING_DAYS;
  GDate d;

  switch (rule->kind)
    {
    case AWP_RULE_WITHIN:
    case AWP_RULE_EXTENSION:
      return wd ? awp_calendar_add_working_days (calendar, date, rule->length, out)
                : calendar_days_then_working (calendar, date, rule->length, out);
    case AWP_RULE_BEFORE:
      if (wd)
        return awp_calendar_add_working_days (calendar, date, -rule->length, out);
      d = *date;
      if (g_date_get_julian (&d) <= (guint) rule->length)
        return FALSE;
      g_date_subtract_days (&d, rule->length);
      /* The latest allowed day must not pass D - N: step back to a working day. */
      if (awp_calendar_is_working_day (calendar, &d))
        {
          *out = d;
          return TRUE;
        }
      return awp_calendar_add_working_days (calendar, &d, -1, out);
    case AWP_RULE_LASTS:
      if (!wd)
        {
          *out = *date;
          g_date_add_days (out, rule->length - 1);
          return g_date_get_year (out) <= AWP_CALENDAR_LAST_YEAR;
        }
      return awp_calendar_next_working_day (calendar, date, &d) &&
             awp_calendar_add_working_days (calendar, &d, rule->length - 1, out);
    case AWP_RULE_BY_DATE:
      if (g_date_get_year (date) >= AWP_CALENDAR_LAST_YEAR)
        return FALSE;
      g_date_clear (&d, 1);
      g_date_set_dmy (&d, rule->mday, rule->month, g_date_get_year (date) + 1);
      return awp_calendar_next_working_day (calendar, &d, out);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
any_provisional (AwpCalendar *calendar, const GDate *a, const GDate *b)
{
  int from = MIN (g_date_get_year (a), g_date_get_year (b));
  int to = MAX (g_date_get_year (a), g_date_get_year (b));

  for (int y = from; y <= to; y++)
    if (awp_calendar_year_is_provisional (calendar, y))
      return TRUE;
  return FALSE;
}

/* For "by 1 March of the following year" the obligation falls due in the
 * following year, so the version in force on the nominal due day applies. */
static const AwpRule *
lookup_for (AwpRuleSet *rules, const char *norm_id, const GDate *date, GError **error)
{
  const AwpRule *newest = awp_rule_set_newest (rules, norm_id);
  GDate due;

  if (newest == NULL || newest->kind != AWP_RULE_BY_DATE || g_date_get_year (date) >= AWP_CALENDAR_LAST_YEAR)
    return awp_rule_set_lookup (rules, norm_id, date, error);
  g_date_clear (&due, 1);
  g_date_set_dmy (&due, newest->mday, newest->month, g_date_get_year (date) + 1);
  return awp_rule_set_lookup (rules, norm_id, &due, error);
}

gboolean
awp_deadline_compute (AwpRuleSet  *rules,
                      AwpCalendar *calendar,
                      const char  *norm_id,
                      const GDate *date,
                      AwpDeadline *result,
                      GError     **error)
{
  const AwpRule *rule;

  g_return_val_if_fail (AWP_IS_RULE_SET (rules), FALSE);
  g_return_val_if_fail (AWP_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (norm_id != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rule = lookup_for (rules, norm_id, date, error);
  if (rule == NULL)
    return FALSE;
  if (!rule_apply (calendar, rule, date, &result->date))
    return out_of_range (error);
  result->event = *date;
  result->rule = rule;
  result->provisional = any_provisional (calendar, date, &result->date);
  return TRUE;
}

gboolean
awp_deadline_extend (AwpRuleSet  *rules,
                     AwpCalendar *calendar,
                     const char  *norm_id,
                     const GDate *current_due,
                     int          days,
                     guint        times_extended,
                     AwpDeadline *result,
                     GError     **error)
{
  const AwpRule *rule;

  g_return_val_if_fail (AWP_IS_RULE_SET (rules), FALSE);
  g_return_val_if_fail (AWP_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (current_due != NULL && g_date_valid (current_due), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  rule = awp_rule_set_lookup (rules, norm_id, current_due, error);
  if (rule == NULL)
    return FALSE;
  if (rule->kind != AWP_RULE_EXTENSION)
    {
      g_set_error (error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_NOT_ALLOWED,
                   _("Norm %s does not allow an extension"), norm_id);
      return FALSE;
    }
  if (times_extended >= rule->max_times)
    {
      g_set_error (error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_NOT_ALLOWED,
                   _("Norm %s allows no further extension of this period"), norm_id);
      return FALSE;
    }
  if (days < 1 || days > rule->length)
    {
      g_set_error (error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_NOT_ALLOWED,
                   _("An extension must be 1 to %d calendar days (%s)"), rule->length, norm_id);
      return FALSE;
    }
  if (!calendar_days_then_working (calendar, current_due, days, &result->date))
    return out_of_range (error);
  result->event = *current_due;
  result->rule = rule;
  result->provisional = any_provisional (calendar, current_due, &result->date);
  return TRUE;
}

GArray *
awp_deadline_reannouncements (AwpRuleSet  *rules,
                              AwpCalendar *calendar,
                              const char  *norm_id,
                              const GDate *launch,
                              const GDate *close,
                              GError     **error)
{
  g_autoptr(GArray) out = NULL;
  const AwpRule *rule;
  GDate month_later;

  g_return_val_if_fail (AWP_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (AWP_IS_CALENDAR (calendar), NULL);
  g_return_val_if_fail (launch != NULL && close != NULL, NULL);

  rule = awp_rule_set_lookup (rules, norm_id, launch, error);
  if (rule == NULL)
    return NULL;
  out = g_array_new (FALSE, FALSE, sizeof (GDate));
  if (rule->repeat_after_months == 0)
    return g_steal_pointer (&out);

  /* "Longer than one month": the close date is past launch + 1 month. The
   * k-th re-announcement is due launch + k × 14 days (nominal dates, so a
   * weekend shift never accumulates), on the next working day if need be. */
  month_later = *launch;
  g_date_add_months (&month_later, rule->repeat_after_months);
  if (g_date_compare (close, &month_later) <= 0)
    return g_steal_pointer (&out);
  for (int k = 1; ; k++)
    {
      GDate nominal = *launch, due;

      g_date_add_days (&nominal, k * rule->repeat_every_days);
      if (g_date_compare (&nominal, close) >= 0)
        break;
      if (!calendar_days_then_working (calendar, launch, k * rule->repeat_every_days, &due))
        {
          out_of_range (error);
          return NULL;
        }
      if (g_date_compare (&due, close) >= 0)
        break;
      g_array_append_val (out, due);
    }
  return g_steal_pointer (&out);
}

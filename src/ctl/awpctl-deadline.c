#include "config.h"

#include <glib/gi18n.h>

#include "awp-calendar.h"
#include "awp-deadline.h"
#include "awpctl-commands.h"

/* Deadline commands. Exit codes: 0 success; 1 the data could not be loaded,
 * the norm was not in force on that date or the result leaves the calendar;
 * 2 a usage error (wrong arguments, a malformed date, an unknown norm). */

static int
fail (GError *error)
{
  gboolean usage = g_error_matches (error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_UNKNOWN_NORM) ||
                   g_error_matches (error, AWP_CALENDAR_ERROR, AWP_CALENDAR_ERROR_INVALID);

  g_printerr ("awpctl: %s\n", error->message);
  return usage ? 2 : 1;
}

static gboolean
load (AwpCalendar **calendar, AwpRuleSet **rules, GError **error)
{
  *calendar = awp_calendar_new_default (error);
  if (*calendar == NULL)
    return FALSE;
  if (rules == NULL)
    return TRUE;
  *rules = awp_rule_set_new_default (error);
  return *rules != NULL;
}

static void
print_iso (const GDate *date)
{
  g_print ("%04u-%02u-%02u\n", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* deadline / explain share the argument handling. */
static int
norm_command (int argc, char **argv, gboolean explain)
{
  g_autoptr(AwpCalendar) calendar = NULL;
  g_autoptr(AwpRuleSet) rules = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  if (argc != 3)
    return awpctl_usage_error (argv[0], "NORM DATE");
  if (!awp_calendar_parse_date (argv[2], "DATE", &date, &error))
    return fail (error);
  if (!load (&calendar, &rules, &error))
    return fail (error);

  if (explain)
    {
      g_autofree char *text = awp_deadline_explain (rules, calendar, argv[1], &date, &error);

      if (text == NULL)
        return fail (error);
      g_print ("%s", text);
    }
  else
    {
      AwpDeadline dl;

      if (!awp_deadline_compute (rules, calendar, argv[1], &date, &dl, &error))
        return fail (error);
      print_iso (&dl.date);
    }
  return 0;
}

int
awpctl_cmd_deadline (int argc, char **argv)
{
  return norm_command (argc, argv, FALSE);
}

int
awpctl_cmd_explain (int argc, char **argv)
{
  return norm_command (argc, argv, TRUE);
}

int
awpctl_cmd_workdays (int argc, char **argv)
{
  g_autoptr(AwpCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  GDate from, to;

  if (argc != 3)
    return awpctl_usage_error (argv[0], "FROM TO");
  if (!awp_calendar_parse_date (argv[1], "FROM", &from, &error) ||
      !awp_calendar_parse_date (argv[2], "TO", &to, &error))
    return fail (error);
  if (!load (&calendar, NULL, &error))
    return fail (error);
  g_print ("%u\n", awp_calendar_count_working_days (calendar, &from, &to));
  return 0;
}

int
awpctl_cmd_calendar (int argc, char **argv)
{
  g_autoptr(AwpCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  char *end = NULL;
  gint64 year;

  if (argc != 2)
    return awpctl_usage_error (argv[0], "YEAR");
  year = g_ascii_strtoll (argv[1], &end, 10);
  if (end == argv[1] || *end != '\0' || year < AWP_CALENDAR_FIRST_YEAR || year > AWP_CALENDAR_LAST_YEAR)
    {
      g_printerr (_("awpctl: YEAR must be a year from %d to %d\n"), AWP_CALENDAR_FIRST_YEAR, AWP_CALENDAR_LAST_YEAR);
      return 2;
    }
  if (!load (&calendar, NULL, &error))
    return fail (error);

  if (awp_calendar_year_is_provisional (calendar, year))
    g_print (_("Calendar %d (provisional: not confirmed by an official calendar)\n"), (int) year);
  else
    g_print (_("Calendar %d, version %d\n"), (int) year, (int) awp_calendar_year_version (calendar, year));
  g_print (_("Source: %s\n"), awp_calendar_year_source (calendar, year));

  /* Only days that change the plain week: a holiday on a Sunday is not listed. */
  days = awp_calendar_list_special_days (calendar, year);
  for (guint i = 0; i < days->len; i++)
    {
      const GDate *d = &g_array_index (days, GDate, i);
      gboolean weekend = g_date_get_weekday (d) >= G_DATE_SATURDAY;
      g_autofree char *reason = NULL;
      g_autofree char *label = NULL;

      if (awp_calendar_is_working_day (calendar, d) != weekend)
        continue;
      reason = awp_calendar_explain_day (calendar, d);
      label = awp_calendar_format_day (d);
      g_print ("%04u-%02u-%02u  %s: %s\n", g_date_get_year (d), g_date_get_month (d), g_date_get_day (d), label, reason);
    }
  return 0;
}

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-rule-private.h"

/* The explanation an official reads to defend a date: the norm and its
 * wording, then every day between the event and the result with the reason
 * it was counted or skipped. It describes the result awp_deadline_compute
 * found; it never computes a date of its own. */

/* What starts the clock, by the rule's "starts" id. */
static const struct { const char *id; const char *label; } starts_labels[] = {
  { "application", N_("receipt of the conference application") },
  { "conference", N_("the Internet conference") },
  { "conference-opening", N_("the opening of the Internet conference") },
  { "current-due-date", N_("the current due date") },
  { "decision", N_("the decision") },
  { "extension", N_("the extension of the period") },
  { "meeting", N_("the meeting") },
  { "receipt", N_("receipt of the request") },
  { "registration", N_("registration of the request") },
  { "reporting-year", N_("the end of the reporting year") },
  { "start", N_("the start of the conference or survey") },
  { "survey-launch", N_("the launch of the survey") },
};

static const char *
starts_label (const AwpRule *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (starts_labels); i++)
    if (g_str_equal (rule->starts, starts_labels[i].id))
      return _(starts_labels[i].label);
  return rule->starts; /* a newer rule file may name an event we do not know yet */
}

static void
append_skipped (GString *out, AwpCalendar *calendar, const GDate *date)
{
  g_autofree char *label = awp_calendar_format_day (date);
  g_autofree char *reason = awp_calendar_explain_day (calendar, date);

  g_string_append_printf (out, "  ");
  g_string_append_printf (out, _("%s: not counted, %s"), label, reason != NULL ? reason : "");
  g_string_append_c (out, '\n');
}

static void
append_counted (GString *out, AwpCalendar *calendar, const GDate *date, int n)
{
  g_autofree char *label = awp_calendar_format_day (date);
  g_autofree char *reason = awp_calendar_explain_day (calendar, date);

  g_string_append_printf (out, "  ");
  if (reason != NULL)
    g_string_append_printf (out, _("%s: working day %d, %s"), label, n, reason);
  else
    g_string_append_printf (out, _("%s: working day %d"), label, n);
  g_string_append_c (out, '\n');
}

/* Lists the days from @from to @to (both included) going @step (+1 / -1),
 * numbering the working days. */
static void
append_walk (GString *out, AwpCalendar *calendar, const GDate *from, const GDate *to, int step)
{
  GDate d = *from;
  int n = 0;

  for (;;)
    {
      if (awp_calendar_is_working_day (calendar, &d))
        append_counted (out, calendar, &d, ++n);
      else
        append_skipped (out, calendar, &d);
      if (g_date_compare (&d, to) == 0)
        break;
      if (step > 0)
        g_date_add_days (&d, 1);
      else
        g_date_subtract_days (&d, 1);
    }
}

/* A calendar-day period: the nominal last day, then any days off before the
 * next working day. */
static void
append_calendar_days (GString *out, AwpCalendar *calendar, const GDate *nominal, const GDate *result)
{
  g_autofree char *label = awp_calendar_format_day (nominal);
  GDate d = *nominal;

  g_string_append_printf (out, _("The last day of the period is %s."), label);
  g_string_append_c (out, '\n');
  if (g_date_compare (nominal, result) == 0)
    return;
  while (g_date_compare (&d, result) < 0)
    {
      append_skipped (out, calendar, &d);
      g_date_add_days (&d, 1);
    }
  g_string_append (out, _("A period whose last day is a day off ends on the next working day."));
  g_string_append_c (out, '\n');
}

char *
awp_deadline_explain (AwpRuleSet  *rules,
                      AwpCalendar *calendar,
                      const char  *norm_id,
                      const GDate *date,
                      GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *since = NULL;
  g_autofree char *event = NULL;
  g_autofree char *result_label = NULL;
  const AwpRule *rule;
  AwpDeadline dl;
  GDate d;

  g_return_val_if_fail (AWP_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (AWP_IS_CALENDAR (calendar), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (!awp_deadline_compute (rules, calendar, norm_id, date, &dl, error))
    return NULL;
  rule = dl.rule;
  since = awp_calendar_format_date (&rule->version->effective_from);
  event = awp_calendar_format_day (date);
  result_label = awp_calendar_format_day (&dl.date);

  g_string_append_printf (out, "%s: %s\n", rule->norm, awp_rule_get_description (rule));
  g_string_append_printf (out, _("%s (version %d, in force since %s)."),
                          awp_rule_get_rule_set_title (rule), (int) rule->version->version, since);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("What starts the clock: %s."), starts_label (rule));
  g_string_append_c (out, '\n');

  switch (rule->kind)
    {
    case AWP_RULE_WITHIN:
    case AWP_RULE_EXTENSION:
      if (rule->kind == AWP_RULE_EXTENSION)
        g_string_append_printf (out, _("Current due date: %s. It may be extended once by at most %d calendar days."),
                                event, rule->length);
      else
        g_string_append_printf (out, _("Event: %s. The period starts on the next day."), event);
      g_string_append_c (out, '\n');
      d = *date;
      g_date_add_days (&d, 1);
      if (rule->unit == AWP_RULE_WORKING_DAYS)
        {
          g_string_append_printf (out, _("Working days to count: %d."), rule->length);
          g_string_append_c (out, '\n');
          append_walk (out, calendar, &d, &dl.date, +1);
        }
      else
        {
          GDate nominal = *date;

          g_string_append_printf (out, _("Calendar days to count: %d."), rule->length);
          g_string_append_c (out, '\n');
          g_date_add_days (&nominal, rule->length);
          append_calendar_days (out, calendar, &nominal, &dl.date);
        }
      g_string_append_printf (out, rule->kind == AWP_RULE_EXTENSION
                                   ? _("Latest extended due date: %s, until the end of the day.")
                                   : _("Due date: %s, until the end of the day."),
                              result_label);
      break;

    case AWP_RULE_BEFORE:
      g_string_append_printf (out, _("Start: %s. The start day itself is not counted."), event);
      g_string_append_c (out, '\n');
      d = *date;
      g_date_subtract_days (&d, 1);
      if (rule->unit == AWP_RULE_WORKING_DAYS)
        {
          g_string_append_printf (out, _("Working days to count back: %d."), rule->length);
          g_string_append_c (out, '\n');
          append_walk (out, calendar, &d, &dl.date, -1);
        }
      else
        {
          g_string_append_printf (out, _("Calendar days to count back: %d."), rule->length);
          g_string_append_c (out, '\n');
          if (g_date_compare (&d, &dl.date) > 0)
            append_walk (out, calendar, &d, &dl.date, -1);
        }
      g_string_append_printf (out, _("Latest allowed day: %s."), result_label);
      break;

    case AWP_RULE_LASTS:
      g_string_append_printf (out, _("First day: %s. The first and the last day are both counted."), event);
      g_string_append_c (out, '\n');
      if (rule->unit == AWP_RULE_WORKING_DAYS)
        {
          g_string_append_printf (out, _("Working days required: %d."), rule->length);
          g_string_append_c (out, '\n');
          append_walk (out, calendar, date, &dl.date, +1);
        }
      else
        {
          g_string_append_printf (out, _("Calendar days required: %d."), rule->length);
          g_string_append_c (out, '\n');
        }
      g_string_append_printf (out, _("Earliest allowed last day: %s."), result_label);
      break;

    case AWP_RULE_BY_DATE:
      {
        GDate nominal;

        g_date_clear (&nominal, 1);
        g_date_set_dmy (&nominal, rule->mday, rule->month, g_date_get_year (date) + 1);
        g_string_append_printf (out, _("Reporting year: %d."), g_date_get_year (date));
        g_string_append_c (out, '\n');
        append_calendar_days (out, calendar, &nominal, &dl.date);
        g_string_append_printf (out, _("Due date: %s, until the end of the day."), result_label);
      }
      break;

    default:
      g_return_val_if_reached (NULL);
    }
  g_string_append_c (out, '\n');

  for (int y = MIN (g_date_get_year (date), g_date_get_year (&dl.date));
       y <= MAX (g_date_get_year (date), g_date_get_year (&dl.date)); y++)
    if (awp_calendar_year_is_provisional (calendar, y))
      {
        g_string_append_printf (out, _("Provisional calendar: the working days of %d are not confirmed by an official calendar, so this date may change."), y);
        g_string_append_c (out, '\n');
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "awp-request-format.h"
#include "awp-state-machine.h"

void
awp_request_today (GDate *today)
{
  const char *fixed = g_getenv ("AWP_TODAY");
  g_autoptr(GDateTime) now = NULL;

  g_date_clear (today, 1);
  if (fixed != NULL && *fixed != '\0' && awp_calendar_parse_date (fixed, "AWP_TODAY", today, NULL))
    return;
  now = g_date_time_new_now_local ();
  g_date_set_dmy (today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

char *
awp_request_iso_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/* Working days in (@from, @to]; calendar days without a calendar. */
static int
days_after (AwpCalendar *calendar,
            const GDate *from,
            const GDate *to)
{
  GDate next = *from;

  if (calendar == NULL)
    return g_date_days_between (from, to);
  g_date_add_days (&next, 1);
  return (int) awp_calendar_count_working_days (calendar, &next, to);
}

void
awp_request_due_info (AwpCalendar *calendar,
                      const char  *due_on,
                      gboolean     closed,
                      AwpDueInfo  *info)
{
  GDate today, due;
  int cmp;

  memset (info, 0, sizeof *info);
  info->state = AWP_DUE_NONE;
  if (closed || due_on == NULL || !awp_calendar_parse_date (due_on, "due_on", &due, NULL))
    return;
  awp_request_today (&today);
  cmp = g_date_compare (&due, &today);
  if (cmp < 0)
    {
      info->state = AWP_DUE_OVERDUE;
      info->working_days = days_after (calendar, &due, &today);
      info->icon_name = "dialog-error-symbolic";
      info->css_class = "error";
    }
  else if (cmp == 0)
    {
      info->state = AWP_DUE_TODAY;
      info->icon_name = "alarm-symbolic";
      info->css_class = "warning";
    }
  else
    {
      info->working_days = days_after (calendar, &today, &due);
      if (info->working_days <= 1)
        {
          info->state = AWP_DUE_SOON;
          info->icon_name = "dialog-warning-symbolic";
          info->css_class = "warning";
        }
      else
        info->state = AWP_DUE_LATER;
    }
}

char *
awp_request_due_text (const AwpDueInfo *info)
{
  switch (info->state)
    {
    case AWP_DUE_NONE:
      return g_strdup ("");
    case AWP_DUE_OVERDUE:
      if (info->working_days <= 0)
        return g_strdup (_("Overdue"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d working day",
                                           "Overdue by %d working days", (gulong) info->working_days),
                              info->working_days);
    case AWP_DUE_TODAY:
      return g_strdup (_("Due today"));
    case AWP_DUE_SOON:
      if (info->working_days <= 0)
        return g_strdup (_("Due after the days off"));
      G_GNUC_FALLTHROUGH;
    case AWP_DUE_LATER:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day left",
                                           "%d working days left", (gulong) info->working_days),
                              info->working_days);
    default:
      g_assert_not_reached ();
    }
}

char *
awp_request_due_text_short (const AwpDueInfo *info)
{
  /* Translators: "wd" is "working days", as short as officials write it
   * (ru "р. д.", kk "ж. к."); the full words are in the tooltip. */
  if (info->state == AWP_DUE_OVERDUE && info->working_days > 0)
    return g_strdup_printf (_("%d wd overdue"), info->working_days);
  if ((info->state == AWP_DUE_LATER || info->state == AWP_DUE_SOON) && info->working_days > 0)
    return g_strdup_printf (_("%d wd left"), info->working_days);
  return awp_request_due_text (info);
}

char *
awp_request_format_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !awp_calendar_parse_date (iso, "date", &date, NULL))
    return g_strdup ("—");
  return g_strdup_printf ("%02u.%02u.%04u", g_date_get_day (&date),
                          g_date_get_month (&date), g_date_get_year (&date));
}

const char *
awp_request_auth_label (const char *auth_method)
{
  if (g_strcmp0 (auth_method, "eds") == 0)
    return _("Digital signature");
  if (g_strcmp0 (auth_method, "egov") == 0)
    return _("eGov account with phone");
  if (g_strcmp0 (auth_method, "sms") == 0)
    return _("eGov account, SMS code");
  return _("Not stated");
}

const char *
awp_request_auth_short_label (const char *auth_method)
{
  if (g_strcmp0 (auth_method, "eds") == 0)
    /* Translators: short for "digital signature" (ЭЦҚ / ЭЦП) */
    return C_("auth", "EDS");
  if (g_strcmp0 (auth_method, "egov") == 0)
    return C_("auth", "eGov + phone");
  if (g_strcmp0 (auth_method, "sms") == 0)
    return C_("auth", "eGov + SMS");
  return "—";
}

const char *
awp_request_status_label (const char *status)
{
  /* The core's plain "Received" is also a date field's name elsewhere;
   * the status gets its own context so it reads as a status. */
  if (g_strcmp0 (status, "received") == 0)
    return C_("status", "Received");
  return status ? awp_state_label (status) : "";
}

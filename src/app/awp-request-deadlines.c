#include "config.h"

#include <glib/gi18n.h>

#include "awp-request-deadlines.h"
#include "awp-request-format.h"

void
awp_running_deadline_free (AwpRunningDeadline *deadline)
{
  g_free (deadline->due_on);
  g_free (deadline->explanation);
  g_free (deadline);
}

static gboolean
add (GPtrArray   *out,
     AwpCalendar *calendar,
     AwpRuleSet  *rules,
     const char  *norm,
     const char  *what,
     const char  *event_text,
     GError     **error)
{
  AwpRunningDeadline *d;
  AwpDeadline due;
  GDate event;

  if (event_text == NULL || !awp_calendar_parse_date (event_text, "date", &event, error)
      || !awp_deadline_compute (rules, calendar, norm, &event, &due, error))
    return event_text == NULL;
  d = g_new0 (AwpRunningDeadline, 1);
  d->norm = norm;
  d->what = what;
  d->due_on = awp_request_iso_date (&due.date);
  d->explanation = awp_deadline_explain (rules, calendar, norm, &event, NULL);
  g_ptr_array_add (out, d);
  return TRUE;
}

GPtrArray *
awp_request_running_deadlines (AwpCalendar  *calendar,
                               AwpRuleSet   *rules,
                               const char   *type,
                               JsonObject   *data,
                               GError      **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_running_deadline_free);
  const char *status = json_object_get_string_member_with_default (data, "status", "received");
  const char *received = json_object_get_string_member_with_default (data, "received_on", NULL);

  /* A conference application is decided within 5 wd (O145-10.2); it has
   * no extension or answer of its own. */
  if (g_strcmp0 (type, "conference_application") == 0)
    {
      if (g_str_equal (status, "received")
          && !add (out, calendar, rules, "O145-10.2", _("Decision on the application"), received, error))
        return NULL;
    }
  else if (g_str_equal (status, "received"))
    {
      /* Every decision on a new request has its own clock from receipt. */
      if (!add (out, calendar, rules, "O145-4.3", C_("deadline", "Return"), received, error)
          || !add (out, calendar, rules, "O145-4.2", C_("deadline", "Forward"), received, error)
          || !add (out, calendar, rules, "O145-5.3", _("Reasoned refusal"), received, error)
          || !add (out, calendar, rules, "O145-5.1", C_("deadline", "Answer"), received, error))
        return NULL;
    }
  else if (g_str_equal (status, "accepted"))
    {
      if (!add (out, calendar, rules, "O145-5.1", C_("deadline", "Answer"), received, error))
        return NULL;
    }
  else if (g_str_equal (status, "extended"))
    {
      const char *due = json_object_get_string_member_with_default (data, "due_on", NULL);
      const char *extended_on = json_object_get_string_member_with_default (data, "extended_on", NULL);
      const char *notified = json_object_get_string_member_with_default (data, "user_notified_on", NULL);
      AwpRunningDeadline *d;
      const AwpRule *rule;
      GDate event;

      /* The extended due date was set by the store (awp_deadline_extend);
       * the explanation is the rule's and the original answer period's. */
      if (due != NULL)
        {
          g_autofree char *base = NULL;

          awp_request_today (&event);
          d = g_new0 (AwpRunningDeadline, 1);
          d->norm = "O145-5.2";
          d->what = _("Answer, extended");
          d->due_on = g_strdup (due);
          if (received != NULL && awp_calendar_parse_date (received, "received_on", &event, NULL))
            base = awp_deadline_explain (rules, calendar, "O145-5.1", &event, NULL);
          rule = awp_rule_set_lookup (rules, "O145-5.2", &event, NULL);
          d->explanation = g_strconcat (rule ? awp_rule_get_description (rule) : "",
                                        base ? "\n" : "", base ? base : "", NULL);
          g_ptr_array_add (out, d);
        }
      /* O145-5.2: the user is told of the extension within 3 wd. */
      if (notified == NULL
          && !add (out, calendar, rules, "O145-5.2/notice", _("Notice of the extension to the user"), extended_on, error))
        return NULL;
    }
  return g_steal_pointer (&out);
}

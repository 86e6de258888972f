#pragma once

#include <json-glib/json-glib.h>

#include "awp-calendar.h"
#include "awp-deadline.h"

G_BEGIN_DECLS

/* The deadlines still running for a blog request in its current status,
 * each computed by the core rules (awp-deadline) and explained. */
typedef struct
{
  const char *norm;         /* O145-4.3 … */
  const char *what;         /* translated: "Return", "Answer" … */
  char       *due_on;       /* YYYY-MM-DD */
  char       *explanation;  /* day-by-day, in the UI language */
} AwpRunningDeadline;

void       awp_running_deadline_free (AwpRunningDeadline *deadline);

/* GPtrArray of AwpRunningDeadline; empty for closed requests. @type is
 * "blog_request" or "conference_application". */
GPtrArray *awp_request_running_deadlines (AwpCalendar  *calendar,
                                          AwpRuleSet   *rules,
                                          const char   *type,
                                          JsonObject   *data,
                                          GError      **error);

G_END_DECLS

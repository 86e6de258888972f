#pragma once

#include <glib.h>

#include "awp-calendar.h"

G_BEGIN_DECLS

/* How a due date stands today: told by an icon and words, never by colour
 * alone (the CSS class only adds the colour). */
typedef enum
{
  AWP_DUE_NONE,      /* no due date, or the request is closed */
  AWP_DUE_LATER,     /* more than one working day left */
  AWP_DUE_SOON,      /* within one working day */
  AWP_DUE_TODAY,
  AWP_DUE_OVERDUE,
} AwpDueState;

typedef struct
{
  AwpDueState  state;
  int          working_days;  /* left (LATER, SOON) or overdue by (OVERDUE) */
  const char  *icon_name;     /* NULL for NONE and LATER */
  const char  *css_class;     /* "error", "warning" or NULL */
} AwpDueInfo;

/* Today as the store sees it (AWP_TODAY overrides it, as in awp-store). */
void        awp_request_today          (GDate        *today);
/* @due_on is YYYY-MM-DD or NULL; @calendar may be NULL (then calendar days). */
void        awp_request_due_info       (AwpCalendar  *calendar,
                                        const char   *due_on,
                                        gboolean      closed,
                                        AwpDueInfo   *info);
/* "Overdue by 2 working days", "Due today", "3 working days left"… */
char       *awp_request_due_text       (const AwpDueInfo *info);
/* The same for a narrow column: "3 wd left". */
char       *awp_request_due_text_short (const AwpDueInfo *info);
/* DD.MM.YYYY from YYYY-MM-DD; "—" for NULL. */
char       *awp_request_format_date    (const char   *iso);
/* O145-3: how the request was authenticated, in words. */
const char *awp_request_auth_label     (const char   *auth_method);
/* The same in a word or two, for the queue's column. */
const char *awp_request_auth_short_label (const char *auth_method);
/* A blog request status in words (awp_state_label, "received" disambiguated). */
const char *awp_request_status_label   (const char   *status);
/* YYYY-MM-DD of @date. */
char       *awp_request_iso_date       (const GDate  *date);

G_END_DECLS

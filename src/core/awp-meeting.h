#pragma once

#include <json-glib/json-glib.h>

#include "awp-calendar.h"
#include "awp-deadline.h"

G_BEGIN_DECLS

/* Open meetings of collegial bodies (Order 605): the meeting's fields, their
 * validation, its statutory deadlines and its announcement. Pure functions
 * over the record's JSON data; the store side is in awp-meeting-store.h.
 *
 * Data of a "meeting" record:
 *   org_id, region (a code of awp_meeting_regions()), body, title, place,
 *   date "YYYY-MM-DD", time "HH:MM" (Kazakhstan time, UTC+5),
 *   format "offline" | "online" | "hybrid" (O605-5),
 *   languages ["kk", "ru"] (O605-7), agenda [ "question", … ] in order,
 *   responsible { name, phone (E.164), email } (O605-8),
 *   capacity (seats, O605-10), broadcast_url (O605-12),
 *   closed + closed_ground (O605-3, O605-4),
 *   deadlines { announce_by, register_by, results_by } (filled on save). */

#define AWP_MEETING_ERROR (awp_meeting_error_quark ())
GQuark awp_meeting_error_quark (void);

typedef enum
{
  AWP_MEETING_ERROR_INVALID,     /* a field is missing or wrong; message names it */
  AWP_MEETING_ERROR_CLOSED,      /* a closed meeting has no open announcement or registrations */
  AWP_MEETING_ERROR_ONLINE,      /* online only: no applications to attend offline */
  AWP_MEETING_ERROR_UNANSWERED,  /* broadcast comments still unanswered (O605-13) */
  AWP_MEETING_ERROR_FORBIDDEN,   /* personal data of another organization's meeting */
  AWP_MEETING_ERROR_STATE,       /* not allowed in the meeting's current status */
} AwpMeetingError;

#define AWP_MEETING_TITLE_MAX   500
#define AWP_MEETING_TEXT_MAX    1000
#define AWP_MEETING_AGENDA_MAX  50
#define AWP_MEETING_CAPACITY_MAX 100000

/* One problem with one field, for showing beside that field. */
typedef struct
{
  char *field;    /* the JSON member: "title", "responsible.phone", "agenda" … */
  char *message;  /* translated, starts with the field's label */
} AwpMeetingIssue;

void        awp_meeting_issue_free (AwpMeetingIssue *issue);

/* Every problem of @data, in form order (empty array when valid). */
GPtrArray  *awp_meeting_check      (JsonObject  *data);
/* The first problem of @data as AWP_MEETING_ERROR_INVALID. */
gboolean    awp_meeting_validate   (JsonObject  *data,
                                    GError     **error);
/* The translated label of a field ("Title", "Work phone" …). */
const char *awp_meeting_field_label (const char *field);

/* Regions of Kazakhstan: 17 regions and 3 cities of republican
 * significance (O605-1), by code; the name in the UI language. */
typedef struct
{
  const char *code;
  const char *name_kk;
  const char *name_ru;
  const char *name_en;
} AwpRegion;

const AwpRegion *awp_meeting_regions     (guint       *n_regions);
const AwpRegion *awp_meeting_region_find (const char  *code);
const char      *awp_region_get_name     (const AwpRegion *region);

/* The meeting's day and start from "date" and "time" (UTC+5); NULL when
 * missing or malformed. */
gboolean    awp_meeting_get_date      (JsonObject  *data,
                                       GDate       *date);
GDateTime  *awp_meeting_dup_starts_at (JsonObject  *data);

typedef enum
{
  AWP_MEETING_DEADLINE_ANNOUNCE,   /* O605-8: latest day for the announcement */
  AWP_MEETING_DEADLINE_REGISTER,   /* O605-9: last day to apply to attend offline */
  AWP_MEETING_DEADLINE_RESULTS,    /* O605-14: results published by */
  AWP_MEETING_N_DEADLINES,
} AwpMeetingDeadline;

const char *awp_meeting_deadline_norm (AwpMeetingDeadline which);
/* The data key under "deadlines": "announce_by", "register_by", "results_by". */
const char *awp_meeting_deadline_key  (AwpMeetingDeadline which);

/* The three Order 605 deadlines of a meeting on @date. */
gboolean    awp_meeting_compute_deadlines (AwpRuleSet  *rules,
                                           AwpCalendar *calendar,
                                           const GDate *date,
                                           AwpDeadline  out[AWP_MEETING_N_DEADLINES],
                                           GError     **error);
/* Sets data "deadlines" and "due_on" (the next one by status). */
gboolean    awp_meeting_fill_deadlines    (AwpRuleSet  *rules,
                                           AwpCalendar *calendar,
                                           JsonObject  *data,
                                           GError     **error);

typedef enum
{
  AWP_MEETING_DEADLINE_PENDING,    /* not done, not yet due */
  AWP_MEETING_DEADLINE_DONE,       /* done on time */
  AWP_MEETING_DEADLINE_DONE_LATE,  /* done after the deadline */
  AWP_MEETING_DEADLINE_OVERDUE,    /* not done and the day has passed */
  AWP_MEETING_DEADLINE_NOT_APPLICABLE, /* e.g. registrations of an online or closed meeting */
} AwpMeetingDeadlineState;

/* Where the deadline stands on @today; @due receives its date (invalid
 * when the data has none). */
AwpMeetingDeadlineState awp_meeting_deadline_state (JsonObject         *data,
                                                    AwpMeetingDeadline  which,
                                                    const GDate        *today,
                                                    GDate              *due);
/* "Announcement by 06.03.2026 (Rules No. 605-NK, para. 8): published on
 * time", in the UI language; NULL when the data has no such deadline. */
char       *awp_meeting_describe_deadline (JsonObject         *data,
                                           AwpMeetingDeadline  which,
                                           const GDate        *today);
/* The status in words ("Planned", "Announced" …). */
const char *awp_meeting_status_label (const char *status);

/* TRUE when @published_on is after the O605-8 deadline in @data. */
gboolean    awp_meeting_announcement_is_late (JsonObject  *data,
                                              const GDate *published_on);

/* The announcement (O605-8) in "kk" or "ru", whatever the UI language:
 * body, title, date, time, place, format, language, numbered agenda,
 * the O605-9 application cutoff, the broadcast link, the responsible
 * person with work phone and e-mail. Fails for closed meetings and for
 * data that does not validate. */
char       *awp_meeting_announcement (JsonObject  *data,
                                      const char  *language,
                                      GError     **error);

/* Translated names for the UI. */
const char *awp_meeting_format_label (const char *format);

G_END_DECLS

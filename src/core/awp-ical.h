#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Open meetings (Order 605) as iCalendar (RFC 5545), for calendar programs
 * and for exchange between bodies.
 *
 * Times are written in UTC (DTSTART:…Z): Kazakhstan has a single zone,
 * UTC+5, since 1 March 2024, and UTC needs no VTIMEZONE that old clients
 * might misread. Parsed times come back in UTC+5; floating times and a TZID
 * with no VTIMEZONE in the file are read as UTC+5.
 *
 * UIDs are "<uid>@workstation.opendialog.kz" for a bare identifier (the
 * store's UUID); parsing strips that domain again. A uid that already has
 * an "@" is written as it is.
 *
 * Each meeting is one VEVENT: SUMMARY, LOCATION, URL (broadcast, O605-12),
 * CLASS:CONFIDENTIAL for closed meetings (O605-3), ORGANIZER for the
 * responsible person's e-mail, and a DESCRIPTION a person can read (agenda,
 * responsible person, phone, e-mail, format, language; O605-8). The same
 * facts travel exactly in X-AWP-* properties, which parsing reads.
 *
 * Each known deadline (O605-8 announcement, O605-9 registrations, O605-14
 * results) is an all-day VEVENT with RELATED-TO the meeting's UID and
 * X-AWP-NORM naming the norm, UID "<meeting uid>-<norm>@domain",
 * TRANSP:TRANSPARENT.
 * All-day events rather than VTODOs: every calendar program shows them on
 * the day, where VTODOs are often hidden in a separate task list. */

#define AWP_ICAL_ERROR (awp_ical_error_quark ())
GQuark awp_ical_error_quark (void);

typedef enum
{
  AWP_ICAL_ERROR_INVALID_MEETING,  /* export: a required field is missing or wrong */
  AWP_ICAL_ERROR_PARSE,            /* parse: not an iCalendar object */
  AWP_ICAL_ERROR_INVALID_EVENT,    /* parse: a VEVENT lacks UID or DTSTART, or has a bad value */
} AwpIcalError;

typedef enum
{
  AWP_ICAL_DEADLINE_ANNOUNCEMENT,  /* O605-8 */
  AWP_ICAL_DEADLINE_REGISTRATION,  /* O605-9 */
  AWP_ICAL_DEADLINE_RESULTS,       /* O605-14 */
  AWP_ICAL_N_DEADLINES,
} AwpIcalDeadline;

typedef struct
{
  char      *uid;                /* required: the meeting's UUID (see UIDs above) */
  char      *title;              /* required */
  char      *place;
  GDateTime *starts_at;          /* required */
  GDateTime *ends_at;            /* optional; not before starts_at */
  char      *format;             /* "offline", "online" or "hybrid" (O605-5) */
  char      *languages;          /* "kk", "ru" or "kk,ru" (O605-7) */
  char     **agenda;             /* planned questions, NULL-terminated; may be NULL */
  char      *responsible_name;
  char      *responsible_phone;
  char      *responsible_email;
  char      *broadcast_url;      /* O605-12 */
  gboolean   closed;             /* O605-3/4 */
  GDate      deadlines[AWP_ICAL_N_DEADLINES];  /* invalid when not known */
} AwpIcalMeeting;

/* All fields empty, deadlines invalid. */
AwpIcalMeeting *awp_ical_meeting_new  (void);
void            awp_ical_meeting_free (AwpIcalMeeting *meeting);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpIcalMeeting, awp_ical_meeting_free)

/* The norm id of a deadline, "O605-8" etc. */
const char *awp_ical_deadline_norm (AwpIcalDeadline deadline);

/* A VCALENDAR with every meeting of @meetings (AwpIcalMeeting) and their
 * deadlines; CRLF line ends, lines folded at 75 octets. */
char      *awp_ical_export (GPtrArray   *meetings,
                            GError     **error);
/* The meetings of @text (with deadlines reattached by RELATED-TO), as a
 * GPtrArray of AwpIcalMeeting that frees them. */
GPtrArray *awp_ical_parse  (const char  *text,
                            GError     **error);

G_END_DECLS

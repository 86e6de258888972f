#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One thing shown on a day of the meeting calendar: an open meeting or one
 * of its Order 605 deadlines. The nicks are the machine names. */
typedef enum
{
  AWP_CALENDAR_ENTRY_MEETING,                 /* "meeting" */
  AWP_CALENDAR_ENTRY_DEADLINE_ANNOUNCEMENT,   /* "deadline-announcement", O605-8 */
  AWP_CALENDAR_ENTRY_DEADLINE_REGISTRATION,   /* "deadline-registration", O605-9 */
  AWP_CALENDAR_ENTRY_DEADLINE_RESULTS,        /* "deadline-results", O605-14 */
} AwpCalendarEntryKind;

#define AWP_TYPE_CALENDAR_ENTRY_KIND (awp_calendar_entry_kind_get_type ())
GType awp_calendar_entry_kind_get_type (void);

#define AWP_TYPE_CALENDAR_ENTRY (awp_calendar_entry_get_type ())
G_DECLARE_FINAL_TYPE (AwpCalendarEntry, awp_calendar_entry, AWP, CALENDAR_ENTRY, GObject)

AwpCalendarEntry     *awp_calendar_entry_new            (const char           *title,
                                                         GDateTime            *starts_at,
                                                         AwpCalendarEntryKind  kind);
const char           *awp_calendar_entry_get_title      (AwpCalendarEntry     *self);
GDateTime            *awp_calendar_entry_get_starts_at  (AwpCalendarEntry     *self);
AwpCalendarEntryKind  awp_calendar_entry_get_kind       (AwpCalendarEntry     *self);
/* "meeting", "deadline-announcement", … */
const char           *awp_calendar_entry_kind_to_string (AwpCalendarEntryKind  kind);
/* The kind from its machine name; FALSE for an unknown one. */
gboolean              awp_calendar_entry_kind_from_string (const char           *text,
                                                           AwpCalendarEntryKind *kind);
/* The shape that marks the kind without colour: ● ◆ ▲ ■. */
const char           *awp_calendar_entry_kind_shape     (AwpCalendarEntryKind  kind);
/* What the calendar shows and reads out: "10:00 Title" for a meeting; for a
 * deadline a shape and its norm before the title ("◆ O605-8 Title"), so the
 * kinds differ without colour. */
char                 *awp_calendar_entry_dup_label      (AwpCalendarEntry     *self);

G_END_DECLS

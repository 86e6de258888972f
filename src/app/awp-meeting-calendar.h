#pragma once

#include <gtk/gtk.h>

#include "awp-calendar.h"
#include "awp-calendar-entry.h"

G_BEGIN_DECLS

/* A month or week of open meetings and their Order 605 deadlines, drawn
 * directly (no widget per day). Keys: arrows move the selected day,
 * Page Up/Down a month (a week in the week view), Home goes to today,
 * Enter emits ::day-activated. Weeks start on Monday. */

typedef enum
{
  AWP_MEETING_CALENDAR_MONTH,
  AWP_MEETING_CALENDAR_WEEK,
} AwpMeetingCalendarView;

#define AWP_TYPE_MEETING_CALENDAR_VIEW (awp_meeting_calendar_view_get_type ())
GType awp_meeting_calendar_view_get_type (void);

#define AWP_TYPE_MEETING_CALENDAR (awp_meeting_calendar_get_type ())
G_DECLARE_FINAL_TYPE (AwpMeetingCalendar, awp_meeting_calendar, AWP, MEETING_CALENDAR, GtkWidget)

GtkWidget              *awp_meeting_calendar_new               (void);

/* A GListModel of AwpCalendarEntry; may be NULL. */
void                    awp_meeting_calendar_set_model         (AwpMeetingCalendar     *self,
                                                                GListModel             *model);
GListModel             *awp_meeting_calendar_get_model         (AwpMeetingCalendar     *self);
void                    awp_meeting_calendar_set_view          (AwpMeetingCalendar     *self,
                                                                AwpMeetingCalendarView  view);
AwpMeetingCalendarView  awp_meeting_calendar_get_view          (AwpMeetingCalendar     *self);
/* Dates are days: the time of day is ignored; returned values are local midnight. */
void                    awp_meeting_calendar_set_selected_date (AwpMeetingCalendar     *self,
                                                                GDateTime              *date);
GDateTime              *awp_meeting_calendar_get_selected_date (AwpMeetingCalendar     *self);
/* The day marked as today (the current date unless set, for tests and kiosks). */
void                    awp_meeting_calendar_set_today         (AwpMeetingCalendar     *self,
                                                                GDateTime              *today);
GDateTime              *awp_meeting_calendar_get_today         (AwpMeetingCalendar     *self);
/* Shades days off and names holidays; may be NULL (then Saturday and Sunday). */
void                    awp_meeting_calendar_set_working_calendar (AwpMeetingCalendar  *self,
                                                                   AwpCalendar         *calendar);

/* The entries on @date's day (local time), by start time; free with
 * g_ptr_array_unref. The drawing uses the same list. */
GPtrArray              *awp_meeting_calendar_get_entries_for_date (AwpMeetingCalendar  *self,
                                                                   GDateTime           *date);
/* What a screen reader says for the selected day (also the accessible name). */
char                   *awp_meeting_calendar_dup_selected_text (AwpMeetingCalendar     *self);

G_END_DECLS

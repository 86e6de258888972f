#pragma once

#include "awp-meeting-calendar.h"

G_BEGIN_DECLS

/* Shared by awp-meeting-calendar.c (state, keys, properties) and
 * awp-meeting-calendar-draw.c (the snapshot). */

/* Geometry, in pixels. */
#define PAD            12.f
#define TITLE_H        40.f
#define WEEKDAY_H      26.f
#define WEEK_HEADER_H  58.f
#define DAY_NUMBER_H   28.f
#define PILL_H         20.f
#define PILL_GAP        2.f
#define COMPACT_W     110.f  /* narrower cells show shapes, not titles */
#define MIN_YEAR     1900
#define MAX_YEAR     2199

struct _AwpMeetingCalendar
{
  GtkWidget               parent_instance;

  /* Owned */
  GListModel             *model;
  AwpCalendar            *working_calendar;
  GHashTable             *by_day;     /* julian day → GPtrArray of AwpCalendarEntry; NULL when stale */

  AwpMeetingCalendarView  view;
  GDate                   selected;
  GDate                   today;
  gboolean                today_set;  /* else follows the clock */
  guint                   a11y_idle;  /* coalesces description updates while a model fills */
};

typedef struct
{
  float x, y;        /* top-left of the grid of days */
  float cell_w, cell_h;
  int   rows;
  GDate first;       /* the day of the top-left cell */
} AwpMeetingCalendarLayout;

/* Today: the set day, or the clock's. */
const GDate *awp_meeting_calendar_today_date    (AwpMeetingCalendar *self);
/* The entries of @date by start time, borrowed; NULL when none. */
GPtrArray   *awp_meeting_calendar_entries_on    (AwpMeetingCalendar *self,
                                                 const GDate        *date);
gboolean     awp_meeting_calendar_is_day_off    (AwpMeetingCalendar *self,
                                                 const GDate        *date);
/* The holiday's name on @date, or NULL. */
const char  *awp_meeting_calendar_holiday_name  (AwpMeetingCalendar *self,
                                                 const GDate        *date);
/* Where the days go in a widget of @width × @height. */
void         awp_meeting_calendar_compute_layout (AwpMeetingCalendar *self,
                                                  float               width,
                                                  float               height,
                                                  AwpMeetingCalendarLayout *layout);
/* GtkWidget::snapshot. */
void         awp_meeting_calendar_draw          (GtkWidget          *widget,
                                                 GtkSnapshot        *snapshot);

G_END_DECLS

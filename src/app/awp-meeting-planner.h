#pragma once

#include <gtk/gtk.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* The agenda of open meetings beside the calendar: each meeting by date
 * with its status and Order 605 deadlines; New Meeting, Emergency, and a
 * detail window per meeting. Works on the AwpStore it is given ("store"),
 * and publishes "entries" (a GListModel of AwpCalendarEntry: meetings and
 * their deadlines) for the calendar. */

#define AWP_TYPE_MEETING_PLANNER (awp_meeting_planner_get_type ())
G_DECLARE_FINAL_TYPE (AwpMeetingPlanner, awp_meeting_planner, AWP, MEETING_PLANNER, GtkWidget)

void        awp_meeting_planner_set_store   (AwpMeetingPlanner *self,
                                             AwpStore          *store);
AwpStore   *awp_meeting_planner_get_store   (AwpMeetingPlanner *self);
/* The organization new meetings belong to; may be NULL. */
void        awp_meeting_planner_set_org_id  (AwpMeetingPlanner *self,
                                             const char        *org_id);
GListModel *awp_meeting_planner_get_entries (AwpMeetingPlanner *self);
/* Selects the first meeting on or after @date's day. */
void        awp_meeting_planner_select_date (AwpMeetingPlanner *self,
                                             GDateTime         *date);
/* Re-reads the store (also done on its ::record-changed). */
void        awp_meeting_planner_reload      (AwpMeetingPlanner *self);
/* The meeting ids in agenda order (tests, keyboard). */
char      **awp_meeting_planner_list_ids    (AwpMeetingPlanner *self);
/* Opens the detail window of @meeting_id; returns it (borrowed). */
GtkWindow  *awp_meeting_planner_open        (AwpMeetingPlanner *self,
                                             const char        *meeting_id);

G_END_DECLS

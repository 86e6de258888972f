#pragma once

#include <adwaita.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* One open meeting (Order 605): its facts and deadlines, the announcement
 * in Kazakh and Russian (copy, print, mark published), registrations with
 * seats and the waiting list (add, import CSV, print the list), broadcast
 * comments with answers, and results. Follows the store's changes. */

#define AWP_TYPE_MEETING_DETAIL (awp_meeting_detail_get_type ())
G_DECLARE_FINAL_TYPE (AwpMeetingDetail, awp_meeting_detail, AWP, MEETING_DETAIL, AdwWindow)

AwpMeetingDetail *awp_meeting_detail_new          (GtkWindow        *parent,
                                                   AwpStore         *store,
                                                   const char       *meeting_id,
                                                   const char       *org_id);
/* Shows a page: "overview", "announcement", "registrations", "comments", "results". */
void              awp_meeting_detail_set_page     (AwpMeetingDetail *self,
                                                   const char       *page);
/* The announcement text shown now (kk or ru as toggled). */
char             *awp_meeting_detail_dup_announcement (AwpMeetingDetail *self);
/* The last message shown in a toast (tests). */
const char       *awp_meeting_detail_get_last_message (AwpMeetingDetail *self);

G_END_DECLS

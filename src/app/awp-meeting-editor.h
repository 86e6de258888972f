#pragma once

#include <adwaita.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* The form for one open meeting (Order 605): every field checked as it is
 * typed by awp_meeting_check(), each problem shown on its row and listed
 * under the form with the field's name; Save is enabled only when there
 * are none. Emits ::saved (id) after the store has the meeting. */

#define AWP_TYPE_MEETING_EDITOR (awp_meeting_editor_get_type ())
G_DECLARE_FINAL_TYPE (AwpMeetingEditor, awp_meeting_editor, AWP, MEETING_EDITOR, AdwWindow)

/* @meeting_id NULL: a new meeting on @date (may be NULL) for @org_id. */
AwpMeetingEditor *awp_meeting_editor_new          (GtkWindow   *parent,
                                                   AwpStore    *store,
                                                   const char  *meeting_id,
                                                   const char  *org_id,
                                                   GDateTime   *date);
/* The form as meeting data (a new object). */
JsonObject       *awp_meeting_editor_dup_data     (AwpMeetingEditor *self);
/* The row or widget of @field ("title", "responsible.phone", …), for tests
 * and for moving the focus to a problem. */
GtkWidget        *awp_meeting_editor_get_field_widget (AwpMeetingEditor *self,
                                                       const char       *field);
/* The problems listed under the form, one per line ("" when none). */
const char       *awp_meeting_editor_get_issues_text  (AwpMeetingEditor *self);

G_END_DECLS

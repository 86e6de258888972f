#pragma once

#include <adwaita.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* O605-6: declares an emergency for a region (or the whole country) and a
 * period; the affected offline and hybrid meetings switch to online, and
 * the registrants to notify are listed (with Copy). */

#define AWP_TYPE_MEETING_EMERGENCY_DIALOG (awp_meeting_emergency_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AwpMeetingEmergencyDialog, awp_meeting_emergency_dialog, AWP, MEETING_EMERGENCY_DIALOG, AdwWindow)

AwpMeetingEmergencyDialog *awp_meeting_emergency_dialog_new (GtkWindow *parent,
                                                             AwpStore  *store);
/* The result text after the switch: meetings switched, people to notify. */
char *awp_meeting_emergency_dialog_dup_result (AwpMeetingEmergencyDialog *self);

G_END_DECLS

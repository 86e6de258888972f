#pragma once

#include <adwaita.h>

#include "awp-application.h"
#include "awp-meeting-planner.h"
#include "awp-operator-page.h"
#include "awp-templates-page.h"
#include "awp-requests-page.h"
#include "awp-store.h"
#include "awp-today-page.h"

G_BEGIN_DECLS

#define AWP_TYPE_WINDOW (awp_window_get_type ())

G_DECLARE_FINAL_TYPE (AwpWindow, awp_window, AWP, WINDOW, AdwApplicationWindow)

AwpWindow   *awp_window_new             (AwpApplication *application);
char       **awp_window_list_workspaces (AwpWindow      *self);
const char  *awp_window_get_workspace   (AwpWindow      *self);
gboolean     awp_window_set_workspace   (AwpWindow      *self,
                                         const char     *name);
AwpMeetingPlanner *awp_window_get_meeting_planner (AwpWindow *self);
AwpTemplatesPage  *awp_window_get_conferences_page (AwpWindow *self);

AwpRequestsPage *awp_window_get_requests_page (AwpWindow *self);
AwpTodayPage    *awp_window_get_today_page    (AwpWindow *self);
AwpRequestsPage *awp_window_get_applications_page (AwpWindow *self);
/* Shows the workspaces over @store (the application does it on start). */
void             awp_window_set_store         (AwpWindow *self,
                                               AwpStore  *store);
/* The signed-in user's role: "operator" adds the Operator review
 * workspace; @actor signs its actions in the audit log. */
void             awp_window_set_role          (AwpWindow  *self,
                                               const char *role,
                                               const char *actor);
AwpOperatorPage *awp_window_get_operator_page (AwpWindow *self);
/* Who signs what is done in @window or a window transient for it (a
 * meeting's window, its dialogs): the signed-in user of the AwpWindow at
 * the end of the chain, else the computer's account. */
const char      *awp_window_actor_for         (GtkWindow *window);

G_END_DECLS

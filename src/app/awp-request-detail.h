#pragma once

#include <gtk/gtk.h>

#include "awp-calendar.h"
#include "awp-deadline.h"
#include "awp-store.h"

G_BEGIN_DECLS

#define AWP_TYPE_REQUEST_DETAIL (awp_request_detail_get_type ())
G_DECLARE_FINAL_TYPE (AwpRequestDetail, awp_request_detail, AWP, REQUEST_DETAIL, GtkWidget)

/* The blog request actions, in the order the detail pane shows them. */
extern const char *const awp_request_actions[];

void        awp_request_detail_set_context    (AwpRequestDetail *self,
                                               AwpStore         *store,
                                               AwpCalendar      *calendar,
                                               AwpRuleSet       *rules);
/* "blog_request" (default) or "conference_application": which actions,
 * deadlines and wording apply. */
void        awp_request_detail_set_entity_type (AwpRequestDetail *self,
                                                const char       *type);
/* Shows the request @id (NULL: none) and follows its changes in the store. */
void        awp_request_detail_set_request_id (AwpRequestDetail *self,
                                               const char       *id);
const char *awp_request_detail_get_request_id (AwpRequestDetail *self);
/* The shown request's status, or NULL. */
const char *awp_request_detail_get_status     (AwpRequestDetail *self);
/* Whether @action is allowed now; if not, @why (may be NULL) says why. */
gboolean    awp_request_detail_can            (AwpRequestDetail *self,
                                               const char       *action,
                                               char            **why);

G_END_DECLS

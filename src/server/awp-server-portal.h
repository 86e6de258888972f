#pragma once

#include "awp-server-private.h"

G_BEGIN_DECLS

/* Citizens through the portal (no account): each submission becomes a
 * record of the addressed organization, through the same validation and
 * write path as a pushed mutation. */
void awp_server_portal_request     (AwpServerRequest *req);
void awp_server_portal_application (AwpServerRequest *req);
void awp_server_portal_rating      (AwpServerRequest *req);
void awp_server_portal_registration (AwpServerRequest *req);
void awp_server_portal_comment     (AwpServerRequest *req);
/* O145-9.2, O145-11: a question to a conference open today, one response
 * to a running survey (awp-server-live.h). */
void awp_server_portal_question    (AwpServerRequest *req);
void awp_server_portal_survey_response (AwpServerRequest *req);

/* Operator: the template review queue (O145-7). */
void awp_server_operator_templates (AwpServerRequest *req);
void awp_server_operator_decide    (AwpServerRequest *req);
/* Authorized body: access applications (O145-12). */
void awp_server_accreditation_list   (AwpServerRequest *req);
void awp_server_accreditation_decide (AwpServerRequest *req);

/* Reference data. */
void awp_server_ref_organizations (AwpServerRequest *req);
void awp_server_ref_users         (AwpServerRequest *req);
void awp_server_ref_calendar      (AwpServerRequest *req);
void awp_server_ref_rule_sets     (AwpServerRequest *req);

/* The due date of @norm for an event on @date as YYYY-MM-DD, or NULL. */
/* Today in Kazakhstan (Asia/Almaty, UTC+5): the server's date for every
 * statutory clock it starts. */
void  awp_server_today    (GDate *date);

char *awp_server_due_date (AwpServer  *server,
                           const char *norm,
                           const GDate *date);

G_END_DECLS

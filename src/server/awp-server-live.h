#pragma once

#include "awp-server-private.h"

G_BEGIN_DECLS

/* Conferences and surveys while they run: the citizens' questions
 * (O145-9.2) and the survey counts the server keeps (O145-11). */

/* The user the portal's submissions are made as (awp-server-portal.c). */
#define AWP_SERVER_PORTAL_USER "portal"

/* A survey's results are the server's: drops them from @m unless the
 * portal makes it, so a body's stale copy neither overwrites nor clashes
 * with the counts. Called before the mutation is merged. */
void        awp_server_live_strip_owned  (const AwpServerUser *user,
                                          AwpMutation         *m);
/* NULL when @m may apply; else the rejection code, with @message and
 * field errors in @errors: a question is the citizen's (only answer,
 * answered_on, answered_by are the body's) and a conference closes only
 * with every question answered (O145-9.2). @before / @after are the data
 * before and after (NULL: none / a delete). */
const char *awp_server_live_guard        (AwpServer           *server,
                                          const AwpServerUser *user,
                                          AwpMutation         *m,
                                          JsonObject          *before,
                                          JsonObject          *after,
                                          const char         **message,
                                          GPtrArray           *errors);
/* The questions of conference @id without an answer. */
gint64      awp_server_live_unanswered   (AwpServer           *server,
                                          const char          *conference_id);

/* One respondent's @answers ([[option, …] per question]) checked against
 * the survey's questions (single choice: one option; multiple: one or more,
 * each once). Returns the chosen options per question (GArray of guint), or
 * NULL with errors naming "answers" or "answers[1]". */
GPtrArray  *awp_server_live_check_answers (JsonObject          *survey,
                                           JsonNode            *answers,
                                           GPtrArray           *errors);
/* Adds one response to the survey's results ({respondents, counts}) in
 * one transaction and a new version of the record, so bodies pull the
 * counts. A retry with the same @key (may be NULL) counts once. Returns
 * the reply {"survey_id", "respondents"}. */
char       *awp_server_live_add_response  (AwpServer           *server,
                                           const char          *survey_id,
                                           GPtrArray           *choices,
                                           const char          *key,
                                           GError             **error);

G_END_DECLS

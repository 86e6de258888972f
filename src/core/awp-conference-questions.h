#pragma once

#include "awp-store.h"

G_BEGIN_DECLS

/* Questions citizens send during an Internet conference: records of type
 * "conference_question" under the conference (parent_id), with
 *   text, author, received_on, answer, answered_on.
 * O145-9.2: every one is answered before the conference closes. */

#define AWP_CONFERENCE_ANSWER_MAX 20000

/* A question as the portal delivers it, for tests and local demos: on a
 * synced store questions come by pull from the portal
 * (POST /api/v1/portal/conference-questions), and the server refuses a
 * question a body creates itself. */
char      *awp_conference_question_receive (AwpStore    *store,
                                            const char  *conference_id,
                                            const char  *text,
                                            const char  *author,
                                            const char  *actor,
                                            GError     **error);
/* The conference's questions, oldest first, as awp_store_get_record
 * returns them (JsonObject, free with json_object_unref). */
GPtrArray *awp_conference_questions_list   (AwpStore    *store,
                                            const char  *conference_id,
                                            GError     **error);
/* How many have no answer yet; -1 on error. */
gint64     awp_conference_questions_unanswered (AwpStore    *store,
                                                const char  *conference_id,
                                                GError     **error);
/* Answers question @question_id (the answer named "Answer" when empty or
 * too long); the conference must be published. */
gboolean   awp_conference_question_answer  (AwpStore    *store,
                                            const char  *question_id,
                                            const char  *answer,
                                            const char  *actor,
                                            GError     **error);
/* O145-9.2: closes the published conference, refused (AWP_STORE_ERROR_
 * TRANSITION, the count in the message) while a question is unanswered. */
gboolean   awp_conference_close            (AwpStore    *store,
                                            const char  *conference_id,
                                            const char  *actor,
                                            GError     **error);

G_END_DECLS

#pragma once

#include "awp-template-check.h"

G_BEGIN_DECLS

/* The survey template of Rules No. 145, Annex 2 (O145-A2), kept as the
 * "data" of a store record of type "survey":
 *   number, category                 the survey's number and category
 *   title_kk/ru/en                   kk and ru required, en optional
 *   launch_on, close_on              YYYY-MM-DD
 *   questions   [ { title_kk/ru/en, choice: "single" | "multiple",
 *                   options: [ { title_kk/ru/en } ] } ]
 *   subject, submitted_on            as for conferences
 * The annex shows three questions of three options as an example, not a
 * limit. Its life cycle: awp-state-machine.c ("survey"). */

#define AWP_SURVEY_NUMBER_MAX    50
#define AWP_SURVEY_CATEGORY_MAX  200
#define AWP_SURVEY_TITLE_MAX     500
#define AWP_SURVEY_QUESTION_MAX  1000
#define AWP_SURVEY_OPTION_MAX    500
#define AWP_SURVEY_MAX_QUESTIONS 200
#define AWP_SURVEY_MAX_OPTIONS   50

/* Every problem of every field, as AwpFieldError; question fields are named
 * "questions[0].title_kk", "questions[0].options[1].title_ru". */
GPtrArray *awp_survey_template_validate    (JsonObject               *data,
                                            const AwpTemplateContext *ctx);
/* As AwpRuleCheck: O145-7 (3 wd before the launch), the closing not before
 * the launch and at least one question with two options (O145-A2),
 * O145-11 (at least 10 wd). */
GPtrArray *awp_survey_template_check_rules (JsonObject               *data,
                                            const AwpTemplateContext *ctx);
/* O145-8.2: the notice within 1 wd of the launch, then a re-announcement at
 * least every two weeks while a survey longer than a month runs. */
GPtrArray *awp_survey_template_notices     (JsonObject               *data,
                                            const AwpTemplateContext *ctx);
/* O145-7: sends it to the Operator when every field and rule is right. */
gboolean   awp_survey_template_submit      (AwpStore                 *store,
                                            const char               *id,
                                            const GDate              *today,
                                            const char               *actor,
                                            GError                  **error);

/* Question editing on a data object (the editor's working copy): each
 * returns FALSE when an index is out of range or a limit is reached. */
JsonArray *awp_survey_template_get_questions (JsonObject *data);
guint      awp_survey_template_add_question  (JsonObject *data);
gboolean   awp_survey_template_remove_question (JsonObject *data,
                                                guint       question);
gboolean   awp_survey_template_move_question (JsonObject *data,
                                              guint       question,
                                              guint       to);
gboolean   awp_survey_template_add_option    (JsonObject *data,
                                              guint       question);
gboolean   awp_survey_template_remove_option (JsonObject *data,
                                              guint       question,
                                              guint       option);
gboolean   awp_survey_template_move_option   (JsonObject *data,
                                              guint       question,
                                              guint       option,
                                              guint       to);

G_END_DECLS

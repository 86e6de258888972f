#pragma once

#include "awp-template-check.h"

G_BEGIN_DECLS

/* The Internet conference template of Rules No. 145, Annex 1 (O145-A1), kept
 * as the "data" of a store record of type "conference":
 *   opens_on, closes_on                         YYYY-MM-DD
 *   title_kk/ru/en, brief_kk/ru/en,
 *   description_kk/ru/en                        kk and ru required, en optional
 *   moderator_surname, moderator_name,
 *   moderator_patronymic (optional), moderator_iin, moderator_position,
 *   moderator_email, moderator_phone            the responsible officer
 *   public_discussion                           O118-7: a public discussion of
 *                                               the body's work (boolean)
 *   subject                                     title_ru, for the queues
 *   submitted_on                                the day it went to the Operator
 * Its life cycle: awp-state-machine.c ("conference"). */

#define AWP_CONFERENCE_TITLE_MAX       500
#define AWP_CONFERENCE_BRIEF_MAX       1000
#define AWP_CONFERENCE_DESCRIPTION_MAX 20000
#define AWP_CONFERENCE_PERSON_MAX      100
#define AWP_CONFERENCE_POSITION_MAX    300

/* Every problem of every field, as AwpFieldError (field = JSON member). */
GPtrArray *awp_conference_template_validate    (JsonObject               *data,
                                                const AwpTemplateContext *ctx);
/* The statutory checks, as AwpRuleCheck: O145-7 (3 wd before the opening),
 * the closing not before the opening (O145-A1), O145-9.1 (at least 1 wd). */
GPtrArray *awp_conference_template_check_rules (JsonObject               *data,
                                                const AwpTemplateContext *ctx);
/* O145-8.1: the notice, at least 1 wd before the opening (AwpNotice items;
 * empty while the opening date is missing). */
GPtrArray *awp_conference_template_notices     (JsonObject               *data,
                                                const AwpTemplateContext *ctx);

/* O145-7: sends it to the Operator when every field and rule is right. */
gboolean   awp_conference_template_submit      (AwpStore                 *store,
                                                const char               *id,
                                                const GDate              *today,
                                                const char               *actor,
                                                GError                  **error);

G_END_DECLS

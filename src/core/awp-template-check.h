#pragma once

#include <json-glib/json-glib.h>

#include "awp-deadline.h"
#include "awp-protocol.h"
#include "awp-store.h"

G_BEGIN_DECLS

/* What the conference (Annex 1) and survey (Annex 2) templates share: field
 * checks that name the field, the statutory date rules as live checks with
 * their explanation, and the notice schedule (O145-7 to O145-11). */

typedef enum
{
  AWP_CHECK_PASSED,
  AWP_CHECK_FAILED,
  AWP_CHECK_PENDING,   /* the dates it needs are not filled in yet */
} AwpCheckStatus;

typedef struct
{
  const char     *id;           /* "submission", "order", "duration", "questions" */
  const char     *norm;         /* "O145-7" */
  AwpCheckStatus  status;
  char           *title;        /* what the rule asks, translated */
  char           *explanation;  /* where this template stands, with dates */
} AwpRuleCheck;

void awp_rule_check_free (AwpRuleCheck *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpRuleCheck, awp_rule_check_free)

typedef struct
{
  const char *norm;       /* "O145-8.1", "O145-8.2" */
  GDate       earliest;   /* not before (may be invalid: no lower bound) */
  GDate       latest;     /* posted by this day at the latest */
  char       *title;      /* translated */
  char       *key;        /* "O145-8.2#1": the schedule's n-th notice */
  GDate       posted_on;  /* invalid until it is marked as posted */
  char       *link;      /* where it was posted, or NULL */
  gboolean    late;       /* posted after @latest (or before @earliest) */
} AwpNotice;

void awp_notice_free (AwpNotice *notice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpNotice, awp_notice_free)

/* Fills key, posted_on, link and late of each notice from the data's
 * "notices" list ({ key, posted_on, link }); for the schedule functions. */
void awp_template_notices_apply_posted (JsonObject *data,
                                        GPtrArray  *notices);

/* Everything the checks need: the working-day calendar, the rules, and the
 * day the template reaches the Operator (today while it is a draft). */
typedef struct
{
  AwpCalendar *calendar;
  AwpRuleSet  *rules;
  GDate        today;
} AwpTemplateContext;

/* Which languages a trilingual field has: kk and ru required, en optional. */
extern const char *const awp_template_languages[];  /* "kk", "ru", "en", NULL */

/* Appends an AwpFieldError for @field to @issues when @error is set;
 * returns FALSE then. Code from the validator's error code. */
gboolean awp_template_add_issue      (GPtrArray    *issues,
                                      const char   *field,
                                      GError       *error);
/* @base_kk, @base_ru, @base_en: kk and ru required and free of Latin
 * look-alikes, en optional; @label is "Name" and becomes "Name in Kazakh". */
void     awp_template_check_trilingual (JsonObject *data,
                                        const char *field_prefix,
                                        const char *issue_prefix,
                                        const char *label,
                                        guint       max_chars,
                                        GPtrArray  *issues);
/* A required YYYY-MM-DD member into @out; FALSE (with an issue) otherwise. */
gboolean awp_template_check_date     (JsonObject   *data,
                                      const char   *field,
                                      const char   *label,
                                      GDate        *out,
                                      GPtrArray    *issues);

/* A YYYY-MM-DD member into @out, silently: FALSE when absent or wrong. */
gboolean awp_template_get_date       (JsonObject   *data,
                                      const char   *field,
                                      GDate        *out);
/* The ISO text of @date, newly allocated. */
char    *awp_template_iso_date       (const GDate  *date);

/* O145-7: the template reaches the Operator on ctx->today, at least three
 * working days before @start. */
AwpRuleCheck *awp_template_check_submission (const AwpTemplateContext *ctx,
                                             const GDate              *start,
                                             const char               *start_label);
/* "Lasts at least N working days" (O145-9.1, O145-11) from @first to @last. */
AwpRuleCheck *awp_template_check_lasts      (const AwpTemplateContext *ctx,
                                             const char               *norm,
                                             const GDate              *first,
                                             const GDate              *last);
/* The closing date is not before the opening date (Annex 1 / 2 dates). */
AwpRuleCheck *awp_template_check_order      (const char               *norm,
                                             const GDate              *first,
                                             const GDate              *last,
                                             const char               *first_label,
                                             const char               *last_label);

/* TRUE when no check in @checks (of AwpRuleCheck) failed or is pending;
 * otherwise FALSE with AWP_STORE_ERROR_INVALID quoting the first one. */
gboolean awp_template_checks_pass    (GPtrArray    *checks,
                                      GError      **error);
/* TRUE when @issues (of AwpFieldError) is empty; otherwise FALSE with
 * AWP_STORE_ERROR_INVALID carrying the first message. */
gboolean awp_template_issues_pass    (GPtrArray    *issues,
                                      GError      **error);

/* The store's calendar and rules (borrowed) and @today (NULL: the current
 * date) as the day the template reaches the Operator. */
gboolean awp_template_context_init   (AwpTemplateContext  *ctx,
                                      AwpStore            *store,
                                      const GDate         *today,
                                      GError             **error);
/* The day the checks count from: "submitted_on" once the template went to
 * the Operator, otherwise ctx->today. */
void     awp_template_submission_day (JsonObject               *data,
                                      const AwpTemplateContext *ctx,
                                      GDate                    *out);

/* Runs @action on the template @id when @issues and @checks are clear,
 * with @fields merged (e.g. "submitted_on"). Nothing changes otherwise. */
gboolean awp_template_transition_checked (AwpStore     *store,
                                          const char   *id,
                                          const char   *action,
                                          GPtrArray    *issues,
                                          GPtrArray    *checks,
                                          JsonObject   *fields,
                                          const char   *actor,
                                          GError      **error);

/* The checks of one kind of template: field issues or rule checks of @data. */
typedef GPtrArray *(*AwpTemplateCheckFunc) (JsonObject               *data,
                                            const AwpTemplateContext *ctx);

/* Submits the @type ("conference" or "survey") template @id to the Operator
 * (O145-7): checked with @validate and @check_rules as on the day it is sent,
 * which becomes its "submitted_on". Nothing changes when a check fails. */
gboolean awp_template_submit         (AwpStore             *store,
                                      const char           *id,
                                      const char           *type,
                                      AwpTemplateCheckFunc  validate,
                                      AwpTemplateCheckFunc  check_rules,
                                      const GDate          *today,
                                      const char           *actor,
                                      GError              **error);

/* The template's name in the user's language (awp_i18n_pick of title_*),
 * else its list subject; "" when it has neither. */
const char *awp_template_display_title (JsonObject *data);
/* Drafts and returned templates are edited; others wait for the Operator. */
gboolean awp_template_is_editable    (JsonObject   *data);
/* Creates a "conference" or "survey" draft from a copy of @data (may be NULL). */
char    *awp_template_create         (AwpStore     *store,
                                      const char   *type,
                                      JsonObject   *data,
                                      const char   *actor,
                                      GError      **error);
/* Saves @changes to the template @id of @type while it is editable; keeps
 * "subject" (the queues' column) in step with title_ru. */
gboolean awp_template_save           (AwpStore     *store,
                                      const char   *type,
                                      const char   *id,
                                      JsonObject   *changes,
                                      const char   *actor,
                                      GError      **error);

G_END_DECLS

#pragma once

#include <glib-object.h>

#include "awp-calendar.h"

G_BEGIN_DECLS

/* Statutory deadlines as versioned data (data/rules/ *.json files): each rule set
 * (one order) has versions with effective dates, and the version in force on
 * the event date decides. */

#define AWP_DEADLINE_ERROR (awp_deadline_error_quark ())
GQuark awp_deadline_error_quark (void);

typedef enum
{
  AWP_DEADLINE_ERROR_PARSE,         /* rule file not JSON */
  AWP_DEADLINE_ERROR_INVALID,       /* rule file field missing or wrong */
  AWP_DEADLINE_ERROR_UNKNOWN_NORM,  /* no rule set knows the norm id */
  AWP_DEADLINE_ERROR_NOT_IN_FORCE,  /* the norm exists, but not on that date */
  AWP_DEADLINE_ERROR_OUT_OF_RANGE,  /* the result leaves the calendar's years */
  AWP_DEADLINE_ERROR_NOT_ALLOWED,   /* e.g. a second extension, or one too long */
} AwpDeadlineError;

typedef enum
{
  AWP_RULE_WITHIN,     /* "within N of E": due N days after E (E not counted) */
  AWP_RULE_BEFORE,     /* "at least N before D": latest allowed day */
  AWP_RULE_LASTS,      /* "lasts at least N": earliest allowed last day, first day counted */
  AWP_RULE_BY_DATE,    /* "by DD.MM of the following year" */
  AWP_RULE_EXTENSION,  /* "extended once by at most N": latest extended due date */
} AwpRuleKind;

typedef enum
{
  AWP_RULE_WORKING_DAYS,
  AWP_RULE_CALENDAR_DAYS,
} AwpRuleUnit;

typedef struct _AwpRule AwpRule;

/* Read-only accessors; the rule belongs to its rule set. */
const char  *awp_rule_get_norm         (const AwpRule *rule);
AwpRuleKind  awp_rule_get_kind         (const AwpRule *rule);
AwpRuleUnit  awp_rule_get_unit         (const AwpRule *rule);
int          awp_rule_get_length       (const AwpRule *rule);
/* The description in the UI language (kk/ru/en from the data). */
const char  *awp_rule_get_description  (const AwpRule *rule);
/* What starts the clock, a machine id such as "receipt" or "meeting". */
const char  *awp_rule_get_starts       (const AwpRule *rule);
/* The rule set (order) and version this rule comes from, and since when it applies. */
const char  *awp_rule_get_rule_set     (const AwpRule *rule);
/* The rule set's name for people, in the UI language ("Rules No. 145"). */
const char  *awp_rule_get_rule_set_title (const AwpRule *rule);
gint64       awp_rule_get_version      (const AwpRule *rule);
const GDate *awp_rule_get_effective_from (const AwpRule *rule);

typedef struct
{
  GDate          date;        /* due date, latest allowed day or earliest last day */
  GDate          event;       /* the date the computation started from */
  const AwpRule *rule;        /* borrowed from the rule set */
  gboolean       provisional; /* a year between event and date is provisional */
} AwpDeadline;

#define AWP_TYPE_RULE_SET (awp_rule_set_get_type ())
G_DECLARE_FINAL_TYPE (AwpRuleSet, awp_rule_set, AWP, RULE_SET, GObject)

/* Every rule file in data/rules. */
AwpRuleSet    *awp_rule_set_new_default (GError     **error);
/* An empty rule set, to fill with awp_rule_set_load. */
AwpRuleSet    *awp_rule_set_new         (void);
/* Adds one rule-set version from JSON bytes. */
gboolean       awp_rule_set_load        (AwpRuleSet  *self,
                                         GBytes      *json,
                                         GError     **error);
/* The rule @norm_id in force on @date, or NULL with an error. */
const AwpRule *awp_rule_set_lookup      (AwpRuleSet  *self,
                                         const char  *norm_id,
                                         const GDate *date,
                                         GError     **error);
/* Every norm id known, sorted; free with g_strfreev. */
char         **awp_rule_set_list_norms  (AwpRuleSet  *self);

/* Computes the deadline of @norm_id for @date (the event, or the start for
 * "before" rules, or the first day for "lasts" rules). Never allocates. */
gboolean       awp_deadline_compute     (AwpRuleSet  *rules,
                                         AwpCalendar *calendar,
                                         const char  *norm_id,
                                         const GDate *date,
                                         AwpDeadline *result,
                                         GError     **error);
/* The day-by-day reasoning for the same computation, in the UI language. */
char          *awp_deadline_explain     (AwpRuleSet  *rules,
                                         AwpCalendar *calendar,
                                         const char  *norm_id,
                                         const GDate *date,
                                         GError     **error);
/* O145-5.2: extends @current_due by @days calendar days; fails when
 * @times_extended already reached the rule's limit or @days exceeds its length. */
gboolean       awp_deadline_extend      (AwpRuleSet  *rules,
                                         AwpCalendar *calendar,
                                         const char  *norm_id,
                                         const GDate *current_due,
                                         int          days,
                                         guint        times_extended,
                                         AwpDeadline *result,
                                         GError     **error);
/* O145-8.2: the dates by which a survey running from @launch to @close must
 * be re-announced (empty when it lasts one month or less); GArray of GDate. */
GArray        *awp_deadline_reannouncements (AwpRuleSet  *rules,
                                             AwpCalendar *calendar,
                                             const char  *norm_id,
                                             const GDate *launch,
                                             const GDate *close,
                                             GError     **error);

G_END_DECLS

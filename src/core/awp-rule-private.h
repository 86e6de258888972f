#pragma once

#include "awp-deadline.h"

G_BEGIN_DECLS

typedef struct
{
  char   *rule_set;       /* "order-145" */
  char   *title[3];       /* kk, ru, en: "Rules No. 145"; NULL when the file has none */
  gint64  version;
  GDate   effective_from;
  char   *source;
  GPtrArray *rules;       /* AwpRule, owned */
} AwpRuleVersion;

struct _AwpRule
{
  char           *norm;
  char           *starts;
  AwpRuleKind     kind;
  AwpRuleUnit     unit;
  int             length;
  int             month, mday;         /* BY_DATE */
  guint           max_times;           /* EXTENSION */
  int             repeat_after_months; /* 0 = no re-announcements */
  int             repeat_every_days;
  char           *description[3];      /* kk, ru, en */
  AwpRuleVersion *version;             /* borrowed back-pointer */
  guint32         from, until;         /* julian days in force: [from, until), until 0 = open */
};

/* The newest version of @norm_id, whatever its dates, or NULL. */
const AwpRule *awp_rule_set_newest (AwpRuleSet *self,
                                    const char *norm_id);

G_END_DECLS

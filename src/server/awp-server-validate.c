#include "config.h"

#include <string.h>

#include "awp-server-attachments.h"
#include "awp-server-portal.h"
#include "awp-server-validate.h"

#include "awp-conference-template.h"
#include "awp-meeting.h"
#include "awp-survey-template.h"

typedef enum
{
  T_STRING,
  T_DATE,     /* YYYY-MM-DD */
  T_INT,
  T_BOOL,
  T_ENUM,
  T_ARRAY,
  T_OBJECT,   /* max: members */
} FieldType;

typedef struct
{
  const char *name;
  FieldType   type;
  gboolean    required;
  guint       max;        /* characters for strings, items for arrays */
  const char *values;     /* T_ENUM: space-separated allowed values */
} FieldSpec;

typedef struct
{
  const char      *entity_type;
  const FieldSpec *fields;
} EntitySpec;

#define END { NULL, 0, 0, 0, NULL }

/* O145-3..5: blog requests and their answers. Field names are the client
 * store's (awp-seed.c, awp-store-edit.c), so its queue columns fill from
 * pulled records and its actions (answer, extend, return…) sync as made. */
static const FieldSpec blog_request[] = {
  { "number", T_STRING, FALSE, 50, NULL },
  { "subject", T_STRING, TRUE, 500, NULL },
  { "text", T_STRING, TRUE, 20000, NULL },
  { "status", T_ENUM, TRUE, 0, "received accepted forwarded returned answered refused extended" },
  { "received_on", T_DATE, TRUE, 0, NULL },
  { "events", T_ARRAY, FALSE, 200, NULL },  /* the store's action history */
  { "due_on", T_DATE, FALSE, 0, NULL },
  { "deadlines", T_OBJECT, FALSE, 10, NULL },
  { "requester", T_STRING, FALSE, 300, NULL },
  { "author_contact", T_STRING, FALSE, 300, NULL },
  { "auth_method", T_ENUM, FALSE, 0, "eds egov" },
  { "lang", T_ENUM, FALSE, 0, "kk ru en" },
  { "answer", T_STRING, FALSE, 20000, NULL },
  { "attachments", T_ARRAY, FALSE, 20, NULL },  /* O145-5.1: the answer's files */
  { "answered_on", T_DATE, FALSE, 0, NULL },
  { "closed_on", T_DATE, FALSE, 0, NULL },
  { "reason", T_STRING, FALSE, 5000, NULL },
  { "forwarded_to", T_STRING, FALSE, 64, NULL },
  { "times_extended", T_INT, FALSE, 1, NULL },
  { "rating", T_INT, FALSE, 5, NULL },
  /* What the workstation's action dialogs record (awp-request-dialogs.c). */
  { "accepted_on", T_DATE, FALSE, 0, NULL },                     /* O145-4.1 */
  { "return_ground", T_ENUM, FALSE, 0, "requester_unidentified content_unclear other" },  /* O145-4.3 */
  { "return_comment", T_STRING, FALSE, 5000, NULL },
  { "forwarded_to_name", T_STRING, FALSE, 500, NULL },           /* O145-4.2 */
  { "user_notice", T_STRING, FALSE, 5000, NULL },
  { "user_notified_on", T_DATE, FALSE, 0, NULL },
  { "extend_reason", T_STRING, FALSE, 5000, NULL },              /* O145-5.2 */
  { "extended_on", T_DATE, FALSE, 0, NULL },
  { "refusal_reasons", T_STRING, FALSE, 20000, NULL },           /* O145-5.3 */
  END
};

/* O145-10: applications for a conference topic. Field names are the client
 * store's, as for blog requests (awp-seed.c, awp-conference-application.c):
 * the queue shows subject and requester, an accepted one's draft conference
 * takes its title from the subject. */
static const FieldSpec conference_application[] = {
  { "number", T_STRING, FALSE, 50, NULL },
  { "subject", T_STRING, FALSE, 1000, NULL },  /* required: see awp_server_validate_mutation */
  { "text", T_STRING, TRUE, 20000, NULL },
  { "status", T_ENUM, TRUE, 0, "received accepted refused" },
  { "received_on", T_DATE, TRUE, 0, NULL },
  { "events", T_ARRAY, FALSE, 200, NULL },  /* the store's action history */
  { "due_on", T_DATE, FALSE, 0, NULL },
  { "deadlines", T_OBJECT, FALSE, 10, NULL },
  { "closed_on", T_DATE, FALSE, 0, NULL },
  { "requester", T_STRING, FALSE, 300, NULL },
  { "author_contact", T_STRING, FALSE, 300, NULL },
  { "auth_method", T_ENUM, FALSE, 0, "eds egov" },
  /* Older records' names (before the client store's were used), kept so
   * that a server holding them still takes the workstation's decisions. */
  { "topic", T_STRING, FALSE, 1000, NULL },
  { "applicant_name", T_STRING, FALSE, 300, NULL },
  { "applicant_contact", T_STRING, FALSE, 300, NULL },
  { "reason", T_STRING, FALSE, 5000, NULL },
  { "lang", T_ENUM, FALSE, 0, "kk ru en" },
  /* The workstation's decision (awp-conference-application.c, O145-10.2). */
  { "accepted_on", T_DATE, FALSE, 0, NULL },
  { "conference_id", T_STRING, FALSE, 64, NULL },
  { "refusal_ground", T_ENUM, FALSE, 0, "competence activities" },
  { "refusal_reason", T_STRING, FALSE, 5000, NULL },
  END
};

/* Entity and state names are the client store's (awp-state-machine.c,
 * docs/store.md), so a pulled record needs no translation. Conferences and
 * surveys are the templates the Operator reviews (O145-7). */
#define APPROVAL_STATES "draft submitted returned accepted published closed"

/* O145-A1, O145-9: the fields of awp-conference-template.h. Drafts autosave
 * incomplete, so nothing but the status is required here; past draft the
 * core's awp_conference_template_validate() runs on the whole record. */
static const FieldSpec conference[] = {
  { "org_id", T_STRING, FALSE, 64, NULL },
  { "opens_on", T_DATE, FALSE, 0, NULL },
  { "closes_on", T_DATE, FALSE, 0, NULL },
  { "title_kk", T_STRING, FALSE, 500, NULL },
  { "title_ru", T_STRING, FALSE, 500, NULL },
  { "title_en", T_STRING, FALSE, 500, NULL },
  { "brief_kk", T_STRING, FALSE, 1000, NULL },
  { "brief_ru", T_STRING, FALSE, 1000, NULL },
  { "brief_en", T_STRING, FALSE, 1000, NULL },
  { "description_kk", T_STRING, FALSE, 20000, NULL },
  { "description_ru", T_STRING, FALSE, 20000, NULL },
  { "description_en", T_STRING, FALSE, 20000, NULL },
  { "moderator_surname", T_STRING, FALSE, 100, NULL },
  { "moderator_name", T_STRING, FALSE, 100, NULL },
  { "moderator_patronymic", T_STRING, FALSE, 100, NULL },
  { "moderator_iin", T_STRING, FALSE, 12, NULL },
  { "moderator_position", T_STRING, FALSE, 300, NULL },
  { "moderator_email", T_STRING, FALSE, 254, NULL },
  { "moderator_phone", T_STRING, FALSE, 50, NULL },
  { "public_discussion", T_BOOL, FALSE, 0, NULL },  /* O118-7 */
  { "subject", T_STRING, FALSE, 500, NULL },
  { "submitted_on", T_DATE, FALSE, 0, NULL },
  { "review_note", T_STRING, FALSE, 5000, NULL },
  { "remarks", T_STRING, FALSE, 5000, NULL },  /* the Operator's, with a return (O145-7) */
  { "notices", T_ARRAY, FALSE, 100, NULL },  /* O145-8.1 notices posted */
  { "received_on", T_DATE, FALSE, 0, NULL },
  { "due_on", T_DATE, FALSE, 0, NULL },
  { "closed_on", T_DATE, FALSE, 0, NULL },
  { "events", T_ARRAY, FALSE, 200, NULL },  /* the store's action history */
  { "status", T_ENUM, TRUE, 0, APPROVAL_STATES },
  /* Drafted from an application (awp-conference-application.c, O145-10.2). */
  { "application_id", T_STRING, FALSE, 64, NULL },
  { "title", T_STRING, FALSE, 1000, NULL },
  { "topic_text", T_STRING, FALSE, 20000, NULL },
  { "applicant", T_STRING, FALSE, 300, NULL },
  END
};

/* O145-A2, O145-11: the fields of awp-survey-template.h; as for conferences. */
static const FieldSpec survey[] = {
  { "org_id", T_STRING, FALSE, 64, NULL },
  { "number", T_STRING, FALSE, 50, NULL },
  { "category", T_STRING, FALSE, 200, NULL },
  { "title_kk", T_STRING, FALSE, 500, NULL },
  { "title_ru", T_STRING, FALSE, 500, NULL },
  { "title_en", T_STRING, FALSE, 500, NULL },
  { "launch_on", T_DATE, FALSE, 0, NULL },
  { "close_on", T_DATE, FALSE, 0, NULL },
  { "questions", T_ARRAY, FALSE, 200, NULL },  /* AWP_SURVEY_MAX_QUESTIONS */
  { "subject", T_STRING, FALSE, 500, NULL },
  { "submitted_on", T_DATE, FALSE, 0, NULL },
  { "review_note", T_STRING, FALSE, 5000, NULL },
  { "remarks", T_STRING, FALSE, 5000, NULL },  /* the Operator's, with a return (O145-7) */
  { "notices", T_ARRAY, FALSE, 100, NULL },  /* O145-8.2 notices posted */
  { "received_on", T_DATE, FALSE, 0, NULL },
  { "due_on", T_DATE, FALSE, 0, NULL },
  { "closed_on", T_DATE, FALSE, 0, NULL },
  { "events", T_ARRAY, FALSE, 200, NULL },  /* the store's action history */
  { "results", T_OBJECT, FALSE, 2, NULL },  /* {respondents, counts}: the server's (awp-server-portal.c) */
  { "status", T_ENUM, TRUE, 0, APPROVAL_STATES },
  END
};

/* O145-9.2: a citizen's question during a conference (parent_id), asked on
 * the portal; the body writes only the answer (awp_server_portal_guard). */
static const FieldSpec conference_question[] = {
  { "parent_id", T_STRING, TRUE, 64, NULL },
  { "org_id", T_STRING, FALSE, 64, NULL },
  { "text", T_STRING, TRUE, 5000, NULL },
  { "subject", T_STRING, FALSE, 5000, NULL },
  { "author", T_STRING, FALSE, 300, NULL },
  { "received_on", T_DATE, TRUE, 0, NULL },
  { "answer", T_STRING, FALSE, 20000, NULL },  /* AWP_CONFERENCE_ANSWER_MAX */
  { "answered_on", T_DATE, FALSE, 0, NULL },
  { "answered_by", T_STRING, FALSE, 300, NULL },
  END
};

/* O605: the fields of awp-meeting.h and awp-meeting-store.c; the core's
 * awp_meeting_check() then runs on the whole record. */
static const FieldSpec meeting[] = {
  { "org_id", T_STRING, FALSE, 64, NULL },
  { "region", T_STRING, FALSE, 64, NULL },
  { "body", T_STRING, FALSE, 500, NULL },
  { "title", T_STRING, TRUE, 500, NULL },
  { "place", T_STRING, FALSE, 1000, NULL },
  { "date", T_DATE, TRUE, 0, NULL },
  { "time", T_STRING, FALSE, 5, NULL },
  { "format", T_ENUM, TRUE, 0, "offline online hybrid" },  /* O605-5 */
  { "languages", T_ARRAY, FALSE, 3, NULL },  /* O605-7 */
  { "agenda", T_ARRAY, FALSE, 50, NULL },
  { "responsible", T_OBJECT, FALSE, 3, NULL },  /* O605-8 */
  { "capacity", T_INT, FALSE, 100000, NULL },  /* O605-10 */
  { "broadcast_url", T_STRING, FALSE, 2000, NULL },  /* O605-12 */
  { "closed", T_BOOL, FALSE, 0, NULL },  /* O605-3 */
  { "closed_ground", T_STRING, FALSE, 1000, NULL },  /* O605-4 */
  { "deadlines", T_OBJECT, FALSE, 3, NULL },
  { "due_on", T_DATE, FALSE, 0, NULL },
  { "announcement_url", T_STRING, FALSE, 2000, NULL },  /* O605-8 */
  { "announced_on", T_DATE, FALSE, 0, NULL },
  { "announcement_late", T_BOOL, FALSE, 0, NULL },
  { "results", T_OBJECT, FALSE, 4, NULL },  /* O605-14 */
  { "results_late", T_BOOL, FALSE, 0, NULL },
  { "emergency", T_OBJECT, FALSE, 6, NULL },  /* O605-6 */
  { "status", T_ENUM, FALSE, 0, "planned announced held results_published" },
  { "received_on", T_DATE, FALSE, 0, NULL },
  { "events", T_ARRAY, FALSE, 200, NULL },  /* the store's action history */
  END
};

/* Order 93 and Order 118 records (docs/channels.md): the field names are
 * the client's (awp-accreditation.c, awp-registry.c, awp-channel-request.c,
 * awp-efficiency-report.c), so its actions sync as made. Drafts may be
 * incomplete; the client validates a document before sending it (O93-3). */
#define O93_TEXT 4000
#define O93_NAME 500

/* O93 Annex 2: a Registry entry. "name" and "kind" are the older demo
 * channels' fields, still in seeded databases. */
static const FieldSpec channel[] = {
  { "number", T_STRING, FALSE, 20, NULL },
  { "name_kk", T_STRING, FALSE, O93_NAME, NULL },
  { "name_ru", T_STRING, FALSE, O93_NAME, NULL },
  { "owner_kk", T_STRING, FALSE, O93_NAME, NULL },
  { "owner_ru", T_STRING, FALSE, O93_NAME, NULL },
  { "included_on", T_DATE, FALSE, 0, NULL },
  { "excluded_on", T_DATE, FALSE, 0, NULL },
  { "application_id", T_STRING, FALSE, 64, NULL },
  { "requester", T_STRING, FALSE, O93_NAME, NULL },
  { "subject", T_STRING, FALSE, O93_NAME, NULL },
  { "name", T_STRING, FALSE, 300, NULL },
  { "kind", T_ENUM, FALSE, 0, "broadcast blog news" },
  END
};

/* O93-8 … O93-10: the entry's history lines, append-only. */
static const FieldSpec channel_history[] = {
  { "parent_id", T_STRING, TRUE, 64, NULL },
  { "kind", T_ENUM, TRUE, 0, "included changed excluded" },
  { "on", T_DATE, TRUE, 0, NULL },
  { "norm", T_STRING, FALSE, 20, NULL },
  { "source_id", T_STRING, FALSE, 64, NULL },
  { "field", T_ENUM, FALSE, 0, "name_kk name_ru owner_kk owner_ru" },
  { "old_value", T_STRING, FALSE, O93_NAME, NULL },
  { "new_value", T_STRING, FALSE, O93_NAME, NULL },
  { "grounds", T_STRING, FALSE, O93_TEXT, NULL },
  { "requester", T_STRING, FALSE, O93_NAME, NULL },
  { "subject", T_STRING, FALSE, O93_NAME, NULL },
  END
};

/* O93 Annex 1: applications for accreditation, decided by the authorized
 * body (O93-4, O93-5). The last four fields are the older demo seed's. */
static const FieldSpec accreditation_application[] = {
  { "to_body", T_STRING, FALSE, O93_NAME, NULL },
  { "from_body_kk", T_STRING, FALSE, O93_NAME, NULL },
  { "from_body_ru", T_STRING, FALSE, O93_NAME, NULL },
  { "channel_name_kk", T_STRING, FALSE, O93_NAME, NULL },
  { "channel_name_ru", T_STRING, FALSE, O93_NAME, NULL },
  { "instruction", T_STRING, FALSE, O93_TEXT, NULL },
  { "regulating_act", T_STRING, FALSE, O93_TEXT, NULL },
  { "purpose", T_STRING, FALSE, O93_TEXT, NULL },
  { "coverage", T_ENUM, FALSE, 0, "republican regional" },
  { "format", T_ENUM, FALSE, 0, "online offline hybrid" },
  { "resources", T_STRING, FALSE, O93_TEXT, NULL },
  { "justification", T_STRING, FALSE, O93_TEXT, NULL },
  { "other_info", T_STRING, FALSE, O93_TEXT, NULL },
  { "attachments", T_ARRAY, FALSE, 50, NULL },
  { "signer", T_STRING, FALSE, 300, NULL },
  { "signed_on", T_DATE, FALSE, 0, NULL },
  { "subject", T_STRING, FALSE, O93_NAME, NULL },
  { "status", T_ENUM, TRUE, 0, "draft sent accredited refused" },
  { "events", T_ARRAY, FALSE, 200, NULL },  /* the store's action history */
  { "requester", T_STRING, FALSE, 300, NULL },  /* who sent it, for the lists */
  { "received_on", T_DATE, FALSE, 0, NULL },
  { "due_on", T_DATE, FALSE, 0, NULL },
  { "deadlines", T_OBJECT, FALSE, 10, NULL },
  { "review", T_OBJECT, FALSE, 10, NULL },
  { "decided_on", T_DATE, FALSE, 0, NULL },
  { "decision_reason", T_STRING, FALSE, O93_TEXT, NULL },
  { "notified_on", T_DATE, FALSE, 0, NULL },
  { "channel_id", T_STRING, FALSE, 64, NULL },
  { "applicant_name", T_STRING, FALSE, 300, NULL },
  { "position", T_STRING, FALSE, 300, NULL },
  { "requested_role", T_ENUM, FALSE, 0, "administrator trainer" },
  { "decision_note", T_STRING, FALSE, 5000, NULL },
  END
};

/* O93 Annex 3 and O93-11, O93-13: a change to an entry. */
static const FieldSpec change_request[] = {
  { "channel_id", T_STRING, TRUE, 64, NULL },
  { "field", T_ENUM, TRUE, 0, "name_kk name_ru owner_kk owner_ru" },
  { "current_value", T_STRING, FALSE, O93_NAME, NULL },
  { "new_value", T_STRING, FALSE, O93_NAME, NULL },
  { "grounds", T_STRING, FALSE, O93_TEXT, NULL },
  { "attachments", T_ARRAY, FALSE, 50, NULL },  /* documents behind the change */
  { "signer", T_STRING, FALSE, 300, NULL },
  { "signed_on", T_DATE, FALSE, 0, NULL },
  { "subject", T_STRING, FALSE, O93_NAME, NULL },
  { "status", T_ENUM, TRUE, 0, "draft sent applied refused" },
  { "events", T_ARRAY, FALSE, 200, NULL },
  { "requester", T_STRING, FALSE, 300, NULL },  /* who sent it, for the lists */
  { "received_on", T_DATE, FALSE, 0, NULL },
  { "due_on", T_DATE, FALSE, 0, NULL },
  { "deadlines", T_OBJECT, FALSE, 10, NULL },
  { "applied_on", T_DATE, FALSE, 0, NULL },
  { "decision_reason", T_STRING, FALSE, O93_TEXT, NULL },
  END
};

/* O93-12, O93-13: the owner ends its channel. */
static const FieldSpec termination_notice[] = {
  { "channel_id", T_STRING, TRUE, 64, NULL },
  { "text", T_STRING, FALSE, O93_TEXT, NULL },
  { "signer", T_STRING, FALSE, 300, NULL },
  { "signed_on", T_DATE, FALSE, 0, NULL },
  { "subject", T_STRING, FALSE, O93_NAME, NULL },
  { "status", T_ENUM, TRUE, 0, "draft sent applied" },
  { "events", T_ARRAY, FALSE, 200, NULL },
  { "requester", T_STRING, FALSE, 300, NULL },  /* who sent it, for the lists */
  { "received_on", T_DATE, FALSE, 0, NULL },
  { "due_on", T_DATE, FALSE, 0, NULL },
  { "deadlines", T_OBJECT, FALSE, 10, NULL },
  { "applied_on", T_DATE, FALSE, 0, NULL },
  { "decision_reason", T_STRING, FALSE, O93_TEXT, NULL },
  END
};

/* O118-4 … O118-7: a body's report on the efficiency of its channels. */
static const FieldSpec efficiency_report[] = {
  { "body_kind", T_ENUM, FALSE, 0, "central local" },
  { "body_kk", T_STRING, FALSE, O93_NAME, NULL },
  { "body_ru", T_STRING, FALSE, O93_NAME, NULL },
  { "year", T_INT, FALSE, 2100, NULL },
  { "title", T_STRING, FALSE, O93_NAME, NULL },
  { "document", T_STRING, FALSE, O93_NAME, NULL },
  { "no_restricted_info", T_BOOL, FALSE, 0, NULL },
  { "subject", T_STRING, FALSE, O93_NAME, NULL },
  { "status", T_ENUM, TRUE, 0, "draft requested published" },
  { "events", T_ARRAY, FALSE, 200, NULL },
  { "due_on", T_DATE, FALSE, 0, NULL },
  { "deadlines", T_OBJECT, FALSE, 10, NULL },
  { "requested_on", T_DATE, FALSE, 0, NULL },
  { "requester", T_STRING, FALSE, 300, NULL },
  { "late", T_BOOL, FALSE, 0, NULL },
  { "link", T_STRING, FALSE, 2000, NULL },
  { "published_on", T_DATE, FALSE, 0, NULL },
  END
};

/* O145-6: Like / Dislike; a Dislike carries a reason. */
static const FieldSpec blog_request_rating[] = {
  { "request_id", T_STRING, TRUE, 64, NULL },
  { "value", T_ENUM, TRUE, 0, "like dislike" },
  { "reason", T_STRING, FALSE, 2000, NULL },
  END
};

/* O605-9, O605-13: registrations for and comments on an open meeting
 * (children with parent_id = the meeting, awp-meeting-store.h). The portal
 * sends name and contact only; the workstation the whole application. */
static const FieldSpec meeting_registration[] = {
  { "parent_id", T_STRING, TRUE, 64, NULL },
  { "org_id", T_STRING, FALSE, 64, NULL },
  { "surname", T_STRING, FALSE, 100, NULL },
  { "name", T_STRING, TRUE, 100, NULL },
  { "patronymic", T_STRING, FALSE, 100, NULL },
  { "birth_year", T_INT, FALSE, 9999, NULL },
  { "contact", T_STRING, FALSE, 300, NULL },
  { "requester", T_STRING, FALSE, 300, NULL },
  { "received_on", T_DATE, FALSE, 0, NULL },
  { "channel", T_ENUM, FALSE, 0, "paper electronic import" },
  { "late", T_BOOL, FALSE, 0, NULL },
  END
};

static const FieldSpec meeting_comment[] = {
  { "parent_id", T_STRING, TRUE, 64, NULL },
  { "org_id", T_STRING, FALSE, 64, NULL },
  { "author", T_STRING, FALSE, 300, NULL },
  { "requester", T_STRING, FALSE, 300, NULL },
  { "text", T_STRING, TRUE, 5000, NULL },
  { "received_at", T_STRING, FALSE, 40, NULL },
  { "answer", T_STRING, FALSE, 5000, NULL },
  { "answered_on", T_DATE, FALSE, 0, NULL },
  { "answered_by", T_STRING, FALSE, 300, NULL },
  { "status", T_ENUM, FALSE, 0, "visible hidden" },
  END
};

static const EntitySpec entities[] = {
  { "accreditation_application", accreditation_application },
  { "blog_request", blog_request },
  { "blog_request_rating", blog_request_rating },
  { "change_request", change_request },
  { "channel", channel },
  { "channel_history", channel_history },
  { "conference", conference },
  { "conference_application", conference_application },
  { "conference_question", conference_question },
  { "efficiency_report", efficiency_report },
  { "meeting", meeting },
  { "meeting_comment", meeting_comment },
  { "meeting_registration", meeting_registration },
  { "survey", survey },
  { "termination_notice", termination_notice },
};

static const char *const entity_names[] = {
  "accreditation_application", "blog_request", "blog_request_rating", "change_request", "channel",
  "channel_history", "conference", "conference_application", "conference_question", "efficiency_report", "meeting",
  "meeting_comment", "meeting_registration", "survey", "termination_notice", NULL
};

const char *const *
awp_server_entity_types (void)
{
  return entity_names;
}

static const FieldSpec *
lookup (const char *entity_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_strcmp0 (entities[i].entity_type, entity_type) == 0)
      return entities[i].fields;
  return NULL;
}

gboolean
awp_server_entity_known (const char *entity_type)
{
  return lookup (entity_type) != NULL;
}

static void
add (GPtrArray  *errors,
     const char *field,
     const char *code,
     const char *fmt,
     ...) G_GNUC_PRINTF (4, 5);

static void
add (GPtrArray  *errors,
     const char *field,
     const char *code,
     const char *fmt,
     ...)
{
  va_list ap;
  g_autofree char *msg = NULL;

  va_start (ap, fmt);
  msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_ptr_array_add (errors, awp_field_error_new (field, code, msg));
}

static gboolean
word_in (const char *word,
         const char *list)
{
  g_auto(GStrv) words = g_strsplit (list, " ", -1);

  return g_strv_contains ((const char *const *) words, word);
}

static gboolean
get_date (JsonObject *data,
          const char *name,
          GDate      *date)
{
  JsonNode *n = json_object_get_member (data, name);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return FALSE;
  return awp_calendar_parse_date (json_node_get_string (n), name, date, NULL);
}

static gboolean
is_blank (const char *s)
{
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

static void
check_field (const FieldSpec *f,
             JsonObject      *data,
             GPtrArray       *errors)
{
  JsonNode *n = json_object_get_member (data, f->name);
  GType vt;

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    {
      if (f->required)
        add (errors, f->name, "required", "%s: required", f->name);
      return;
    }
  vt = JSON_NODE_HOLDS_VALUE (n) ? json_node_get_value_type (n) : G_TYPE_INVALID;
  switch (f->type)
    {
    case T_STRING:
    case T_DATE:
    case T_ENUM:
      if (vt != G_TYPE_STRING)
        {
          add (errors, f->name, "type", "%s: must be a string", f->name);
          return;
        }
      break;
    case T_INT:
      if (vt != G_TYPE_INT64)
        {
          add (errors, f->name, "type", "%s: must be an integer", f->name);
          return;
        }
      if (json_node_get_int (n) < 0 || json_node_get_int (n) > f->max)
        add (errors, f->name, "range", "%s: must be between 0 and %u", f->name, f->max);
      return;
    case T_BOOL:
      if (vt != G_TYPE_BOOLEAN)
        add (errors, f->name, "type", "%s: must be true or false", f->name);
      return;
    case T_ARRAY:
      if (!JSON_NODE_HOLDS_ARRAY (n))
        add (errors, f->name, "type", "%s: must be an array", f->name);
      else if (json_array_get_length (json_node_get_array (n)) > f->max)
        add (errors, f->name, "too_long", "%s: at most %u items", f->name, f->max);
      return;
    case T_OBJECT:
      if (!JSON_NODE_HOLDS_OBJECT (n))
        add (errors, f->name, "type", "%s: must be an object", f->name);
      else if (json_object_get_size (json_node_get_object (n)) > f->max)
        add (errors, f->name, "too_long", "%s: at most %u members", f->name, f->max);
      return;
    }

  {
    const char *s = json_node_get_string (n);
    GDate d;

    if (f->type == T_STRING)
      {
        if (f->required && is_blank (s))
          add (errors, f->name, "required", "%s: required, must not be blank", f->name);
        else if (g_utf8_strlen (s, -1) > f->max)
          add (errors, f->name, "too_long", "%s: at most %u characters", f->name, f->max);
      }
    else if (f->type == T_DATE && !awp_calendar_parse_date (s, f->name, &d, NULL))
      add (errors, f->name, "invalid", "%s: must be a date YYYY-MM-DD", f->name);
    else if (f->type == T_ENUM && !word_in (s, f->values))
      add (errors, f->name, "invalid", "%s: must be one of: %s", f->name, f->values);
  }
}

/* The earliest allowed last day of a "lasts" rule (O145-9.1, O145-11). */
static void
check_lasts (AwpServer  *server,
             const char *norm,
             JsonObject *data,
             const char *first_field,
             const char *last_field,
             GPtrArray  *errors)
{
  GDate first, last;
  AwpDeadline dl;
  g_autoptr(GError) error = NULL;

  if (!get_date (data, first_field, &first) || !get_date (data, last_field, &last))
    return;
  if (g_date_compare (&last, &first) < 0)
    {
      add (errors, last_field, "date_order", "%s: must not be before %s", last_field, first_field);
      return;
    }
  if (!awp_deadline_compute (server->rules, server->calendar, norm, &first, &dl, &error))
    return; /* no rule in force for that date: nothing to check */
  if (g_date_compare (&last, &dl.date) < 0)
    {
      g_autofree char *min = awp_protocol_format_date (&dl.date);

      add (errors, last_field, "deadline", "%s: %s requires it to be %s or later", last_field, norm, min);
    }
}

static gboolean template_is_draft (JsonObject *data);

/* The first day a template submitted on @submitted may open (O145-7: it
 * reaches the Operator at least 3 wd before); FALSE when no rule is in force. */
static gboolean
earliest_start (AwpServer   *server,
                const GDate *submitted,
                GDate       *start)
{
  *start = *submitted;
  /* Three working days are never more than a few weeks, holidays included. */
  for (guint i = 0; i < 60; i++)
    {
      AwpDeadline dl;

      g_date_add_days (start, 1);
      if (!awp_deadline_compute (server->rules, server->calendar, "O145-7", start, &dl, NULL))
        return FALSE;
      if (g_date_compare (&dl.date, submitted) >= 0)
        return TRUE;
    }
  return FALSE;
}

/* O145-7: a conference or survey template reaches the Operator at least
 * 3 wd before it starts (@start_field). submitted_on is the server's own
 * date (awp_server_template_stamp), never the workstation's. */
static void
check_template (AwpServer  *server,
                JsonObject *data,
                const char *start_field,
                GPtrArray  *errors)
{
  GDate start, submitted, earliest;
  AwpDeadline dl;
  const char *status = json_object_get_string_member_with_default (data, "status", "");

  if (!g_str_equal (status, "submitted") || !get_date (data, start_field, &start)
      || !get_date (data, "submitted_on", &submitted))
    return;
  if (!awp_deadline_compute (server->rules, server->calendar, "O145-7", &start, &dl, NULL))
    return;
  if (g_date_compare (&submitted, &dl.date) > 0)
    {
      g_autofree char *latest = awp_protocol_format_date (&dl.date);
      g_autofree char *on = awp_protocol_format_date (&submitted);
      g_autofree char *first = NULL;

      if (earliest_start (server, &submitted, &earliest))
        first = awp_protocol_format_date (&earliest);
      add (errors, "submitted_on", "deadline",
           "submitted_on: the template reached the Operator on %s (the server's date); O145-7 requires it by %s, "
           "3 working days before the start; the earliest allowed %s is %s", on, latest, start_field,
           first != NULL ? first : "?");
    }
}

void
awp_server_template_stamp (const char *entity_type,
                           JsonObject *cur,
                           JsonObject *next)
{
  const char *was, *now;
  g_autofree char *day = NULL;
  GDate today;

  if (next == NULL || (g_strcmp0 (entity_type, "conference") != 0 && g_strcmp0 (entity_type, "survey") != 0))
    return;
  if (template_is_draft (next))
    return;  /* back with the body: its next submission is stamped anew */
  was = cur != NULL ? json_object_get_string_member_with_default (cur, "status", "draft") : "draft";
  now = json_object_get_string_member_with_default (next, "status", "");
  if (g_str_equal (now, "submitted") && (g_str_equal (was, "draft") || g_str_equal (was, "returned")))
    {
      awp_server_today (&today);
      day = awp_protocol_format_date (&today);
      json_object_set_string_member (next, "submitted_on", day);
    }
  else if (cur != NULL && json_object_has_member (cur, "submitted_on"))
    json_object_set_member (next, "submitted_on", json_node_copy (json_object_get_member (cur, "submitted_on")));
  else if (json_object_has_member (next, "submitted_on"))
    json_object_remove_member (next, "submitted_on");
}

/* The due date of a request or application may not be later than its
 * norm allows from receipt: O145-4.2 forwarded, O145-4.3 returned, O145-5.3
 * refused, O145-5.1 otherwise (plus one extension of at most 15 calendar
 * days, O145-5.2), O145-10.2 for conference applications. */
static void
check_due (AwpServer  *server,
           const char *entity_type,
           JsonObject *data,
           GPtrArray  *errors)
{
  const char *status = json_object_get_string_member_with_default (data, "status", "");
  const char *norm = "O145-5.1";
  GDate received, due;
  AwpDeadline dl;
  gboolean extended = FALSE;

  if (!get_date (data, "received_on", &received) || !get_date (data, "due_on", &due))
    return;
  if (g_str_equal (entity_type, "conference_application"))
    norm = "O145-10.2";
  else if (g_str_equal (status, "forwarded"))
    norm = "O145-4.2";
  else if (g_str_equal (status, "returned"))
    norm = "O145-4.3";
  else if (g_str_equal (status, "refused"))
    norm = "O145-5.3";
  else
    extended = json_object_get_int_member_with_default (data, "times_extended", 0) > 0;
  if (!awp_deadline_compute (server->rules, server->calendar, norm, &received, &dl, NULL))
    return; /* no rule in force for that date: nothing to check */
  if (extended)
    {
      AwpDeadline ext;

      if (!awp_deadline_extend (server->rules, server->calendar, "O145-5.2", &dl.date, 15, 0, &ext, NULL))
        return;
      dl = ext;
      norm = "O145-5.2";
    }
  if (g_date_compare (&due, &dl.date) > 0)
    {
      g_autofree char *latest = awp_protocol_format_date (&dl.date);

      add (errors, "due_on", "deadline", "due_on: %s allows %s at the latest", norm, latest);
    }
  if (g_date_compare (&due, &received) < 0)
    add (errors, "due_on", "date_order", "due_on: must not be before received_on");
}

/* O605: the core's own check of a meeting, each problem naming its field. */
static void
check_meeting (JsonObject *data,
               GPtrArray  *errors)
{
  g_autoptr(GPtrArray) issues = awp_meeting_check (data);

  for (guint i = 0; i < issues->len; i++)
    {
      const AwpMeetingIssue *issue = g_ptr_array_index (issues, i);

      add (errors, issue->field, "invalid", "%s: %s", issue->field, issue->message);
    }
}

/* A template the body is still writing (draft, or returned to it): the
 * workstation autosaves it as typed, dates half-way included, and checks
 * the rules when it is submitted; refusing such a save would hold every
 * later change of the template, the fix and the submission too. */
static gboolean
template_is_draft (JsonObject *data)
{
  const char *status = json_object_get_string_member_with_default (data, "status", "draft");

  return g_str_equal (status, "draft") || g_str_equal (status, "returned");
}

/* O145-A1, O145-A2: past draft (or returned) a template is complete, so the
 * core's field checks run on it; drafts autosave half-filled. */
static void
check_template_fields (AwpServer  *server,
                       const char *entity_type,
                       JsonObject *data,
                       GPtrArray  *errors)
{
  AwpTemplateContext ctx = { server->calendar, server->rules, { 0 } };
  g_autoptr(GPtrArray) issues = NULL;

  if (template_is_draft (data))
    return;
  awp_server_today (&ctx.today);
  if (g_str_equal (entity_type, "conference"))
    issues = awp_conference_template_validate (data, &ctx);
  else
    issues = awp_survey_template_validate (data, &ctx);
  for (guint i = 0; i < issues->len; i++)
    {
      const AwpFieldError *e = g_ptr_array_index (issues, i);

      add (errors, e->field, e->code, "%s: %s", e->field, e->message);
    }
}

gboolean
awp_server_validate_mutation (AwpServer     *server,
                              const char    *entity_type,
                              AwpMutationOp  op,
                              JsonObject    *data,
                              GPtrArray     *errors)
{
  const FieldSpec *spec;
  guint before;
  g_autoptr(GList) names = NULL;

  g_return_val_if_fail (AWP_IS_SERVER (server), FALSE);
  g_return_val_if_fail (errors != NULL, FALSE);

  before = errors->len;
  spec = lookup (entity_type);
  if (spec == NULL)
    {
      add (errors, "entity_type", "unknown_entity", "entity_type: unknown entity “%s”", entity_type);
      return FALSE;
    }
  if (op == AWP_MUTATION_DELETE)
    return TRUE;

  names = json_object_get_members (data);
  for (GList *l = names; l != NULL; l = l->next)
    {
      gboolean known = FALSE;

      for (const FieldSpec *f = spec; f->name != NULL; f++)
        known |= g_str_equal (f->name, l->data);
      if (!known)
        add (errors, l->data, "unknown_field", "%s: not a field of %s", (const char *) l->data, entity_type);
    }
  for (const FieldSpec *f = spec; f->name != NULL; f++)
    check_field (f, data, errors);
  /* A body's broadcast channel (O605) is named; a Registry entry has its
   * number (given by the server: awp-server-registry.c) or its day of
   * inclusion and Annex 2 names instead. */
  if (g_str_equal (entity_type, "channel") && !json_object_has_member (data, "number")
      && !json_object_has_member (data, "included_on")
      && is_blank (json_object_get_string_member_with_default (data, "name", "")))
    add (errors, "name", "required", "name: required, must not be blank");
  awp_server_attachments_check (server, data, errors);
  if (errors->len > before)
    return FALSE;

  if (g_str_equal (entity_type, "conference"))
    {
      check_template_fields (server, entity_type, data, errors);
      if (!template_is_draft (data))
        check_lasts (server, "O145-9.1", data, "opens_on", "closes_on", errors);
      check_template (server, data, "opens_on", errors);
    }
  else if (g_str_equal (entity_type, "survey"))
    {
      check_template_fields (server, entity_type, data, errors);
      if (!template_is_draft (data))
        check_lasts (server, "O145-11", data, "launch_on", "close_on", errors);
      check_template (server, data, "launch_on", errors);
    }
  else if (g_str_equal (entity_type, "meeting"))
    check_meeting (data, errors);
  else if (g_str_equal (entity_type, "blog_request") || g_str_equal (entity_type, "conference_application"))
    check_due (server, entity_type, data, errors);
  /* O145-10.1: an application names its topic (an older record as "topic"). */
  if (g_str_equal (entity_type, "conference_application")
      && is_blank (json_object_get_string_member_with_default (data, "subject", ""))
      && is_blank (json_object_get_string_member_with_default (data, "topic", "")))
    add (errors, "subject", "required", "subject: required, must not be blank");
  else if (g_str_equal (entity_type, "blog_request_rating")
           && g_str_equal (json_object_get_string_member (data, "value"), "dislike")
           && json_object_get_string_member_with_default (data, "reason", "")[0] == '\0')
    add (errors, "reason", "required", "reason: O145-6 requires a reason for a dislike");
  return errors->len == before;
}

/* O145-7: who moves a template. The Operator decides on a submitted
 * template (accepted or returned, with remarks) and publishes an accepted
 * one; the body drafts, submits and closes its own. The Operator changes no
 * field of the body's text. */
static const char *const operator_moves[][2] = {
  { "submitted", "accepted" }, { "submitted", "returned" }, { "accepted", "published" },
};
static const char *const operator_fields[] = { "status", "remarks", "review_note", "events", NULL };

gboolean
awp_server_template_move_allowed (const AwpServerUser *user,
                                  const char          *entity_type,
                                  JsonObject          *before,
                                  JsonObject          *after,
                                  GPtrArray           *errors)
{
  const char *from, *to;
  gboolean operator_move = FALSE;

  if (after == NULL || (g_strcmp0 (entity_type, "conference") != 0 && g_strcmp0 (entity_type, "survey") != 0))
    return TRUE;
  from = before != NULL ? json_object_get_string_member_with_default (before, "status", "") : "";
  to = json_object_get_string_member_with_default (after, "status", "");
  for (guint i = 0; i < G_N_ELEMENTS (operator_moves); i++)
    operator_move |= g_str_equal (from, operator_moves[i][0]) && g_str_equal (to, operator_moves[i][1]);

  if (user->role != AWP_ROLE_OPERATOR)
    {
      if (!g_str_equal (from, to)
          && (g_str_equal (to, "accepted") || g_str_equal (to, "returned") || g_str_equal (to, "published")))
        {
          add (errors, "status", "forbidden", "status: only the Operator accepts, returns or publishes a template (O145-7)");
          return FALSE;
        }
      return TRUE;
    }
  if (!operator_move)
    {
      add (errors, "status", "forbidden",
           "status: the Operator only accepts or returns a submitted template and publishes an accepted one (O145-7)");
      return FALSE;
    }
  {
    g_autoptr(GList) names = json_object_get_members (after);
    g_autoptr(GList) old_names = json_object_get_members (before);
    guint n = errors->len;

    for (GList *l = names; l != NULL; l = l->next)
      if (!g_strv_contains (operator_fields, l->data)
          && (!json_object_has_member (before, l->data)
              || !json_node_equal (json_object_get_member (before, l->data), json_object_get_member (after, l->data))))
        add (errors, l->data, "forbidden", "%s: the Operator changes only the status and remarks of a body's template (O145-7)",
             (const char *) l->data);
    for (GList *l = old_names; l != NULL; l = l->next)
      if (!g_strv_contains (operator_fields, l->data) && !json_object_has_member (after, l->data))
        add (errors, l->data, "forbidden", "%s: the Operator changes only the status and remarks of a body's template (O145-7)",
             (const char *) l->data);
    return errors->len == n;
  }
}

#include "config.h"

#include <string.h>

#include "awp-json-util.h"
#include "awp-server-auth.h"
#include "awp-server-db.h"
#include "awp-server-live.h"
#include "awp-server-portal.h"
#include "awp-server-sync.h"

/* Portal submissions are stamped with the date in Kazakhstan (UTC+5),
 * the day the statutory clock starts (O145-4, O145-5, O145-10); so are
 * templates when they reach the Operator (O145-7, awp-server-sync.c). */
void
awp_server_today (GDate *date)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (5 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

char *
awp_server_due_date (AwpServer   *server,
                     const char  *norm,
                     const GDate *date)
{
  AwpDeadline dl;

  if (!awp_deadline_compute (server->rules, server->calendar, norm, date, &dl, NULL))
    return NULL;
  return awp_protocol_format_date (&dl.date);
}

static GPtrArray *
field_errors (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);
}

static JsonObject *
body_object (AwpServerRequest *req)
{
  if (req->body == NULL || !JSON_NODE_HOLDS_OBJECT (req->body))
    {
      g_autoptr(GPtrArray) fields = field_errors ();

      g_ptr_array_add (fields, awp_field_error_new ("body", "required", "body: a JSON object is required"));
      awp_server_reply_error (req, 400, "validation_failed", "A JSON object is required", fields);
      return NULL;
    }
  return json_node_get_object (req->body);
}

static gboolean
org_exists (AwpServer  *server,
            const char *org_id)
{
  g_autoptr(sqlite3_stmt) stmt = awp_server_db_prepare (server->db, "SELECT 1 FROM orgs WHERE id = ?", NULL);

  if (stmt == NULL || org_id == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, org_id, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Copies the listed string members of @in into @patch. */
static void
copy_strings (JsonObject        *in,
              JsonObject        *patch,
              const char *const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      JsonNode *n = json_object_get_member (in, names[i]);

      if (n != NULL)
        json_object_set_member (patch, names[i], json_node_copy (n));
    }
}

static void
rename_member (JsonObject *o,
               const char *from,
               const char *to)
{
  JsonNode *n = json_object_get_member (o, from);

  if (n == NULL)
    return;
  json_object_set_member (o, to, json_node_copy (n));
  json_object_remove_member (o, from);
}

/* Runs @patch as a create mutation for @org_id and answers 201 with the
 * new record, or 400 with the field errors of the one validator. */
static void
submit (AwpServerRequest *req,
        const char       *org_id,
        const char       *entity_type,
        JsonObject       *patch)
{
  AwpServerUser portal = { (char *) AWP_SERVER_PORTAL_USER, (char *) AWP_SERVER_PORTAL_USER, (char *) org_id, (char *) "portal", AWP_ROLE_ADMINISTRATOR };
  const char *key = soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg), "Idempotency-Key");
  g_autofree char *mutation_id = NULL;
  g_autofree char *entity_id = g_uuid_string_random ();
  g_autofree char *result = NULL;
  g_autoptr(JsonNode) mnode = NULL;
  g_autoptr(JsonNode) rnode = NULL;
  JsonObject *m = json_object_new ();
  JsonObject *r;
  const char *status;

  /* A citizen's retried submission with the same key is applied once. */
  mutation_id = key != NULL && strlen (key) <= 64 ? g_strdup (key) : g_uuid_string_random ();
  json_object_set_string_member (m, "mutation_id", mutation_id);
  json_object_set_string_member (m, "entity_type", entity_type);
  json_object_set_string_member (m, "entity_id", entity_id);
  json_object_set_string_member (m, "op", "create");
  json_object_set_object_member (m, "patch", json_object_ref (patch));
  mnode = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (mnode, m);

  result = awp_server_sync_apply (req->server, &portal, "portal", mnode);
  rnode = json_from_string (result, NULL);
  r = json_node_get_object (rnode);
  status = awp_json_get_string (r, "status");
  if (g_strcmp0 (status, "applied") == 0)
    {
      g_autofree char *rec = NULL;
      g_autoptr(sqlite3_stmt) stmt = awp_server_db_prepare (req->server->db,
                                                            "SELECT entity_type, id FROM records WHERE origin_mutation_id = ? AND changed_by = 'portal'", NULL);

      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, mutation_id, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            rec = awp_server_db_record_json (req->server->db, (const char *) sqlite3_column_text (stmt, 0),
                                             (const char *) sqlite3_column_text (stmt, 1));
        }
      if (rec != NULL)
        {
          awp_server_reply_text (req, 201, rec);
          return;
        }
    }
  if (g_strcmp0 (status, "rejected") == 0)
    {
      g_autoptr(GPtrArray) fields = field_errors ();
      JsonArray *errs = json_object_get_array_member (r, "errors");

      for (guint i = 0; errs != NULL && i < json_array_get_length (errs); i++)
        {
          JsonObject *e = json_array_get_object_element (errs, i);

          g_ptr_array_add (fields, awp_field_error_new (awp_json_get_string (e, "field"),
                                                        awp_json_get_string (e, "code"),
                                                        awp_json_get_string (e, "message")));
        }
      awp_server_reply_error (req, 400, "validation_failed", "Some fields are not valid", fields);
      return;
    }
  awp_server_reply_error (req, 503, "retry", "Try again later", NULL);
}

static const char *
target_org (AwpServerRequest *req,
            JsonObject       *in)
{
  const char *org = awp_json_get_string (in, "org");

  if (!org_exists (req->server, org))
    {
      g_autoptr(GPtrArray) fields = field_errors ();

      g_ptr_array_add (fields, awp_field_error_new ("org", org == NULL ? "required" : "not_found",
                                                    "org: required, the id of an organization"));
      awp_server_reply_error (req, 400, "validation_failed", "Unknown organization", fields);
      return NULL;
    }
  return org;
}

/* The referenced record must exist in the same organization. */
static gboolean
check_ref (AwpServerRequest *req,
           JsonObject       *in,
           const char       *org,
           const char       *field,
           const char       *entity_type)
{
  const char *id = awp_json_get_string (in, field);
  g_autoptr(AwpRecord) rec = NULL;

  if (id != NULL && strlen (id) <= 64)
    rec = awp_server_db_get_record (req->server->db, entity_type, id, NULL);
  if (rec == NULL || rec->deleted || g_strcmp0 (rec->org_id, org) != 0)
    {
      g_autoptr(GPtrArray) fields = field_errors ();
      g_autofree char *msg = g_strdup_printf ("%s: required, the id of a %s of this organization", field, entity_type);

      g_ptr_array_add (fields, awp_field_error_new (field, id == NULL ? "required" : "not_found", msg));
      awp_server_reply_error (req, 400, "validation_failed", "Unknown record", fields);
      return FALSE;
    }
  return TRUE;
}

static void
portal_received (AwpServerRequest *req,
                 const char       *entity_type,
                 const char       *norm,
                 const char *const *names)
{
  JsonObject *in = body_object (req);
  g_autoptr(JsonObject) patch = json_object_new ();
  g_autofree char *received = NULL;
  g_autofree char *due = NULL;
  const char *org;
  GDate today;

  if (in == NULL || (org = target_org (req, in)) == NULL)
    return;
  copy_strings (in, patch, names);
  /* The portal's form names, the record's (the client store's) names. */
  rename_member (patch, "author_name", "requester");
  rename_member (patch, "authentication", "auth_method");
  awp_server_today (&today);
  received = awp_protocol_format_date (&today);
  due = awp_server_due_date (req->server, norm, &today);
  json_object_set_string_member (patch, "status", "received");
  json_object_set_string_member (patch, "received_on", received);
  if (due != NULL)
    json_object_set_string_member (patch, "due_on", due);
  submit (req, org, entity_type, patch);
}

void
awp_server_portal_request (AwpServerRequest *req)
{
  static const char *const names[] = { "subject", "text", "author_name", "author_contact",
                                       "authentication", "lang", NULL };

  /* O145-5.1: an accepted request is answered within 15 calendar days. */
  portal_received (req, "blog_request", "O145-5.1", names);
}

void
awp_server_portal_application (AwpServerRequest *req)
{
  /* The record's (the client store's) names, as for a blog request; the
   * older form names still come in (a portal not yet updated), a new
   * name winning over its old one (docs/api/openapi.yaml). */
  static const char *const names[] = { "subject", "text", "requester", "author_contact", "lang", NULL };
  static const char *const renamed[][2] = {
    { "topic", "subject" }, { "applicant_name", "requester" }, { "applicant_contact", "author_contact" },
  };
  JsonObject *in = body_object (req);

  if (in == NULL)
    return;  /* answered 400 */
  for (guint i = 0; i < G_N_ELEMENTS (renamed); i++)
    if (json_object_has_member (in, renamed[i][0]))
      {
        if (!json_object_has_member (in, renamed[i][1]))
          json_object_set_member (in, renamed[i][1], json_node_copy (json_object_get_member (in, renamed[i][0])));
        json_object_remove_member (in, renamed[i][0]);
      }
  /* O145-10.2: accepted or refused within 5 working days. */
  portal_received (req, "conference_application", "O145-10.2", names);
}

static void
portal_ref (AwpServerRequest  *req,
            const char        *entity_type,
            const char        *ref_field,
            const char        *ref_type,
            const char *const *names)
{
  JsonObject *in = body_object (req);
  g_autoptr(JsonObject) patch = json_object_new ();
  const char *org;

  if (in == NULL || (org = target_org (req, in)) == NULL)
    return;
  if (!check_ref (req, in, org, ref_field, ref_type))
    return;
  copy_strings (in, patch, names);
  /* The portal's form names, the client store's (awp-meeting-store.h). */
  rename_member (patch, "meeting_id", "parent_id");
  rename_member (patch, "author_name", "author");
  if (g_str_equal (entity_type, "meeting_registration"))
    json_object_set_string_member (patch, "channel", "electronic");  /* O605-9 */
  submit (req, org, entity_type, patch);
}

void
awp_server_portal_rating (AwpServerRequest *req)
{
  static const char *const names[] = { "request_id", "value", "reason", NULL };

  portal_ref (req, "blog_request_rating", "request_id", "blog_request", names);
}

void
awp_server_portal_registration (AwpServerRequest *req)
{
  static const char *const names[] = { "meeting_id", "name", "contact", NULL };

  portal_ref (req, "meeting_registration", "meeting_id", "meeting", names);
}

void
awp_server_portal_comment (AwpServerRequest *req)
{
  static const char *const names[] = { "meeting_id", "text", "author_name", NULL };

  /* O605: comments on an open meeting's broadcast. */
  portal_ref (req, "meeting_comment", "meeting_id", "meeting", names);
}

/* The published conference or survey @field names, of @org, open on
 * @today from its @first_field to its @last_field day (O145-9, O145-11);
 * else replies 400 (unknown), or 409 not_published / not_open. */
static AwpRecord *
open_template (AwpServerRequest *req,
               JsonObject       *in,
               const char       *org,
               const char       *field,
               const char       *entity_type,
               const char       *first_field,
               const char       *last_field,
               const GDate      *today)
{
  g_autoptr(AwpRecord) rec = NULL;
  g_autoptr(GPtrArray) fields = field_errors ();
  const char *status;
  const char *first, *last;
  GDate from, to;

  if (!check_ref (req, in, org, field, entity_type))
    return NULL;
  rec = awp_server_db_get_record (req->server->db, entity_type, awp_json_get_string (in, field), NULL);
  if (rec == NULL)
    {
      awp_server_reply_error (req, 503, "retry", "Try again later", NULL);
      return NULL;
    }
  status = json_object_get_string_member_with_default (rec->data, "status", "draft");
  if (!g_str_equal (status, "published"))
    {
      g_autofree char *msg = g_strdup_printf ("%s: the %s is %s, not published", field, entity_type, status);

      g_ptr_array_add (fields, awp_field_error_new (field, "not_published", msg));
      awp_server_reply_error (req, 409, "not_published", "Only a published conference or survey takes part from citizens", fields);
      return NULL;
    }
  first = json_object_get_string_member_with_default (rec->data, first_field, "");
  last = json_object_get_string_member_with_default (rec->data, last_field, "");
  if (!awp_calendar_parse_date (first, first_field, &from, NULL) || !awp_calendar_parse_date (last, last_field, &to, NULL)
      || g_date_compare (today, &from) < 0 || g_date_compare (today, &to) > 0)
    {
      g_autofree char *day = awp_protocol_format_date (today);
      g_autofree char *msg = g_strdup_printf ("%s: the %s is open from %s to %s; today is %s", field, entity_type,
                                              first, last, day);

      g_ptr_array_add (fields, awp_field_error_new (field, "not_open", msg));
      awp_server_reply_error (req, 409, "not_open", "The conference or survey is not open today", fields);
      return NULL;
    }
  return g_steal_pointer (&rec);
}

void
awp_server_portal_question (AwpServerRequest *req)
{
  static const char *const names[] = { "conference_id", "text", "author_name", NULL };
  JsonObject *in = body_object (req);
  g_autoptr(JsonObject) patch = json_object_new ();
  g_autoptr(AwpRecord) conference = NULL;
  g_autofree char *received = NULL;
  const char *org;
  GDate today;

  if (in == NULL || (org = target_org (req, in)) == NULL)
    return;
  awp_server_today (&today);
  /* O145-9.2: asked while the conference runs, answered before it closes. */
  conference = open_template (req, in, org, "conference_id", "conference", "opens_on", "closes_on", &today);
  if (conference == NULL)
    return;
  copy_strings (in, patch, names);
  rename_member (patch, "conference_id", "parent_id");
  rename_member (patch, "author_name", "author");
  /* The queue's subject column, as awp_conference_question_receive fills it. */
  if (awp_json_get_string (patch, "text") != NULL)
    json_object_set_string_member (patch, "subject", awp_json_get_string (patch, "text"));
  received = awp_protocol_format_date (&today);
  json_object_set_string_member (patch, "received_on", received);
  submit (req, org, "conference_question", patch);
}

void
awp_server_portal_survey_response (AwpServerRequest *req)
{
  JsonObject *in = body_object (req);
  const char *key = soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg), "Idempotency-Key");
  g_autoptr(AwpRecord) survey = NULL;
  g_autoptr(GPtrArray) fields = field_errors ();
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reply = NULL;
  const char *org;
  GDate today;

  if (in == NULL || (org = target_org (req, in)) == NULL)
    return;
  awp_server_today (&today);
  /* O145-11: a survey answers from its launch to its closing day. */
  survey = open_template (req, in, org, "survey_id", "survey", "launch_on", "close_on", &today);
  if (survey == NULL)
    return;
  choices = awp_server_live_check_answers (survey->data, json_object_get_member (in, "answers"), fields);
  if (choices == NULL)
    {
      awp_server_reply_error (req, 400, "validation_failed", "The answers do not fit the survey's questions", fields);
      return;
    }
  reply = awp_server_live_add_response (req->server, survey->id, choices,
                                        key != NULL && strlen (key) <= 64 ? key : NULL, &error);
  if (reply == NULL)
    {
      g_warning ("survey response not recorded: %s", error->message);
      awp_server_reply_error (req, 503, "retry", "Try again later", NULL);
      return;
    }
  awp_server_reply_text (req, 201, reply);
}

/* Records of @types waiting in state @waiting, of every org. */
static void
queue (AwpServerRequest  *req,
       const char *const *types,
       const char        *waiting)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) out = g_string_new ("{\"items\":[");
  guint n = 0;

  stmt = awp_server_db_prepare (req->server->db,
                                "SELECT org_id, entity_type, " AWP_RECORD_JSON_SQL " FROM records"
                                " WHERE entity_type IN (?1, coalesce (?2, ?1))"
                                " AND NOT deleted AND json_extract(data, '$.status') = ?3 ORDER BY seq", NULL);
  if (stmt == NULL)
    {
      awp_server_reply_error (req, 500, "internal", "The queue is unavailable", NULL);
      return;
    }
  sqlite3_bind_text (stmt, 1, types[0], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, types[1], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, waiting, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (!awp_server_may_read (req->user, (const char *) sqlite3_column_text (stmt, 1),
                                (const char *) sqlite3_column_text (stmt, 0)))
        continue;
      g_string_append_printf (out, "%s%s", n++ > 0 ? "," : "", sqlite3_column_text (stmt, 2));
    }
  g_string_append (out, "]}");
  awp_server_reply_text (req, 200, out->str);
}

static JsonObject *
create_mutation (const char *entity_type,
                 JsonObject *data)
{
  JsonObject *m = json_object_new ();
  g_autofree char *mutation_id = g_uuid_string_random ();
  g_autofree char *id = g_uuid_string_random ();

  json_object_set_string_member (m, "mutation_id", mutation_id);
  json_object_set_string_member (m, "entity_type", entity_type);
  json_object_set_string_member (m, "entity_id", id);
  json_object_set_string_member (m, "op", "create");
  json_object_set_object_member (m, "patch", data);
  return m;
}

static void
copy_string (JsonObject *to,
             const char *to_member,
             JsonObject *from,
             const char *from_member)
{
  json_object_set_string_member (to, to_member, json_object_get_string_member_with_default (from, from_member, ""));
}

/* O93-5 through the API: accrediting enters the channel into the Registry
 * in the same step, as the workstation does (awp_registry_include): the
 * entry (its number the server's), its "included" line and the decision
 * are one group, applied all or none. Answers the decision's result. */
static void
accredit (AwpServerRequest *req,
          AwpRecord        *application,
          JsonNode         *decision,
          const char       *client_id)
{
  g_autoptr(JsonArray) group = json_array_new ();
  JsonObject *entry = json_object_new ();
  JsonObject *line = json_object_new ();
  JsonObject *patch = json_object_get_object_member (json_node_get_object (decision), "patch");
  JsonObject *entry_m, *line_m;
  g_auto(GStrv) results = NULL;
  g_autofree char *day = NULL;
  GDate today;

  awp_server_today (&today);
  day = awp_protocol_format_date (&today);
  copy_string (entry, "name_kk", application->data, "channel_name_kk");
  copy_string (entry, "name_ru", application->data, "channel_name_ru");
  copy_string (entry, "owner_kk", application->data, "from_body_kk");
  copy_string (entry, "owner_ru", application->data, "from_body_ru");
  copy_string (entry, "subject", application->data, "channel_name_ru");
  copy_string (entry, "requester", application->data, "from_body_ru");
  json_object_set_string_member (entry, "included_on", day);
  json_object_set_string_member (entry, "application_id", application->id);
  entry_m = create_mutation ("channel", entry);
  json_object_set_string_member (line, "parent_id", json_object_get_string_member (entry_m, "entity_id"));
  json_object_set_string_member (line, "kind", "included");
  json_object_set_string_member (line, "on", day);
  json_object_set_string_member (line, "norm", "O93-5");
  json_object_set_string_member (line, "source_id", application->id);
  line_m = create_mutation ("channel_history", line);
  json_object_set_string_member (patch, "channel_id", json_object_get_string_member (entry_m, "entity_id"));
  json_object_set_string_member (patch, "decided_on", day);
  json_array_add_object_element (group, entry_m);
  json_array_add_object_element (group, line_m);
  json_array_add_object_element (group, json_object_ref (json_node_get_object (decision)));
  results = awp_server_sync_apply_group (req->server, req->user, client_id, group);
  awp_server_reply_text (req, 200, results[2]);
}

/* A decision is an update mutation by the deciding user, so it merges,
 * conflicts and reaches every client's pull like any other change. */
static void
decide (AwpServerRequest  *req,
        const char *const *types,
        const char        *approved_state,
        const char        *rejected_state,
        const char        *note_field)
{
  JsonObject *in = body_object (req);
  const char *decision, *note;
  g_autoptr(AwpRecord) rec = NULL;
  g_autoptr(JsonNode) mnode = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *mutation_id = g_uuid_string_random ();
  g_autofree char *result = NULL;
  g_autofree char *client_id = NULL;
  const char *entity_type = NULL;
  JsonObject *m, *patch;

  if (in == NULL)
    return;
  decision = awp_json_get_string (in, "decision");
  note = awp_json_get_string (in, "note");
  if (g_strcmp0 (decision, "approved") != 0 && g_strcmp0 (decision, "rejected") != 0)
    {
      g_autoptr(GPtrArray) fields = field_errors ();

      g_ptr_array_add (fields, awp_field_error_new ("decision", "invalid", "decision: must be approved or rejected"));
      awp_server_reply_error (req, 400, "validation_failed", "The decision is not valid", fields);
      return;
    }
  for (guint i = 0; rec == NULL && types[i] != NULL; i++)
    {
      rec = awp_server_db_get_record (req->server->db, types[i], req->params[0], NULL);
      entity_type = types[i];
    }
  if (rec == NULL || rec->deleted || !awp_server_may_read (req->user, entity_type, rec->org_id))
    {
      awp_server_reply_error (req, 404, "not_found", "No such record", NULL);
      return;
    }
  m = json_object_new ();
  patch = json_object_new ();
  json_object_set_string_member (patch, "status",
                                 g_str_equal (decision, "approved") ? approved_state : rejected_state);
  if (note != NULL)
    json_object_set_string_member (patch, note_field, note);
  json_object_set_string_member (m, "mutation_id", mutation_id);
  json_object_set_string_member (m, "entity_type", entity_type);
  json_object_set_string_member (m, "entity_id", rec->id);
  json_object_set_string_member (m, "op", "update");
  json_object_set_int_member (m, "base_version", rec->version);
  json_object_set_object_member (m, "patch", patch);
  json_node_take_object (mnode, m);
  client_id = g_strdup_printf ("api-%s", req->user->id);
  if (g_str_equal (entity_type, "accreditation_application") && g_str_equal (decision, "approved"))
    {
      accredit (req, rec, mnode, client_id);
      return;
    }
  result = awp_server_sync_apply (req->server, req->user, client_id, mnode);
  awp_server_reply_text (req, 200, result);
}

/* The Operator's review queue: conference and survey templates (O145-7). */
static const char *const templates[] = { "conference", "survey", NULL };
static const char *const accreditations[] = { "accreditation_application", NULL, NULL };

void
awp_server_operator_templates (AwpServerRequest *req)
{
  if (awp_server_require_role (req, AWP_ROLE_BIT (AWP_ROLE_OPERATOR)))
    queue (req, templates, "submitted");
}

void
awp_server_operator_decide (AwpServerRequest *req)
{
  if (awp_server_require_role (req, AWP_ROLE_BIT (AWP_ROLE_OPERATOR)))
    decide (req, templates, "accepted", "returned", "remarks");  /* O145-7: what the editor shows */
}

void
awp_server_accreditation_list (AwpServerRequest *req)
{
  if (awp_server_require_role (req, AWP_ROLE_BIT (AWP_ROLE_AUTHORIZED_BODY)))
    queue (req, accreditations, "sent");
}

void
awp_server_accreditation_decide (AwpServerRequest *req)
{
  if (awp_server_require_role (req, AWP_ROLE_BIT (AWP_ROLE_AUTHORIZED_BODY)))
    decide (req, accreditations, "accredited", "refused", "decision_note");  /* O93-5 */
}

void
awp_server_ref_organizations (AwpServerRequest *req)
{
  g_autoptr(sqlite3_stmt) stmt = awp_server_db_prepare (req->server->db,
                                                        "SELECT json_object('id', id, 'kind', kind, 'name_kk', name_kk,"
                                                        " 'name_ru', name_ru, 'bin', bin) FROM orgs ORDER BY id", NULL);
  g_autoptr(GString) out = g_string_new ("{\"items\":[");
  guint n = 0;

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s%s", n++ > 0 ? "," : "", sqlite3_column_text (stmt, 0));
  g_string_append (out, "]}");
  awp_server_reply_text (req, 200, out->str);
}

void
awp_server_ref_users (AwpServerRequest *req)
{
  /* The Operator grants access to every body (O145-12); others see their own. */
  gboolean all = req->user->role == AWP_ROLE_OPERATOR;
  g_autoptr(sqlite3_stmt) stmt = awp_server_db_prepare (req->server->db,
                                                        "SELECT json_object('id', id, 'username', username, 'full_name', full_name,"
                                                        " 'role', role, 'org_id', org_id) FROM users"
                                                        " WHERE ?1 OR org_id = ?2 ORDER BY username", NULL);
  g_autoptr(GString) out = g_string_new ("{\"items\":[");
  guint n = 0;

  if (stmt != NULL)
    {
      sqlite3_bind_int (stmt, 1, all);
      sqlite3_bind_text (stmt, 2, req->user->org_id, -1, SQLITE_STATIC);
    }
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s%s", n++ > 0 ? "," : "", sqlite3_column_text (stmt, 0));
  g_string_append (out, "]}");
  awp_server_reply_text (req, 200, out->str);
}

void
awp_server_ref_calendar (AwpServerRequest *req)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (int year = 2022; year <= 2027; year++)
    {
      g_autoptr(GArray) days = awp_calendar_list_special_days (req->server->calendar, year);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "year");
      json_builder_add_int_value (b, year);
      json_builder_set_member_name (b, "version");
      json_builder_add_int_value (b, awp_calendar_year_version (req->server->calendar, year));
      json_builder_set_member_name (b, "provisional");
      json_builder_add_boolean_value (b, awp_calendar_year_is_provisional (req->server->calendar, year));
      json_builder_set_member_name (b, "special_days");
      json_builder_begin_array (b);
      for (guint i = 0; days != NULL && i < days->len; i++)
        {
          g_autofree char *d = awp_protocol_format_date (&g_array_index (days, GDate, i));

          json_builder_add_string_value (b, d);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  awp_server_reply_json (req, 200, root);
}

void
awp_server_ref_rule_sets (AwpServerRequest *req)
{
  static const char *const kinds[] = { "within", "before", "lasts", "by-date", "extension" };
  g_auto(GStrv) norms = awp_rule_set_list_norms (req->server->rules);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GDate today;

  awp_server_today (&today);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; norms != NULL && norms[i] != NULL; i++)
    {
      const AwpRule *rule = awp_rule_set_lookup (req->server->rules, norms[i], &today, NULL);

      if (rule == NULL)
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "norm");
      json_builder_add_string_value (b, norms[i]);
      json_builder_set_member_name (b, "rule_set");
      json_builder_add_string_value (b, awp_rule_get_rule_set (rule));
      json_builder_set_member_name (b, "version");
      json_builder_add_int_value (b, awp_rule_get_version (rule));
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, kinds[awp_rule_get_kind (rule)]);
      json_builder_set_member_name (b, "unit");
      json_builder_add_string_value (b, awp_rule_get_unit (rule) == AWP_RULE_WORKING_DAYS ? "working-days" : "calendar-days");
      json_builder_set_member_name (b, "length");
      json_builder_add_int_value (b, awp_rule_get_length (rule));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  awp_server_reply_json (req, 200, root);
}

#include "config.h"

#include <string.h>

#include "awp-json-util.h"
#include "awp-server-db.h"
#include "awp-server-live.h"

static gboolean
is_portal (const AwpServerUser *user)
{
  return g_strcmp0 (user->id, AWP_SERVER_PORTAL_USER) == 0;
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

void
awp_server_live_strip_owned (const AwpServerUser *user,
                             AwpMutation         *m)
{
  if (is_portal (user) || g_strcmp0 (m->entity_type, "survey") != 0)
    return;
  if (json_object_has_member (m->patch, "results"))
    json_object_remove_member (m->patch, "results");
  if (json_object_has_member (m->base_values, "results"))
    json_object_remove_member (m->base_values, "results");
}

gint64
awp_server_live_unanswered (AwpServer  *server,
                            const char *conference_id)
{
  g_autoptr(AwpServerStmt) stmt = awp_server_db_cached (server->db,
    "SELECT count(*) FROM records WHERE entity_type = 'conference_question' AND NOT deleted"
    " AND json_extract(data, '$.parent_id') = ?"
    " AND trim(coalesce(json_extract(data, '$.answer'), '')) = ''", NULL);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, conference_id, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
}

static const char *
status_of (JsonObject *data)
{
  return data != NULL ? json_object_get_string_member_with_default (data, "status", "") : "";
}

/* The members the body writes on a citizen's question. */
static gboolean
answer_field (const char *name)
{
  return g_str_equal (name, "answer") || g_str_equal (name, "answered_on") || g_str_equal (name, "answered_by");
}

static void
check_question (AwpMutation *m,
                JsonObject  *before,
                JsonObject  *after,
                GPtrArray   *errors)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *sides[] = { before, after };
  GHashTableIter iter;
  gpointer name;

  if (m->op != AWP_MUTATION_UPDATE || before == NULL || after == NULL)
    {
      add (errors, "op", "forbidden",
           "op: questions come from citizens through the portal; the body answers them (O145-9.2)");
      return;
    }
  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      g_autoptr(GList) list = json_object_get_members (sides[s]);

      for (GList *l = list; l != NULL; l = l->next)
        g_hash_table_add (names, l->data);
    }
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      JsonNode *a = json_object_get_member (before, name);
      JsonNode *b = json_object_get_member (after, name);

      if (answer_field (name) || (a != NULL && b != NULL && json_node_equal (a, b)))
        continue;
      add (errors, name, "forbidden", "%s: the citizen's question; the body writes only the answer (O145-9.2)",
           (const char *) name);
    }
}

const char *
awp_server_live_guard (AwpServer           *server,
                       const AwpServerUser *user,
                       AwpMutation         *m,
                       JsonObject          *before,
                       JsonObject          *after,
                       const char         **message,
                       GPtrArray           *errors)
{
  guint had = errors->len;

  if (g_str_equal (m->entity_type, "conference_question") && !is_portal (user))
    {
      check_question (m, before, after, errors);
      if (errors->len > had)
        {
          *message = "A question is the citizen's; only its answer is the body's (O145-9.2)";
          return "forbidden";
        }
    }
  if (g_str_equal (m->entity_type, "conference") && g_str_equal (status_of (after), "closed")
      && !g_str_equal (status_of (before), "closed"))
    {
      gint64 open = awp_server_live_unanswered (server, m->entity_id);

      if (open != 0)
        {
          add (errors, "status", "unanswered_questions",
               "status: %" G_GINT64_FORMAT " question(s) still without an answer; O145-9.2 answers every question before the conference closes",
               open);
          *message = "The conference cannot close while a question is unanswered (O145-9.2)";
          return "validation_failed";
        }
    }
  return NULL;
}

static JsonArray *
array_member (JsonObject *o,
              const char *name)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, name) : NULL;

  return n != NULL && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

static JsonArray *
node_array (JsonNode *n)
{
  return n != NULL && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

static gint64
int_element (JsonArray *a,
             guint      i)
{
  JsonNode *n = json_array_get_element (a, i);

  return JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_INT64 ? json_node_get_int (n) : 0;
}

static JsonObject *
object_element (JsonArray *a,
                guint      i)
{
  JsonNode *n = json_array_get_element (a, i);

  return JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static guint
n_options (JsonObject *question)
{
  JsonArray *options = array_member (question, "options");

  return options != NULL ? json_array_get_length (options) : 0;
}

GPtrArray *
awp_server_live_check_answers (JsonObject *survey,
                               JsonNode   *answers,
                               GPtrArray  *errors)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  JsonArray *questions = array_member (survey, "questions");
  guint nq = questions != NULL ? json_array_get_length (questions) : 0;
  guint had = errors->len;
  JsonArray *list;

  if (answers == NULL || !JSON_NODE_HOLDS_ARRAY (answers))
    {
      add (errors, "answers", answers == NULL ? "required" : "type",
           "answers: required, one list of chosen option numbers (from 0) per question");
      return NULL;
    }
  list = json_node_get_array (answers);
  if (json_array_get_length (list) != nq)
    {
      add (errors, "answers", "invalid", "answers: the survey has %u question(s), the response answers %u",
           nq, json_array_get_length (list));
      return NULL;
    }
  for (guint q = 0; q < nq; q++)
    {
      JsonObject *question = object_element (questions, q);
      gboolean multiple = g_strcmp0 (json_object_get_string_member_with_default (question, "choice", "single"),
                                     "multiple") == 0;
      guint no = n_options (question);
      JsonNode *node = json_array_get_element (list, q);
      g_autofree char *field = g_strdup_printf ("answers[%u]", q);
      GArray *chosen = g_array_new (FALSE, FALSE, sizeof (guint));
      JsonArray *picks;

      g_ptr_array_add (out, chosen);
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          add (errors, field, "type", "%s: must be a list of option numbers", field);
          continue;
        }
      picks = json_node_get_array (node);
      if (json_array_get_length (picks) == 0 || (!multiple && json_array_get_length (picks) != 1))
        {
          add (errors, field, "invalid", multiple ? "%s: a multiple-choice question takes one option or more"
                                                  : "%s: a single-choice question takes exactly one option", field);
          continue;
        }
      for (guint i = 0; i < json_array_get_length (picks); i++)
        {
          JsonNode *p = json_array_get_element (picks, i);
          gint64 v = JSON_NODE_HOLDS_VALUE (p) && json_node_get_value_type (p) == G_TYPE_INT64 ? json_node_get_int (p) : -1;
          guint k;
          gboolean again = FALSE;

          if (v < 0 || v >= no)
            {
              add (errors, field, "range", "%s: an option number from 0 to %u is expected", field, no > 0 ? no - 1 : 0);
              break;
            }
          for (k = 0; k < chosen->len; k++)
            again |= g_array_index (chosen, guint, k) == (guint) v;
          if (again)
            {
              add (errors, field, "invalid", "%s: option %u is chosen twice", field, (guint) v);
              break;
            }
          k = (guint) v;
          g_array_append_val (chosen, k);
        }
    }
  return errors->len > had ? NULL : g_steal_pointer (&out);
}

/* The results in the shape of the questions: what was counted so far
 * where it fits, zeros elsewhere. */
static JsonObject *
add_to_results (JsonObject *survey,
                GPtrArray  *choices)
{
  JsonObject *old = NULL;
  JsonArray *old_counts;
  JsonArray *questions = array_member (survey, "questions");
  JsonObject *results = json_object_new ();
  JsonArray *counts = json_array_new ();
  JsonNode *n = json_object_get_member (survey, "results");
  gint64 respondents = 0;

  if (n != NULL && JSON_NODE_HOLDS_OBJECT (n))
    old = json_node_get_object (n);
  if (old != NULL)
    respondents = MAX (json_object_get_int_member_with_default (old, "respondents", 0), 0);
  old_counts = array_member (old, "counts");
  for (guint q = 0; q < choices->len; q++)
    {
      GArray *chosen = g_ptr_array_index (choices, q);
      guint no = n_options (object_element (questions, q));
      JsonArray *was = old_counts != NULL && q < json_array_get_length (old_counts)
                       ? node_array (json_array_get_element (old_counts, q)) : NULL;
      JsonArray *row = json_array_new ();

      for (guint o = 0; o < no; o++)
        {
          gint64 c = 0;

          if (was != NULL && o < json_array_get_length (was))
            c = MAX (int_element (was, o), 0);
          for (guint k = 0; k < chosen->len; k++)
            c += g_array_index (chosen, guint, k) == o;
          json_array_add_int_element (row, c);
        }
      json_array_add_array_element (counts, row);
    }
  json_object_set_int_member (results, "respondents", respondents + 1);
  json_object_set_array_member (results, "counts", counts);
  return results;
}

static char *
stored_reply (AwpServer  *server,
              const char *key)
{
  g_autoptr(AwpServerStmt) stmt = awp_server_db_cached (server->db,
    "SELECT result FROM applied_mutations WHERE client_id = 'portal-survey' AND mutation_id = ?", NULL);

  if (stmt == NULL || key == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;
}

static gboolean
write_response (AwpServer   *server,
                const char  *survey_id,
                GPtrArray   *choices,
                const char  *key,
                char       **reply,
                GError     **error)
{
  g_autoptr(AwpRecord) rec = awp_server_db_get_record (server->db, "survey", survey_id, error);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *results;

  if (rec == NULL || rec->deleted)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "survey %s is gone", survey_id);
      return FALSE;
    }
  results = add_to_results (rec->data, choices);
  json_object_set_object_member (rec->data, "results", results);
  /* A new version of the record: every body's pull carries the counts, and
   * a body's concurrent edit of other fields merges (results are stripped
   * from its patches, awp_server_live_strip_owned). */
  rec->version++;
  g_free (rec->changed_by);
  rec->changed_by = g_strdup (AWP_SERVER_PORTAL_USER);
  rec->changed_at = g_get_real_time () / G_USEC_PER_SEC;
  g_free (rec->origin_mutation_id);
  rec->origin_mutation_id = g_uuid_string_random ();
  if (!awp_server_db_put_record (server->db, rec, error))
    return FALSE;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "survey_id");
  json_builder_add_string_value (b, survey_id);
  json_builder_set_member_name (b, "respondents");
  json_builder_add_int_value (b, json_object_get_int_member (results, "respondents"));
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, rec->version);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  *reply = json_to_string (root, FALSE);
  if (key != NULL)
    {
      g_autoptr(AwpServerStmt) stmt = awp_server_db_cached (server->db,
                                                            "INSERT INTO applied_mutations VALUES ('portal-survey', ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, *reply, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          awp_server_db_set_error (server->db, error);
          return FALSE;
        }
    }
  return TRUE;
}

char *
awp_server_live_add_response (AwpServer   *server,
                              const char  *survey_id,
                              GPtrArray   *choices,
                              const char  *key,
                              GError     **error)
{
  g_autofree char *reply = NULL;

  if (!awp_server_db_begin (server->db, error))
    return NULL;
  reply = stored_reply (server, key);
  if (reply == NULL && !write_response (server, survey_id, choices, key, &reply, error))
    {
      awp_server_db_rollback (server->db);
      return NULL;
    }
  if (!awp_server_db_commit (server->db, error))
    {
      awp_server_db_rollback (server->db);
      return NULL;
    }
  return g_steal_pointer (&reply);
}

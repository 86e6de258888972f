#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-conference-questions.h"
#include "awp-state-machine.h"
#include "awp-store-private.h"
#include "awp-template-check.h"
#include "awp-validate.h"

/* The live question queue of a conference (O145-9.2). Questions are child
 * records, so they sync one by one like any other record. */

static JsonObject *
load_typed (AwpStore    *store,
            const char  *id,
            const char  *type,
            GError     **error)
{
  g_autoptr(JsonObject) record = awp_store_get_record (store, id, error);

  if (record == NULL)
    return NULL;
  if (!g_str_equal (json_object_get_string_member (record, "type"), type))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The record “%s” is not of type “%s”"), id, type);
      return NULL;
    }
  return g_steal_pointer (&record);
}

static const char *
status_of (JsonObject *record)
{
  return json_object_get_string_member_with_default (json_object_get_object_member (record, "data"),
                                                     "status", "draft");
}

char *
awp_conference_question_receive (AwpStore    *store,
                                 const char  *conference_id,
                                 const char  *text,
                                 const char  *author,
                                 const char  *actor,
                                 GError     **error)
{
  g_autoptr(JsonObject) conference = NULL;
  g_autoptr(JsonObject) data = json_object_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);

  conference = load_typed (store, conference_id, "conference", error);
  if (conference == NULL || !awp_validate_text (text, _("Question"), TRUE, AWP_CONFERENCE_ANSWER_MAX, error))
    return NULL;
  json_object_set_string_member (data, "parent_id", conference_id);
  json_object_set_string_member (data, "text", text);
  json_object_set_string_member (data, "subject", text);
  if (author != NULL)
    json_object_set_string_member (data, "author", author);
  json_object_set_string_member (data, "received_on", today);
  return awp_store_create (store, "conference_question", data, actor, error);
}

GPtrArray *
awp_conference_questions_list (AwpStore    *store,
                               const char  *conference_id,
                               GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);

  {
    g_autoptr(AwpCachedStmt) list = awp_store_prepare (store,
      "SELECT id FROM record WHERE type = 'conference_question' AND parent_id = ?"
      " ORDER BY received_on, rid", error);
    int rc;

    if (list == NULL)
      return NULL;
    sqlite3_bind_text (list, 1, conference_id, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step (list)) == SQLITE_ROW)
      g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (list, 0)));
    if (rc != SQLITE_DONE)
      {
        awp_store_fail (store, "conference_question", error);
        return NULL;
      }
  }
  for (guint i = 0; i < ids->len; i++)
    {
      JsonObject *record = awp_store_get_record (store, ids->pdata[i], error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (out, record);
    }
  return g_steal_pointer (&out);
}

gint64
awp_conference_questions_unanswered (AwpStore    *store,
                                     const char  *conference_id,
                                     GError     **error)
{
  g_autoptr(GPtrArray) questions = awp_conference_questions_list (store, conference_id, error);
  gint64 n = 0;

  if (questions == NULL)
    return -1;
  for (guint i = 0; i < questions->len; i++)
    {
      JsonObject *data = json_object_get_object_member (questions->pdata[i], "data");
      const char *answer = json_object_get_string_member_with_default (data, "answer", "");

      if (awp_validate_text (answer, "answer", TRUE, 0, NULL) == FALSE)
        n++;
    }
  return n;
}

gboolean
awp_conference_question_answer (AwpStore    *store,
                                const char  *question_id,
                                const char  *answer,
                                const char  *actor,
                                GError     **error)
{
  g_autoptr(JsonObject) question = NULL;
  g_autoptr(JsonObject) conference = NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *parent;

  g_return_val_if_fail (AWP_IS_STORE (store), FALSE);

  question = load_typed (store, question_id, "conference_question", error);
  if (question == NULL)
    return FALSE;
  parent = json_object_get_string_member_with_default (json_object_get_object_member (question, "data"),
                                                       "parent_id", "");
  conference = load_typed (store, parent, "conference", error);
  if (conference == NULL)
    return FALSE;
  if (!g_str_equal (status_of (conference), "published"))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION,
                   _("Questions are answered while the conference is published; it is “%s”"),
                   awp_state_label (status_of (conference)));
      return FALSE;
    }
  if (!awp_validate_text (answer, _("Answer"), TRUE, AWP_CONFERENCE_ANSWER_MAX, error))
    return FALSE;
  json_object_set_string_member (changes, "answer", answer);
  json_object_set_string_member (changes, "answered_on", today);
  return awp_store_update (store, question_id, changes, actor, error);
}

gboolean
awp_conference_close (AwpStore    *store,
                      const char  *conference_id,
                      const char  *actor,
                      GError     **error)
{
  g_autoptr(JsonObject) conference = NULL;
  gint64 open;

  g_return_val_if_fail (AWP_IS_STORE (store), FALSE);

  conference = load_typed (store, conference_id, "conference", error);
  if (conference == NULL)
    return FALSE;
  open = awp_conference_questions_unanswered (store, conference_id, error);
  if (open < 0)
    return FALSE;
  if (open > 0)
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question is unanswered",
                                                             "%u questions are unanswered", (gulong) open),
                                                (guint) open);

      /* TRANSLATORS: %s is "2 questions are unanswered" */
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION,
                   _("The conference cannot close yet: %s (Rules No. 145, para. 9, O145-9.2)."), count);
      return FALSE;
    }
  return awp_store_transition (store, conference_id, "close", NULL, actor, error);
}

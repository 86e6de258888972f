#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-conference-application.h"
#include "awp-state-machine.h"
#include "awp-store-private.h"

/* The application's data, after checking that it is one and that @action
 * is allowed now (so that nothing fails half-way for those reasons). */
static JsonObject *
load_application (AwpStore    *store,
                  const char  *id,
                  const char  *action,
                  GError     **error)
{
  g_autoptr(JsonObject) record = awp_store_get_record (store, id, error);
  JsonObject *data;

  if (record == NULL)
    return NULL;
  if (g_strcmp0 (json_object_get_string_member_with_default (record, "type", NULL), "conference_application") != 0)
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("Record %s is not a conference application"), id);
      return NULL;
    }
  data = json_object_get_object_member (record, "data");
  if (awp_state_machine_find (awp_state_machine_for_type ("conference_application"),
                              json_object_get_string_member_with_default (data, "status", "received"),
                              action, error) == NULL)
    return NULL;
  return json_object_ref (data);
}

/* After a failed nested call: a failure inside a write already rolled the
 * transaction back; one before any write (a bad argument) did not. */
static void
abandon (AwpStore *store)
{
  if (!sqlite3_get_autocommit (awp_store_get_db (store)))
    awp_store_rollback (store);
}

static void
copy_member (JsonObject *to,
             const char *to_name,
             JsonObject *from,
             const char *from_name)
{
  JsonNode *node = json_object_get_member (from, from_name);

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    json_object_set_member (to, to_name, json_node_copy (node));
}

char *
awp_conference_application_accept (AwpStore    *store,
                                   const char  *id,
                                   const char  *actor,
                                   GError     **error)
{
  g_autoptr(JsonObject) application = NULL;
  g_autoptr(JsonObject) conference = json_object_new ();
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *conference_id = NULL;

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL && actor != NULL, NULL);

  application = load_application (store, id, "accept", error);
  if (application == NULL)
    return NULL;
  /* The draft starts from the application: its topic and body. */
  copy_member (conference, "title", application, "subject");
  copy_member (conference, "topic_text", application, "text");
  copy_member (conference, "org_id", application, "org_id");
  copy_member (conference, "applicant", application, "requester");
  json_object_set_string_member (conference, "application_id", id);

  if (!awp_store_begin (store, error))
    return NULL;
  /* Both calls nest in this transaction: one commit, or nothing. */
  conference_id = awp_store_create (store, "conference", conference, actor, error);
  if (conference_id == NULL)
    {
      abandon (store);
      return NULL;
    }
  json_object_set_string_member (fields, "conference_id", conference_id);
  if (!awp_store_transition (store, id, "accept", fields, actor, error))
    {
      abandon (store);
      return NULL;
    }
  if (!awp_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&conference_id);
}

gboolean
awp_conference_application_refuse (AwpStore    *store,
                                   const char  *id,
                                   const char  *ground,
                                   const char  *reason,
                                   const char  *actor,
                                   GError     **error)
{
  g_autoptr(JsonObject) application = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));

  g_return_val_if_fail (AWP_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL && actor != NULL, FALSE);

  if (!g_strv_contains ((const char *const[]) { "competence", "activities", NULL }, ground ? ground : ""))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The field “%s” must be “%s” or “%s”"), "refusal_ground", "competence", "activities");
      return FALSE;
    }
  if (*trimmed == '\0')
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The field “%s” is required"), "refusal_reason");
      return FALSE;
    }
  application = load_application (store, id, "refuse", error);
  if (application == NULL)
    return FALSE;
  json_object_set_string_member (fields, "refusal_ground", ground);
  json_object_set_string_member (fields, "refusal_reason", trimmed);
  return awp_store_transition (store, id, "refuse", fields, actor, error);
}

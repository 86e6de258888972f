#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-audit.h"
#include "awp-outbox.h"
#include "awp-state-machine.h"
#include "awp-store-private.h"
#include "awp-uuid.h"

/* User changes. Each is ONE transaction: the outbox row, the record rebuilt
 * from base + unacknowledged patches, and the audit entry. A failure in any
 * part rolls back all of them. */

static char *
iso_date (const GDate *d)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (d), g_date_get_month (d), g_date_get_day (d));
}

/* Deadlines that start on receipt (O145-4.2, 4.3, 5.1, 5.3, 10.2). */
static const struct
{
  const char *type;
  const char *key;
  const char *norm;
} receipt_deadlines[] = {
  { "blog_request", "return_by", "O145-4.3" },
  { "blog_request", "forward_by", "O145-4.2" },
  { "blog_request", "refuse_by", "O145-5.3" },
  { "blog_request", "answer_by", "O145-5.1" },
  { "conference_application", "answer_by", "O145-10.2" },
};

gboolean
awp_store_fill_deadlines (AwpCalendar  *calendar,
                          AwpRuleSet   *rules,
                          const char   *type,
                          JsonObject   *data,
                          GError      **error)
{
  const char *received = json_object_get_string_member_with_default (data, "received_on", NULL);
  JsonObject *deadlines = NULL;
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (receipt_deadlines); i++)
    {
      AwpDeadline due;
      g_autofree char *text = NULL;

      if (!g_str_equal (receipt_deadlines[i].type, type))
        continue;
      if (deadlines == NULL)
        {
          if (received == NULL || !awp_calendar_parse_date (received, "received_on", &date, error))
            {
              if (received == NULL)
                g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                             _("The field “%s” is required"), "received_on");
              return FALSE;
            }
          deadlines = json_object_new ();
          json_object_set_object_member (data, "deadlines", deadlines);
        }
      if (!awp_deadline_compute (rules, calendar, receipt_deadlines[i].norm, &date, &due, error))
        return FALSE;
      text = iso_date (&due.date);
      json_object_set_string_member (deadlines, receipt_deadlines[i].key, text);
      /* The queue's due date is the answer's. */
      if (g_str_equal (receipt_deadlines[i].key, "answer_by"))
        json_object_set_string_member (data, "due_on", text);
    }
  return TRUE;
}

/* Writes one change; @patch and @base_values are the changed fields. */
static gboolean
write_change (AwpStore    *self,
              const char  *op,
              const char  *type,
              const char  *id,
              gint64       base_version,
              JsonObject  *patch,
              JsonObject  *base_values,
              const char  *actor,
              const char  *action,
              const char  *norm,
              GError     **error)
{
  if (!awp_store_begin (self, error))
    return FALSE;
  if (!awp_outbox_add (self, op, type, id, base_version, patch, base_values, actor, error)
      || !awp_outbox_rebuild_record (self, id, error)
      || !awp_audit_append (self, actor, action, type, id, norm, patch, error))
    {
      awp_store_rollback (self);
      return FALSE;
    }
  return awp_store_commit (self, error);
}

static gboolean
check_type (AwpStore    *self,
            const char  *type,
            GError     **error)
{
  g_autoptr(AwpCachedStmt) known = awp_store_prepare (self, "SELECT 1 FROM entity_type WHERE name = ?", error);

  if (known == NULL)
    return FALSE;
  sqlite3_bind_text (known, 1, type, -1, SQLITE_STATIC);
  if (sqlite3_step (known) == SQLITE_ROW)
    return TRUE;
  g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
               _("Unknown record type “%s”"), type);
  return FALSE;
}

char *
awp_store_create (AwpStore    *self,
                  const char  *type,
                  JsonObject  *data,
                  const char  *actor,
                  GError     **error)
{
  const AwpStateMachine *machine;
  g_autoptr(JsonObject) patch = NULL;
  g_autoptr(JsonObject) none = json_object_new ();
  g_autofree char *id = NULL;
  g_autofree char *data_text = NULL;
  const char *status;

  g_return_val_if_fail (AWP_IS_STORE (self), NULL);
  g_return_val_if_fail (type != NULL && data != NULL && actor != NULL, NULL);

  if (!check_type (self, type, error))
    return NULL;
  /* A private copy: the caller's object is left as it was. */
  data_text = awp_json_object_to_string (data);
  patch = awp_json_object_from_string (data_text, error);
  if (patch == NULL)
    return NULL;
  machine = awp_state_machine_for_type (type);
  status = json_object_get_string_member_with_default (patch, "status", NULL);
  if (machine != NULL)
    {
      if (status != NULL && !g_str_equal (status, machine->initial))
        {
          g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                       _("The field “%s” must be “%s” for a new record"), "status", machine->initial);
          return NULL;
        }
      json_object_set_string_member (patch, "status", machine->initial);
    }
  if (!json_object_has_member (patch, "received_on") && awp_state_machine_for_type (type) != NULL)
    {
      g_autofree char *today = awp_store_today ();

      json_object_set_string_member (patch, "received_on", today);
    }
  {
    AwpCalendar *calendar;
    AwpRuleSet *rules;

    if (!awp_store_get_deadline_rules (self, &calendar, &rules, error)
        || !awp_store_fill_deadlines (calendar, rules, type, patch, error))
      return NULL;
  }
  id = awp_uuid_v7 ();
  if (!write_change (self, "create", type, id, 0, patch, none, actor, "create", NULL, error))
    return NULL;
  return g_steal_pointer (&id);
}

/* The current record's type, version and data. */
static JsonObject *
load (AwpStore     *self,
      const char   *id,
      char        **type,
      gint64       *version,
      GError      **error)
{
  g_autoptr(JsonObject) record = awp_store_get_record (self, id, error);

  if (record == NULL)
    return NULL;
  *type = g_strdup (json_object_get_string_member (record, "type"));
  *version = json_object_get_int_member (record, "version");
  return json_object_ref (json_object_get_object_member (record, "data"));
}

static gboolean
update_with (AwpStore    *self,
             const char  *id,
             JsonObject  *changes,
             const char  *actor,
             const char  *action,
             const char  *norm,
             GError     **error)
{
  g_autofree char *type = NULL;
  gint64 version = 0;
  g_autoptr(JsonObject) current = load (self, id, &type, &version, error);
  g_autoptr(JsonObject) patch = NULL;
  g_autoptr(JsonObject) base_values = NULL;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (current == NULL)
    return FALSE;
  patch = json_object_new ();
  base_values = json_object_new ();
  json_object_iter_init (&iter, changes);
  while (json_object_iter_next (&iter, &key, &value))
    {
      JsonNode *old = json_object_get_member (current, key);

      /* Only what really changes goes into the patch. */
      if (old != NULL && json_node_equal (old, value))
        continue;
      json_object_set_member (patch, key, json_node_copy (value));
      if (old != NULL)
        json_object_set_member (base_values, key, json_node_copy (old));
      else
        json_object_set_null_member (base_values, key);
    }
  if (json_object_get_size (patch) == 0)
    return TRUE;
  return write_change (self, "update", type, id, version, patch, base_values, actor, action, norm, error);
}

gboolean
awp_store_update (AwpStore    *self,
                  const char  *id,
                  JsonObject  *patch,
                  const char  *actor,
                  GError     **error)
{
  g_return_val_if_fail (AWP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL && patch != NULL && actor != NULL, FALSE);

  /* Status changes go through the state machine only. */
  if (json_object_has_member (patch, "status") || json_object_has_member (patch, "events"))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The field “%s” changes only through an action"),
                   json_object_has_member (patch, "status") ? "status" : "events");
      return FALSE;
    }
  return update_with (self, id, patch, actor, "update", NULL, error);
}

gboolean
awp_store_delete (AwpStore    *self,
                  const char  *id,
                  const char  *actor,
                  GError     **error)
{
  g_autofree char *type = NULL;
  gint64 version = 0;
  g_autoptr(JsonObject) current = NULL;
  g_autoptr(JsonObject) none = json_object_new ();

  g_return_val_if_fail (AWP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL && actor != NULL, FALSE);

  current = load (self, id, &type, &version, error);
  if (current == NULL)
    return FALSE;
  /* base_values keeps the whole record: delete vs edit is a user decision. */
  return write_change (self, "delete", type, id, version, none, current, actor, "delete", NULL, error);
}

/* Fields an action sets besides the status (O145-5.1, 5.2). */
static gboolean
action_fields (AwpStore    *self,
               const char  *type,
               const char  *action,
               JsonObject  *current,
               JsonObject  *changes,
               GError     **error)
{
  g_autofree char *today = awp_store_today ();

  if (g_str_equal (action, "extend"))
    {
      AwpCalendar *calendar;
      AwpRuleSet *rules;
      AwpDeadline extended;
      GDate due;
      gint64 days = json_object_get_int_member_with_default (changes, "extend_days", 0);
      guint times = (guint) json_object_get_int_member_with_default (current, "times_extended", 0);
      const char *due_text = json_object_get_string_member_with_default (current, "due_on", NULL);
      g_autofree char *text = NULL;

      if (days <= 0)
        {
          g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                       _("The field “%s” must be a positive number of days"), "extend_days");
          return FALSE;
        }
      if (!awp_store_get_deadline_rules (self, &calendar, &rules, error)
          || due_text == NULL
          || !awp_calendar_parse_date (due_text, "due_on", &due, error)
          || !awp_deadline_extend (rules, calendar, "O145-5.2", &due, (int) days, times, &extended, error))
        {
          if (due_text == NULL)
            g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                         _("The field “%s” is required"), "due_on");
          return FALSE;
        }
      text = iso_date (&extended.date);
      json_object_set_string_member (changes, "due_on", text);
      json_object_set_int_member (changes, "times_extended", times + 1);
    }
  else if (g_str_equal (action, "answer") && !json_object_has_member (changes, "answered_on"))
    json_object_set_string_member (changes, "answered_on", today);
  /* A returned template is not closed: it comes back resubmitted (O145-7). */
  else if (g_strv_contains ((const char *const[]) { "return", "forward", "refuse", NULL }, action)
           && !g_str_equal (type, "conference") && !g_str_equal (type, "survey"))
    json_object_set_string_member (changes, "closed_on", today);
  return TRUE;
}

/* A blog request closed by a decision with a period of its own (return
 * O145-4.3, forward O145-4.2, refusal O145-5.3) is due by that period,
 * not the answer's: the date the queue keeps for it, and the one the
 * server checks the record against (awp-server-validate.c, check_due). */
static gboolean
closing_due (AwpStore             *self,
             const char           *type,
             const AwpTransition  *step,
             JsonObject           *current,
             JsonObject           *changes,
             GError              **error)
{
  const char *received = json_object_get_string_member_with_default (current, "received_on", NULL);
  AwpCalendar *calendar;
  AwpRuleSet *rules;
  AwpDeadline due;
  GDate date;
  g_autofree char *text = NULL;

  if (!g_str_equal (type, "blog_request") || received == NULL
      || !g_strv_contains ((const char *const[]) { "returned", "forwarded", "refused", NULL }, step->to))
    return TRUE;
  if (!awp_store_get_deadline_rules (self, &calendar, &rules, error)
      || !awp_calendar_parse_date (received, "received_on", &date, error)
      || !awp_deadline_compute (rules, calendar, step->norm, &date, &due, error))
    return FALSE;
  text = iso_date (&due.date);
  json_object_set_string_member (changes, "due_on", text);
  return TRUE;
}

gboolean
awp_store_transition (AwpStore    *self,
                      const char  *id,
                      const char  *action,
                      JsonObject  *fields,
                      const char  *actor,
                      GError     **error)
{
  g_autofree char *type = NULL;
  g_autofree char *now = awp_store_now_iso ();
  gint64 version = 0;
  g_autoptr(JsonObject) current = NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  const AwpStateMachine *machine;
  const AwpTransition *step;
  JsonArray *events;
  JsonObject *event;
  const char *status;

  g_return_val_if_fail (AWP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL && action != NULL && actor != NULL, FALSE);

  current = load (self, id, &type, &version, error);
  if (current == NULL)
    return FALSE;
  machine = awp_state_machine_for_type (type);
  if (machine == NULL)
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION,
                   _("Records of type “%s” have no status to change"), type);
      return FALSE;
    }
  status = json_object_get_string_member_with_default (current, "status", machine->initial);
  step = awp_state_machine_find (machine, status, action, error);
  if (step == NULL)
    return FALSE;

  if (fields != NULL)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_object_iter_init (&iter, fields);
      while (json_object_iter_next (&iter, &key, &value))
        {
          if (g_str_equal (key, "status") || g_str_equal (key, "events"))
            {
              g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                           _("The field “%s” changes only through an action"), key);
              return FALSE;
            }
          if (!g_str_equal (key, "extend_days"))
            json_object_set_member (changes, key, json_node_copy (value));
        }
      if (json_object_has_member (fields, "extend_days"))
        json_object_set_member (changes, "extend_days",
                                json_node_copy (json_object_get_member (fields, "extend_days")));
    }
  if (!action_fields (self, type, action, current, changes, error)
      || !closing_due (self, type, step, current, changes, error))
    return FALSE;
  json_object_remove_member (changes, "extend_days");
  json_object_set_string_member (changes, "status", step->to);

  /* Each transition records actor, time and norm. */
  events = json_array_new ();
  if (json_object_has_member (current, "events")
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (current, "events")))
    {
      JsonArray *old = json_object_get_array_member (current, "events");

      for (guint i = 0; i < json_array_get_length (old); i++)
        json_array_add_element (events, json_node_copy (json_array_get_element (old, i)));
    }
  event = json_object_new ();
  json_object_set_string_member (event, "action", action);
  json_object_set_string_member (event, "from", status);
  json_object_set_string_member (event, "to", step->to);
  json_object_set_string_member (event, "actor", actor);
  json_object_set_string_member (event, "at", now);
  json_object_set_string_member (event, "norm", step->norm);
  json_array_add_object_element (events, event);
  json_object_set_array_member (changes, "events", events);

  return update_with (self, id, changes, actor, action, step->norm, error);
}

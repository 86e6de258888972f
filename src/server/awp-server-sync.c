#include "config.h"

#include <string.h>

#include "awp-json-util.h"
#include "awp-server-attachments.h"
#include "awp-server-live.h"
#include "awp-server-registry.h"
#include "awp-server-sync.h"
#include "awp-server-validate.h"

/* Record types a role sees across organizations: the Operator reviews every
 * body's conference and survey templates (O145-7) and reads the efficiency
 * reports (O118-4); the authorized body decides on accreditation
 * applications, change requests and termination notices (O93-5, O93-13);
 * everyone reads the Registry (O93-8). Everything else stays in the user's
 * own organization. "" pads the list to CROSS_ORG_SLOTS. */
#define CROSS_ORG_SLOTS 5

static const char *const operator_reads[CROSS_ORG_SLOTS] = {
  "conference", "survey", "efficiency_report", "channel", "channel_history"
};
static const char *const authorized_reads[CROSS_ORG_SLOTS] = {
  "accreditation_application", "change_request", "termination_notice", "channel", "channel_history"
};
static const char *const others_read[CROSS_ORG_SLOTS] = {
  "channel", "channel_history", "", "", ""
};

static const char *
cross_org_type (const AwpServerUser *user,
                guint                slot)
{
  g_assert (slot < CROSS_ORG_SLOTS);
  switch (user->role)
    {
    case AWP_ROLE_OPERATOR:
      return operator_reads[slot];
    case AWP_ROLE_AUTHORIZED_BODY:
      return authorized_reads[slot];
    case AWP_ROLE_ADMINISTRATOR:
    case AWP_ROLE_TRAINER:
    default:
      return others_read[slot];
    }
}

static gboolean
is_cross_org (const AwpServerUser *user,
              const char          *entity_type)
{
  for (guint i = 0; i < CROSS_ORG_SLOTS; i++)
    if (g_str_equal (cross_org_type (user, i), entity_type))
      return TRUE;
  return FALSE;
}

/* Only the authorized body keeps the Registry (O93-8 … O93-10): it writes
 * the history and every Annex 2 field of an entry. A body still keeps its
 * own broadcast channels (name, kind: O605) as "channel" records; those
 * fields are all it may set (registry_untouched). */
static const char *const registry_fields[] = {
  "number", "name_kk", "name_ru", "owner_kk", "owner_ru", "included_on", "excluded_on", "application_id", NULL
};

static JsonObject *
empty_object (void)
{
  static JsonObject *empty;

  if (g_once_init_enter (&empty))
    g_once_init_leave (&empty, json_object_new ());
  return empty;
}

static gboolean
registry_untouched (const char *entity_type,
                    JsonObject *before,
                    JsonObject *after)
{
  if (g_strcmp0 (entity_type, "channel") != 0 || after == NULL)
    return TRUE;
  for (guint i = 0; registry_fields[i] != NULL; i++)
    {
      JsonNode *a = json_object_get_member (after, registry_fields[i]);
      JsonNode *b = before != NULL ? json_object_get_member (before, registry_fields[i]) : NULL;

      if (a == NULL && b == NULL)
        continue;
      if (a == NULL || b == NULL || !json_node_equal (a, b))
        return FALSE;
    }
  return TRUE;
}

gboolean
awp_server_may_read (const AwpServerUser *user,
                     const char          *entity_type,
                     const char          *org_id)
{
  return g_strcmp0 (user->org_id, org_id) == 0 || is_cross_org (user, entity_type);
}

gboolean
awp_server_may_write (const AwpServerUser *user,
                      const char          *entity_type,
                      const char          *org_id)
{
  /* Trainers show the system; they change nothing. */
  if (user->role == AWP_ROLE_TRAINER)
    return FALSE;
  if (user->role == AWP_ROLE_AUTHORIZED_BODY && g_str_has_prefix (entity_type, "channel"))
    return TRUE;
  if (g_strcmp0 (entity_type, "channel_history") == 0)
    return FALSE;
  if (g_strcmp0 (user->org_id, org_id) == 0)
    return TRUE;
  /* Other bodies' records only where the role decides on them: the
   * Operator's review (O145-7), the authorized body's decisions (O93-5,
   * O93-13). Reports and the Registry are read across bodies, not written. */
  return is_cross_org (user, entity_type) && g_strcmp0 (entity_type, "efficiency_report") != 0
         && !g_str_has_prefix (entity_type, "channel");
}

/* The decisions of Order 93 are the authorized body's (O93-5, O93-13): an
 * applicant writes and sends its documents, never their outcome. */
static gboolean
may_reach (const AwpServerUser *user,
           const char          *entity_type,
           JsonObject          *next)
{
  const char *status;

  if (user->role == AWP_ROLE_AUTHORIZED_BODY || next == NULL)
    return TRUE;
  if (!g_str_equal (entity_type, "accreditation_application") && !g_str_equal (entity_type, "change_request")
      && !g_str_equal (entity_type, "termination_notice"))
    return TRUE;
  status = json_object_get_string_member_with_default (next, "status", "draft");
  return g_str_equal (status, "draft") || g_str_equal (status, "sent");
}

static char *
node_to_string (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

static char *
result_rejected (const char *mutation_id,
                 const char *code,
                 const char *message,
                 GPtrArray  *errors)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "mutation_id");
  if (mutation_id != NULL)
    json_builder_add_string_value (b, mutation_id);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, "rejected");
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, code);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  for (guint i = 0; errors != NULL && i < errors->len; i++)
    {
      AwpFieldError *e = g_ptr_array_index (errors, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "field");
      json_builder_add_string_value (b, e->field);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, e->code);
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, e->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return node_to_string (root);
}

static char *
result_applied (const char *mutation_id,
                gint64      version,
                gboolean    merged)
{
  return g_strdup_printf ("{\"mutation_id\":\"%s\",\"status\":\"applied\",\"new_version\":%" G_GINT64_FORMAT
                          ",\"merged\":%s}", mutation_id, version, merged ? "true" : "false");
}

static char *
result_conflict (const char *mutation_id,
                 AwpRecord  *record,
                 GPtrArray  *fields)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "mutation_id");
  json_builder_add_string_value (b, mutation_id);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, "conflict");
  json_builder_set_member_name (b, "server");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, record->version);
  json_builder_set_member_name (b, "deleted");
  json_builder_add_boolean_value (b, record->deleted);
  json_builder_set_member_name (b, "data");
  if (record->deleted)
    json_builder_add_null_value (b);
  else
    {
      JsonNode *n = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(JsonObject) data = json_object_new ();
      GList *names = json_object_get_members (record->data);

      /* The copy as a pull gives it to the client, body included: a person
       * who takes "theirs" keeps the record where the queues look for it. */
      for (GList *l = names; l != NULL; l = l->next)
        json_object_set_member (data, l->data, json_node_copy (json_object_get_member (record->data, l->data)));
      g_list_free (names);
      if (!json_object_has_member (data, "org_id") && record->org_id != NULL)
        json_object_set_string_member (data, "org_id", record->org_id);
      json_node_set_object (n, data);
      json_builder_add_value (b, n);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "fields");
  json_builder_begin_array (b);
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (fields, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return node_to_string (root);
}

static char *
stored_result (AwpServer  *server,
               const char *client_id,
               const char *mutation_id)
{
  g_autoptr(AwpServerStmt) stmt = awp_server_db_cached (server->db,
                                                        "SELECT result FROM applied_mutations WHERE client_id = ? AND mutation_id = ?", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, client_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, mutation_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gboolean
store_result (AwpServer   *server,
              const char  *client_id,
              const char  *mutation_id,
              const char  *result,
              GError     **error)
{
  g_autoptr(AwpServerStmt) stmt = awp_server_db_cached (server->db,
                                                        "INSERT INTO applied_mutations VALUES (?,?,?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, client_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, mutation_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, result, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      awp_server_db_set_error (server->db, error);
      return FALSE;
    }
  return TRUE;
}

/* Decides the mutation's effect; writes the record when it applies.
 * Runs inside the mutation's transaction. */
static char *
decide (AwpServer           *server,
        const AwpServerUser *user,
        AwpMutation         *m,
        GError             **error)
{
  g_autoptr(AwpRecord) cur = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);
  g_autoptr(JsonObject) next = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean merged = FALSE;
  AwpRecord *target;
  g_autoptr(AwpRecord) fresh = NULL;

  if (!awp_server_entity_known (m->entity_type))
    {
      g_ptr_array_add (errors, awp_field_error_new ("entity_type", "unknown_entity", "entity_type: unknown entity"));
      return result_rejected (m->mutation_id, "unknown_entity", "Unknown entity type", errors);
    }
  /* Survey counts are the server's (O145-11). */
  awp_server_live_strip_owned (user, m);

  cur = awp_server_db_get_record (server->db, m->entity_type, m->entity_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (cur != NULL && !awp_server_may_write (user, m->entity_type, cur->org_id))
    return result_rejected (m->mutation_id, "forbidden", "You may not change this record", NULL);

  switch (m->op)
    {
    case AWP_MUTATION_CREATE:
      if (!awp_server_may_write (user, m->entity_type, user->org_id))
        return result_rejected (m->mutation_id, "forbidden", "You may not create this record", NULL);
      /* A create over a tombstone brings the record back: a person chose
       * "mine" for an edit the server had deleted (awp_outbox_resolve_conflict). */
      if (cur != NULL && !cur->deleted)
        {
          g_ptr_array_add (errors, awp_field_error_new ("entity_id", "duplicate_id", "entity_id: already exists"));
          return result_rejected (m->mutation_id, "duplicate_id", "A record with this id exists", errors);
        }
      {
        g_autoptr(JsonObject) empty = json_object_new ();

        /* A create is a patch on nothing (nulls dropped). */
        next = awp_protocol_apply_patch (empty, m->patch);
      }
      break;

    case AWP_MUTATION_UPDATE:
      if (cur == NULL)
        return result_rejected (m->mutation_id, "not_found", "No such record", NULL);
      /* Edit versus delete is always a person's decision. */
      if (cur->deleted)
        return result_conflict (m->mutation_id, cur, NULL);
      if (m->base_version == cur->version)
        next = awp_protocol_apply_patch (cur->data, m->patch);
      else if (m->base_version > cur->version)
        {
          g_ptr_array_add (errors, awp_field_error_new ("base_version", "invalid", "base_version: newer than the server's"));
          return result_rejected (m->mutation_id, "invalid_mutation", "base_version is ahead of the server", errors);
        }
      else
        {
          g_autoptr(GPtrArray) clash = NULL;

          next = awp_protocol_merge (cur->data, m->patch, m->base_values, &clash);
          if (next == NULL)
            return result_conflict (m->mutation_id, cur, clash);
          merged = TRUE;
        }
      break;

    case AWP_MUTATION_DELETE:
      if (cur == NULL)
        return result_rejected (m->mutation_id, "not_found", "No such record", NULL);
      if (cur->deleted)
        return result_applied (m->mutation_id, cur->version, FALSE);
      if (m->base_version != cur->version)
        {
          /* The record changed since the client saw it: deleting would
           * silently discard that edit. */
          g_autoptr(GPtrArray) changed = g_ptr_array_new ();
          g_autoptr(GList) names = json_object_get_members (cur->data);

          for (GList *l = names; l != NULL; l = l->next)
            if (json_object_has_member (m->base_values, l->data)
                && !json_node_equal (json_object_get_member (m->base_values, l->data),
                                     json_object_get_member (cur->data, l->data)))
              g_ptr_array_add (changed, l->data);
          return result_conflict (m->mutation_id, cur, changed);
        }
      next = json_object_ref (cur->data);
      break;

    default:
      g_assert_not_reached ();
    }

  if (!may_reach (user, m->entity_type, next))
    return result_rejected (m->mutation_id, "forbidden", "Only the authorized body decides on this document (O93-5, O93-13)", NULL);
  if (!awp_server_template_move_allowed (user, m->entity_type, cur != NULL && !cur->deleted ? cur->data : NULL,
                                         m->op == AWP_MUTATION_DELETE ? NULL : next, errors))
    return result_rejected (m->mutation_id, "forbidden", "Only the Operator decides on a template (O145-7)", errors);
  if (m->op != AWP_MUTATION_DELETE)
    awp_server_template_stamp (m->entity_type, cur != NULL && !cur->deleted ? cur->data : NULL, next);
  /* A delete takes every field away: a Registry entry stays. */
  if (user->role != AWP_ROLE_AUTHORIZED_BODY
      && !registry_untouched (m->entity_type, cur != NULL && !cur->deleted ? cur->data : NULL,
                              m->op == AWP_MUTATION_DELETE ? empty_object () : next))
    return result_rejected (m->mutation_id, "forbidden", "Only the authorized body writes the Registry (O93-8)", NULL);
  {
    const char *message = NULL;
    const char *code = awp_server_live_guard (server, user, m, cur != NULL && !cur->deleted ? cur->data : NULL,
                                              m->op == AWP_MUTATION_DELETE ? NULL : next, &message, errors);

    /* O145-9.2: the citizen's question, every question answered before closing. */
    if (code != NULL)
      return result_rejected (m->mutation_id, code, message, errors);
  }
  if (!awp_server_validate_mutation (server, m->entity_type, m->op, next, errors))
    return result_rejected (m->mutation_id, "validation_failed", "Some fields are not valid", errors);
  if (m->op != AWP_MUTATION_DELETE && !awp_server_attachments_available (server, user, next, errors))
    return result_rejected (m->mutation_id, "validation_failed", "An attached file has not been uploaded", errors);
  /* Last, as it may take a Registry number: a refusal before never does. */
  if (!awp_server_registry_rules (server, m->entity_type, m->entity_id, m->op,
                                  cur != NULL && !cur->deleted ? cur->data : NULL, next, errors, error))
    return NULL;
  if (errors->len > 0)
    return result_rejected (m->mutation_id, "validation_failed", "Some fields are not valid", errors);
  /* The portal's citizen gives no number; the server does, last too. */
  if (m->op == AWP_MUTATION_CREATE && g_strcmp0 (user->id, AWP_SERVER_PORTAL_USER) == 0
      && !awp_server_portal_number (server, m->entity_type, next, error))
    return NULL;

  if (cur != NULL)
    target = cur;
  else
    {
      fresh = g_new0 (AwpRecord, 1);
      fresh->entity_type = g_strdup (m->entity_type);
      fresh->id = g_strdup (m->entity_id);
      fresh->org_id = g_strdup (user->org_id);
      target = fresh;
    }
  target->version++;
  target->deleted = m->op == AWP_MUTATION_DELETE;
  g_clear_pointer (&target->data, json_object_unref);
  target->data = g_steal_pointer (&next);
  g_free (target->changed_by);
  target->changed_by = g_strdup (user->id);
  target->changed_at = g_get_real_time () / G_USEC_PER_SEC;
  g_free (target->origin_mutation_id);
  target->origin_mutation_id = g_strdup (m->mutation_id);
  if (!awp_server_db_put_record (server->db, target, error)
      /* A tombstone keeps its references (and so its files) until it is
       * purged: a person may still bring the record back. */
      || !awp_server_attachments_index (server, target->entity_type, target->id, target->data, error))
    return NULL;
  return result_applied (m->mutation_id, target->version, merged);
}

/* A mutation's own unit of work: a transaction of its own, or inside a
 * push batch's transaction a savepoint, so a mutation that fails leaves
 * the others of its batch applied. Returns whether it owns a transaction. */
static gboolean
mutation_begin (sqlite3   *db,
                gboolean  *own,
                GError   **error)
{
  *own = sqlite3_get_autocommit (db) != 0;
  return *own ? awp_server_db_begin (db, error) : awp_server_db_exec (db, "SAVEPOINT mutation", error);
}

static gboolean
mutation_commit (sqlite3   *db,
                 gboolean   own,
                 GError   **error)
{
  return own ? awp_server_db_commit (db, error) : awp_server_db_exec (db, "RELEASE mutation", error);
}

static void
mutation_rollback (sqlite3  *db,
                   gboolean  own)
{
  if (own)
    awp_server_db_rollback (db);
  else if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK TO mutation; RELEASE mutation", NULL, NULL, NULL);
}

char *
awp_server_sync_apply (AwpServer           *server,
                       const AwpServerUser *user,
                       const char          *client_id,
                       JsonNode            *node)
{
  g_autoptr(AwpMutation) m = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;
  g_autofree char *stored = NULL;
  const char *mutation_id = NULL;
  gboolean own = FALSE;

  if (JSON_NODE_HOLDS_OBJECT (node))
    mutation_id = awp_json_get_string (json_node_get_object (node), "mutation_id");

  m = awp_mutation_from_json (node, &error);
  if (m == NULL)
    {
      g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);
      g_autofree char *field = g_strdup (error->message);
      char *colon = strchr (field, ':');

      if (colon != NULL)
        *colon = '\0';
      g_ptr_array_add (errors, awp_field_error_new (field, "invalid", error->message));
      /* A mutation without a usable id cannot be remembered; one with an
       * id keeps its rejection like any other result. */
      if (mutation_id == NULL || strlen (mutation_id) > 64)
        return result_rejected (NULL, "invalid_mutation", "The mutation is malformed", errors);
      result = result_rejected (mutation_id, "invalid_mutation", "The mutation is malformed", errors);
      if (!mutation_begin (server->db, &own, NULL))
        return g_strdup_printf ("{\"mutation_id\":null,\"status\":\"retry\"}");
      stored = stored_result (server, client_id, mutation_id);
      if (stored != NULL || !store_result (server, client_id, mutation_id, result, NULL))
        {
          mutation_rollback (server->db, own);
          return stored != NULL ? g_steal_pointer (&stored) : g_steal_pointer (&result);
        }
      mutation_commit (server->db, own, NULL);
      return g_steal_pointer (&result);
    }

  if (!mutation_begin (server->db, &own, &error))
    goto retry;
  stored = stored_result (server, client_id, m->mutation_id);
  if (stored != NULL)
    {
      mutation_rollback (server->db, own);
      return g_steal_pointer (&stored);
    }
  result = decide (server, user, m, &error);
  if (result == NULL
      || !store_result (server, client_id, m->mutation_id, result, &error)
      || !mutation_commit (server->db, own, &error))
    {
      mutation_rollback (server->db, own);
      goto retry;
    }
  return g_steal_pointer (&result);

retry:
  g_warning ("push: mutation not applied: %s", error->message);
  {
    g_autoptr(JsonNode) n = json_node_new (JSON_NODE_OBJECT);
    JsonObject *o = json_object_new ();

    json_object_set_string_member (o, "mutation_id", m->mutation_id);
    json_object_set_string_member (o, "status", "retry");
    json_node_take_object (n, o);
    return node_to_string (n);
  }
}

/* ---- groups ------------------------------------------------------ */

/* The group a mutation names ({"group": {"id", "size"}}), NULL for none;
 * its form is checked with the rest of the mutation. */
static const char *
peek_group (JsonNode *node,
            gint64   *size)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *g = o != NULL ? json_object_get_member (o, "group") : NULL;
  JsonObject *go = g != NULL && JSON_NODE_HOLDS_OBJECT (g) ? json_node_get_object (g) : NULL;
  const char *id = go != NULL ? awp_json_get_string (go, "id") : NULL;

  *size = 0;
  if (id != NULL && !awp_json_get_int (go, "size", 1, G_MAXINT64, size))
    *size = 0;
  return id;
}

static char *
result_status (const char *result)
{
  g_autoptr(JsonNode) node = json_from_string (result, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup ("retry");
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (node), "status", "retry"));
}

/* A result that refuses @result's mutation for the group: a conflict
 * becomes a refusal naming the clashing fields (the decision must be made
 * again on the server's copy, not merged field by field); an applied one
 * is refused because @reason refused another of its group. */
static char *
group_refusal (const char *result,
               const char *reason)
{
  g_autoptr(JsonNode) node = json_from_string (result, NULL);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);
  JsonObject *o = json_node_get_object (node);
  const char *mutation_id = json_object_get_string_member_with_default (o, "mutation_id", NULL);
  const char *status = json_object_get_string_member_with_default (o, "status", "");

  if (g_str_equal (status, "conflict"))
    {
      JsonArray *fields = json_object_get_array_member (o, "fields");

      for (guint i = 0; fields != NULL && i < json_array_get_length (fields); i++)
        {
          const char *field = json_array_get_string_element (fields, i);
          g_autofree char *msg = g_strdup_printf ("%s: changed on the server since", field);

          g_ptr_array_add (errors, awp_field_error_new (field, "conflict", msg));
        }
      return result_rejected (mutation_id, "conflict",
                              "The record changed on the server; its group is refused whole", errors);
    }
  {
    g_autofree char *msg = g_strdup_printf ("group: refused with its group (%s)", reason);

    g_ptr_array_add (errors, awp_field_error_new ("group", "group_refused", msg));
    return result_rejected (mutation_id, "group_refused",
                            "Another change of the same group was refused; none of them is applied", errors);
  }
}

static char *
result_retry (const char *mutation_id)
{
  g_autoptr(JsonNode) n = json_node_new (JSON_NODE_OBJECT);
  JsonObject *o = json_object_new ();

  if (mutation_id != NULL)
    json_object_set_string_member (o, "mutation_id", mutation_id);
  else
    json_object_set_null_member (o, "mutation_id");
  json_object_set_string_member (o, "status", "retry");
  json_node_take_object (n, o);
  return node_to_string (n);
}

static const char *
node_mutation_id (JsonNode *node)
{
  return JSON_NODE_HOLDS_OBJECT (node) ? awp_json_get_string (json_node_get_object (node), "mutation_id") : NULL;
}

/* Applies the mutations of one group (@members: their indexes in
 * @mutations) all or none, in one savepoint: when any is refused, none
 * stays, and each answers with its own reason or "group_refused". A group
 * that did not arrive whole (its size says how many) is refused and not
 * remembered, so the whole group may come again. Results go to @results. */
static void
apply_group (AwpServer           *server,
             const AwpServerUser *user,
             const char          *client_id,
             JsonArray           *mutations,
             GArray              *members,
             char               **results)
{
  g_autofree char *reason = NULL;
  gboolean whole = TRUE, refused = FALSE, retry = FALSE, own;

  for (guint k = 0; k < members->len; k++)
    {
      gint64 size;

      peek_group (json_array_get_element (mutations, g_array_index (members, guint, k)), &size);
      whole &= size == (gint64) members->len;
    }
  if (!whole)
    {
      for (guint k = 0; k < members->len; k++)
        {
          guint i = g_array_index (members, guint, k);
          g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);
          const char *mutation_id = node_mutation_id (json_array_get_element (mutations, i));

          g_ptr_array_add (errors, awp_field_error_new ("group", "group_incomplete",
                                                        "group: its size does not match the mutations sent with it"));
          results[i] = result_rejected (mutation_id != NULL && strlen (mutation_id) <= 64 ? mutation_id : NULL,
                                        "group_incomplete", "A group must be sent whole, in one push", errors);
        }
      return;
    }

  own = sqlite3_get_autocommit (server->db) != 0;
  if (!(own ? awp_server_db_begin (server->db, NULL) : awp_server_db_exec (server->db, "SAVEPOINT grp", NULL)))
    retry = TRUE;
  for (guint k = 0; k < members->len && !retry; k++)
    {
      guint i = g_array_index (members, guint, k);
      g_autofree char *status = NULL;

      results[i] = awp_server_sync_apply (server, user, client_id, json_array_get_element (mutations, i));
      status = result_status (results[i]);
      /* Autocommit back on: SQLite undid the whole transaction. */
      if (g_str_equal (status, "retry") || sqlite3_get_autocommit (server->db))
        retry = TRUE;
      else if (!g_str_equal (status, "applied") && !refused)
        {
          g_autoptr(JsonNode) node = json_from_string (results[i], NULL);

          refused = TRUE;
          reason = g_strdup (json_object_get_string_member_with_default (json_node_get_object (node), "code",
                                                                         "conflict"));
        }
    }
  if (!retry && !refused)
    {
      if (own ? awp_server_db_commit (server->db, NULL) : awp_server_db_exec (server->db, "RELEASE grp", NULL))
        return;
      retry = TRUE;
    }
  /* Nothing of the group stays; its answers are kept from here on. */
  if (own)
    {
      awp_server_db_rollback (server->db);
      retry = retry || !awp_server_db_begin (server->db, NULL);
    }
  else if (!sqlite3_get_autocommit (server->db))
    sqlite3_exec (server->db, "ROLLBACK TO grp", NULL, NULL, NULL);
  else
    retry = TRUE;  /* SQLite undid the whole batch (disk full, I/O) */
  for (guint k = 0; k < members->len && !retry; k++)
    {
      guint i = g_array_index (members, guint, k);
      const char *mutation_id = node_mutation_id (json_array_get_element (mutations, i));
      g_autofree char *status = result_status (results[i]);
      g_autofree char *stored = NULL;

      if (mutation_id == NULL || strlen (mutation_id) > 64)
        continue;  /* malformed without an id: never remembered */
      stored = stored_result (server, client_id, mutation_id);
      if (stored != NULL)
        {
          g_free (results[i]);
          results[i] = g_steal_pointer (&stored);
          continue;
        }
      if (g_str_equal (status, "applied") || g_str_equal (status, "conflict"))
        {
          char *refusal = group_refusal (results[i], reason);

          g_free (results[i]);
          results[i] = refusal;
        }
      if (!store_result (server, client_id, mutation_id, results[i], NULL))
        retry = TRUE;
    }
  if (!retry && (own ? awp_server_db_commit (server->db, NULL) : awp_server_db_exec (server->db, "RELEASE grp", NULL)))
    return;
  if (own)
    awp_server_db_rollback (server->db);
  else if (!sqlite3_get_autocommit (server->db))
    sqlite3_exec (server->db, "ROLLBACK TO grp; RELEASE grp", NULL, NULL, NULL);
  for (guint k = 0; k < members->len; k++)
    {
      guint i = g_array_index (members, guint, k);
      const char *mutation_id = node_mutation_id (json_array_get_element (mutations, i));

      g_free (results[i]);
      results[i] = result_retry (mutation_id != NULL && strlen (mutation_id) <= 64 ? mutation_id : NULL);
    }
}

char **
awp_server_sync_apply_group (AwpServer           *server,
                             const AwpServerUser *user,
                             const char          *client_id,
                             JsonArray           *mutations)
{
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *group = g_uuid_string_random ();
  guint n = json_array_get_length (mutations);
  char **results = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *m = json_array_get_object_element (mutations, i);
      JsonObject *g = json_object_new ();

      json_object_set_string_member (g, "id", group);
      json_object_set_int_member (g, "size", n);
      json_object_set_object_member (m, "group", g);
      g_array_append_val (members, i);
    }
  apply_group (server, user, client_id, mutations, members, results);
  return results;
}

/* A client id belongs to the first user who pushes with it. */
static gboolean
claim_client (AwpServer  *server,
              const char *client_id,
              const char *user_id)
{
  g_autoptr(AwpServerStmt) ins = awp_server_db_cached (server->db, "INSERT OR IGNORE INTO clients VALUES (?,?)", NULL);
  g_autoptr(AwpServerStmt) sel = awp_server_db_cached (server->db, "SELECT user_id FROM clients WHERE client_id = ?", NULL);

  if (ins == NULL || sel == NULL)
    return FALSE;
  sqlite3_bind_text (ins, 1, client_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (ins, 2, user_id, -1, SQLITE_STATIC);
  sqlite3_step (ins);
  sqlite3_bind_text (sel, 1, client_id, -1, SQLITE_STATIC);
  return sqlite3_step (sel) == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (sel, 0), user_id) == 0;
}

static gboolean
valid_key (const char *s,
           gsize       max)
{
  if (s == NULL || *s == '\0' || strlen (s) > max)
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isalnum (*s) && *s != '-' && *s != '_' && *s != '.')
      return FALSE;
  return TRUE;
}

void
awp_server_sync_push (AwpServerRequest *req)
{
  AwpServer *server = req->server;
  const char *key;
  const char *client_id;
  JsonObject *body;
  JsonNode *mn;
  JsonArray *mutations;
  g_autofree char *fingerprint = NULL;
  g_autoptr(GString) response = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);
  g_autoptr(GPtrArray) result_list = g_ptr_array_new_with_free_func (g_free);
  char **results;
  g_autoptr(GHashTable) groups = NULL;
  guint n_mutations;
  gboolean batch;

  if (!awp_server_require_role (req, AWP_ROLE_BIT (AWP_ROLE_ADMINISTRATOR) | AWP_ROLE_BIT (AWP_ROLE_OPERATOR)
                                     | AWP_ROLE_BIT (AWP_ROLE_AUTHORIZED_BODY)))
    return;

  key = soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg), "Idempotency-Key");
  if (!valid_key (key, 200))
    {
      awp_server_reply_error (req, 400, "idempotency_key_missing",
                              "An Idempotency-Key header (1-200 letters, digits, '-', '_', '.') is required", NULL);
      return;
    }
  body = req->body != NULL && JSON_NODE_HOLDS_OBJECT (req->body) ? json_node_get_object (req->body) : NULL;
  client_id = body != NULL ? awp_json_get_string (body, "client_id") : NULL;
  mn = body != NULL ? json_object_get_member (body, "mutations") : NULL;
  if (!valid_key (client_id, 64))
    g_ptr_array_add (fields, awp_field_error_new ("client_id", "required", "client_id: required, 1-64 letters, digits, '-', '_' or '.'"));
  if (mn == NULL || !JSON_NODE_HOLDS_ARRAY (mn))
    g_ptr_array_add (fields, awp_field_error_new ("mutations", "required", "mutations: required, an array"));
  if (fields->len > 0)
    {
      awp_server_reply_error (req, 400, "validation_failed", "The push body is not valid", fields);
      return;
    }
  mutations = json_node_get_array (mn);
  if (json_array_get_length (mutations) > server->config.max_batch)
    {
      g_autofree char *msg = g_strdup_printf ("At most %u mutations per push; send smaller batches", server->config.max_batch);

      awp_server_reply_error (req, 413, "batch_too_large", msg, NULL);
      return;
    }
  if (!claim_client (server, client_id, req->user->id))
    {
      awp_server_reply_error (req, 403, "client_mismatch", "This client_id belongs to another user", NULL);
      return;
    }

  fingerprint = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, req->raw_body);
  {
    g_autoptr(AwpServerStmt) stmt = awp_server_db_cached (server->db,
                                                          "SELECT fingerprint, response FROM idempotency WHERE user_id = ? AND key = ?", NULL);
    if (stmt != NULL)
      {
        sqlite3_bind_text (stmt, 1, req->user->id, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
        if (sqlite3_step (stmt) == SQLITE_ROW)
          {
            if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), fingerprint) != 0)
              awp_server_reply_error (req, 422, "idempotency_key_reused",
                                      "This Idempotency-Key was used with a different body", NULL);
            else
              awp_server_reply_text (req, 200, (const char *) sqlite3_column_text (stmt, 1));
            return;
          }
      }
  }

  /* The whole batch is one write transaction (each mutation a savepoint
   * in it): one commit instead of one per mutation. Sequence numbers stay
   * gap-free, as they are taken inside it. Without it (the database
   * busy), each mutation takes its own transaction as before. */
  batch = awp_server_db_begin (server->db, NULL);
  /* Results are concatenated as stored, so a replay is byte-identical.
   * A group's mutations are applied together when its first one comes. */
  n_mutations = json_array_get_length (mutations);
  g_ptr_array_set_size (result_list, n_mutations);
  results = (char **) result_list->pdata;
  groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < n_mutations; i++)
    {
      gint64 size;
      const char *group = peek_group (json_array_get_element (mutations, i), &size);
      GArray *members;

      if (group == NULL)
        continue;
      members = g_hash_table_lookup (groups, group);
      if (members == NULL)
        {
          members = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (groups, (gpointer) group, members);
        }
      g_array_append_val (members, i);
    }
  response = g_string_new ("{\"results\":[");
  for (guint i = 0; i < n_mutations; i++)
    {
      gint64 size;
      const char *group = peek_group (json_array_get_element (mutations, i), &size);

      if (results[i] == NULL && group != NULL)
        apply_group (server, req->user, client_id, mutations, g_hash_table_lookup (groups, group), results);
      else if (results[i] == NULL)
        results[i] = awp_server_sync_apply (server, req->user, client_id, json_array_get_element (mutations, i));

      /* SQLite rolled the batch back on a hard error (disk full, I/O):
       * the results so far were never stored. */
      if (batch && sqlite3_get_autocommit (server->db))
        {
          awp_server_reply_error (req, 503, "retry", "The database could not store the changes; try again", NULL);
          return;
        }
      if (i > 0)
        g_string_append_c (response, ',');
      g_string_append (response, results[i]);
    }
  g_string_append (response, "]}");

  {
    g_autoptr(AwpServerStmt) stmt = awp_server_db_cached (server->db,
                                                          "INSERT OR REPLACE INTO idempotency VALUES (?,?,?,?,?)", NULL);
    if (stmt != NULL && strstr (response->str, "\"status\":\"retry\"") == NULL)
      {
        sqlite3_bind_text (stmt, 1, req->user->id, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 3, fingerprint, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 4, response->str, -1, SQLITE_STATIC);
        sqlite3_bind_int64 (stmt, 5, g_get_real_time () / G_USEC_PER_SEC);
        sqlite3_step (stmt);
      }
  }
  if (batch && !awp_server_db_commit (server->db, NULL))
    {
      awp_server_db_rollback (server->db);
      awp_server_reply_error (req, 503, "retry", "The database could not store the changes; try again", NULL);
      return;
    }
  if (server->config.tombstone_retention >= 0)
    awp_server_db_purge (server->db, g_get_real_time () / G_USEC_PER_SEC - server->config.tombstone_retention, NULL);
  awp_server_reply_text (req, 200, response->str);
}

void
awp_server_sync_changes (AwpServerRequest *req)
{
  AwpServer *server = req->server;
  const char *cursor = req->query != NULL ? g_hash_table_lookup (req->query, "cursor") : NULL;
  const char *limit_s = req->query != NULL ? g_hash_table_lookup (req->query, "limit") : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpServerStmt) stmt = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *next = NULL;
  guint64 limit = 500;
  gint64 since, last_seq, next_seq;
  guint n = 0;
  gboolean more = FALSE;

  if (!awp_protocol_cursor_decode (cursor, &since, &error))
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);

      g_ptr_array_add (fields, awp_field_error_new ("cursor", "invalid", error->message));
      awp_server_reply_error (req, 400, "invalid_cursor", "The cursor is not one this server issued", fields);
      return;
    }
  if (limit_s != NULL && !g_ascii_string_to_unsigned (limit_s, 10, 1, 1000, &limit, NULL))
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);

      g_ptr_array_add (fields, awp_field_error_new ("limit", "range", "limit: must be an integer from 1 to 1000"));
      awp_server_reply_error (req, 400, "validation_failed", "The limit is not valid", fields);
      return;
    }
  last_seq = awp_server_db_last_seq (server->db);
  /* Deletions older than the cursor may be gone, or the server was
   * restored from a backup behind the client: start over. */
  if ((since > 0 && since < awp_server_db_purged_seq (server->db)) || since > last_seq)
    {
      awp_server_reply_error (req, 410, "cursor_expired",
                              "The cursor is past retention; download everything again", NULL);
      return;
    }

  stmt = awp_server_db_cached (server->db,
                                /* Two index walks in seq order, not one OR that
                                 * sorts everything left on every page. */
                                "SELECT seq, j FROM ("
                                "  SELECT * FROM (SELECT seq, " AWP_RECORD_JSON_SQL " AS j FROM records"
                                "    WHERE org_id = ?2 AND seq > ?1 ORDER BY seq LIMIT ?4)"
                                "  UNION ALL"
                                "  SELECT * FROM (SELECT seq, " AWP_RECORD_JSON_SQL " AS j FROM records"
                                "    WHERE entity_type IN (?3, ?5, ?6, ?7, ?8) AND org_id <> ?2 AND seq > ?1 ORDER BY seq LIMIT ?4))"
                                " ORDER BY seq LIMIT ?4", &error);
  if (stmt == NULL)
    {
      awp_server_reply_error (req, 500, "internal", "The change feed is unavailable", NULL);
      return;
    }
  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_text (stmt, 2, req->user->org_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, cross_org_type (req->user, 0), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, cross_org_type (req->user, 1), -1, SQLITE_STATIC);
  for (guint i = 2; i < CROSS_ORG_SLOTS; i++)
    sqlite3_bind_text (stmt, 4 + i, cross_org_type (req->user, i), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, (gint64) limit + 1);

  out = g_string_new ("{\"changes\":[");
  next_seq = since;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (n == limit)
        {
          more = TRUE;
          break;
        }
      if (n > 0)
        g_string_append_c (out, ',');
      g_string_append (out, (const char *) sqlite3_column_text (stmt, 1));
      next_seq = sqlite3_column_int64 (stmt, 0);
      n++;
    }
  /* With nothing more to see, jump past changes this user may not see. */
  if (!more)
    next_seq = last_seq;
  next = awp_protocol_cursor_encode (next_seq);
  /* An upper bound of what is left (other bodies' changes count too): enough
   * for a first download's progress bar. */
  g_string_append_printf (out, "],\"next_cursor\":\"%s\",\"has_more\":%s,\"remaining\":%" G_GINT64_FORMAT "}",
                          next, more ? "true" : "false", last_seq - next_seq);
  awp_server_reply_text (req, 200, out->str);
}

#include "config.h"

#include "awp-server-db.h"
#include "awp-server-portal.h"
#include "awp-server-registry.h"

static const char *
get_string (JsonObject *o,
            const char *member)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, member) : NULL;

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static gboolean
is_entry (JsonObject *data)
{
  return data != NULL && get_string (data, "included_on") != NULL;
}

/* The next Registry number, taken from a counter in the server's meta
 * table (started after the highest number already held, demo entries
 * included). Numbers are never given twice, also not after an entry is
 * deleted; a refused group rolls its number back with it. */
static gint64
next_number (AwpServer  *server,
             GError    **error)
{
  g_autoptr(AwpServerStmt) start = awp_server_db_cached (server->db,
    "INSERT OR IGNORE INTO meta VALUES ('registry_number',"
    " (SELECT coalesce (max (CAST (json_extract (data, '$.number') AS INTEGER)), 0) FROM records"
    "   WHERE entity_type = 'channel'))", error);
  g_autoptr(AwpServerStmt) bump = NULL;
  g_autoptr(AwpServerStmt) get = NULL;

  if (start == NULL || sqlite3_step (start) != SQLITE_DONE)
    goto failed;
  bump = awp_server_db_cached (server->db, "UPDATE meta SET value = value + 1 WHERE key = 'registry_number'", error);
  if (bump == NULL || sqlite3_step (bump) != SQLITE_DONE)
    goto failed;
  get = awp_server_db_cached (server->db, "SELECT value FROM meta WHERE key = 'registry_number'", error);
  if (get == NULL || sqlite3_step (get) != SQLITE_ROW)
    goto failed;
  return sqlite3_column_int64 (get, 0);

failed:
  if (error != NULL && *error == NULL)
    awp_server_db_set_error (server->db, error);
  return -1;
}

/* The id of another live entry of @application_id than @entity_id, or NULL. */
static char *
other_entry (AwpServer   *server,
             const char  *application_id,
             const char  *entity_id)
{
  g_autoptr(AwpServerStmt) find = awp_server_db_cached (server->db,
    "SELECT id FROM records WHERE entity_type = 'channel' AND NOT deleted AND id <> ?2"
    " AND json_extract (data, '$.application_id') = ?1 LIMIT 1", NULL);

  if (find == NULL)
    return NULL;
  sqlite3_bind_text (find, 1, application_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (find, 2, entity_id, -1, SQLITE_STATIC);
  if (sqlite3_step (find) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (find, 0));
}

static gboolean
entry_rules (AwpServer   *server,
             const char  *entity_id,
             JsonObject  *cur,
             JsonObject  *next,
             GPtrArray   *errors,
             GError     **error)
{
  const char *held = get_string (cur, "number");
  const char *application = get_string (next, "application_id");

  if (application != NULL && application[0] != '\0'
      && g_strcmp0 (application, get_string (cur, "application_id")) != 0)
    {
      g_autofree char *other = other_entry (server, application, entity_id);

      if (other != NULL)
        {
          g_ptr_array_add (errors, awp_field_error_new ("application_id", "duplicate_entry",
                                                        "application_id: the application already has a Registry entry (O93-5)"));
          return TRUE;
        }
    }
  if (held != NULL && held[0] != '\0')
    json_object_set_string_member (next, "number", held);
  else
    {
      gint64 n = next_number (server, error);
      g_autofree char *text = NULL;

      if (n < 0)
        return FALSE;
      text = g_strdup_printf ("%" G_GINT64_FORMAT, n);
      json_object_set_string_member (next, "number", text);
    }
  return TRUE;
}

/* O93-4: the three criteria of the review, each found met, before the
 * application is accredited (the client's awp_accreditation_decide). */
static const char *const criteria[] = { "no_duplication", "regulated_procedure", "expected_results", NULL };

static void
criteria_rules (JsonObject *next,
                GPtrArray  *errors)
{
  JsonNode *rn = json_object_get_member (next, "review");
  JsonObject *review = rn != NULL && JSON_NODE_HOLDS_OBJECT (rn) ? json_node_get_object (rn) : NULL;

  for (guint i = 0; criteria[i] != NULL; i++)
    {
      JsonNode *fn = review != NULL ? json_object_get_member (review, criteria[i]) : NULL;
      JsonObject *finding = fn != NULL && JSON_NODE_HOLDS_OBJECT (fn) ? json_node_get_object (fn) : NULL;
      JsonNode *met = finding != NULL ? json_object_get_member (finding, "met") : NULL;

      if (met == NULL || !JSON_NODE_HOLDS_VALUE (met) || json_node_get_value_type (met) != G_TYPE_BOOLEAN
          || !json_node_get_boolean (met))
        {
          g_autofree char *field = g_strconcat ("review.", criteria[i], NULL);
          g_autofree char *msg = g_strdup_printf ("%s: O93-4 requires the criterion found met before accreditation",
                                                  field);

          g_ptr_array_add (errors, awp_field_error_new (field, "criterion_unmet", msg));
        }
    }
}

/* O93-5: accredited means entered into the Registry, by this decision. */
static void
decision_rules (AwpServer   *server,
                const char  *entity_id,
                JsonObject  *cur,
                JsonObject  *next,
                GPtrArray   *errors)
{
  const char *channel_id = get_string (next, "channel_id");
  g_autoptr(AwpRecord) entry = NULL;

  if (g_strcmp0 (get_string (next, "status"), "accredited") != 0
      || g_strcmp0 (get_string (cur, "status"), "accredited") == 0)
    return;
  if (channel_id != NULL)
    entry = awp_server_db_get_record (server->db, "channel", channel_id, NULL);
  if (entry == NULL || entry->deleted || g_strcmp0 (get_string (entry->data, "application_id"), entity_id) != 0)
    g_ptr_array_add (errors, awp_field_error_new ("channel_id", "no_entry",
                                                  "channel_id: an application is accredited with its Registry entry (O93-5)"));
  criteria_rules (next, errors);
}

/* O93-9, O93-10: one history line per decision, so a decision made on
 * two workstations is entered once (the second one's group is refused). */
static void
history_rules (AwpServer   *server,
               const char  *entity_id,
               JsonObject  *cur,
               JsonObject  *next,
               GPtrArray   *errors)
{
  const char *source = get_string (next, "source_id");
  const char *kind = get_string (next, "kind");
  g_autoptr(AwpServerStmt) find = NULL;

  if (cur != NULL || source == NULL || source[0] == '\0' || kind == NULL)
    return;
  find = awp_server_db_cached (server->db,
    "SELECT 1 FROM records WHERE entity_type = 'channel_history' AND NOT deleted AND id <> ?3"
    " AND json_extract (data, '$.source_id') = ?1 AND json_extract (data, '$.kind') = ?2 LIMIT 1", NULL);
  if (find == NULL)
    return;
  sqlite3_bind_text (find, 1, source, -1, SQLITE_STATIC);
  sqlite3_bind_text (find, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (find, 3, entity_id, -1, SQLITE_STATIC);
  if (sqlite3_step (find) == SQLITE_ROW)
    g_ptr_array_add (errors, awp_field_error_new ("source_id", "duplicate_line",
                                                  "source_id: this decision is already in the Registry's history (O93-9)"));
}

/* O93-11, O93-13: a change request states the entry's wording it changes
 * (current_value); applied, that must be what the Registry holds, as the
 * client checks (awp_change_request_apply). The entry is updated first in
 * the decision's group, so it may already read the new wording. A late
 * decision is still entered: O93-13's 3 wd are a deadline (due_on), not a
 * ground for refusal. */
static void
change_rules (AwpServer  *server,
              JsonObject *cur,
              JsonObject *next,
              GPtrArray  *errors)
{
  const char *field = get_string (next, "field");
  const char *channel_id = get_string (next, "channel_id");
  const char *stated = get_string (next, "current_value");
  const char *wording = get_string (next, "new_value");
  const char *held;
  g_autoptr(AwpRecord) entry = NULL;

  if (g_strcmp0 (get_string (next, "status"), "applied") != 0
      || g_strcmp0 (get_string (cur, "status"), "applied") == 0 || field == NULL || channel_id == NULL)
    return;
  entry = awp_server_db_get_record (server->db, "channel", channel_id, NULL);
  if (entry == NULL || entry->deleted)
    {
      g_ptr_array_add (errors, awp_field_error_new ("channel_id", "not_found", "channel_id: no such Registry entry"));
      return;
    }
  held = get_string (entry->data, field);
  if (g_strcmp0 (held != NULL ? held : "", stated != NULL ? stated : "") != 0
      && g_strcmp0 (held != NULL ? held : "", wording != NULL ? wording : "") != 0)
    {
      g_autofree char *msg = g_strdup_printf ("current_value: the Registry entry reads now “%s” (O93-11)",
                                              held != NULL ? held : "");

      g_ptr_array_add (errors, awp_field_error_new ("current_value", "stale", msg));
    }
}

/* The same from the entry's side: an Annex 2 wording changed to what a
 * sent change request asks must have read what that request states. */
static void
entry_change_rules (AwpServer   *server,
                    const char  *entity_id,
                    JsonObject  *cur,
                    JsonObject  *next,
                    GPtrArray   *errors)
{
  static const char *const names[] = { "name_kk", "name_ru", "owner_kk", "owner_ru", NULL };

  for (guint i = 0; cur != NULL && names[i] != NULL; i++)
    {
      const char *was = get_string (cur, names[i]);
      const char *now = get_string (next, names[i]);
      g_autoptr(AwpServerStmt) find = NULL;
      gboolean asked = FALSE, stated = FALSE;

      if (now == NULL || g_strcmp0 (was, now) == 0)
        continue;
      find = awp_server_db_cached (server->db,
        "SELECT json_extract (data, '$.current_value') FROM records WHERE entity_type = 'change_request' AND NOT deleted"
        " AND json_extract (data, '$.status') = 'sent' AND json_extract (data, '$.channel_id') = ?1"
        " AND json_extract (data, '$.field') = ?2 AND json_extract (data, '$.new_value') = ?3", NULL);
      if (find == NULL)
        return;
      sqlite3_bind_text (find, 1, entity_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (find, 2, names[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (find, 3, now, -1, SQLITE_STATIC);
      while (sqlite3_step (find) == SQLITE_ROW)
        {
          const char *v = (const char *) sqlite3_column_text (find, 0);

          asked = TRUE;
          stated |= g_strcmp0 (v != NULL ? v : "", was != NULL ? was : "") == 0;
        }
      if (asked && !stated)
        {
          g_autofree char *msg = g_strdup_printf ("current_value: the Registry entry reads now “%s” (O93-11)",
                                                  was != NULL ? was : "");

          g_ptr_array_add (errors, awp_field_error_new ("current_value", "stale", msg));
        }
    }
}

gboolean
awp_server_registry_rules (AwpServer      *server,
                           const char     *entity_type,
                           const char     *entity_id,
                           AwpMutationOp   op,
                           JsonObject     *cur,
                           JsonObject     *next,
                           GPtrArray      *errors,
                           GError        **error)
{
  if (op == AWP_MUTATION_DELETE || next == NULL)
    return TRUE;
  if (g_str_equal (entity_type, "channel") && (is_entry (next) || is_entry (cur)))
    {
      entry_change_rules (server, entity_id, cur, next, errors);
      return entry_rules (server, entity_id, cur, next, errors, error);
    }
  if (g_str_equal (entity_type, "change_request"))
    change_rules (server, cur, next, errors);
  if (g_str_equal (entity_type, "channel_history"))
    history_rules (server, entity_id, cur, next, errors);
  if (g_str_equal (entity_type, "accreditation_application"))
    decision_rules (server, entity_id, cur, next, errors);
  return TRUE;
}

/* The next number of @key's sequence in the meta table, started after the
 * highest held by a record of @entity_type whose number has @prefix (the
 * demo seed's included): like the Registry's, never given twice, rolled
 * back with a refused mutation. */
static gint64
next_in_sequence (AwpServer   *server,
                  const char  *key,
                  const char  *entity_type,
                  GError     **error)
{
  g_autoptr(AwpServerStmt) start = awp_server_db_cached (server->db,
    "INSERT OR IGNORE INTO meta VALUES (?1,"
    " (SELECT coalesce (max (CAST (substr (json_extract (data, '$.number'), 9) AS INTEGER)), 0) FROM records"
    "   WHERE entity_type = ?2 AND json_extract (data, '$.number') LIKE '__-____-%'))", error);
  g_autoptr(AwpServerStmt) bump = NULL;
  g_autoptr(AwpServerStmt) get = NULL;

  if (start == NULL)
    goto failed;
  sqlite3_bind_text (start, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (start, 2, entity_type, -1, SQLITE_STATIC);
  if (sqlite3_step (start) != SQLITE_DONE)
    goto failed;
  bump = awp_server_db_cached (server->db, "UPDATE meta SET value = value + 1 WHERE key = ?1", error);
  if (bump == NULL)
    goto failed;
  sqlite3_bind_text (bump, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (bump) != SQLITE_DONE)
    goto failed;
  get = awp_server_db_cached (server->db, "SELECT value FROM meta WHERE key = ?1", error);
  if (get == NULL)
    goto failed;
  sqlite3_bind_text (get, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (get) != SQLITE_ROW)
    goto failed;
  return sqlite3_column_int64 (get, 0);

failed:
  if (error != NULL && *error == NULL)
    awp_server_db_set_error (server->db, error);
  return -1;
}

gboolean
awp_server_portal_number (AwpServer   *server,
                          const char  *entity_type,
                          JsonObject  *next,
                          GError     **error)
{
  const char *prefix, *key;
  gint64 n;
  GDate today;
  g_autofree char *number = NULL;

  if (g_str_equal (entity_type, "blog_request"))
    prefix = "БЛ", key = "number_blog_request";
  else if (g_str_equal (entity_type, "conference_application"))
    prefix = "КО", key = "number_conference_application";
  else
    return TRUE;
  n = next_in_sequence (server, key, entity_type, error);
  if (n < 0)
    return FALSE;
  awp_server_today (&today);
  number = g_strdup_printf ("%s-%04u-%06" G_GINT64_FORMAT, prefix, g_date_get_year (&today), n);
  json_object_set_string_member (next, "number", number);
  return TRUE;
}

#include "config.h"

#include "awp-server-db.h"
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
    return entry_rules (server, entity_id, cur, next, errors, error);
  if (g_str_equal (entity_type, "channel_history"))
    history_rules (server, entity_id, cur, next, errors);
  if (g_str_equal (entity_type, "accreditation_application"))
    decision_rules (server, entity_id, cur, next, errors);
  return TRUE;
}

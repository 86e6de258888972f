#include "config.h"

#include <string.h>

#include "awp-attachment-type.h"
#include "awp-server-attachments.h"
#include "awp-server-db.h"
#include "awp-server-sync.h"

#define PREFIX "/api/v1/attachments/"

/* Blobs live beside the records, in the same database: one backup, one
 * WAL. Which organizations uploaded a blob and which records name it are
 * kept apart from the bytes, so a second upload of the same file (another
 * body, the same scan) stores nothing twice. */
static const char schema[] =
  "CREATE TABLE IF NOT EXISTS attachment_blobs (sha256 TEXT PRIMARY KEY, mime TEXT NOT NULL,"
  "  size INTEGER NOT NULL, data BLOB NOT NULL, created_at INTEGER NOT NULL);"
  "CREATE TABLE IF NOT EXISTS attachment_uploads (sha256 TEXT NOT NULL, org_id TEXT NOT NULL,"
  "  uploaded_by TEXT NOT NULL, uploaded_at INTEGER NOT NULL, PRIMARY KEY (sha256, org_id));"
  "CREATE TABLE IF NOT EXISTS attachment_refs (sha256 TEXT NOT NULL, entity_type TEXT NOT NULL,"
  "  entity_id TEXT NOT NULL, PRIMARY KEY (sha256, entity_type, entity_id));"
  "CREATE INDEX IF NOT EXISTS attachment_refs_record ON attachment_refs (entity_type, entity_id);";

gboolean
awp_server_attachments_init (AwpServer  *server,
                             GError    **error)
{
  return awp_server_db_exec (server->db, schema, error);
}

gsize
awp_server_attachments_limit (AwpServer  *server,
                              const char *method,
                              const char *path)
{
  if (g_strcmp0 (method, "PUT") == 0 && path != NULL && g_str_has_prefix (path, PREFIX))
    return server->config.max_attachment;
  return server->config.max_body;
}

static void
field_error (AwpServerRequest *req,
             guint             status,
             const char        *code,
             const char        *message,
             const char        *field,
             const char        *field_code,
             const char        *field_message)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);

  g_ptr_array_add (fields, awp_field_error_new (field, field_code, field_message));
  awp_server_reply_error (req, status, code, message, fields);
}

static gboolean
blob_exists (AwpServer  *server,
             const char *sha)
{
  g_autoptr(AwpServerStmt) stmt = awp_server_db_cached (server->db,
                                                        "SELECT 1 FROM attachment_blobs WHERE sha256 = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* The caller's organization uploaded the blob, or the caller may read a
 * live record that names it (the change feed's own rule, awp_server_may_read).
 * The record must still name it: a reference edited away gives no access. */
static gboolean
may_get (AwpServer           *server,
         const AwpServerUser *user,
         const char          *sha)
{
  g_autoptr(AwpServerStmt) up = NULL;
  g_autoptr(AwpServerStmt) refs = NULL;

  up = awp_server_db_cached (server->db, "SELECT 1 FROM attachment_uploads WHERE sha256 = ? AND org_id = ?", NULL);
  if (up == NULL)
    return FALSE;
  sqlite3_bind_text (up, 1, sha, -1, SQLITE_STATIC);
  sqlite3_bind_text (up, 2, user->org_id, -1, SQLITE_STATIC);
  if (sqlite3_step (up) == SQLITE_ROW)
    return TRUE;

  refs = awp_server_db_cached (server->db,
                               "SELECT r.entity_type, r.org_id FROM attachment_refs a"
                               " JOIN records r ON r.entity_type = a.entity_type AND r.id = a.entity_id"
                               " WHERE a.sha256 = ?1 AND NOT r.deleted AND instr (r.data, ?1) > 0", NULL);
  if (refs == NULL)
    return FALSE;
  sqlite3_bind_text (refs, 1, sha, -1, SQLITE_STATIC);
  while (sqlite3_step (refs) == SQLITE_ROW)
    if (awp_server_may_read (user, (const char *) sqlite3_column_text (refs, 0),
                             (const char *) sqlite3_column_text (refs, 1)))
      return TRUE;
  return FALSE;
}

static void
not_found (AwpServerRequest *req)
{
  /* The same answer whether the blob is missing or not the caller's to see:
   * an id cannot be probed. */
  awp_server_reply_error (req, 404, "not_found", "No such attachment", NULL);
}

void
awp_server_attachments_put (AwpServerRequest *req)
{
  AwpServer *server = req->server;
  const char *sha = req->params[0];
  const char *declared;
  const char *sniffed;
  const guint8 *data;
  gsize len;
  g_autofree char *actual = NULL;
  gboolean created;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (!awp_server_require_role (req, AWP_ROLE_BIT (AWP_ROLE_ADMINISTRATOR) | AWP_ROLE_BIT (AWP_ROLE_OPERATOR)
                                     | AWP_ROLE_BIT (AWP_ROLE_AUTHORIZED_BODY)))
    return;
  if (!awp_attachment_id_valid (sha))
    {
      field_error (req, 400, "validation_failed", "The attachment id is not valid", "sha256", "invalid",
                   "sha256: must be the SHA-256 of the body, 64 lowercase hex digits");
      return;
    }
  data = g_bytes_get_data (req->raw_body, &len);
  if (len == 0)
    {
      field_error (req, 400, "validation_failed", "The attachment is empty", "body", "required", "body: the file's bytes, not empty");
      return;
    }
  if (len > server->config.max_attachment)
    {
      g_autofree char *msg = g_strdup_printf ("body: at most %u bytes", server->config.max_attachment);

      field_error (req, 413, "payload_too_large", "The attachment is too large", "body", "too_long", msg);
      return;
    }
  actual = awp_attachment_hash (data, len);
  if (!g_str_equal (actual, sha))
    {
      field_error (req, 422, "hash_mismatch", "The body's SHA-256 is not the id in the path", "sha256", "hash_mismatch",
                   "sha256: does not match the body");
      return;
    }
  declared = soup_message_headers_get_content_type (soup_server_message_get_request_headers (req->msg), NULL);
  sniffed = awp_attachment_sniff (data, len);
  if (sniffed == NULL || !awp_attachment_mime_matches (declared, sniffed))
    {
      field_error (req, 415, "unsupported_media_type",
                   "Attachments may be PDF, PNG, JPEG, ODT, ODS, DOCX, XLSX or plain text, sent with their own type",
                   "content_type", "unsupported_type", sniffed == NULL ? "content_type: the content is not an allowed type"
                                                   : "content_type: does not match the content");
      return;
    }

  if (!awp_server_db_begin (server->db, NULL))
    goto busy;
  created = !blob_exists (server, sha);
  if (created)
    {
      g_autoptr(AwpServerStmt) ins = awp_server_db_cached (server->db,
                                                           "INSERT INTO attachment_blobs VALUES (?,?,?,?,?)", NULL);

      if (ins == NULL)
        goto fail;
      sqlite3_bind_text (ins, 1, sha, -1, SQLITE_STATIC);
      sqlite3_bind_text (ins, 2, sniffed, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (ins, 3, (gint64) len);
      sqlite3_bind_blob64 (ins, 4, data, len, SQLITE_STATIC);
      sqlite3_bind_int64 (ins, 5, now);
      if (sqlite3_step (ins) != SQLITE_DONE)
        goto fail;
    }
  {
    g_autoptr(AwpServerStmt) up = awp_server_db_cached (server->db,
                                                        "INSERT OR IGNORE INTO attachment_uploads VALUES (?,?,?,?)", NULL);

    if (up == NULL)
      goto fail;
    sqlite3_bind_text (up, 1, sha, -1, SQLITE_STATIC);
    sqlite3_bind_text (up, 2, req->user->org_id, -1, SQLITE_STATIC);
    sqlite3_bind_text (up, 3, req->user->id, -1, SQLITE_STATIC);
    sqlite3_bind_int64 (up, 4, now);
    if (sqlite3_step (up) != SQLITE_DONE)
      goto fail;
  }
  if (!awp_server_db_commit (server->db, NULL))
    goto fail;

  {
    g_autofree char *json = g_strdup_printf ("{\"id\":\"%s\",\"mime\":\"%s\",\"size\":%" G_GSIZE_FORMAT ",\"created\":%s}",
                                             sha, sniffed, len, created ? "true" : "false");

    awp_server_reply_text (req, created ? 201 : 200, json);
  }
  return;

fail:
  awp_server_db_rollback (server->db);
busy:
  awp_server_reply_error (req, 503, "retry", "The attachment could not be stored; try again", NULL);
}

void
awp_server_attachments_get (AwpServerRequest *req)
{
  AwpServer *server = req->server;
  const char *sha = req->params[0];
  g_autoptr(AwpServerStmt) stmt = NULL;
  SoupMessageHeaders *headers;
  g_autofree char *etag = NULL;
  const void *blob;
  gsize len;

  if (!awp_attachment_id_valid (sha) || !may_get (server, req->user, sha))
    {
      not_found (req);
      return;
    }
  stmt = awp_server_db_cached (server->db, "SELECT mime, data FROM attachment_blobs WHERE sha256 = ?", NULL);
  if (stmt == NULL)
    {
      awp_server_reply_error (req, 503, "retry", "The attachment could not be read; try again", NULL);
      return;
    }
  sqlite3_bind_text (stmt, 1, sha, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      not_found (req);
      return;
    }
  blob = sqlite3_column_blob (stmt, 1);
  len = sqlite3_column_bytes (stmt, 1);
  headers = soup_server_message_get_response_headers (req->msg);
  etag = g_strdup_printf ("\"%s\"", sha);
  soup_message_headers_replace (headers, "ETag", etag);
  /* Never shown inline by a browser that reaches the API: a stored file is
   * data to save, not a page to run. */
  soup_message_headers_replace (headers, "Content-Disposition", "attachment");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "Cache-Control", "private, max-age=31536000, immutable");
  soup_server_message_set_status (req->msg, 200, NULL);
  soup_server_message_set_response (req->msg, (const char *) sqlite3_column_text (stmt, 0),
                                    SOUP_MEMORY_COPY, blob, len);
}

typedef struct
{
  AwpServer *server;
  GPtrArray *errors;
  const AwpServerUser *user;   /* NULL: shape only */
  gboolean   missing;
} CheckData;

static void
check_array (const char *path,
             JsonArray  *array,
             gpointer    user_data)
{
  CheckData *c = user_data;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *n = json_array_get_element (array, i);
      g_autofree char *field = g_strdup_printf ("%s[%u]", path, i);

      if (!awp_attachment_is_ref (n))
        {
          /* Records from before blobs list document names only: a string
           * (Annex 1's list) or a meeting result's {kind, name}. */
          gboolean legacy = (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
                             && g_utf8_strlen (json_node_get_string (n), -1) <= 500)
                            || (JSON_NODE_HOLDS_OBJECT (n) && g_str_equal (path, "results.attachments")
                                && json_object_get_size (json_node_get_object (n)) <= 2);

          if (!legacy && c->user == NULL)
            g_ptr_array_add (c->errors, awp_field_error_new (field, "invalid",
                                                             "must be an object {id, name, mime, size}"));
          continue;
        }
      if (c->user == NULL)
        {
          g_autofree char *problem = awp_attachment_ref_problem (n);

          if (problem != NULL)
            {
              g_autofree char *msg = g_strdup_printf ("%s: %s", field, problem);

              g_ptr_array_add (c->errors, awp_field_error_new (field, "invalid", msg));
            }
          continue;
        }
      {
        const char *id = json_object_get_string_member (json_node_get_object (n), "id");

        if (!blob_exists (c->server, id) || !may_get (c->server, c->user, id))
          {
            g_autofree char *msg = g_strdup_printf ("%s: the file %s has not been uploaded; PUT it to "
                                                    PREFIX "%s first", field, id, id);

            g_ptr_array_add (c->errors, awp_field_error_new (field, "attachment_missing", msg));
            c->missing = TRUE;
          }
      }
    }
}

void
awp_server_attachments_check (AwpServer  *server,
                              JsonObject *data,
                              GPtrArray  *errors)
{
  CheckData c = { server, errors, NULL, FALSE };

  awp_attachment_foreach_array (data, check_array, &c);
}

gboolean
awp_server_attachments_available (AwpServer           *server,
                                  const AwpServerUser *user,
                                  JsonObject          *data,
                                  GPtrArray           *errors)
{
  CheckData c = { server, errors, user, FALSE };

  awp_attachment_foreach_array (data, check_array, &c);
  return !c.missing;
}

gboolean
awp_server_attachments_purge (AwpServer  *server,
                              gint64      before,
                              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  if (!awp_server_db_begin (server->db, error))
    return FALSE;
  ok = awp_server_db_exec (server->db,
                           "DELETE FROM attachment_refs WHERE NOT EXISTS (SELECT 1 FROM records r"
                           "  WHERE r.entity_type = attachment_refs.entity_type AND r.id = attachment_refs.entity_id);",
                           error);
  if (ok)
    {
      stmt = awp_server_db_prepare (server->db,
                                    "DELETE FROM attachment_blobs WHERE created_at < ?"
                                    " AND NOT EXISTS (SELECT 1 FROM attachment_refs a WHERE a.sha256 = attachment_blobs.sha256)",
                                    error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, before);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        awp_server_db_set_error (server->db, error);
    }
  ok = ok && awp_server_db_exec (server->db,
                                 "DELETE FROM attachment_uploads WHERE sha256 NOT IN (SELECT sha256 FROM attachment_blobs);",
                                 error);
  if (!ok)
    {
      awp_server_db_rollback (server->db);
      return FALSE;
    }
  return awp_server_db_commit (server->db, error);
}

typedef struct
{
  sqlite3_stmt *ins;
  gboolean      ok;
} IndexData;

static void
index_array (const char *path,
             JsonArray  *array,
             gpointer    user_data)
{
  IndexData *d = user_data;

  for (guint i = 0; i < json_array_get_length (array) && d->ok; i++)
    {
      JsonNode *n = json_array_get_element (array, i);
      const char *id;

      if (!awp_attachment_is_ref (n))
        continue;
      id = json_object_get_string_member_with_default (json_node_get_object (n), "id", NULL);
      if (!awp_attachment_id_valid (id))
        continue;
      sqlite3_bind_text (d->ins, 1, id, -1, SQLITE_TRANSIENT);
      d->ok = sqlite3_step (d->ins) == SQLITE_DONE;
      sqlite3_reset (d->ins);
    }
}

gboolean
awp_server_attachments_index (AwpServer   *server,
                              const char  *entity_type,
                              const char  *entity_id,
                              JsonObject  *data,
                              GError     **error)
{
  g_autoptr(AwpServerStmt) del = NULL;
  g_autoptr(AwpServerStmt) ins = NULL;
  IndexData d = { NULL, TRUE };

  del = awp_server_db_cached (server->db, "DELETE FROM attachment_refs WHERE entity_type = ? AND entity_id = ?", error);
  ins = awp_server_db_cached (server->db, "INSERT OR IGNORE INTO attachment_refs VALUES (?1, ?2, ?3)", error);
  if (del == NULL || ins == NULL)
    return FALSE;
  sqlite3_bind_text (del, 1, entity_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (del, 2, entity_id, -1, SQLITE_STATIC);
  if (sqlite3_step (del) != SQLITE_DONE)
    {
      awp_server_db_set_error (server->db, error);
      return FALSE;
    }
  sqlite3_bind_text (ins, 2, entity_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (ins, 3, entity_id, -1, SQLITE_STATIC);
  d.ins = ins;
  awp_attachment_foreach_array (data, index_array, &d);
  if (!d.ok)
    {
      awp_server_db_set_error (server->db, error);
      return FALSE;
    }
  return TRUE;
}

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awp-attachment.h"
#include "awp-store-private.h"

G_DEFINE_QUARK (awp-attachment-error-quark, awp_attachment_error)

static gsize max_size = AWP_ATTACHMENT_DEFAULT_MAX_SIZE;

gsize
awp_attachment_get_max_size (void)
{
  return max_size;
}

void
awp_attachment_set_max_size (gsize size)
{
  max_size = size > 0 ? size : AWP_ATTACHMENT_DEFAULT_MAX_SIZE;
}

void
awp_attachment_free (AwpAttachment *a)
{
  if (a == NULL)
    return;
  g_free (a->id);
  g_free (a->name);
  g_free (a->mime);
  g_free (a->kind);
  g_free (a);
}

AwpAttachment *
awp_attachment_copy (const AwpAttachment *a)
{
  AwpAttachment *c = g_new0 (AwpAttachment, 1);

  c->id = g_strdup (a->id);
  c->name = g_strdup (a->name);
  c->mime = g_strdup (a->mime);
  c->size = a->size;
  c->kind = g_strdup (a->kind);
  c->local = a->local;
  c->uploaded = a->uploaded;
  return c;
}

JsonObject *
awp_attachment_to_json (const AwpAttachment *a)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "id", a->id);
  json_object_set_string_member (o, "name", a->name);
  json_object_set_string_member (o, "mime", a->mime);
  json_object_set_int_member (o, "size", a->size);
  if (a->kind != NULL)
    json_object_set_string_member (o, "kind", a->kind);
  return o;
}

AwpAttachment *
awp_attachment_from_json (JsonNode *node)
{
  g_autofree char *problem = awp_attachment_ref_problem (node);
  JsonObject *o;
  AwpAttachment *a;

  if (problem != NULL)
    return NULL;
  o = json_node_get_object (node);
  a = g_new0 (AwpAttachment, 1);
  a->id = g_strdup (json_object_get_string_member (o, "id"));
  a->name = g_strdup (json_object_get_string_member (o, "name"));
  a->mime = g_strdup (json_object_get_string_member (o, "mime"));
  a->size = json_object_get_int_member (o, "size");
  a->kind = g_strdup (json_object_get_string_member_with_default (o, "kind", NULL));
  return a;
}

/* A name to show and to save under: no path separators or control
 * characters, at most 255 characters. */
static char *
clean_name (const char *name)
{
  GString *s = g_string_new (NULL);
  guint n = 0;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    name = "file";
  for (const char *p = name; *p && n < AWP_ATTACHMENT_MAX_NAME; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (s, c == '/' || c == '\\' || g_unichar_iscntrl (c) ? '_' : c);
    }
  if (s->len == 0 || g_str_equal (s->str, ".") || g_str_equal (s->str, ".."))
    g_string_assign (s, "file");
  return g_string_free (s, FALSE);
}

char *
awp_attachment_format_size (gint64 size)
{
  return g_format_size_full ((guint64) MAX (size, 0), G_FORMAT_SIZE_DEFAULT);
}

static gboolean
check_size (const char  *name,
            guint64      size,
            GError     **error)
{
  if (size == 0)
    {
      g_set_error (error, AWP_ATTACHMENT_ERROR, AWP_ATTACHMENT_ERROR_EMPTY, _("“%s” is empty"), name);
      return FALSE;
    }
  if (size > max_size)
    {
      g_autofree char *limit = awp_attachment_format_size (max_size);

      g_set_error (error, AWP_ATTACHMENT_ERROR, AWP_ATTACHMENT_ERROR_TOO_LARGE,
                   _("“%s” is larger than %s, the most a file may be"), name, limit);
      return FALSE;
    }
  return TRUE;
}

static AwpAttachment *
lookup (AwpStore   *store,
        const char *id)
{
  g_autoptr(AwpCachedStmt) stmt = awp_store_prepare (store, "SELECT name, mime, size, data IS NOT NULL, uploaded"
                                                            " FROM attachment WHERE sha256 = ?", NULL);
  AwpAttachment *a;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  a = g_new0 (AwpAttachment, 1);
  a->id = g_strdup (id);
  a->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  a->mime = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  a->size = sqlite3_column_int64 (stmt, 2);
  a->local = sqlite3_column_int (stmt, 3) != 0;
  a->uploaded = sqlite3_column_int (stmt, 4) != 0;
  return a;
}

/* Inserts the bytes, or fills in a row that had none. */
static gboolean
put_bytes (AwpStore     *store,
           const char   *id,
           const char   *name,
           const char   *mime,
           GBytes       *bytes,
           gboolean      uploaded,
           GError      **error)
{
  g_autoptr(AwpCachedStmt) stmt = NULL;
  g_autofree char *now = awp_store_now_iso ();
  gsize len;
  const void *data = g_bytes_get_data (bytes, &len);

  stmt = awp_store_prepare (store,
                            "INSERT INTO attachment (sha256, name, mime, size, data, uploaded, added_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                            " ON CONFLICT (sha256) DO UPDATE SET data = COALESCE (data, excluded.data),"
                            " uploaded = MAX (uploaded, excluded.uploaded)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, mime, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, (gint64) len);
  sqlite3_bind_blob64 (stmt, 5, data != NULL ? data : "", len, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, uploaded);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  return awp_store_step_done (store, stmt, error);
}

AwpAttachment *
awp_attachment_add_bytes (AwpStore    *store,
                          const char  *name,
                          GBytes      *bytes,
                          GError     **error)
{
  g_autofree char *clean = clean_name (name);
  const guint8 *data;
  const char *mime;
  gsize len;
  AwpAttachment *a;

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (!check_size (clean, len, error))
    return NULL;
  mime = awp_attachment_sniff (data, len);
  if (mime == NULL)
    {
      g_set_error (error, AWP_ATTACHMENT_ERROR, AWP_ATTACHMENT_ERROR_TYPE,
                   _("“%s” is not a kind of file that may be attached: PDF, PNG, JPEG, ODT, ODS, DOCX, XLSX or plain text"),
                   clean);
      return NULL;
    }
  a = g_new0 (AwpAttachment, 1);
  a->id = awp_attachment_hash (data, len);
  a->name = g_steal_pointer (&clean);
  a->mime = g_strdup (mime);
  a->size = len;
  a->local = TRUE;
  if (!put_bytes (store, a->id, a->name, a->mime, bytes, FALSE, error))
    {
      awp_attachment_free (a);
      return NULL;
    }
  {
    g_autoptr(AwpAttachment) kept = lookup (store, a->id);

    a->uploaded = kept != NULL && kept->uploaded;
  }
  return a;
}

AwpAttachment *
awp_attachment_add_file (AwpStore      *store,
                         GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  name = clean_name (g_file_info_get_display_name (info));
  /* Refuse a huge file before reading it into memory. */
  if (!check_size (name, (guint64) g_file_info_get_size (info), error))
    return NULL;
  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;
  return awp_attachment_add_bytes (store, name, bytes, error);
}

static void
collect_refs (const char *path,
              JsonArray  *array,
              gpointer    user_data)
{
  GPtrArray *out = user_data;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      AwpAttachment *a = awp_attachment_from_json (json_array_get_element (array, i));

      if (a != NULL)
        g_ptr_array_add (out, a);
    }
}

GPtrArray *
awp_attachment_refs (JsonObject *data)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_attachment_free);

  awp_attachment_foreach_array (data, collect_refs, out);
  return out;
}

GPtrArray *
awp_attachment_list (AwpStore    *store,
                     const char  *record_id,
                     GError     **error)
{
  g_autoptr(JsonObject) record = NULL;
  JsonNode *data;
  GPtrArray *out;

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);

  record = awp_store_get_record (store, record_id, error);
  if (record == NULL)
    return NULL;
  data = json_object_get_member (record, "data");
  out = awp_attachment_refs (data != NULL && JSON_NODE_HOLDS_OBJECT (data) ? json_node_get_object (data) : NULL);
  for (guint i = 0; i < out->len; i++)
    {
      AwpAttachment *a = out->pdata[i];
      g_autoptr(AwpAttachment) kept = lookup (store, a->id);

      a->local = kept != NULL && kept->local;
      a->uploaded = kept != NULL && kept->uploaded;
    }
  return out;
}

GBytes *
awp_attachment_read (AwpStore    *store,
                     const char  *id,
                     GError     **error)
{
  g_autoptr(AwpCachedStmt) stmt = NULL;
  const void *blob;
  int len;

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);

  stmt = awp_store_prepare (store, "SELECT data, name FROM attachment WHERE sha256 = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    {
      g_set_error (error, AWP_ATTACHMENT_ERROR, AWP_ATTACHMENT_ERROR_NOT_LOCAL,
                   _("The file has not been downloaded yet"));
      return NULL;
    }
  blob = sqlite3_column_blob (stmt, 0);
  len = sqlite3_column_bytes (stmt, 0);
  return g_bytes_new (blob, len);
}

gboolean
awp_attachment_is_local (AwpStore   *store,
                         const char *id)
{
  g_autoptr(AwpAttachment) a = lookup (store, id);

  return a != NULL && a->local;
}

gboolean
awp_attachment_needs_upload (AwpStore   *store,
                             const char *id)
{
  g_autoptr(AwpAttachment) a = lookup (store, id);

  return a != NULL && a->local && !a->uploaded;
}

gboolean
awp_attachment_store_downloaded (AwpStore    *store,
                                 const char  *id,
                                 const char  *name,
                                 const char  *mime,
                                 GBytes      *bytes,
                                 GError     **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  g_autofree char *actual = awp_attachment_hash (data, len);
  g_autofree char *clean = clean_name (name);

  g_return_val_if_fail (AWP_IS_STORE (store), FALSE);

  if (!g_str_equal (actual, id))
    {
      g_set_error (error, AWP_ATTACHMENT_ERROR, AWP_ATTACHMENT_ERROR_CORRUPT,
                   _("The downloaded file “%s” is damaged; download it again"), clean);
      return FALSE;
    }
  return put_bytes (store, id, clean, mime != NULL ? mime : "application/octet-stream", bytes, TRUE, error);
}

gboolean
awp_attachment_forget_uploaded (AwpStore    *store,
                                const char  *id,
                                GError     **error)
{
  g_autoptr(AwpCachedStmt) stmt = NULL;

  if (!awp_attachment_is_local (store, id))
    return FALSE;
  stmt = awp_store_prepare (store, "UPDATE attachment SET uploaded = 0 WHERE sha256 = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  return awp_store_step_done (store, stmt, error);
}

gboolean
awp_attachment_mark_uploaded (AwpStore    *store,
                              const char  *id,
                              GError     **error)
{
  g_autoptr(AwpCachedStmt) stmt = awp_store_prepare (store, "UPDATE attachment SET uploaded = 1 WHERE sha256 = ?",
                                                     error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  return awp_store_step_done (store, stmt, error);
}

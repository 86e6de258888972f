#include "config.h"

#include <string.h>

#include "awp-attachment-type.h"

#define MIME_ODT "application/vnd.oasis.opendocument.text"
#define MIME_ODS "application/vnd.oasis.opendocument.spreadsheet"
#define MIME_DOCX "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#define MIME_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

static const char *const allowed[] = {
  "application/pdf", "image/png", "image/jpeg", MIME_ODT, MIME_ODS, MIME_DOCX, MIME_XLSX, "text/plain", NULL
};

static gboolean
has_prefix (const guint8 *data,
            gsize         len,
            const char   *magic,
            gsize         magic_len)
{
  return len >= magic_len && memcmp (data, magic, magic_len) == 0;
}

static gboolean
contains (const guint8 *data,
          gsize         len,
          const char   *needle)
{
  gsize n = strlen (needle);

  if (n == 0 || len < n)
    return FALSE;
  for (gsize i = 0; i + n <= len; i++)
    if (data[i] == (guint8) needle[0] && memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* OpenDocument puts an uncompressed "mimetype" member first (ODF 1.2
 * part 3, 3.3); Office Open XML has word/ or xl/ parts named in the clear
 * in its local and central headers. Macro projects are refused. */
static const char *
sniff_zip (const guint8 *data,
           gsize         len)
{
  guint name_len, extra_len;
  gsize start;

  if (len < 30)
    return NULL;
  name_len = data[26] | (data[27] << 8);
  extra_len = data[28] | (data[29] << 8);
  start = 30 + name_len + extra_len;
  if (contains (data, len, "vbaProject.bin"))
    return NULL;
  if (name_len == 8 && memcmp (data + 30, "mimetype", 8) == 0 && data[8] == 0 && data[9] == 0)
    {
      const guint8 *m = start < len ? data + start : data;
      gsize left = start < len ? len - start : 0;
      gsize mime_len = data[22] | (data[23] << 8);  /* the stored size */

      if (mime_len == strlen (MIME_ODT) && has_prefix (m, left, MIME_ODT, mime_len))
        return MIME_ODT;
      if (mime_len == strlen (MIME_ODS) && has_prefix (m, left, MIME_ODS, mime_len))
        return MIME_ODS;
      return NULL;
    }
  if (!contains (data, len, "[Content_Types].xml"))
    return NULL;
  if (contains (data, len, "word/document.xml"))
    return MIME_DOCX;
  if (contains (data, len, "xl/workbook.xml"))
    return MIME_XLSX;
  return NULL;
}

/* UTF-8 without NUL or control characters other than tab, line and page
 * breaks: a text a person can read, not a binary under a .txt name. */
static gboolean
is_plain_text (const guint8 *data,
               gsize         len)
{
  if (!g_utf8_validate_len ((const char *) data, len, NULL))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if ((data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r' && data[i] != '\f')
        || data[i] == 0x7f)
      return FALSE;
  return TRUE;
}

const char *
awp_attachment_sniff (const guint8 *data,
                      gsize         len)
{
  if (data == NULL || len == 0)
    return NULL;
  if (has_prefix (data, len, "%PDF-", 5))
    return "application/pdf";
  if (has_prefix (data, len, "\x89PNG\r\n\x1a\n", 8))
    return "image/png";
  if (has_prefix (data, len, "\xff\xd8\xff", 3))
    return "image/jpeg";
  if (has_prefix (data, len, "PK\x03\x04", 4))
    return sniff_zip (data, len);
  if (is_plain_text (data, len))
    return "text/plain";
  return NULL;
}

/* The type without parameters, lowercased. */
static char *
bare_type (const char *mime)
{
  const char *semi;

  if (mime == NULL)
    return NULL;
  semi = strchr (mime, ';');
  return g_strstrip (g_ascii_strdown (mime, semi != NULL ? semi - mime : -1));
}

gboolean
awp_attachment_mime_allowed (const char *mime)
{
  g_autofree char *bare = bare_type (mime);

  return bare != NULL && g_strv_contains (allowed, bare);
}

gboolean
awp_attachment_mime_matches (const char *declared,
                             const char *sniffed)
{
  g_autofree char *bare = bare_type (declared);

  return bare != NULL && sniffed != NULL && g_str_equal (bare, sniffed);
}

gboolean
awp_attachment_id_valid (const char *id)
{
  if (id == NULL || strlen (id) != 64)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

gboolean
awp_attachment_name_valid (const char *name)
{
  const char *p;

  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL)
      || g_utf8_strlen (name, -1) > AWP_ATTACHMENT_MAX_NAME
      || g_str_equal (name, ".") || g_str_equal (name, ".."))
    return FALSE;
  for (p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || g_unichar_iscntrl (c))
        return FALSE;
    }
  return TRUE;
}

char *
awp_attachment_hash (const guint8 *data,
                     gsize         len)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
}

gboolean
awp_attachment_is_ref (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) && json_object_has_member (json_node_get_object (node), "id");
}

static const char *
string_member (JsonObject *o,
               const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

char *
awp_attachment_ref_problem (JsonNode *node)
{
  JsonObject *o;
  JsonNode *size;
  g_autoptr(GList) names = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup ("must be an object {id, name, mime, size}");
  o = json_node_get_object (node);
  if (!awp_attachment_id_valid (string_member (o, "id")))
    return g_strdup ("id: must be the SHA-256 of the file, 64 lowercase hex digits");
  if (!awp_attachment_name_valid (string_member (o, "name")))
    return g_strdup ("name: 1-255 characters, no path separators or control characters");
  if (!awp_attachment_mime_allowed (string_member (o, "mime")))
    return g_strdup ("mime: not an allowed type (PDF, PNG, JPEG, ODT, ODS, DOCX, XLSX, plain text)");
  size = json_object_get_member (o, "size");
  if (size == NULL || !JSON_NODE_HOLDS_VALUE (size) || json_node_get_value_type (size) != G_TYPE_INT64
      || json_node_get_int (size) <= 0)
    return g_strdup ("size: must be a positive integer (bytes)");
  names = json_object_get_members (o);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *m = l->data;

      if (!g_str_equal (m, "id") && !g_str_equal (m, "name") && !g_str_equal (m, "mime")
          && !g_str_equal (m, "size") && !g_str_equal (m, "kind"))
        return g_strdup_printf ("%s: not a member of an attachment", m);
    }
  if (json_object_has_member (o, "kind")
      && (string_member (o, "kind") == NULL || strlen (string_member (o, "kind")) > 32))
    return g_strdup ("kind: must be a short string");
  return NULL;
}

const char *
awp_attachment_entry_name (JsonNode *node)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return string_member (json_node_get_object (node), "name");
  return NULL;
}

void
awp_attachment_foreach_array (JsonObject             *data,
                              AwpAttachmentArrayFunc  func,
                              gpointer                user_data)
{
  JsonNode *n;

  if (data == NULL)
    return;
  n = json_object_get_member (data, "attachments");
  if (n != NULL && JSON_NODE_HOLDS_ARRAY (n))
    func ("attachments", json_node_get_array (n), user_data);
  n = json_object_get_member (data, "results");
  if (n != NULL && JSON_NODE_HOLDS_OBJECT (n))
    {
      JsonNode *a = json_object_get_member (json_node_get_object (n), "attachments");

      if (a != NULL && JSON_NODE_HOLDS_ARRAY (a))
        func ("results.attachments", json_node_get_array (a), user_data);
    }
}

#include "config.h"

#include "awp-data-dir.h"
#include "awp-json-util.h"

const char *
awp_json_get_string (JsonObject *obj,
                     const char *member)
{
  JsonNode *n = json_object_get_member (obj, member);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

gboolean
awp_json_get_int (JsonObject *obj,
                  const char *member,
                  gint64      min,
                  gint64      max,
                  gint64     *out)
{
  JsonNode *n = json_object_get_member (obj, member);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (n);
  return *out >= min && *out <= max;
}

gboolean
awp_json_get_bool (JsonObject *obj,
                   const char *member,
                   gboolean   *out)
{
  JsonNode *n = json_object_get_member (obj, member);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_BOOLEAN)
    return FALSE;
  *out = json_node_get_boolean (n);
  return TRUE;
}

gboolean
awp_json_load_data_dir (const char      *subdir,
                        const char      *prefix,
                        AwpJsonFileFunc  func,
                        gpointer         user_data,
                        GError         **error)
{
  g_autofree char *dir_path = awp_data_path (subdir, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, error);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      gsize len;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      if (!g_file_get_contents (path, &contents, &len, error))
        return FALSE;
      bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
      if (!func (bytes, user_data, &local_error))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
          return FALSE;
        }
    }
  return TRUE;
}

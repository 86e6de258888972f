#include "config.h"

#include <string.h>

#include "awp-json-util.h"
#include "awp-protocol.h"

G_DEFINE_QUARK (awp-protocol-error-quark, awp_protocol_error)

static const char *const op_names[] = { "create", "update", "delete" };

const char *
awp_mutation_op_to_string (AwpMutationOp op)
{
  g_return_val_if_fail (op <= AWP_MUTATION_DELETE, NULL);
  return op_names[op];
}

void
awp_mutation_free (AwpMutation *mutation)
{
  if (mutation == NULL)
    return;
  g_free (mutation->mutation_id);
  g_free (mutation->entity_type);
  g_free (mutation->entity_id);
  g_clear_pointer (&mutation->patch, json_object_unref);
  g_clear_pointer (&mutation->base_values, json_object_unref);
  g_free (mutation->group_id);
  g_free (mutation);
}

JsonNode *
awp_mutation_to_json (const AwpMutation *m)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (m != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "mutation_id");
  json_builder_add_string_value (b, m->mutation_id);
  json_builder_set_member_name (b, "entity_type");
  json_builder_add_string_value (b, m->entity_type);
  json_builder_set_member_name (b, "entity_id");
  json_builder_add_string_value (b, m->entity_id);
  json_builder_set_member_name (b, "op");
  json_builder_add_string_value (b, awp_mutation_op_to_string (m->op));
  json_builder_set_member_name (b, "base_version");
  json_builder_add_int_value (b, m->base_version);
  json_builder_set_member_name (b, "patch");
  {
    JsonNode *n = json_node_new (JSON_NODE_OBJECT);
    json_node_set_object (n, m->patch);
    json_builder_add_value (b, n);
  }
  json_builder_set_member_name (b, "base_values");
  {
    JsonNode *n = json_node_new (JSON_NODE_OBJECT);
    json_node_set_object (n, m->base_values);
    json_builder_add_value (b, n);
  }
  if (m->group_id != NULL)
    {
      json_builder_set_member_name (b, "group");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, m->group_id);
      json_builder_set_member_name (b, "size");
      json_builder_add_int_value (b, m->group_size);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static gboolean
valid_id (const char *s)
{
  gsize len;

  if (s == NULL)
    return FALSE;
  len = strlen (s);
  if (len == 0 || len > 64)
    return FALSE;
  for (const char *p = s; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

static JsonObject *
optional_object (JsonObject  *obj,
                 const char  *member,
                 GError     **error)
{
  JsonNode *n = json_object_get_member (obj, member);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return json_object_new ();
  if (!JSON_NODE_HOLDS_OBJECT (n))
    {
      g_set_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_MUTATION,
                   "%s: must be an object", member);
      return NULL;
    }
  return json_object_ref (json_node_get_object (n));
}

AwpMutation *
awp_mutation_from_json (JsonNode  *node,
                        GError   **error)
{
  g_autoptr(AwpMutation) m = g_new0 (AwpMutation, 1);
  JsonObject *obj;
  const char *op;
  JsonNode *bv;
  struct { const char *name; char **out; } ids[] = {
    { "mutation_id", &m->mutation_id },
    { "entity_type", &m->entity_type },
    { "entity_id", &m->entity_id },
  };

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_MUTATION,
                   "mutation: must be an object");
      return NULL;
    }
  obj = json_node_get_object (node);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const char *s = awp_json_get_string (obj, ids[i].name);

      if (!valid_id (s))
        {
          g_set_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_MUTATION,
                       "%s: required, 1-64 letters, digits, '-', '_' or '.'", ids[i].name);
          return NULL;
        }
      *ids[i].out = g_strdup (s);
    }

  op = awp_json_get_string (obj, "op");
  if (g_strcmp0 (op, "create") == 0)
    m->op = AWP_MUTATION_CREATE;
  else if (g_strcmp0 (op, "update") == 0)
    m->op = AWP_MUTATION_UPDATE;
  else if (g_strcmp0 (op, "delete") == 0)
    m->op = AWP_MUTATION_DELETE;
  else
    {
      g_set_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_MUTATION,
                   "op: must be create, update or delete");
      return NULL;
    }

  bv = json_object_get_member (obj, "base_version");
  if (bv == NULL || JSON_NODE_HOLDS_NULL (bv))
    m->base_version = 0;
  else if (!awp_json_get_int (obj, "base_version", 0, G_MAXINT64, &m->base_version))
    {
      g_set_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_MUTATION,
                   "base_version: must be a non-negative integer");
      return NULL;
    }
  if (m->op != AWP_MUTATION_CREATE && m->base_version == 0)
    {
      g_set_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_MUTATION,
                   "base_version: required for %s", op);
      return NULL;
    }

  m->patch = optional_object (obj, "patch", error);
  if (m->patch == NULL)
    return NULL;
  m->base_values = optional_object (obj, "base_values", error);
  if (m->base_values == NULL)
    return NULL;
  {
    JsonNode *group = json_object_get_member (obj, "group");

    if (group != NULL && !JSON_NODE_HOLDS_NULL (group))
      {
        JsonObject *g = JSON_NODE_HOLDS_OBJECT (group) ? json_node_get_object (group) : NULL;
        const char *id = g != NULL ? awp_json_get_string (g, "id") : NULL;

        if (!valid_id (id) || !awp_json_get_int (g, "size", 1, AWP_PROTOCOL_MAX_GROUP, &m->group_size))
          {
            g_set_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_MUTATION,
                         "group: must be {id: 1-64 letters, digits, '-', '_' or '.', size: 1-%d}",
                         AWP_PROTOCOL_MAX_GROUP);
            return NULL;
          }
        m->group_id = g_strdup (id);
      }
  }
  return g_steal_pointer (&m);
}

/* json-glib recurses without a limit; a hostile body of a million '['
 * must be refused before it reaches the parser. A "\u0000" in a string
 * is refused too: json-glib keeps C strings, so everything after it would
 * vanish silently. */
static gboolean
check_depth (const char  *data,
             gsize        len,
             guint        max_depth,
             gboolean    *has_nul)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  *has_nul = FALSE;
  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            {
              if (len - i >= 6 && memcmp (data + i + 1, "u0000", 5) == 0)
                {
                  *has_nul = TRUE;
                  return TRUE;
                }
              i++;
            }
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

JsonNode *
awp_protocol_parse (const char  *data,
                    gssize       len,
                    guint        max_depth,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_nul;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len < 0)
    len = strlen (data);
  if (len == 0)
    {
      g_set_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_JSON,
                   "body: empty, a JSON document is required");
      return NULL;
    }
  if (!g_utf8_validate (data, len, NULL))
    {
      g_set_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_JSON,
                   "body: not valid UTF-8");
      return NULL;
    }
  if (!check_depth (data, len, max_depth, &has_nul))
    {
      g_set_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_TOO_DEEP,
                   "body: nested deeper than %u levels", max_depth);
      return NULL;
    }
  if (has_nul)
    {
      g_set_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_JSON,
                   "body: the NUL character (\\u0000) is not allowed in text");
      return NULL;
    }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      /* json-glib quotes the offending token cut at a byte count, which can
       * split a character: the message goes back to the peer as JSON and
       * must stay valid UTF-8 (found by fuzz-server-request). */
      g_autofree char *valid = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_JSON,
                   "body: invalid JSON: %s", valid);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_JSON,
                   "body: empty, a JSON document is required");
      return NULL;
    }
  return json_node_copy (root);
}

static gboolean
member_equal (JsonObject *a,
              JsonObject *b,
              const char *name)
{
  JsonNode *na = json_object_get_member (a, name);
  JsonNode *nb = json_object_get_member (b, name);

  /* A missing member and a JSON null both mean "no value". */
  if (na == NULL || JSON_NODE_HOLDS_NULL (na))
    return nb == NULL || JSON_NODE_HOLDS_NULL (nb);
  if (nb == NULL || JSON_NODE_HOLDS_NULL (nb))
    return FALSE;
  return json_node_equal (na, nb);
}

JsonObject *
awp_protocol_apply_patch (JsonObject *data,
                          JsonObject *patch)
{
  JsonObject *result = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  g_return_val_if_fail (data != NULL && patch != NULL, NULL);

  json_object_iter_init (&iter, data);
  while (json_object_iter_next (&iter, &name, &value))
    if (!json_object_has_member (patch, name))
      json_object_set_member (result, name, json_node_copy (value));
  json_object_iter_init (&iter, patch);
  while (json_object_iter_next (&iter, &name, &value))
    if (!JSON_NODE_HOLDS_NULL (value))
      json_object_set_member (result, name, json_node_copy (value));
  return result;
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

JsonObject *
awp_protocol_merge (JsonObject  *server,
                    JsonObject  *patch,
                    JsonObject  *base_values,
                    GPtrArray  **conflicts)
{
  g_autoptr(GPtrArray) clash = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GList) names = NULL;

  g_return_val_if_fail (server != NULL && patch != NULL && base_values != NULL, NULL);

  names = json_object_get_members (patch);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;

      /* The server left the field as the client saw it: take the client's. */
      if (member_equal (server, base_values, name))
        continue;
      /* Both changed it, to the same value: nothing to ask. */
      if (member_equal (server, patch, name))
        continue;
      g_ptr_array_add (clash, g_strdup (name));
    }
  if (clash->len > 0)
    {
      g_ptr_array_sort (clash, compare_names);
      if (conflicts != NULL)
        *conflicts = g_steal_pointer (&clash);
      return NULL;
    }
  if (conflicts != NULL)
    *conflicts = NULL;
  return awp_protocol_apply_patch (server, patch);
}

AwpFieldError *
awp_field_error_new (const char *field,
                     const char *code,
                     const char *message)
{
  AwpFieldError *e = g_new0 (AwpFieldError, 1);

  e->field = g_strdup (field);
  e->code = g_strdup (code);
  e->message = g_strdup (message);
  return e;
}

void
awp_field_error_free (AwpFieldError *e)
{
  if (e == NULL)
    return;
  g_free (e->field);
  g_free (e->code);
  g_free (e->message);
  g_free (e);
}

JsonNode *
awp_protocol_error_build (const char *code,
                          const char *message,
                          GPtrArray  *fields)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (code != NULL && message != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "error");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, code);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_set_member_name (b, "fields");
  json_builder_begin_array (b);
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      AwpFieldError *e = g_ptr_array_index (fields, i);

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
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

gboolean
awp_protocol_error_parse (JsonNode   *node,
                          char      **code,
                          char      **message,
                          GPtrArray **fields)
{
  JsonObject *err;
  JsonNode *fn;
  const char *c, *m;

  g_return_val_if_fail (node != NULL, FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  fn = json_object_get_member (json_node_get_object (node), "error");
  if (fn == NULL || !JSON_NODE_HOLDS_OBJECT (fn))
    return FALSE;
  err = json_node_get_object (fn);
  c = awp_json_get_string (err, "code");
  m = awp_json_get_string (err, "message");
  if (c == NULL || m == NULL)
    return FALSE;
  if (fields != NULL)
    {
      JsonNode *an = json_object_get_member (err, "fields");

      *fields = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);
      if (an != NULL && JSON_NODE_HOLDS_ARRAY (an))
        {
          JsonArray *arr = json_node_get_array (an);

          for (guint i = 0; i < json_array_get_length (arr); i++)
            {
              JsonNode *en = json_array_get_element (arr, i);
              JsonObject *eo;

              if (!JSON_NODE_HOLDS_OBJECT (en))
                continue;
              eo = json_node_get_object (en);
              g_ptr_array_add (*fields,
                               awp_field_error_new (awp_json_get_string (eo, "field"),
                                                    awp_json_get_string (eo, "code"),
                                                    awp_json_get_string (eo, "message")));
            }
        }
    }
  if (code != NULL)
    *code = g_strdup (c);
  if (message != NULL)
    *message = g_strdup (m);
  return TRUE;
}

/* "1-<seq>": the leading format number lets the server change the shape
 * later; clients never look inside. */
char *
awp_protocol_cursor_encode (gint64 seq)
{
  return g_strdup_printf ("1-%" G_GINT64_FORMAT, seq);
}

gboolean
awp_protocol_cursor_decode (const char  *cursor,
                            gint64      *seq,
                            GError     **error)
{
  guint64 v;

  if (cursor == NULL || *cursor == '\0')
    {
      *seq = 0;
      return TRUE;
    }
  if (!g_str_has_prefix (cursor, "1-")
      || !g_ascii_string_to_unsigned (cursor + 2, 10, 0, G_MAXINT64, &v, NULL))
    {
      g_set_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_CURSOR,
                   "cursor: not a cursor this server issued");
      return FALSE;
    }
  *seq = (gint64) v;
  return TRUE;
}

char *
awp_protocol_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static gboolean
invalid (GError     **error,
         const char  *what)
{
  g_set_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_JSON, "%s", what);
  return FALSE;
}

void
awp_mutation_result_free (AwpMutationResult *r)
{
  if (r == NULL)
    return;
  g_free (r->mutation_id);
  g_clear_pointer (&r->server_data, json_object_unref);
  g_strfreev (r->fields);
  g_free (r->code);
  g_clear_pointer (&r->errors, g_ptr_array_unref);
  g_free (r);
}

AwpMutationResult *
awp_mutation_result_from_json (JsonNode  *node,
                               GError   **error)
{
  g_autoptr(AwpMutationResult) r = g_new0 (AwpMutationResult, 1);
  JsonObject *o;
  const char *status;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "result: must be an object"), NULL;
  o = json_node_get_object (node);
  r->mutation_id = g_strdup (awp_json_get_string (o, "mutation_id"));
  status = awp_json_get_string (o, "status");
  if (g_strcmp0 (status, "applied") == 0)
    {
      r->status = AWP_RESULT_APPLIED;
      if (!awp_json_get_int (o, "new_version", 1, G_MAXINT64, &r->new_version))
        return invalid (error, "new_version: must be a positive integer"), NULL;
      if (!awp_json_get_bool (o, "merged", &r->merged))
        return invalid (error, "merged: must be true or false"), NULL;
    }
  else if (g_strcmp0 (status, "conflict") == 0)
    {
      JsonNode *sn = json_object_get_member (o, "server");
      JsonNode *fn = json_object_get_member (o, "fields");
      JsonObject *so;
      JsonNode *dn;
      GStrvBuilder *fb;

      r->status = AWP_RESULT_CONFLICT;
      if (sn == NULL || !JSON_NODE_HOLDS_OBJECT (sn))
        return invalid (error, "server: must be an object"), NULL;
      so = json_node_get_object (sn);
      if (!awp_json_get_int (so, "version", 0, G_MAXINT64, &r->server_version))
        return invalid (error, "server.version: must be an integer"), NULL;
      if (!awp_json_get_bool (so, "deleted", &r->server_deleted))
        return invalid (error, "server.deleted: must be true or false"), NULL;
      dn = json_object_get_member (so, "data");
      if (dn != NULL && JSON_NODE_HOLDS_OBJECT (dn))
        r->server_data = json_object_ref (json_node_get_object (dn));
      fb = g_strv_builder_new ();
      if (fn != NULL && JSON_NODE_HOLDS_ARRAY (fn))
        {
          JsonArray *fa = json_node_get_array (fn);

          for (guint i = 0; i < json_array_get_length (fa); i++)
            {
              JsonNode *e = json_array_get_element (fa, i);

              if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
                g_strv_builder_add (fb, json_node_get_string (e));
            }
        }
      r->fields = g_strv_builder_end (fb);
      g_strv_builder_unref (fb);
    }
  else if (g_strcmp0 (status, "rejected") == 0)
    {
      g_autoptr(JsonNode) as_error = json_node_new (JSON_NODE_OBJECT);
      JsonObject *wrapper = json_object_new ();
      JsonObject *inner = json_object_new ();
      JsonNode *errs = json_object_get_member (o, "errors");
      const char *code = awp_json_get_string (o, "code");
      const char *message = awp_json_get_string (o, "message");

      r->status = AWP_RESULT_REJECTED;
      /* The same field-error list as the error format: parse it with the
       * same reader. A code or message of the wrong type reads as absent. */
      json_object_set_string_member (inner, "code", code != NULL ? code : "invalid_mutation");
      json_object_set_string_member (inner, "message", message != NULL ? message : "");
      if (errs != NULL)
        json_object_set_member (inner, "fields", json_node_copy (errs));
      json_object_set_object_member (wrapper, "error", inner);
      json_node_take_object (as_error, wrapper);
      awp_protocol_error_parse (as_error, &r->code, NULL, &r->errors);
    }
  else if (g_strcmp0 (status, "retry") == 0)
    r->status = AWP_RESULT_RETRY;
  else
    return invalid (error, "status: must be applied, conflict, rejected or retry"), NULL;
  return g_steal_pointer (&r);
}

void
awp_change_free (AwpChange *c)
{
  if (c == NULL)
    return;
  g_free (c->entity_type);
  g_free (c->id);
  g_free (c->org_id);
  g_clear_pointer (&c->data, json_object_unref);
  g_free (c->origin_mutation_id);
  g_free (c);
}

AwpChange *
awp_change_from_json (JsonNode  *node,
                      GError   **error)
{
  g_autoptr(AwpChange) c = g_new0 (AwpChange, 1);
  JsonObject *o;
  JsonNode *dn;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "change: must be an object"), NULL;
  o = json_node_get_object (node);
  c->entity_type = g_strdup (awp_json_get_string (o, "entity_type"));
  c->id = g_strdup (awp_json_get_string (o, "id"));
  c->org_id = g_strdup (awp_json_get_string (o, "org_id"));
  c->origin_mutation_id = g_strdup (awp_json_get_string (o, "origin_mutation_id"));
  if (c->entity_type == NULL || c->id == NULL)
    return invalid (error, "change: entity_type and id are required"), NULL;
  if (!awp_json_get_int (o, "version", 1, G_MAXINT64, &c->version))
    return invalid (error, "change.version: must be a positive integer"), NULL;
  if (!awp_json_get_bool (o, "deleted", &c->deleted))
    return invalid (error, "change.deleted: must be true or false"), NULL;
  dn = json_object_get_member (o, "data");
  if (dn != NULL && JSON_NODE_HOLDS_OBJECT (dn))
    c->data = json_object_ref (json_node_get_object (dn));
  if (!c->deleted && c->data == NULL)
    return invalid (error, "change.data: required unless deleted"), NULL;
  return g_steal_pointer (&c);
}

gboolean
awp_protocol_parse_changes (JsonNode    *page,
                            GPtrArray  **changes,
                            char       **next_cursor,
                            gboolean    *has_more,
                            GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_change_free);
  JsonObject *o;
  JsonNode *cn;
  const char *cursor;
  gboolean more = FALSE;

  g_return_val_if_fail (page != NULL, FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (page))
    return invalid (error, "page: must be an object");
  o = json_node_get_object (page);
  cn = json_object_get_member (o, "changes");
  cursor = awp_json_get_string (o, "next_cursor");
  if (cn == NULL || !JSON_NODE_HOLDS_ARRAY (cn) || cursor == NULL)
    return invalid (error, "page: changes and next_cursor are required");
  if (!awp_json_get_bool (o, "has_more", &more))
    return invalid (error, "page: has_more must be true or false");
  for (guint i = 0; i < json_array_get_length (json_node_get_array (cn)); i++)
    {
      AwpChange *c = awp_change_from_json (json_array_get_element (json_node_get_array (cn), i), error);

      if (c == NULL)
        return FALSE;
      g_ptr_array_add (out, c);
    }
  if (changes != NULL)
    *changes = g_steal_pointer (&out);
  if (next_cursor != NULL)
    *next_cursor = g_strdup (cursor);
  if (has_more != NULL)
    *has_more = more;
  return TRUE;
}

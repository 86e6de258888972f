#include <string.h>

#include <glib.h>

#include "awp-protocol.h"

/* Everything a server (or anyone posing as one) sends reaches these
 * readers: push results, pull pages, cursors and error bodies (DESIGN.md
 * §4). None may crash, leak, read out of bounds or hand back a value the
 * header promises never to be there. The first byte picks the reader, so
 * one corpus exercises them all. */
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_result (JsonNode *node)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpMutationResult) r = awp_mutation_result_from_json (node, &error);

  if (r == NULL)
    {
      g_assert_true (error != NULL && error->domain == AWP_PROTOCOL_ERROR);
      return;
    }
  g_assert_no_error (error);
  switch (r->status)
    {
    case AWP_RESULT_APPLIED:
      g_assert_cmpint (r->new_version, >=, 1);
      break;
    case AWP_RESULT_CONFLICT:
      g_assert_nonnull (r->fields);
      g_assert_cmpint (r->server_version, >=, 0);
      break;
    case AWP_RESULT_REJECTED:
      g_assert_nonnull (r->errors);
      break;
    case AWP_RESULT_RETRY:
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
check_page (JsonNode *node)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *cursor = NULL;
  gboolean more = FALSE;

  if (!awp_protocol_parse_changes (node, &changes, &cursor, &more, &error))
    {
      g_assert_true (error != NULL && error->domain == AWP_PROTOCOL_ERROR);
      g_assert_null (changes);
      g_assert_null (cursor);
      return;
    }
  g_assert_no_error (error);
  g_assert_nonnull (cursor);
  for (guint i = 0; i < changes->len; i++)
    {
      AwpChange *c = g_ptr_array_index (changes, i);
      gint64 seq;

      g_assert_nonnull (c->entity_type);
      g_assert_nonnull (c->id);
      g_assert_cmpint (c->version, >=, 1);
      g_assert_true (c->deleted || c->data != NULL);
      g_clear_error (&error);
      awp_protocol_cursor_decode (cursor, &seq, &error);
    }
}

static void
check_error_body (JsonNode *node)
{
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) fields = NULL;

  if (awp_protocol_error_parse (node, &code, &message, &fields))
    {
      g_autoptr(JsonNode) again = NULL;
      g_autofree char *code2 = NULL;
      g_autofree char *message2 = NULL;
      g_autoptr(GPtrArray) fields2 = NULL;

      g_assert_nonnull (code);
      g_assert_nonnull (message);
      g_assert_nonnull (fields);
      /* What the client shows must survive a round trip through the
       * server's own builder unchanged (fields with NULL members included). */
      for (guint i = 0; i < fields->len; i++)
        {
          AwpFieldError *e = g_ptr_array_index (fields, i);

          if (e->field == NULL || e->code == NULL || e->message == NULL)
            return;
        }
      again = awp_protocol_error_build (code, message, fields);
      g_assert_true (awp_protocol_error_parse (again, &code2, &message2, &fields2));
      g_assert_cmpstr (code, ==, code2);
      g_assert_cmpstr (message, ==, message2);
      g_assert_cmpuint (fields->len, ==, fields2->len);
    }
  else
    {
      g_assert_null (code);
      g_assert_null (message);
    }
}

static void
check_mutation (JsonNode *node)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpMutation) m = awp_mutation_from_json (node, &error);
  g_autoptr(JsonNode) back = NULL;
  g_autoptr(AwpMutation) again = NULL;
  g_autoptr(JsonObject) merged = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;

  if (m == NULL)
    {
      g_assert_true (error != NULL && error->domain == AWP_PROTOCOL_ERROR);
      return;
    }
  /* Encoding what was parsed parses back to the same mutation. */
  back = awp_mutation_to_json (m);
  again = awp_mutation_from_json (back, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->mutation_id, ==, m->mutation_id);
  g_assert_cmpint (again->op, ==, m->op);
  g_assert_cmpint (again->base_version, ==, m->base_version);
  /* Merging against its own base values never conflicts. */
  merged = awp_protocol_merge (m->base_values, m->patch, m->base_values, &conflicts);
  g_assert_nonnull (merged);
  g_assert_null (conflicts);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  guint8 kind;
  gint64 seq = -1;

  if (size < 1)
    return 0;
  kind = data[0] % 5;
  data++, size--;

  if (kind == 4)
    {
      /* A cursor as the server hands it back: any bytes, NUL-terminated. */
      text = g_strndup ((const char *) data, size);
      if (awp_protocol_cursor_decode (text, &seq, &error))
        {
          g_autofree char *again = NULL;

          g_assert_no_error (error);
          g_assert_cmpint (seq, >=, 0);
          again = awp_protocol_cursor_encode (seq);
          g_assert_true (awp_protocol_cursor_decode (again, &seq, NULL));
        }
      else
        g_assert_true (error != NULL && error->domain == AWP_PROTOCOL_ERROR);
      return 0;
    }

  node = awp_protocol_parse ((const char *) data, size, AWP_PROTOCOL_MAX_DEPTH, &error);
  if (node == NULL)
    {
      g_assert_true (error != NULL && error->domain == AWP_PROTOCOL_ERROR);
      return 0;
    }
  switch (kind)
    {
    case 0:
      /* A push answer: {"results":[...]}; each result read on its own. */
      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonNode *rn = json_object_get_member (json_node_get_object (node), "results");

          if (rn != NULL && JSON_NODE_HOLDS_ARRAY (rn))
            {
              JsonArray *a = json_node_get_array (rn);

              for (guint i = 0; i < json_array_get_length (a); i++)
                check_result (json_array_get_element (a, i));
            }
        }
      check_result (node);
      break;
    case 1:
      check_page (node);
      break;
    case 2:
      check_error_body (node);
      break;
    case 3:
      check_mutation (node);
      break;
    default:
      g_assert_not_reached ();
    }
  return 0;
}

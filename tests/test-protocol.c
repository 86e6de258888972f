#include "config.h"

#include <string.h>

#include "awp-protocol.h"

/* The wire format both sides share: mutation encoding, the three-way field
 * merge, the error body, cursors and the hostile-input guard. */

static JsonObject *
obj (const char *json)
{
  g_autoptr(JsonNode) n = json_from_string (json, NULL);

  g_assert_nonnull (n);
  return json_object_ref (json_node_get_object (n));
}

static char *
to_string (JsonObject *o)
{
  g_autoptr(JsonNode) n = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (n, o);
  return json_to_string (n, FALSE);
}

static void
test_merge_disjoint (void)
{
  g_autoptr(JsonObject) server = obj ("{\"name\":\"A2\",\"kind\":\"news\"}");
  g_autoptr(JsonObject) patch = obj ("{\"kind\":\"blog\"}");
  g_autoptr(JsonObject) base = obj ("{\"kind\":\"news\"}");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(JsonObject) merged = awp_protocol_merge (server, patch, base, &conflicts);
  g_autofree char *s = NULL;

  g_assert_nonnull (merged);
  g_assert_null (conflicts);
  s = to_string (merged);
  g_assert_nonnull (strstr (s, "\"name\":\"A2\""));
  g_assert_nonnull (strstr (s, "\"kind\":\"blog\""));
}

static void
test_merge_same_field (void)
{
  g_autoptr(JsonObject) server = obj ("{\"name\":\"theirs\",\"kind\":\"news\",\"n\":1}");
  g_autoptr(JsonObject) patch = obj ("{\"name\":\"mine\",\"n\":2,\"kind\":\"news\"}");
  g_autoptr(JsonObject) base = obj ("{\"name\":\"base\",\"n\":0,\"kind\":\"blog\"}");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(JsonObject) merged = awp_protocol_merge (server, patch, base, &conflicts);

  /* kind: both chose "news" -> no conflict; name and n clash, sorted. */
  g_assert_null (merged);
  g_assert_cmpuint (conflicts->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (conflicts, 0), ==, "n");
  g_assert_cmpstr (g_ptr_array_index (conflicts, 1), ==, "name");
}

static void
test_merge_null_is_absent (void)
{
  g_autoptr(JsonObject) server = obj ("{\"a\":1}");
  g_autoptr(JsonObject) patch = obj ("{\"b\":null,\"a\":1}");
  g_autoptr(JsonObject) base = obj ("{\"b\":null,\"a\":1}");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(JsonObject) merged = awp_protocol_merge (server, patch, base, &conflicts);
  g_autofree char *s = NULL;

  g_assert_nonnull (merged);
  s = to_string (merged);
  g_assert_cmpstr (s, ==, "{\"a\":1}");
}

static void
test_mutation_roundtrip (void)
{
  g_autoptr(JsonNode) in = json_from_string ("{\"mutation_id\":\"m1\",\"entity_type\":\"channel\","
                                             "\"entity_id\":\"e1\",\"op\":\"update\",\"base_version\":3,"
                                             "\"patch\":{\"name\":\"x\"},\"base_values\":{\"name\":\"y\"}}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpMutation) m = awp_mutation_from_json (in, &error);
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(AwpMutation) again = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (m->op, ==, AWP_MUTATION_UPDATE);
  g_assert_cmpint (m->base_version, ==, 3);
  out = awp_mutation_to_json (m);
  g_assert_true (json_node_equal (in, out));
  again = awp_mutation_from_json (out, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->entity_id, ==, "e1");
}

static void
test_mutation_errors (void)
{
  const struct { const char *json; const char *field; } cases[] = {
    { "[]", "mutation" },
    { "{\"entity_type\":\"a\",\"entity_id\":\"b\",\"op\":\"create\"}", "mutation_id" },
    { "{\"mutation_id\":\"a b\",\"entity_type\":\"a\",\"entity_id\":\"b\",\"op\":\"create\"}", "mutation_id" },
    { "{\"mutation_id\":\"m\",\"entity_type\":\"a\",\"entity_id\":\"b\",\"op\":\"upsert\"}", "op" },
    { "{\"mutation_id\":\"m\",\"entity_type\":\"a\",\"entity_id\":\"b\",\"op\":\"update\"}", "base_version" },
    { "{\"mutation_id\":\"m\",\"entity_type\":\"a\",\"entity_id\":\"b\",\"op\":\"update\",\"base_version\":-1}", "base_version" },
    { "{\"mutation_id\":\"m\",\"entity_type\":\"a\",\"entity_id\":\"b\",\"op\":\"create\",\"patch\":[]}", "patch" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) n = json_from_string (cases[i].json, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(AwpMutation) m = awp_mutation_from_json (n, &error);

      g_assert_null (m);
      g_assert_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_MUTATION);
      g_assert_true (g_str_has_prefix (error->message, cases[i].field));
    }
}

static void
test_parse_guard (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *deep = g_strnfill (100000, '[');
  g_autoptr(JsonNode) ok_node = NULL;
  JsonNode *n;

  n = awp_protocol_parse (deep, -1, AWP_PROTOCOL_MAX_DEPTH, &error);
  g_assert_null (n);
  g_assert_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_TOO_DEEP);
  g_clear_error (&error);

  n = awp_protocol_parse ("{\"a\":\"\xff\"}", -1, 8, &error);
  g_assert_null (n);
  g_assert_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_JSON);
  g_clear_error (&error);

  /* json-glib's message quotes the bad token cut mid-character; ours
   * stays valid UTF-8, since the server sends it back as JSON. */
  n = awp_protocol_parse ("{\"reason\": \"Жауап толық емес\"5435\"}", -1, 8, &error);
  g_assert_null (n);
  g_assert_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_JSON);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  n = awp_protocol_parse ("{\"a\":", -1, 8, &error);
  g_assert_null (n);
  g_assert_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_JSON);
  g_clear_error (&error);

  /* json-glib keeps C strings: a NUL would silently cut the text. */
  n = awp_protocol_parse ("{\"subject\":\"Жол\\u0000 DROP\"}", -1, 8, &error);
  g_assert_null (n);
  g_assert_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_JSON);
  g_assert_nonnull (strstr (error->message, "NUL"));
  g_clear_error (&error);
  n = awp_protocol_parse ("{\"subject\":\"C:\\\\u0000\"}", -1, 8, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (n), "subject"), ==, "C:\\u0000");
  json_node_unref (n);

  /* Brackets inside strings do not count as nesting. */
  ok_node = awp_protocol_parse ("{\"a\":\"[[[[[[[[[[\\\"[[[[\"}", -1, 2, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ok_node);
}

static void
test_error_roundtrip (void)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(JsonNode) n = NULL;
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  AwpFieldError *e;

  g_ptr_array_add (fields, awp_field_error_new ("subject", "required", "subject: required"));
  n = awp_protocol_error_build ("validation_failed", "Some fields are not valid", fields);
  g_assert_true (awp_protocol_error_parse (n, &code, &message, &parsed));
  g_assert_cmpstr (code, ==, "validation_failed");
  g_assert_cmpuint (parsed->len, ==, 1);
  e = g_ptr_array_index (parsed, 0);
  g_assert_cmpstr (e->field, ==, "subject");
  g_assert_cmpstr (e->code, ==, "required");
}

static void
test_cursor (void)
{
  g_autofree char *c = awp_protocol_cursor_encode (42);
  g_autoptr(GError) error = NULL;
  gint64 seq = -1;

  g_assert_true (awp_protocol_cursor_decode (c, &seq, &error));
  g_assert_cmpint (seq, ==, 42);
  g_assert_true (awp_protocol_cursor_decode (NULL, &seq, &error));
  g_assert_cmpint (seq, ==, 0);
  g_assert_false (awp_protocol_cursor_decode ("42", &seq, &error));
  g_assert_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_CURSOR);
  g_clear_error (&error);
  g_assert_false (awp_protocol_cursor_decode ("1--5", &seq, &error));
  g_clear_error (&error);
}

static void
test_format_date (void)
{
  GDate d;
  g_autofree char *s = NULL;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 5, 1, 2026);
  s = awp_protocol_format_date (&d);
  g_assert_cmpstr (s, ==, "2026-01-05");
}

static void
test_results (void)
{
  const char *applied = "{\"mutation_id\":\"m1\",\"status\":\"applied\",\"new_version\":4,\"merged\":true}";
  const char *conflict = "{\"mutation_id\":\"m2\",\"status\":\"conflict\",\"server\":{\"version\":3,"
                         "\"deleted\":false,\"data\":{\"name\":\"x\"}},\"fields\":[\"name\"]}";
  const char *rejected = "{\"mutation_id\":\"m3\",\"status\":\"rejected\",\"code\":\"validation_failed\","
                         "\"message\":\"m\",\"errors\":[{\"field\":\"subject\",\"code\":\"required\",\"message\":\"s\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) n1 = json_from_string (applied, NULL);
  g_autoptr(JsonNode) n2 = json_from_string (conflict, NULL);
  g_autoptr(JsonNode) n3 = json_from_string (rejected, NULL);
  g_autoptr(JsonNode) n4 = json_from_string ("{\"status\":\"maybe\"}", NULL);
  g_autoptr(AwpMutationResult) r1 = awp_mutation_result_from_json (n1, &error);
  g_autoptr(AwpMutationResult) r2 = awp_mutation_result_from_json (n2, &error);
  g_autoptr(AwpMutationResult) r3 = awp_mutation_result_from_json (n3, &error);
  g_autoptr(AwpMutationResult) r4 = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (r1->status, ==, AWP_RESULT_APPLIED);
  g_assert_cmpint (r1->new_version, ==, 4);
  g_assert_true (r1->merged);
  g_assert_cmpint (r2->status, ==, AWP_RESULT_CONFLICT);
  g_assert_cmpint (r2->server_version, ==, 3);
  g_assert_cmpstr (r2->fields[0], ==, "name");
  g_assert_null (r2->fields[1]);
  g_assert_cmpstr (json_object_get_string_member (r2->server_data, "name"), ==, "x");
  g_assert_cmpint (r3->status, ==, AWP_RESULT_REJECTED);
  g_assert_cmpstr (r3->code, ==, "validation_failed");
  g_assert_cmpuint (r3->errors->len, ==, 1);
  g_assert_cmpstr (((AwpFieldError *) g_ptr_array_index (r3->errors, 0))->field, ==, "subject");
  r4 = awp_mutation_result_from_json (n4, &error);
  g_assert_null (r4);
  g_assert_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_JSON);
}

static void
test_changes_page (void)
{
  g_autoptr(JsonNode) page = json_from_string ("{\"changes\":[{\"entity_type\":\"channel\",\"id\":\"c1\","
                                               "\"org_id\":\"o\",\"version\":2,\"deleted\":false,\"data\":{\"name\":\"n\"},"
                                               "\"origin_mutation_id\":null},{\"entity_type\":\"channel\",\"id\":\"c2\","
                                               "\"org_id\":\"o\",\"version\":3,\"deleted\":true,\"data\":null}],"
                                               "\"next_cursor\":\"1-9\",\"has_more\":true}", NULL);
  g_autoptr(JsonNode) bad = json_from_string ("{\"changes\":[{\"entity_type\":\"channel\",\"id\":\"c1\","
                                              "\"version\":2,\"deleted\":false}],\"next_cursor\":\"1-9\"}", NULL);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  gboolean more = FALSE;
  AwpChange *c;

  g_assert_true (awp_protocol_parse_changes (page, &changes, &cursor, &more, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpstr (cursor, ==, "1-9");
  g_assert_true (more);
  c = g_ptr_array_index (changes, 0);
  g_assert_cmpint (c->version, ==, 2);
  g_assert_null (c->origin_mutation_id);
  c = g_ptr_array_index (changes, 1);
  g_assert_true (c->deleted);
  g_assert_null (c->data);
  g_assert_false (awp_protocol_parse_changes (bad, NULL, NULL, NULL, &error));
  g_assert_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_JSON);
}

/* Found by fuzz-protocol: members of the wrong JSON kind from a hostile
 * or broken server are refused or read as absent, never a GLib critical
 * (fatal under the tests' G_DEBUG=fatal-warnings). */
static void
test_hostile_kinds (void)
{
  const char *refused[] = {
    "{\"status\":\"applied\",\"new_version\":2,\"merged\":{}}",
    "{\"status\":\"applied\",\"new_version\":2,\"merged\":\"yes\"}",
    "{\"status\":\"conflict\",\"server\":{\"version\":1,\"deleted\":[]},\"fields\":[]}",
  };
  g_autoptr(JsonNode) rejected = json_from_string ("{\"status\":\"rejected\",\"code\":{},\"message\":[1],"
                                                   "\"errors\":[{\"field\":{},\"code\":1}]}", NULL);
  g_autoptr(JsonNode) page = json_from_string ("{\"changes\":[],\"next_cursor\":\"1-1\",\"has_more\":{}}", NULL);
  g_autoptr(JsonNode) change = json_from_string ("{\"changes\":[{\"entity_type\":\"channel\",\"id\":\"c\","
                                                 "\"version\":1,\"deleted\":[true]}],\"next_cursor\":\"1-1\"}", NULL);
  g_autoptr(AwpMutationResult) r = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(JsonNode) n = json_from_string (refused[i], NULL);
      g_autoptr(AwpMutationResult) bad = awp_mutation_result_from_json (n, &error);

      g_assert_null (bad);
      g_assert_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_JSON);
      g_clear_error (&error);
    }
  r = awp_mutation_result_from_json (rejected, &error);
  g_assert_no_error (error);
  g_assert_cmpint (r->status, ==, AWP_RESULT_REJECTED);
  g_assert_cmpstr (r->code, ==, "invalid_mutation");
  g_assert_cmpuint (r->errors->len, ==, 1);
  g_assert_null (((AwpFieldError *) g_ptr_array_index (r->errors, 0))->field);
  g_assert_false (awp_protocol_parse_changes (page, NULL, NULL, NULL, &error));
  g_assert_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_JSON);
  g_clear_error (&error);
  g_assert_false (awp_protocol_parse_changes (change, NULL, NULL, NULL, &error));
  g_assert_error (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_INVALID_JSON);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/protocol/merge/disjoint", test_merge_disjoint);
  g_test_add_func ("/protocol/merge/same-field", test_merge_same_field);
  g_test_add_func ("/protocol/merge/null-is-absent", test_merge_null_is_absent);
  g_test_add_func ("/protocol/mutation/roundtrip", test_mutation_roundtrip);
  g_test_add_func ("/protocol/mutation/errors", test_mutation_errors);
  g_test_add_func ("/protocol/parse/guard", test_parse_guard);
  g_test_add_func ("/protocol/error/roundtrip", test_error_roundtrip);
  g_test_add_func ("/protocol/cursor", test_cursor);
  g_test_add_func ("/protocol/date", test_format_date);
  g_test_add_func ("/protocol/results", test_results);
  g_test_add_func ("/protocol/changes-page", test_changes_page);
  g_test_add_func ("/protocol/hostile-kinds", test_hostile_kinds);
  return g_test_run ();
}

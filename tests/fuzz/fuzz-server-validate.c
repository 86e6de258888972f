#include <stdlib.h>

#include <glib/gstdio.h>

#include "awp-server-validate.h"

/* awp_server_validate_mutation is the one gate every push and portal
 * write passes. On any record it must answer TRUE with no errors or FALSE
 * naming at least one field, every error complete and valid UTF-8, and
 * never crash, leak or trip a GLib critical. The first byte picks the
 * entity type and the operation; the rest is the record as JSON. */
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static AwpServer *server;
static char *dir;

static void
cleanup (void)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&server);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat ("server.db", suffixes[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
  g_free (dir);
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  dir = g_dir_make_tmp ("awp-fuzz-validate-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "server.db", NULL);
  server = awp_server_new (db, NULL, &error);
  g_assert_no_error (error);
  atexit (cleanup);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const char *const *types;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  const char *entity_type;
  guint n_types = 0;
  AwpMutationOp op;
  gboolean ok;

  if (server == NULL)
    setup ();
  if (size < 1)
    return 0;

  types = awp_server_entity_types ();
  while (types[n_types] != NULL)
    n_types++;
  /* One value past the known types: an unknown entity must be refused. */
  entity_type = (data[0] & 0x0f) < n_types ? types[data[0] & 0x0f] : "no_such_entity";
  op = (data[0] >> 4) % 3;
  node = awp_protocol_parse ((const char *) data + 1, size - 1, AWP_PROTOCOL_MAX_DEPTH, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return 0;

  errors = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);
  ok = awp_server_validate_mutation (server, entity_type, op, json_node_get_object (node), errors);
  g_assert_true (ok == (errors->len == 0));
  g_assert_true (ok || !g_str_equal (entity_type, "no_such_entity") || errors->len == 1);
  for (guint i = 0; i < errors->len; i++)
    {
      AwpFieldError *e = g_ptr_array_index (errors, i);

      g_assert_nonnull (e->field);
      g_assert_nonnull (e->code);
      g_assert_nonnull (e->message);
      g_assert_true (g_utf8_validate (e->field, -1, NULL));
      g_assert_true (g_utf8_validate (e->message, -1, NULL));
    }
  return 0;
}

#include "config.h"

#include <glib/gi18n.h>

#include "awp-outbox.h"
#include "awp-store-private.h"
#include "awpctl-commands.h"

/* awpctl edit random|resolve --db FILE …: a person's edits at random, for
 * the soak test (tests/soak.py). Every change goes through the store's own
 * functions, so each is one transaction with its outbox row (DESIGN §4),
 * exactly as the app makes it. The output is a ledger the soak checks
 * against the server at the end, one line per fact:
 *   made MUTATION_ID          a new outbox row (a person's change)
 *   requeue MUTATION_ID       the change of a conflict resolved mine/edit, sent again
 *   gone MUTATION_ID          a row a person's resolution took away
 *   resolve MUTATION_ID HOW   a held conflict resolved (mine, theirs, edit)
 *   discard MUTATION_ID       a rejected change read and dropped
 * The ledger is exact while one editor at a time works on a store (syncs may
 * run alongside): it compares the outbox before and after each change. */

#define EDIT_USAGE "random --db FILE [--seed S] [--count N] | resolve --db FILE [--mine|--theirs]"

typedef struct
{
  AwpStore *store;
  GRand    *rand;
} Editor;

static GPtrArray *
column_list (AwpStore   *store,
             const char *sql,
             GError    **error)
{
  g_autoptr(AwpCachedStmt) stmt = awp_store_prepare (store, sql, error);
  GPtrArray *out;
  int rc;

  if (stmt == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      awp_store_fail (store, "list", error);
      g_ptr_array_unref (out);
      return NULL;
    }
  return out;
}

static GHashTable *
outbox_ids (AwpStore  *store,
            GError   **error)
{
  g_autoptr(GPtrArray) ids = column_list (store, "SELECT mutation_id FROM outbox", error);
  GHashTable *set;

  if (ids == NULL)
    return NULL;
  set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (set, g_strdup (ids->pdata[i]));
  return set;
}

/* Prints what one action added to and took from the outbox. */
static void
print_delta (GHashTable *before,
             GHashTable *after,
             gboolean    resolved)
{
  GHashTableIter iter;
  const char *id;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    if (!g_hash_table_contains (before, id))
      g_print ("%s %s\n", resolved ? "requeue" : "made", id);
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    if (!g_hash_table_contains (after, id))
      g_print ("gone %s\n", id);
}

static char *
pick (Editor     *ed,
      const char *sql,
      GError    **error)
{
  g_autoptr(GPtrArray) ids = column_list (ed->store, sql, error);

  if (ids == NULL || ids->len == 0)
    return NULL;
  return g_strdup (ids->pdata[g_rand_int_range (ed->rand, 0, (gint32) ids->len)]);
}

/* Resolves one held change; FALSE with no error when none is held. */
static gboolean
resolve_one (Editor     *ed,
             int         how,   /* -1: at random */
             GError    **error)
{
  g_autoptr(GPtrArray) held = awp_outbox_list (ed->store, "conflict", error);
  g_autoptr(GPtrArray) rejected = NULL;
  AwpOutboxEntry *m;

  if (held == NULL)
    return FALSE;
  if (held->len > 0)
    {
      AwpResolution r;
      g_autoptr(JsonObject) values = json_object_new ();
      static const char *names[] = { "theirs", "mine", "edit" };

      m = held->pdata[g_rand_int_range (ed->rand, 0, (gint32) held->len)];
      r = how >= 0 ? (AwpResolution) how : (AwpResolution) g_rand_int_range (ed->rand, 0, 3);
      if (r == AWP_RESOLVE_EDIT)
        {
          g_autofree char *value = g_strdup_printf ("settled %08x", g_rand_int (ed->rand));
          JsonObjectIter iter;
          const char *key;

          /* The person rewrites the fields of their own change. */
          json_object_iter_init (&iter, m->patch);
          while (json_object_iter_next (&iter, &key, NULL))
            if (g_str_equal (key, "subject") || g_str_equal (key, "text") || g_str_equal (key, "name"))
              json_object_set_string_member (values, key, value);
        }
      g_print ("resolve %s %s\n", m->mutation_id, names[r]);
      return awp_outbox_resolve_conflict (ed->store, m->mutation_id, r, values, error);
    }
  rejected = awp_outbox_list (ed->store, "rejected", error);
  if (rejected == NULL || rejected->len == 0)
    return FALSE;
  m = rejected->pdata[0];
  g_print ("discard %s\n", m->mutation_id);
  return awp_outbox_discard (ed->store, m->mutation_id, error);
}

static gboolean
edit_field (Editor      *ed,
            const char  *id,
            const char  *name,
            GError     **error)
{
  g_autoptr(JsonObject) patch = json_object_new ();
  g_autofree char *value = g_strdup_printf ("soak %08x", g_rand_int (ed->rand));

  json_object_set_string_member (patch, name, value);
  return awp_store_update (ed->store, id, patch, "soak", error);
}

/* One random action, one transaction. */
static gboolean
act (Editor    *ed,
     gboolean  *resolved,
     GError   **error)
{
  g_autofree char *id = NULL;
  double r = g_rand_double (ed->rand);

  *resolved = r < 0.2 && resolve_one (ed, -1, error);
  if (*resolved)
    return TRUE;
  if (error != NULL && *error != NULL)
    return FALSE;
  if (r < 0.28)
    {
      g_autoptr(JsonObject) data = json_object_new ();
      g_autofree char *name = g_strdup_printf ("Soak арна %08x", g_rand_int (ed->rand));
      g_autofree char *made = NULL;

      json_object_set_string_member (data, "name", name);
      json_object_set_string_member (data, "kind", "news");
      made = awp_store_create (ed->store, "channel", data, "soak", error);
      return made != NULL;
    }
  if (r < 0.32)
    {
      id = pick (ed, "SELECT id FROM record WHERE type = 'channel'", error);
      if (id != NULL)
        return awp_store_delete (ed->store, id, "soak", error);
    }
  else if (r < 0.45)
    {
      id = pick (ed, "SELECT id FROM record WHERE type = 'channel'", error);
      if (id != NULL)
        return edit_field (ed, id, "name", error);
    }
  if (error != NULL && *error != NULL)
    return FALSE;
  /* A few requests everyone works on, so conflicts and merges happen. */
  g_clear_pointer (&id, g_free);
  id = pick (ed, "SELECT id FROM (SELECT id FROM record WHERE type = 'blog_request' ORDER BY id LIMIT 12)", error);
  if (id == NULL)
    return error == NULL || *error == NULL;
  return edit_field (ed, id, g_rand_boolean (ed->rand) ? "subject" : "text", error);
}

int
awpctl_cmd_edit (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpStore) store = NULL;
  g_autoptr(GRand) rand = NULL;
  const char *mode, *db = NULL;
  guint64 seed = 1, count = 1;
  int how = AWP_RESOLVE_MINE;
  Editor ed;

  if (argc < 2)
    return awpctl_usage_error (argv[0], EDIT_USAGE);
  mode = argv[1];
  if (!g_str_equal (mode, "random") && !g_str_equal (mode, "resolve"))
    return awpctl_usage_error (argv[0], EDIT_USAGE);
  for (int i = 2; i < argc; i++)
    {
      const char *opt = argv[i];
      const char *val = i + 1 < argc ? argv[i + 1] : NULL;

      if (g_str_equal (opt, "--mine") || g_str_equal (opt, "--theirs"))
        {
          how = g_str_equal (opt, "--mine") ? AWP_RESOLVE_MINE : AWP_RESOLVE_THEIRS;
          continue;
        }
      if (val == NULL)
        return awpctl_usage_error (argv[0], EDIT_USAGE);
      if (g_str_equal (opt, "--db"))
        db = val;
      else if (g_str_equal (opt, "--seed") || g_str_equal (opt, "--count"))
        {
          if (!g_ascii_string_to_unsigned (val, 10, 0, G_MAXUINT32, g_str_equal (opt, "--seed") ? &seed : &count,
                                           &error))
            {
              g_printerr ("awpctl: %s: %s\n", opt, error->message);
              return awpctl_usage_error (argv[0], EDIT_USAGE);
            }
        }
      else
        return awpctl_usage_error (argv[0], EDIT_USAGE);
      i++;
    }
  if (db == NULL)
    return awpctl_usage_error (argv[0], EDIT_USAGE);

  store = awp_store_open (db, &error);
  if (store == NULL)
    {
      g_printerr ("awpctl: %s\n", error->message);
      return 1;
    }
  rand = g_rand_new_with_seed ((guint32) seed);
  ed.store = store;
  ed.rand = rand;

  for (guint64 n = 0; g_str_equal (mode, "resolve") || n < count; n++)
    {
      g_autoptr(GHashTable) before = outbox_ids (store, &error);
      g_autoptr(GHashTable) after = NULL;
      gboolean ok, resolved = TRUE;

      if (before == NULL)
        break;
      if (g_str_equal (mode, "resolve"))
        {
          ok = resolve_one (&ed, how, &error);
          if (!ok && error == NULL)
            break;  /* nothing held any more */
        }
      else
        ok = act (&ed, &resolved, &error);
      after = outbox_ids (store, ok ? &error : NULL);
      if (after != NULL)
        print_delta (before, after, resolved);
      if (!ok || after == NULL)
        break;
    }
  if (error != NULL)
    {
      g_printerr ("awpctl: %s\n", error->message);
      return 1;
    }
  return 0;
}

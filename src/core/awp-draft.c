#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "awp-draft.h"
#include "awp-json-util.h"

G_DEFINE_QUARK (awp-draft-error-quark, awp_draft_error)

struct _AwpDraftJournal
{
  GObject       parent_instance;
  char         *dir;
  GHashTable   *pending;     /* key -> JsonObject: set but not yet written */
  GSource      *timer;       /* the next write, or NULL */
  GMainContext *context;
  gint64        last_write;  /* monotonic µs; 0 = never */
  guint         n_writes;
};

G_DEFINE_FINAL_TYPE (AwpDraftJournal, awp_draft_journal, G_TYPE_OBJECT)

#define MAX_KEY 200

void
awp_draft_free (AwpDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->key);
  g_clear_pointer (&draft->fields, json_object_unref);
  g_free (draft);
}

static void
cancel_timer (AwpDraftJournal *self)
{
  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }
}

static void
awp_draft_journal_dispose (GObject *object)
{
  AwpDraftJournal *self = AWP_DRAFT_JOURNAL (object);

  /* Whatever is still pending goes to disk: a clean shutdown loses nothing. */
  if (self->pending != NULL && g_hash_table_size (self->pending) > 0)
    awp_draft_journal_flush (self, NULL);
  cancel_timer (self);
  G_OBJECT_CLASS (awp_draft_journal_parent_class)->dispose (object);
}

static void
awp_draft_journal_finalize (GObject *object)
{
  AwpDraftJournal *self = AWP_DRAFT_JOURNAL (object);

  g_free (self->dir);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  G_OBJECT_CLASS (awp_draft_journal_parent_class)->finalize (object);
}

static void
awp_draft_journal_class_init (AwpDraftJournalClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = awp_draft_journal_dispose;
  G_OBJECT_CLASS (klass)->finalize = awp_draft_journal_finalize;
}

static void
awp_draft_journal_init (AwpDraftJournal *self)
{
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) json_object_unref);
}

char *
awp_draft_journal_dir_for_store (const char *store_path)
{
  g_return_val_if_fail (store_path != NULL, NULL);
  return g_strconcat (store_path, ".drafts", NULL);
}

AwpDraftJournal *
awp_draft_journal_new (const char  *dir,
                       GError     **error)
{
  g_autoptr(AwpDraftJournal) self = NULL;

  g_return_val_if_fail (dir != NULL, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: cannot create the draft journal: %s", dir, g_strerror (saved));
      return NULL;
    }
  self = g_object_new (AWP_TYPE_DRAFT_JOURNAL, NULL);
  self->dir = g_strdup (dir);
  self->context = g_main_context_ref_thread_default ();
  return g_steal_pointer (&self);
}

static gboolean
valid_key (const char  *key,
           GError     **error)
{
  gsize len = key != NULL ? strlen (key) : 0;

  if (len == 0 || len > MAX_KEY || !g_utf8_validate (key, len, NULL))
    {
      g_set_error (error, AWP_DRAFT_ERROR, AWP_DRAFT_ERROR_INVALID,
                   "key: 1-%d bytes of UTF-8 required", MAX_KEY);
      return FALSE;
    }
  return TRUE;
}

/* Keys name records and fields; the file name is their hash, so no key
 * can reach outside the directory. */
static char *
path_for (AwpDraftJournal *self,
          const char      *key)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  g_autofree char *name = g_strconcat (hash, ".json", NULL);

  return g_build_filename (self->dir, name, NULL);
}

static gboolean
write_draft (AwpDraftJournal  *self,
             const char       *key,
             JsonObject       *fields,
             GError          **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = path_for (self, key);
  JsonNode *fn = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (fn, fields);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "key");
  json_builder_add_string_value (b, key);
  json_builder_set_member_name (b, "saved_at");
  json_builder_add_int_value (b, g_get_real_time () / G_USEC_PER_SEC);
  json_builder_set_member_name (b, "fields");
  json_builder_add_value (b, fn);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, FALSE);
  return g_file_set_contents_full (path, text, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

gboolean
awp_draft_journal_flush (AwpDraftJournal  *self,
                         GError          **error)
{
  GHashTableIter iter;
  gpointer key, fields;
  gboolean ok = TRUE;

  g_return_val_if_fail (AWP_IS_DRAFT_JOURNAL (self), FALSE);

  cancel_timer (self);
  if (g_hash_table_size (self->pending) == 0)
    return TRUE;
  g_hash_table_iter_init (&iter, self->pending);
  while (ok && g_hash_table_iter_next (&iter, &key, &fields))
    {
      ok = write_draft (self, key, fields, error);
      if (ok)
        g_hash_table_iter_remove (&iter);
    }
  self->last_write = g_get_monotonic_time ();
  self->n_writes++;
  return ok;
}

static gboolean
timer_fired (gpointer user_data)
{
  AwpDraftJournal *self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->timer, g_source_unref);
  /* A full disk must not stop the editor; the draft stays pending and the
   * next change (or flush) tries again. */
  if (!awp_draft_journal_flush (self, &error))
    g_debug ("draft journal: %s", error->message);
  return G_SOURCE_REMOVE;
}

void
awp_draft_journal_set (AwpDraftJournal *self,
                       const char      *key,
                       JsonObject      *fields)
{
  gint64 now, due_ms;

  g_return_if_fail (AWP_IS_DRAFT_JOURNAL (self));
  g_return_if_fail (valid_key (key, NULL));
  g_return_if_fail (fields != NULL);

  g_hash_table_replace (self->pending, g_strdup (key), json_object_ref (fields));
  if (self->timer != NULL)
    return;
  /* Throttle, not debounce: a steady typist still gets a write every
   * interval, so the loss is bounded by the interval, not by a pause. */
  now = g_get_monotonic_time ();
  due_ms = self->last_write == 0 ? 0
           : MAX (0, (self->last_write + AWP_DRAFT_INTERVAL_MS * 1000 - now + 999) / 1000);
  due_ms = MIN (due_ms, AWP_DRAFT_INTERVAL_MS);
  self->timer = g_timeout_source_new (due_ms);
  g_source_set_callback (self->timer, timer_fired, self, NULL);
  g_source_set_name (self->timer, "[awp] draft journal");
  g_source_attach (self->timer, self->context);
}

gboolean
awp_draft_journal_discard (AwpDraftJournal  *self,
                           const char       *key,
                           GError          **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (AWP_IS_DRAFT_JOURNAL (self), FALSE);

  if (!valid_key (key, error))
    return FALSE;
  g_hash_table_remove (self->pending, key);
  if (g_hash_table_size (self->pending) == 0)
    cancel_timer (self);
  path = path_for (self, key);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: cannot remove the draft: %s", path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* NULL for anything that is not a complete draft: a stray temporary file
 * of an interrupted write, or a file from elsewhere. */
static AwpDraft *
read_draft (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(AwpDraft) d = NULL;
  JsonNode *root, *fn;
  JsonObject *o;
  const char *key;
  gsize len;

  if (!g_file_get_contents (path, &text, &len, NULL)
      || !json_parser_load_from_data (parser, text, len, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  o = json_node_get_object (root);
  key = awp_json_get_string (o, "key");
  fn = json_object_get_member (o, "fields");
  if (key == NULL || !valid_key (key, NULL) || fn == NULL || !JSON_NODE_HOLDS_OBJECT (fn))
    return NULL;
  d = g_new0 (AwpDraft, 1);
  d->key = g_strdup (key);
  d->fields = json_object_ref (json_node_get_object (fn));
  if (!awp_json_get_int (o, "saved_at", 0, G_MAXINT64, &d->saved_at))
    d->saved_at = 0;
  return g_steal_pointer (&d);
}

AwpDraft *
awp_draft_journal_get (AwpDraftJournal  *self,
                       const char       *key,
                       GError          **error)
{
  g_autofree char *path = NULL;
  AwpDraft *d;

  g_return_val_if_fail (AWP_IS_DRAFT_JOURNAL (self), NULL);

  if (!valid_key (key, error))
    return NULL;
  path = path_for (self, key);
  d = read_draft (path);
  /* A hash collision is not a draft of this key. */
  if (d != NULL && !g_str_equal (d->key, key))
    g_clear_pointer (&d, awp_draft_free);
  return d;
}

static gint
by_saved_at (gconstpointer a,
             gconstpointer b)
{
  const AwpDraft *da = *(AwpDraft *const *) a;
  const AwpDraft *db = *(AwpDraft *const *) b;

  if (da->saved_at != db->saved_at)
    return da->saved_at < db->saved_at ? -1 : 1;
  return strcmp (da->key, db->key);
}

GPtrArray *
awp_draft_journal_list (AwpDraftJournal  *self,
                        GError          **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_draft_free);
  const char *name;

  g_return_val_if_fail (AWP_IS_DRAFT_JOURNAL (self), NULL);

  dir = g_dir_open (self->dir, 0, error);
  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      AwpDraft *d;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (self->dir, name, NULL);
      d = read_draft (path);
      if (d != NULL)
        g_ptr_array_add (out, d);
    }
  g_ptr_array_sort (out, by_saved_at);
  return g_steal_pointer (&out);
}

guint
awp_draft_journal_get_n_writes (AwpDraftJournal *self)
{
  g_return_val_if_fail (AWP_IS_DRAFT_JOURNAL (self), 0);
  return self->n_writes;
}

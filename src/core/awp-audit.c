#include "config.h"

#include <string.h>

#include "awp-audit.h"
#include "awp-store-private.h"

/* Canonical form: "awp-audit-1" then each field as <length>:<bytes>; (NULL
 * as "-;"), so no two different entries serialize alike. */
static void
put_field (GChecksum  *sum,
           const char *value)
{
  g_autofree char *head = NULL;

  if (value == NULL)
    {
      g_checksum_update (sum, (const guchar *) "-;", 2);
      return;
    }
  head = g_strdup_printf ("%zu:", strlen (value));
  g_checksum_update (sum, (const guchar *) head, -1);
  g_checksum_update (sum, (const guchar *) value, -1);
  g_checksum_update (sum, (const guchar *) ";", 1);
}

static char *
entry_hash (gint64            id,
            const char *const fields[7],
            const char       *prev_hash)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  put_field (sum, "awp-audit-1");
  put_field (sum, id_text);
  for (guint i = 0; i < 7; i++)
    put_field (sum, fields[i]);
  put_field (sum, prev_hash);
  return g_strdup (g_checksum_get_string (sum));
}

gboolean
awp_audit_append (AwpStore    *store,
                  const char  *actor,
                  const char  *action,
                  const char  *entity_type,
                  const char  *entity_id,
                  const char  *norm,
                  JsonObject  *detail,
                  GError     **error)
{
  g_autoptr(AwpCachedStmt) last = NULL;
  g_autoptr(AwpCachedStmt) add = NULL;
  g_autofree char *at = awp_store_now_iso ();
  g_autofree char *detail_text = NULL;
  g_autofree char *prev = NULL;
  g_autofree char *hash = NULL;
  gint64 id = 1;

  g_return_val_if_fail (AWP_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL && action != NULL, FALSE);

  detail_text = detail ? awp_json_object_to_string (detail) : g_strdup ("{}");
  last = awp_store_prepare (store, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1", error);
  if (last == NULL)
    return FALSE;
  if (sqlite3_step (last) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (last, 0) + 1;
      prev = g_strdup ((const char *) sqlite3_column_text (last, 1));
    }
  else
    prev = g_strdup (AWP_AUDIT_GENESIS);
  {
    const char *const fields[7] = { at, actor, action, entity_type, entity_id, norm, detail_text };

    hash = entry_hash (id, fields, prev);
  }
  add = awp_store_prepare (store,
    "INSERT INTO audit (id, at, actor, action, entity_type, entity_id, norm, detail, prev_hash, hash)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (add == NULL)
    return FALSE;
  sqlite3_bind_int64 (add, 1, id);
  sqlite3_bind_text (add, 2, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 3, actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 5, entity_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 6, entity_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 7, norm, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 8, detail_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 9, prev, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 10, hash, -1, SQLITE_STATIC);
  return awp_store_step_done (store, add, error);
}

gboolean
awp_audit_verify (AwpStore    *store,
                  gint64      *n_entries,
                  gint64      *broken_id,
                  GError     **error)
{
  g_autoptr(AwpCachedStmt) all = NULL;
  g_autofree char *prev = g_strdup (AWP_AUDIT_GENESIS);
  gint64 count = 0;
  gint64 expected_id = 1;
  int rc;

  g_return_val_if_fail (AWP_IS_STORE (store), FALSE);

  if (n_entries)
    *n_entries = 0;
  if (broken_id)
    *broken_id = 0;
  all = awp_store_prepare (store,
    "SELECT id, at, actor, action, entity_type, entity_id, norm, detail, prev_hash, hash"
    "  FROM audit ORDER BY id", error);
  if (all == NULL)
    return FALSE;
  while ((rc = sqlite3_step (all)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (all, 0);
      const char *fields[7];
      const char *stored_prev = (const char *) sqlite3_column_text (all, 8);
      const char *stored_hash = (const char *) sqlite3_column_text (all, 9);
      g_autofree char *hash = NULL;

      for (int i = 0; i < 7; i++)
        fields[i] = (const char *) sqlite3_column_text (all, 1 + i);
      hash = entry_hash (id, fields, prev);
      /* A gap in the ids is a removed entry. */
      if (id != expected_id || g_strcmp0 (stored_prev, prev) != 0 || g_strcmp0 (stored_hash, hash) != 0)
        {
          if (broken_id)
            *broken_id = id;
          return FALSE;
        }
      g_free (prev);
      prev = g_steal_pointer (&hash);
      expected_id++;
      count++;
    }
  if (rc != SQLITE_DONE)
    return awp_store_fail (store, "audit", error);
  if (n_entries)
    *n_entries = count;
  return TRUE;
}

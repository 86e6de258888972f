#include "config.h"

#include <string.h>

#include "awp-search.h"
#include "awp-store-private.h"

/* Fields that make up the indexed text, by entity. The subject column gets
 * twice the weight of the body in bm25. */
static const char *const subject_keys[] = { "subject", "title", "name_kk", "name_ru", "question", NULL };
static const char *const body_keys[] = { "text", "answer", "description", "requester", "comment",
                                         "title_kk", "title_ru", "result", "reason", NULL };

static gboolean
is_cyrillic (gunichar c)
{
  return c >= 0x0400 && c <= 0x04ff;
}

static gunichar
fold_char (gunichar prev, gunichar c, gunichar next)
{
  switch (c)
    {
    case 0x0259: return 0x04d9; /* Latin ə → Cyrillic ә */
    case 0x018f: return 0x04d8; /* Latin Ə → Cyrillic Ә */
    case 0x0451: return 0x0435; /* ё → е */
    case 0x0401: return 0x0415; /* Ё → Е */
    default: break;
    }
  /* Latin look-alikes count only inside a Cyrillic word, so "iPhone" stays. */
  if (is_cyrillic (prev) || is_cyrillic (next))
    switch (c)
      {
      case 'i': return 0x0456;
      case 'I': return 0x0406;
      case 'h': return 0x04bb;
      case 'H': return 0x04ba;
      default: break;
      }
  return c;
}

char *
awp_search_fold (const char *text)
{
  GString *out;
  gunichar prev = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *n = g_utf8_next_char (p);
      gunichar next = *n != '\0' ? g_utf8_get_char (n) : 0;

      g_string_append_unichar (out, fold_char (prev, c, next));
      prev = c;
    }
  return g_string_free (out, FALSE);
}

static char *
join_keys (JsonObject        *data,
           const char *const *keys)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (data, keys[i]);

      if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, json_node_get_string (node));
    }
  {
    g_autofree char *raw = g_string_free (out, FALSE);

    return awp_search_fold (raw);
  }
}

char *
awp_search_subject_text (JsonObject *data)
{
  return join_keys (data, subject_keys);
}

char *
awp_search_body_text (JsonObject *data)
{
  return join_keys (data, body_keys);
}

char *
awp_search_match_expr (const char *query)
{
  g_autofree char *folded = NULL;
  GString *expr;
  GString *word;

  g_return_val_if_fail (query != NULL, NULL);

  folded = awp_search_fold (query);
  expr = g_string_new (NULL);
  word = g_string_new (NULL);
  /* Words are letters and digits; everything else (quotes, operators)
   * separates them, so user input never reaches FTS5 syntax. */
  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_string_append_printf (expr, "%s\"%s\"*", expr->len ? " " : "", word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  if (expr->len == 0)
    {
      g_string_free (expr, TRUE);
      return NULL;
    }
  return g_string_free (expr, FALSE);
}

void
awp_search_hit_free (AwpSearchHit *hit)
{
  g_free (hit->id);
  g_free (hit->type);
  g_free (hit->subject);
  g_free (hit->snippet);
  g_free (hit);
}

GPtrArray *
awp_search_run (AwpStore    *store,
                const char  *query,
                guint        limit,
                GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_search_hit_free);
  g_autofree char *expr = NULL;
  g_autoptr(AwpCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  expr = awp_search_match_expr (query);
  if (expr == NULL)
    return g_steal_pointer (&hits);
  /* ORDER BY rank lets FTS5 sort the matches by awp_rank alone and compute
   * highlight and snippet only for the rows returned. */
  stmt = awp_store_prepare (store,
    "SELECT r.id, r.type, highlight (record_fts, 0, '[', ']'),"
    "       snippet (record_fts, 1, '[', ']', '…', 12), record_fts.rank"
    "  FROM record_fts JOIN record r ON r.rid = record_fts.rowid"
    " WHERE record_fts MATCH ? AND record_fts.rank MATCH 'awp_rank(2.0, 1.0)'"
    " ORDER BY record_fts.rank LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, expr, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int) MIN (limit, G_MAXINT));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AwpSearchHit *hit = g_new0 (AwpSearchHit, 1);

      hit->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      hit->type = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      hit->subject = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      hit->snippet = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      hit->rank = sqlite3_column_double (stmt, 4);
      g_ptr_array_add (hits, hit);
    }
  if (rc != SQLITE_DONE)
    {
      awp_store_fail (store, "search", error);
      return NULL;
    }
  return g_steal_pointer (&hits);
}

/* SQL functions, so migrations can (re)index rows with the same code. */
static void
sql_fold (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    sqlite3_result_null (ctx);
  else
    sqlite3_result_text (ctx, awp_search_fold (text), -1, g_free);
}

static void
sql_fts_text (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  char *(*extract) (JsonObject *) = sqlite3_user_data (ctx);
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  g_autoptr(JsonObject) data = text ? awp_json_object_from_string (text, NULL) : NULL;

  if (data == NULL)
    sqlite3_result_null (ctx);
  else
    sqlite3_result_text (ctx, extract (data), -1, g_free);
}

/* awp_rank(weight per column…): the sum, over the query's words, of the
 * weights of the columns each occurs in (subject 2, body 1); lower is
 * better, as with bm25, and ties go to the newer record. bm25 was the
 * first choice, but it reads every query term's whole doclist (for IDF)
 * and each row's size, ~40 ms for two words over a million requests; with
 * every word required (AND) all results hold every term, so IDF mostly
 * reorders terms, not documents. The index keeps columns, not positions
 * (detail=column), so this needs no positions either. */
static void
awp_rank (const Fts5ExtensionApi  *api,
          Fts5Context             *fts,
          sqlite3_context         *ctx,
          int                      argc,
          sqlite3_value          **argv)
{
  int n_phrases = api->xPhraseCount (fts);
  double score = 0;

  for (int p = 0; p < n_phrases; p++)
    {
      Fts5PhraseIter iter;
      int col = -1;
      int rc = api->xPhraseFirstColumn (fts, p, &iter, &col);

      if (rc != SQLITE_OK)
        {
          sqlite3_result_error_code (ctx, rc);
          return;
        }
      for (; col >= 0; api->xPhraseNextColumn (fts, &iter, &col))
        score += col < argc ? sqlite3_value_double (argv[col]) : 1.0;
    }
  sqlite3_result_double (ctx, -score - (double) api->xRowid (fts) * 1e-12);
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  return api;
}

void
awp_store_register_functions (sqlite3 *db)
{
  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
  fts5_api *fts5 = get_fts5_api (db);

  sqlite3_create_function (db, "awp_fold", 1, flags, NULL, sql_fold, NULL, NULL);
  sqlite3_create_function (db, "awp_fts_subject", 1, flags, awp_search_subject_text, sql_fts_text, NULL, NULL);
  sqlite3_create_function (db, "awp_fts_body", 1, flags, awp_search_body_text, sql_fts_text, NULL, NULL);
  if (fts5 != NULL && fts5->iVersion >= 2)
    fts5->xCreateFunction (fts5, "awp_rank", NULL, awp_rank, NULL);
}

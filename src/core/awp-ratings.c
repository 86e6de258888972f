#include "config.h"

#include <stdio.h>
#include <string.h>

#include "awp-ratings.h"
#include "awp-sqlite-private.h"
#include "awp-store-private.h"

static void
reason_free (AwpDislikeReason *reason)
{
  g_free (reason->reason);
  g_free (reason);
}

void
awp_ratings_overview_free (AwpRatingsOverview *overview)
{
  if (overview == NULL)
    return;
  g_array_unref (overview->months);
  g_ptr_array_unref (overview->reasons);
  g_free (overview);
}

static AwpRatingMonth *
month_of (GArray *months, GHashTable *index, const char *month)
{
  gpointer pos;
  AwpRatingMonth m = { { 0 }, 0, 0, 0, 0 };

  if (g_hash_table_lookup_extended (index, month, NULL, &pos))
    return &g_array_index (months, AwpRatingMonth, GPOINTER_TO_UINT (pos));
  g_strlcpy (m.month, month, sizeof m.month);
  g_array_append_val (months, m);
  g_hash_table_insert (index, g_strdup (month), GUINT_TO_POINTER (months->len - 1));
  return &g_array_index (months, AwpRatingMonth, months->len - 1);
}

static int
compare_months (gconstpointer a, gconstpointer b)
{
  return strcmp (((const AwpRatingMonth *) a)->month, ((const AwpRatingMonth *) b)->month);
}

static int
compare_reasons (gconstpointer a, gconstpointer b)
{
  const AwpDislikeReason *x = *(AwpDislikeReason *const *) a;
  const AwpDislikeReason *y = *(AwpDislikeReason *const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_utf8_collate (x->reason, y->reason);
}

/* The months between the first and the last, so a chart has no holes. */
static void
fill_gaps (GArray *months, GHashTable *index)
{
  g_autofree char *last = NULL;
  int y, m;

  if (months->len < 2)
    return;
  g_array_sort (months, compare_months);
  last = g_strdup (g_array_index (months, AwpRatingMonth, months->len - 1).month);
  if (sscanf (g_array_index (months, AwpRatingMonth, 0).month, "%d-%d", &y, &m) != 2)
    return;
  for (guint guard = 0; guard < 1200; guard++)
    {
      char key[16];

      g_snprintf (key, sizeof key, "%04d-%02d", y, m);
      if (strcmp (key, last) >= 0)
        break;
      month_of (months, index, key);
      if (++m > 12)
        {
          m = 1;
          y++;
        }
    }
  g_array_sort (months, compare_months);
}

/* Both read only the schema-6 columns through their partial indexes
 * (record_answered, record_rated), by day in index order, so SQLite
 * neither sorts nor opens a JSON body; the days are summed into months
 * here. The range terms on the dates let the index skip the months
 * outside; the substr terms keep the month comparison exact. */
static const char answers_sql[] =
  /* Answers by the month they were given: on time against "due_on", which
   * is the extended date once extended (O145-5.2). */
  "SELECT answered_on, sum (answered_on <= due_on), sum (answered_on > due_on)"
  " FROM record WHERE type = 'blog_request' AND answered_on IS NOT NULL AND due_on IS NOT NULL"
  " AND answered_on >= ifnull (?1, '') AND answered_on < ?2 || '~'"
  " AND (?1 IS NULL OR substr (answered_on, 1, 7) >= ?1) AND substr (answered_on, 1, 7) <= ?2"
  " GROUP BY answered_on";

static const char ratings_sql[] =
  /* Ratings by the month they were given (rated_on is the answer's date
   * when the rating has none). */
  "SELECT rated_on, rating, rating_reason, count (*)"
  " FROM record WHERE type = 'blog_request' AND rating IS NOT NULL AND status = 'answered'"
  " AND rating IN ('like', 'dislike') AND rated_on IS NOT NULL"
  " AND rated_on >= ifnull (?1, '') AND rated_on < ?2 || '~'"
  " AND (?1 IS NULL OR substr (rated_on, 1, 7) >= ?1) AND substr (rated_on, 1, 7) <= ?2"
  " GROUP BY rated_on, rating, rating_reason";

static AwpRatingMonth *
month_of_date (GArray *months, GHashTable *index, const char *date)
{
  char month[8];

  g_strlcpy (month, date ? date : "", sizeof month);
  return month_of (months, index, month);
}

static gboolean
db_fail (sqlite3 *db, GError **error)
{
  g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_FAILED, "ratings: %s", sqlite3_errmsg (db));
  return FALSE;
}

/* Both queries on @db, which may be the store's or a reader's own. */
static AwpRatingsOverview *
load_from_db (sqlite3     *db,
              const char  *from,
              const char  *to,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) answers = NULL;
  g_autoptr(sqlite3_stmt) ratings = NULL;
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) reasons = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(AwpRatingsOverview) out = g_new0 (AwpRatingsOverview, 1);
  int rc;

  out->months = g_array_new (FALSE, TRUE, sizeof (AwpRatingMonth));
  out->reasons = g_ptr_array_new_with_free_func ((GDestroyNotify) reason_free);

  if (sqlite3_prepare_v2 (db, answers_sql, -1, &answers, NULL) != SQLITE_OK)
    {
      db_fail (db, error);
      return NULL;
    }
  if (from != NULL)
    sqlite3_bind_text (answers, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (answers, 2, to, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (answers)) == SQLITE_ROW)
    {
      AwpRatingMonth *m = month_of_date (out->months, index, (const char *) sqlite3_column_text (answers, 0));
      guint on_time = (guint) sqlite3_column_int (answers, 1);
      guint late = (guint) sqlite3_column_int (answers, 2);

      m->on_time += on_time;
      m->late += late;
      out->on_time += on_time;
      out->late += late;
    }
  if (rc != SQLITE_DONE)
    {
      db_fail (db, error);
      return NULL;
    }

  if (sqlite3_prepare_v2 (db, ratings_sql, -1, &ratings, NULL) != SQLITE_OK)
    {
      db_fail (db, error);
      return NULL;
    }
  if (from != NULL)
    sqlite3_bind_text (ratings, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (ratings, 2, to, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (ratings)) == SQLITE_ROW)
    {
      AwpRatingMonth *m = month_of_date (out->months, index, (const char *) sqlite3_column_text (ratings, 0));
      guint n = (guint) sqlite3_column_int (ratings, 3);
      const char *reason = (const char *) sqlite3_column_text (ratings, 2);
      AwpDislikeReason *r;

      if (g_strcmp0 ((const char *) sqlite3_column_text (ratings, 1), "like") == 0)
        {
          m->likes += n;
          out->likes += n;
          continue;
        }
      m->dislikes += n;
      out->dislikes += n;
      r = g_hash_table_lookup (reasons, reason ? reason : "");
      if (r == NULL)
        {
          r = g_new0 (AwpDislikeReason, 1);
          r->reason = g_strdup (reason ? reason : "");
          g_ptr_array_add (out->reasons, r);
          g_hash_table_insert (reasons, r->reason, r);
        }
      r->count += n;
    }
  if (rc != SQLITE_DONE)
    {
      db_fail (db, error);
      return NULL;
    }
  fill_gaps (out->months, index);
  g_ptr_array_sort (out->reasons, compare_reasons);
  return g_steal_pointer (&out);
}

AwpRatingsOverview *
awp_ratings_overview_load (AwpStore    *store,
                           const char  *from,
                           const char  *to,
                           GError     **error)
{
  g_return_val_if_fail (AWP_IS_STORE (store), NULL);
  g_return_val_if_fail (to != NULL, NULL);

  return load_from_db (awp_store_get_db (store), from, to, error);
}

typedef struct
{
  char *path;
  char *from;
  char *to;
} LoadData;

static void
load_data_free (LoadData *d)
{
  g_free (d->path);
  g_free (d->from);
  g_free (d->to);
  g_free (d);
}

/* On a large store the scan takes seconds: a reader connection of its own
 * (WAL lets it read beside the UI's writes) in a worker thread. */
static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *d = task_data;
  sqlite3 *db = NULL;
  GError *error = NULL;
  AwpRatingsOverview *out;

  if (sqlite3_open_v2 (d->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      db_fail (db, &error);
      sqlite3_close (db);
      g_task_return_error (task, error);
      return;
    }
  sqlite3_busy_timeout (db, 5000);
  out = load_from_db (db, d->from, d->to, &error);
  sqlite3_close (db);
  if (out == NULL)
    g_task_return_error (task, error);
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, out, (GDestroyNotify) awp_ratings_overview_free);
  else
    awp_ratings_overview_free (out);
}

void
awp_ratings_overview_load_async (AwpStore            *store,
                                 const char          *from,
                                 const char          *to,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *path;
  LoadData *d;

  g_return_if_fail (AWP_IS_STORE (store));
  g_return_if_fail (to != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, awp_ratings_overview_load_async);
  path = awp_store_get_path (store);
  /* A store without a file of its own: read here, on its connection. */
  if (path == NULL || *path == '\0' || g_str_equal (path, ":memory:"))
    {
      GError *error = NULL;
      AwpRatingsOverview *out = awp_ratings_overview_load (store, from, to, &error);

      if (out == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, out, (GDestroyNotify) awp_ratings_overview_free);
      return;
    }
  d = g_new0 (LoadData, 1);
  d->path = g_strdup (path);
  d->from = g_strdup (from);
  d->to = g_strdup (to);
  g_task_set_task_data (task, d, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

AwpRatingsOverview *
awp_ratings_overview_load_finish (AwpStore      *store,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

#include "config.h"

#include "awp-i18n.h"
#include "awp-query-model.h"
#include "awp-search.h"
#include "awp-store-private.h"

#define MAX_CACHED_PAGES 8
/* Beyond this many search hits a page is found by walking the sort index;
 * below it, by looking the hits up and sorting them. */
#define DENSE_HITS 2000

struct _AwpQueryModel
{
  GObject         parent_instance;

  AwpStore       *store;
  char           *type;
  char           *status;
  char           *match;      /* FTS5 expression or NULL */
  AwpQueueFilter  filter;
  AwpQueueSort    sort;
  gboolean        descending;

  char           *where;      /* SQL built from the above */
  char           *page_where; /* the same, for pages of many search hits */
  char           *today;
  char           *week_end;
  guint           n_items;
  GHashTable     *pages;      /* page number → GPtrArray of AwpQueueItem */
  GHashTable     *old_pos;    /* id → position + 1 before a change (0: absent) */
  GError         *error;
  gboolean        has_nulls;  /* some row has no value in the sort column */
};

static void awp_query_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AwpQueryModel, awp_query_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, awp_query_model_list_model_init))

static const char *const sort_columns[] = { "received_on", "due_on", "number" };

/* A cached page and the sort key of its last row, from which the next page
 * is found by seeking in the index instead of skipping OFFSET rows. */
typedef struct
{
  GPtrArray     *items;
  sqlite3_value *last_value;
  gint64         last_rid;
} Page;

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  sqlite3_value_free (page->last_value);
  g_free (page);
}

static void
remember_error (AwpQueryModel *self, GError *error)
{
  if (error == NULL)
    return;
  g_clear_error (&self->error);
  self->error = error;
  g_debug ("query model: %s", error->message);
}

/* Binds the named parameters every statement of this model uses. */
static void
bind_common (AwpQueryModel *self, sqlite3_stmt *stmt)
{
  int i;

  if ((i = sqlite3_bind_parameter_index (stmt, ":type")) > 0)
    sqlite3_bind_text (stmt, i, self->type, -1, SQLITE_STATIC);
  if ((i = sqlite3_bind_parameter_index (stmt, ":status")) > 0)
    sqlite3_bind_text (stmt, i, self->status, -1, SQLITE_STATIC);
  if ((i = sqlite3_bind_parameter_index (stmt, ":match")) > 0)
    sqlite3_bind_text (stmt, i, self->match, -1, SQLITE_STATIC);
  if ((i = sqlite3_bind_parameter_index (stmt, ":today")) > 0)
    sqlite3_bind_text (stmt, i, self->today, -1, SQLITE_STATIC);
  if ((i = sqlite3_bind_parameter_index (stmt, ":week_end")) > 0)
    sqlite3_bind_text (stmt, i, self->week_end, -1, SQLITE_STATIC);
}

static void
build_where (AwpQueryModel *self)
{
  GString *w = g_string_new ("r.type = :type");
  g_autoptr(GDateTime) now = NULL;
  GDate today, sunday;

  g_free (self->today);
  self->today = awp_store_today ();
  if (!awp_calendar_parse_date (self->today, "today", &today, NULL))
    {
      now = g_date_time_new_now_local ();
      g_date_clear (&today, 1);
      g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
    }
  sunday = today;
  g_date_add_days (&sunday, G_DATE_SUNDAY - g_date_get_weekday (&today));
  g_free (self->week_end);
  self->week_end = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&sunday),
                                    g_date_get_month (&sunday), g_date_get_day (&sunday));

  if (self->status != NULL)
    g_string_append (w, " AND r.status = :status");
  switch (self->filter)
    {
    case AWP_QUEUE_FILTER_ALL:
      break;
    case AWP_QUEUE_FILTER_OVERDUE:
      g_string_append (w, " AND r.closed = 0 AND r.due_on < :today");
      break;
    case AWP_QUEUE_FILTER_DUE_TODAY:
      g_string_append (w, " AND r.closed = 0 AND r.due_on = :today");
      break;
    case AWP_QUEUE_FILTER_DUE_THIS_WEEK:
      g_string_append (w, " AND r.closed = 0 AND r.due_on BETWEEN :today AND :week_end");
      break;
    case AWP_QUEUE_FILTER_FORWARDED:
      g_string_append (w, " AND r.status = 'forwarded'");
      break;
    case AWP_QUEUE_FILTER_ANSWERED_LATE:
      g_string_append (w, " AND r.status = 'answered' AND r.answered_on > r.due_on");
      break;
    default:
      g_assert_not_reached ();
    }
  g_free (self->page_where);
  self->page_where = NULL;
  if (self->match != NULL)
    {
      /* Counting looks each hit up in record_rid_type; a page of many hits
       * walks the sort index instead and stops after one page ("+" keeps
       * the planner from looking up and sorting every hit). */
      self->page_where = g_strdup_printf ("%s AND +r.rid IN (SELECT rowid FROM record_fts WHERE record_fts MATCH :match)", w->str);
      g_string_append (w, " AND r.rid IN (SELECT rowid FROM record_fts WHERE record_fts MATCH :match)");
    }
  g_free (self->where);
  self->where = g_string_free (w, FALSE);
}

/* Counts the result rows matching @extra too; :id, :v and :rid bind from
 * the arguments. */
static gint64
count_where (AwpQueryModel *self,
             const char    *extra,
             const char    *id,
             sqlite3_value *v,
             gint64         rid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM record r WHERE %s%s", self->where, extra ? extra : "");
  g_autoptr(AwpCachedStmt) stmt = awp_store_prepare (self->store, sql, &error);
  int i;

  if (stmt == NULL)
    {
      remember_error (self, g_steal_pointer (&error));
      return 0;
    }
  bind_common (self, stmt);
  if ((i = sqlite3_bind_parameter_index (stmt, ":id")) > 0)
    sqlite3_bind_text (stmt, i, id, -1, SQLITE_STATIC);
  if ((i = sqlite3_bind_parameter_index (stmt, ":v")) > 0)
    sqlite3_bind_value (stmt, i, v);
  if ((i = sqlite3_bind_parameter_index (stmt, ":rid")) > 0)
    sqlite3_bind_int64 (stmt, i, rid);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      awp_store_fail (self->store, "count", &error);
      remember_error (self, g_steal_pointer (&error));
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* Position of @id in the current result, or -1 when it is not in it. Rows
 * are ordered by (sort column, rid), NULLs first; counting the rows before
 * it runs on the sort index. */
static gint64
position_of (AwpQueryModel *self, const char *id)
{
  g_autoptr(GError) error = NULL;
  const char *c = sort_columns[self->sort];
  g_autofree char *sql = g_strdup_printf ("SELECT r.%s, r.rid FROM record r WHERE %s AND r.id = :id", c, self->where);
  g_autofree char *before = NULL;
  g_autoptr(AwpCachedStmt) row = awp_store_prepare (self->store, sql, &error);
  sqlite3_value *v;
  gint64 rid, pos;

  if (row == NULL)
    {
      remember_error (self, g_steal_pointer (&error));
      return -1;
    }
  bind_common (self, row);
  sqlite3_bind_text (row, sqlite3_bind_parameter_index (row, ":id"), id, -1, SQLITE_STATIC);
  if (sqlite3_step (row) != SQLITE_ROW)
    return -1;
  v = sqlite3_value_dup (sqlite3_column_value (row, 0));
  rid = sqlite3_column_int64 (row, 1);
  sqlite3_reset (row);
  if (self->descending)
    before = g_strdup_printf (" AND (r.%s > :v OR (r.%s IS :v AND r.rid > :rid) OR (r.%s IS NOT NULL AND :v IS NULL))", c, c, c);
  else
    before = g_strdup_printf (" AND (r.%s < :v OR (r.%s IS :v AND r.rid < :rid) OR (r.%s IS NULL AND :v IS NOT NULL))", c, c, c);
  pos = count_where (self, before, NULL, v, rid);
  sqlite3_value_free (v);
  return pos;
}

/* Whether any row of the type lacks the sort key (an index seek; the filter
 * is left out so the check never scans). */
static gboolean
has_null_keys (AwpQueryModel *self)
{
  g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM record WHERE type = ? AND %s IS NULL)",
                                          sort_columns[self->sort]);
  g_autoptr(AwpCachedStmt) stmt = awp_store_prepare (self->store, sql, NULL);

  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_text (stmt, 1, self->type, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) != 0;
}

/* The length of an unfiltered queue (or one status) from record_count,
 * which triggers keep exact: counting a million index entries took most of
 * the time to open a queue. -1 when the query has other conditions. */
static gint64
kept_count (AwpQueryModel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpCachedStmt) stmt = NULL;

  if (self->filter != AWP_QUEUE_FILTER_ALL || self->match != NULL
      || awp_store_get_schema_version (self->store) < 3)
    return -1;
  stmt = awp_store_prepare (self->store,
                            "SELECT ifnull (sum (n), 0) FROM record_count"
                            " WHERE type = :type AND (:status IS NULL OR status = :status)", &error);
  if (stmt == NULL)
    {
      remember_error (self, g_steal_pointer (&error));
      return -1;
    }
  bind_common (self, stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

static void
reset (AwpQueryModel *self)
{
  guint old = self->n_items;
  gint64 kept;

  build_where (self);
  g_hash_table_remove_all (self->pages);
  kept = kept_count (self);
  self->n_items = (guint) (kept >= 0 ? kept : count_where (self, NULL, NULL, NULL, 0));
  self->has_nulls = has_null_keys (self);
  if (old != 0 || self->n_items != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
}

static Page *
load_page (AwpQueryModel *self, guint page_no)
{
  g_autoptr(GError) error = NULL;
  const char *col = sort_columns[self->sort];
  const char *dir = self->descending ? "DESC" : "ASC";
  Page *prev = page_no > 0 ? g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page_no - 1)) : NULL;
  g_autofree char *seek = NULL;
  g_autofree char *sql = NULL;
  /* Organizations are named in the user's language (name_kk / name_ru). */
  g_autofree char *own_name = awp_i18n_pick_sql ("r.data", "name");
  g_autofree char *org_name = awp_i18n_pick_sql ("o.data", "name");
  g_autoptr(AwpCachedStmt) stmt = NULL;
  Page *page;
  int rc;

  /* After the previous page's last row (scrolling): a row-value index
   * seek. Row values do not order NULLs, so only without NULL keys. */
  if (prev != NULL && prev->items->len == AWP_QUERY_MODEL_PAGE && !self->has_nulls)
    seek = g_strdup_printf (" AND (r.%s, r.rid) %s (:v, :rid)", col, self->descending ? "<" : ">");
  sql = g_strdup_printf (
    "SELECT r.id, r.number, r.received_on, r.requester,"
    "       CASE WHEN r.type = 'organization' THEN %s ELSE r.subject END, r.status, r.due_on,"
    "       r.auth_method, (SELECT %s FROM record o WHERE o.id = r.org_id),"
    "       CAST (julianday (r.due_on) - julianday (:today) AS INTEGER), r.closed, r.%s, r.rid"
    "  FROM record r WHERE %s%s ORDER BY r.%s %s, r.rid %s LIMIT %d OFFSET :offset",
    own_name, org_name, col, self->page_where != NULL && self->n_items > DENSE_HITS ? self->page_where : self->where,
    seek ? seek : "", col, dir, dir, AWP_QUERY_MODEL_PAGE);
  stmt = awp_store_prepare (self->store, sql, &error);
  if (stmt == NULL)
    {
      remember_error (self, g_steal_pointer (&error));
      return NULL;
    }
  bind_common (self, stmt);
  if (seek != NULL)
    {
      sqlite3_bind_value (stmt, sqlite3_bind_parameter_index (stmt, ":v"), prev->last_value);
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":rid"), prev->last_rid);
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), 0);
    }
  else
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), (gint64) page_no * AWP_QUERY_MODEL_PAGE);
  page = g_new0 (Page, 1);
  page->items = g_ptr_array_new_full (AWP_QUERY_MODEL_PAGE, g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
#define TEXT(i) ((const char *) sqlite3_column_text (stmt, (i)))
      g_ptr_array_add (page->items, g_object_new (AWP_TYPE_QUEUE_ITEM,
                                                  "id", TEXT (0), "number", TEXT (1), "received", TEXT (2),
                                                  "requester", TEXT (3), "subject", TEXT (4), "status", TEXT (5),
                                                  "due-on", TEXT (6), "auth-method", TEXT (7), "org", TEXT (8),
                                                  "days-left", sqlite3_column_int (stmt, 9),
                                                  "closed", sqlite3_column_int (stmt, 10) != 0,
                                                  NULL));
#undef TEXT
      sqlite3_value_free (page->last_value);
      page->last_value = sqlite3_value_dup (sqlite3_column_value (stmt, 11));
      page->last_rid = sqlite3_column_int64 (stmt, 12);
    }
  if (rc != SQLITE_DONE)
    {
      awp_store_fail (self->store, "page", &error);
      remember_error (self, g_steal_pointer (&error));
    }
  /* Flat memory: a few pages around what is on screen; the one before this
   * stays so the next page can seek from it too. */
  if (g_hash_table_size (self->pages) >= MAX_CACHED_PAGES)
    {
      Page *keep = prev ? g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page_no - 1)) : NULL;

      if (keep != NULL)
        g_hash_table_steal (self->pages, GUINT_TO_POINTER (page_no - 1));
      g_hash_table_remove_all (self->pages);
      if (keep != NULL)
        g_hash_table_insert (self->pages, GUINT_TO_POINTER (page_no - 1), keep);
    }
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page_no), page);
  return page;
}

static GType
awp_query_model_get_item_type (GListModel *list)
{
  return AWP_TYPE_QUEUE_ITEM;
}

static guint
awp_query_model_get_n_items (GListModel *list)
{
  return AWP_QUERY_MODEL (list)->n_items;
}

static gpointer
awp_query_model_get_item (GListModel *list, guint position)
{
  AwpQueryModel *self = AWP_QUERY_MODEL (list);
  guint page_no = position / AWP_QUERY_MODEL_PAGE;
  Page *page;

  if (position >= self->n_items)
    return NULL;
  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page_no));
  if (page == NULL)
    page = load_page (self, page_no);
  if (page == NULL || position % AWP_QUERY_MODEL_PAGE >= page->items->len)
    return NULL;
  return g_object_ref (page->items->pdata[position % AWP_QUERY_MODEL_PAGE]);
}

static void
awp_query_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = awp_query_model_get_item_type;
  iface->get_n_items = awp_query_model_get_n_items;
  iface->get_item = awp_query_model_get_item;
}

static void
on_will_change (AwpStore *store, const char *id, AwpQueryModel *self)
{
  if (id != NULL)
    g_hash_table_replace (self->old_pos, g_strdup (id), GSIZE_TO_POINTER ((gsize) (position_of (self, id) + 1)));
}

static void
on_changed (AwpStore *store, const char *id, AwpQueryModel *self)
{
  gpointer value = NULL;
  gint64 before, after;

  if (id == NULL || !g_hash_table_lookup_extended (self->old_pos, id, NULL, &value))
    {
      /* A rolled-back transaction or an unannounced change: start over. */
      g_hash_table_remove_all (self->old_pos);
      reset (self);
      return;
    }
  before = (gint64) GPOINTER_TO_SIZE (value) - 1;
  g_hash_table_remove (self->old_pos, id);
  after = position_of (self, id);
  if (before < 0 && after < 0)
    return;
  g_hash_table_remove_all (self->pages);
  if (before >= 0 && after >= 0 && before == after)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), (guint) after, 1, 1);
      return;
    }
  if (before >= 0)
    {
      self->n_items--;
      g_list_model_items_changed (G_LIST_MODEL (self), (guint) before, 1, 0);
    }
  if (after >= 0)
    {
      self->n_items++;
      g_list_model_items_changed (G_LIST_MODEL (self), (guint) after, 0, 1);
    }
}

static void
awp_query_model_dispose (GObject *object)
{
  AwpQueryModel *self = AWP_QUERY_MODEL (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (awp_query_model_parent_class)->dispose (object);
}

static void
awp_query_model_finalize (GObject *object)
{
  AwpQueryModel *self = AWP_QUERY_MODEL (object);

  g_free (self->type);
  g_free (self->status);
  g_free (self->match);
  g_free (self->where);
  g_free (self->page_where);
  g_free (self->today);
  g_free (self->week_end);
  g_hash_table_unref (self->pages);
  g_hash_table_unref (self->old_pos);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (awp_query_model_parent_class)->finalize (object);
}

static void
awp_query_model_class_init (AwpQueryModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = awp_query_model_dispose;
  G_OBJECT_CLASS (klass)->finalize = awp_query_model_finalize;
}

static void
awp_query_model_init (AwpQueryModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
  self->old_pos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->descending = TRUE;
}

AwpQueryModel *
awp_query_model_new (AwpStore   *store,
                     const char *entity_type)
{
  AwpQueryModel *self;

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);
  g_return_val_if_fail (entity_type != NULL, NULL);

  self = g_object_new (AWP_TYPE_QUERY_MODEL, NULL);
  self->store = g_object_ref (store);
  self->type = g_strdup (entity_type);
  g_signal_connect (store, "record-will-change", G_CALLBACK (on_will_change), self);
  g_signal_connect (store, "record-changed", G_CALLBACK (on_changed), self);
  reset (self);
  return self;
}

void
awp_query_model_set_status (AwpQueryModel *self,
                            const char    *status)
{
  g_return_if_fail (AWP_IS_QUERY_MODEL (self));

  g_free (self->status);
  self->status = g_strdup (status);
  reset (self);
}

void
awp_query_model_set_filter (AwpQueryModel  *self,
                            AwpQueueFilter  filter)
{
  g_return_if_fail (AWP_IS_QUERY_MODEL (self));
  g_return_if_fail (filter <= AWP_QUEUE_FILTER_ANSWERED_LATE);

  self->filter = filter;
  reset (self);
}

void
awp_query_model_set_search (AwpQueryModel *self,
                            const char    *query)
{
  g_return_if_fail (AWP_IS_QUERY_MODEL (self));

  g_free (self->match);
  self->match = query != NULL ? awp_search_match_expr (query) : NULL;
  reset (self);
}

void
awp_query_model_set_sort (AwpQueryModel *self,
                          AwpQueueSort   sort,
                          gboolean       descending)
{
  g_return_if_fail (AWP_IS_QUERY_MODEL (self));
  g_return_if_fail (sort <= AWP_QUEUE_SORT_NUMBER);

  self->sort = sort;
  self->descending = descending;
  reset (self);
}

const GError *
awp_query_model_get_error (AwpQueryModel *self)
{
  g_return_val_if_fail (AWP_IS_QUERY_MODEL (self), NULL);
  return self->error;
}

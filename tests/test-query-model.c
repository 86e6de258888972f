#include "config.h"

#include "awp-query-model.h"
#include "awp-seed.h"
#include "awp-test-store.h"

/* The lazy queue model: filters, sorting, paging and exact items-changed
 * positions on insert, update and delete. "Today" is fixed at Friday
 * 2026-03-20 (AWP_TODAY), so the week ends on Sunday 2026-03-22. */

typedef struct
{
  guint position, removed, added;
} Change;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, GArray *log)
{
  Change c = { position, removed, added };

  g_array_append_val (log, c);
}

static char *
add (StoreFixture *f, const char *number, const char *subject, const char *due_on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = json_object_new ();
  g_autoptr(JsonObject) patch = json_object_new ();
  char *id;

  json_object_set_string_member (data, "number", number);
  json_object_set_string_member (data, "subject", subject);
  json_object_set_string_member (data, "requester", "Айгүл Сәрсенова");
  json_object_set_string_member (data, "auth_method", "egov");
  json_object_set_string_member (data, "received_on", "2026-03-02");
  id = awp_store_create (f->store, "blog_request", data, "op", &error);
  g_assert_no_error (error);
  json_object_set_string_member (patch, "due_on", due_on);
  g_assert_true (awp_store_update (f->store, id, patch, "op", &error));
  g_assert_no_error (error);
  return id;
}

static const char *
number_at (GListModel *model, guint i)
{
  g_autoptr(AwpQueueItem) item = g_list_model_get_item (model, i);
  static char buf[64];

  g_assert_nonnull (item);
  g_strlcpy (buf, awp_queue_item_get_number (item), sizeof buf);
  return buf;
}

static void
assert_numbers (GListModel *model, const char *expected)
{
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_string_append_printf (got, "%s%s", i ? " " : "", number_at (model, i));
  g_assert_cmpstr (got->str, ==, expected);
}

static void
test_filters (StoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = add (f, "A", "Жол жөндеу", "2026-03-10");      /* overdue */
  g_autofree char *b = add (f, "B", "Мектеп", "2026-03-20");          /* due today */
  g_autofree char *c = add (f, "C", "Көше жарығы", "2026-03-22");     /* this week */
  g_autofree char *d = add (f, "D", "Отопление", "2026-03-30");       /* later */
  g_autofree char *e = add (f, "E", "Жол белгілері", "2026-03-12");   /* overdue, then forwarded */
  g_autofree char *g = add (f, "G", "Мусор", "2026-03-11");           /* answered late */
  g_autoptr(AwpQueryModel) model = awp_query_model_new (f->store, "blog_request");
  GListModel *list = G_LIST_MODEL (model);
  g_autoptr(JsonObject) late = json_obj ("{\"answered_on\":\"2026-03-13\",\"answer\":\"Шығарылды\"}");
  g_autoptr(AwpQueueItem) item = NULL;

  g_assert_true (awp_store_transition (f->store, e, "forward", NULL, "op", &error));
  g_assert_true (awp_store_transition (f->store, g, "accept", NULL, "op", &error));
  g_assert_true (awp_store_transition (f->store, g, "answer", late, "op", &error));
  g_assert_no_error (error);

  g_assert_true (g_list_model_get_item_type (list) == AWP_TYPE_QUEUE_ITEM);
  awp_query_model_set_sort (model, AWP_QUEUE_SORT_NUMBER, FALSE);
  assert_numbers (list, "A B C D E G");
  /* Forwarded, E is due by the forward's period (O145-4.2, 3 wd from its
   * receipt), the earliest of all. */
  awp_query_model_set_sort (model, AWP_QUEUE_SORT_DUE, FALSE);
  assert_numbers (list, "E A G B C D");
  awp_query_model_set_sort (model, AWP_QUEUE_SORT_DUE, TRUE);
  assert_numbers (list, "D C B G A E");

  awp_query_model_set_sort (model, AWP_QUEUE_SORT_NUMBER, FALSE);
  awp_query_model_set_filter (model, AWP_QUEUE_FILTER_OVERDUE);
  assert_numbers (list, "A");
  awp_query_model_set_filter (model, AWP_QUEUE_FILTER_DUE_TODAY);
  assert_numbers (list, "B");
  awp_query_model_set_filter (model, AWP_QUEUE_FILTER_DUE_THIS_WEEK);
  assert_numbers (list, "B C");
  awp_query_model_set_filter (model, AWP_QUEUE_FILTER_FORWARDED);
  assert_numbers (list, "E");
  awp_query_model_set_filter (model, AWP_QUEUE_FILTER_ANSWERED_LATE);
  assert_numbers (list, "G");
  awp_query_model_set_filter (model, AWP_QUEUE_FILTER_ALL);
  awp_query_model_set_status (model, "received");
  assert_numbers (list, "A B C D");
  awp_query_model_set_status (model, NULL);
  awp_query_model_set_search (model, "жол");
  assert_numbers (list, "A E");
  awp_query_model_set_search (model, "ЖОЛ БЕЛГ");
  assert_numbers (list, "E");
  awp_query_model_set_search (model, "");
  assert_numbers (list, "A B C D E G");
  g_assert_null (awp_query_model_get_error (model));

  item = g_list_model_get_item (list, 0);
  g_assert_cmpstr (awp_queue_item_get_id (item), ==, a);
  g_assert_cmpstr (awp_queue_item_get_subject (item), ==, "Жол жөндеу");
  g_assert_cmpstr (awp_queue_item_get_requester (item), ==, "Айгүл Сәрсенова");
  g_assert_cmpstr (awp_queue_item_get_received (item), ==, "2026-03-02");
  g_assert_cmpstr (awp_queue_item_get_due_on (item), ==, "2026-03-10");
  g_assert_cmpstr (awp_queue_item_get_status (item), ==, "received");
  g_assert_cmpstr (awp_queue_item_get_auth_method (item), ==, "egov");
  g_assert_cmpint (awp_queue_item_get_days_left (item), ==, -10);
  g_assert_false (awp_queue_item_get_closed (item));
  g_assert_null (g_list_model_get_item (list, 6));
  (void) b; (void) c; (void) d;
}

static void
test_items_changed (StoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *b = add (f, "B", "Екінші", "2026-03-25");
  g_autofree char *d = add (f, "D", "Төртінші", "2026-03-27");
  g_autoptr(AwpQueryModel) model = awp_query_model_new (f->store, "blog_request");
  GListModel *list = G_LIST_MODEL (model);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autofree char *c = NULL;
  g_autoptr(JsonObject) move = json_obj ("{\"due_on\":\"2026-03-24\"}");
  g_autoptr(JsonObject) retitle = json_obj ("{\"subject\":\"Екінші өзгертілген\"}");
  Change *ch;

  awp_query_model_set_sort (model, AWP_QUEUE_SORT_DUE, FALSE);
  awp_query_model_set_filter (model, AWP_QUEUE_FILTER_ALL);
  assert_numbers (list, "B D");
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), log);

  /* Insert: created (due from the rules), then its due date set. */
  c = add (f, "C", "Үшінші", "2026-03-26");
  assert_numbers (list, "B C D");
  /* One insertion, then one in-place change or a move (remove + add). */
  g_assert_cmpuint (log->len, >=, 2);
  g_assert_cmpuint (log->len, <=, 3);
  ch = &g_array_index (log, Change, 0);
  g_assert_cmpuint (ch->removed, ==, 0);
  g_assert_cmpuint (ch->added, ==, 1);
  ch = &g_array_index (log, Change, log->len - 1);
  g_assert_cmpuint (ch->position, ==, 1);
  g_assert_cmpuint (ch->added, ==, 1);
  g_array_set_size (log, 0);

  /* Update in place: one change at its position. */
  g_assert_true (awp_store_update (f->store, b, retitle, "op", &error));
  g_assert_cmpuint (log->len, ==, 1);
  ch = &g_array_index (log, Change, 0);
  g_assert_cmpuint (ch->position, ==, 0);
  g_assert_cmpuint (ch->removed, ==, 1);
  g_assert_cmpuint (ch->added, ==, 1);
  g_array_set_size (log, 0);

  /* Update that moves D (last) to the front. */
  g_assert_true (awp_store_update (f->store, d, move, "op", &error));
  assert_numbers (list, "D B C");
  g_assert_cmpuint (log->len, ==, 2);
  ch = &g_array_index (log, Change, 0);
  g_assert_cmpuint (ch->position, ==, 2);
  g_assert_cmpuint (ch->removed, ==, 1);
  ch = &g_array_index (log, Change, 1);
  g_assert_cmpuint (ch->position, ==, 0);
  g_assert_cmpuint (ch->added, ==, 1);
  g_array_set_size (log, 0);

  /* Leaving the filter is a removal. */
  awp_query_model_set_status (model, "received");
  g_array_set_size (log, 0);
  g_assert_true (awp_store_transition (f->store, c, "forward", NULL, "op", &error));
  assert_numbers (list, "D B");
  g_assert_cmpuint (log->len, ==, 1);
  ch = &g_array_index (log, Change, 0);
  g_assert_cmpuint (ch->position, ==, 2);
  g_assert_cmpuint (ch->removed, ==, 1);
  g_assert_cmpuint (ch->added, ==, 0);
  g_array_set_size (log, 0);

  /* Delete. */
  g_assert_true (awp_store_delete (f->store, d, "op", &error));
  g_assert_no_error (error);
  assert_numbers (list, "B");
  g_assert_cmpuint (log->len, ==, 1);
  ch = &g_array_index (log, Change, 0);
  g_assert_cmpuint (ch->position, ==, 0);
  g_assert_cmpuint (ch->removed, ==, 1);
  g_array_set_size (log, 0);

  /* A failed change rolls back and the view starts over, still right. */
  raw_exec (f->path, "CREATE TRIGGER inject BEFORE INSERT ON audit BEGIN SELECT RAISE (ABORT, 'injected'); END");
  g_assert_false (awp_store_update (f->store, b, move, "op", &error));
  g_clear_error (&error);
  assert_numbers (list, "B");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
}

static void
test_paging (StoreFixture *f, gconstpointer data)
{
  g_autoptr(AwpQueryModel) model = NULL;
  GListModel *list;
  guint n = AWP_QUERY_MODEL_PAGE * 2 + 17;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *num = g_strdup_printf ("N%05u", i);
      g_autofree char *id = add (f, num, "Бет", "2026-04-01");
      g_assert_nonnull (id);
    }
  model = awp_query_model_new (f->store, "blog_request");
  list = G_LIST_MODEL (model);
  awp_query_model_set_sort (model, AWP_QUEUE_SORT_NUMBER, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  g_assert_cmpstr (number_at (list, 0), ==, "N00528");
  g_assert_cmpstr (number_at (list, AWP_QUERY_MODEL_PAGE), ==, "N00272");
  g_assert_cmpstr (number_at (list, n - 1), ==, "N00000");
  g_assert_cmpstr (number_at (list, AWP_QUERY_MODEL_PAGE - 1), ==, "N00273");
  g_assert_null (g_list_model_get_item (list, n));
  /* Items are the same objects while their page is cached. */
  {
    g_autoptr(GObject) x = g_list_model_get_item (list, 3);
    g_autoptr(GObject) y = g_list_model_get_item (list, 3);

    g_assert_true (x == y);
  }
}

/* A search with thousands of hits pages through the sort index; with a
 * few it sorts the hits. Both give every hit once, in order. */
static void
check_search_pages (StoreFixture *f, AwpQueryModel *model, const char *query, const char *match)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM record_fts f JOIN record r ON r.rid = f.rowid"
                                          " WHERE record_fts MATCH '%s' AND r.type = 'blog_request'", match);
  gint64 expected = raw_count (f->path, sql);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *last = NULL;
  guint n;

  awp_query_model_set_search (model, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpint (n, ==, expected);
  g_assert_cmpint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AwpQueueItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_nonnull (item);
      g_assert_true (g_hash_table_add (seen, g_strdup (awp_queue_item_get_id (item))));
      if (last != NULL)
        g_assert_cmpstr (awp_queue_item_get_received (item), <=, last);
      g_free (last);
      last = g_strdup (awp_queue_item_get_received (item));
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n));
}

static void
test_search_pages (StoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpQueryModel) model = NULL;

  g_assert_true (awp_seed_run (f->store, 10000, 9, &error));
  g_assert_no_error (error);
  model = awp_query_model_new (f->store, "blog_request");
  /* Over 2000 hits: in about a quarter of the requests. */
  check_search_pages (f, model, "прошу", "\"прошу\"*");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 2000);
  /* A few hundred. */
  check_search_pages (f, model, "отопление ульба", "\"отопление\"* \"ульба\"*");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), <, 2000);
}

int
main (int argc, char *argv[])
{
  g_setenv ("AWP_TODAY", "2026-03-20", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/query-model/" name, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)
  ADD ("filters", test_filters);
  ADD ("items-changed", test_items_changed);
  ADD ("paging", test_paging);
  ADD ("search-pages", test_search_pages);
  return g_test_run ();
}

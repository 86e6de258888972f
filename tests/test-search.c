#include "config.h"

#include <string.h>

#include "awp-search.h"
#include "awp-test-store.h"

/* Full-text search in Kazakh and Russian: case across the Kazakh letters,
 * look-alike letters, prefixes, ranking and highlight markers. */

static char *
add_request (StoreFixture *f, const char *subject, const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = json_object_new ();
  char *id;

  json_object_set_string_member (data, "subject", subject);
  json_object_set_string_member (data, "text", text);
  json_object_set_string_member (data, "received_on", "2026-03-02");
  id = awp_store_create (f->store, "blog_request", data, "op", &error);
  g_assert_no_error (error);
  return id;
}

static GPtrArray *
search (StoreFixture *f, const char *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = awp_search_run (f->store, query, 50, &error);

  g_assert_no_error (error);
  return hits;
}

static void
expect_hit (StoreFixture *f, const char *query, const char *id)
{
  g_autoptr(GPtrArray) hits = search (f, query);

  if (hits->len != 1)
    g_error ("query “%s”: %u hits", query, hits->len);
  g_assert_cmpstr (((AwpSearchHit *) hits->pdata[0])->id, ==, id);
}

static void
test_fold (void)
{
  static const char *const cases[][2] = {
    { "ə", "ә" }, { "Ə", "Ә" },
    { "бiлiм", "білім" }, { "Iле", "Іле" },            /* Latin i inside Cyrillic words */
    { "iPhone", "iPhone" }, { "Wi-Fi", "Wi-Fi" },    /* Latin words stay */
    { "шаhар", "шаһар" }, { "ёлка Ёж", "елка Еж" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = awp_search_fold (cases[i][0]);

      g_assert_cmpstr (out, ==, cases[i][1]);
    }
  {
    g_autofree char *bad = awp_search_fold ("a\xff\xfe");

    g_assert_true (g_utf8_validate (bad, -1, NULL));
  }
}

static void
test_match_expr (void)
{
  g_autofree char *a = awp_search_match_expr ("  әкім \"OR\" NEAR( жол* ");
  g_autofree char *b = awp_search_match_expr ("\"*()");

  g_assert_cmpstr (a, ==, "\"әкім\"* \"OR\"* \"NEAR\"* \"жол\"*");
  g_assert_null (b);
}

static void
test_kazakh_case (StoreFixture *f, gconstpointer data)
{
  g_autofree char *a = add_request (f, "ӘКІМДІКТІҢ ЖҰМЫСЫ", "Ғимараттың қасбеті, ҚҰРЫЛЫС, ҢҮӨҺ");
  g_autofree char *b = add_request (f, "Жалоба на ЖКХ", "Не работает отопление в школе");

  expect_hit (f, "әкімдіктің", a);
  expect_hit (f, "ӘКІМДІКТІҢ", a);
  expect_hit (f, "ғимараттың", a);
  expect_hit (f, "құрылыс", a);
  expect_hit (f, "ңүөһ", a);
  expect_hit (f, "ОТОПЛЕНИЕ", b);
  expect_hit (f, "жкх", b);
}

static void
test_lookalikes (StoreFixture *f, gconstpointer data)
{
  /* Stored with look-alikes, found with the real letters, and the reverse. */
  g_autofree char *a = add_request (f, "Бiлiм беру", "Мектептегi жағдай");
  g_autofree char *b = add_request (f, "Ерёмин просит", "əкімшілік");

  expect_hit (f, "білім", a);
  expect_hit (f, "бiлiм", a);
  expect_hit (f, "мектептегі", a);
  expect_hit (f, "еремин", b);
  expect_hit (f, "әкімшілік", b);
  expect_hit (f, "Әкімшілік", b);
}

static void
test_prefix_and_words (StoreFixture *f, gconstpointer data)
{
  g_autofree char *a = add_request (f, "Қоғамдық көлік", "Автобус бағыттары");
  g_autofree char *b = add_request (f, "Общественный транспорт", "Маршруты автобусов в Астане");
  g_autoptr(GPtrArray) both = NULL;
  g_autoptr(GPtrArray) none = NULL;

  expect_hit (f, "қоғам", a);
  expect_hit (f, "транс", b);
  both = search (f, "автобус");
  g_assert_cmpuint (both->len, ==, 2);
  /* Two words: both must occur. */
  expect_hit (f, "автобус астан", b);
  none = search (f, "автобус қоғам астан");
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_ranking_highlight (StoreFixture *f, gconstpointer data)
{
  g_autofree char *body_only = add_request (f, "Вопрос по дороге", "Прошу отремонтировать дорогу; также прошу проверить мост");
  g_autofree char *subject = add_request (f, "Ремонт моста через Есиль", "Мост в аварийном состоянии");
  g_autoptr(GPtrArray) hits = search (f, "мост");
  AwpSearchHit *first;

  g_assert_nonnull (body_only);
  g_assert_cmpuint (hits->len, ==, 2);
  first = hits->pdata[0];
  /* The subject weighs more than the body. */
  g_assert_cmpstr (first->id, ==, subject);
  g_assert_true (first->rank <= ((AwpSearchHit *) hits->pdata[1])->rank);
  g_assert_cmpstr (first->subject, ==, "Ремонт [моста] через Есиль");
  g_assert_nonnull (strstr (first->snippet, "[Мост]"));
  g_assert_nonnull (strstr (((AwpSearchHit *) hits->pdata[1])->snippet, "[мост]"));
}

static void
test_update_reindexes (StoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = add_request (f, "Көше жарығы", "Шам жанбайды");
  g_autoptr(JsonObject) answer = json_obj ("{\"answer\":\"Шамдар ауыстырылды\"}");
  g_autoptr(GPtrArray) gone = NULL;

  g_assert_true (awp_store_transition (f->store, a, "accept", NULL, "op", &error));
  g_assert_true (awp_store_transition (f->store, a, "answer", answer, "op", &error));
  g_assert_no_error (error);
  expect_hit (f, "ауыстырылды", a);
  g_assert_true (awp_store_delete (f->store, a, "op", &error));
  gone = search (f, "ауыстырылды");
  g_assert_cmpuint (gone->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/fold", test_fold);
  g_test_add_func ("/search/match-expr", test_match_expr);
#define ADD(name, func) g_test_add ("/search/" name, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)
  ADD ("kazakh-case", test_kazakh_case);
  ADD ("lookalikes", test_lookalikes);
  ADD ("prefix-and-words", test_prefix_and_words);
  ADD ("ranking-highlight", test_ranking_highlight);
  ADD ("update-reindexes", test_update_reindexes);
  return g_test_run ();
}

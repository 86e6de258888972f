#include "config.h"

#include <string.h>

#include "awp-conference-template.h"
#include "awp-due.h"
#include "awp-ratings.h"
#include "awp-meeting.h"
#include "awp-seed.h"
#include "awp-survey-template.h"
#include "awp-test-store.h"

/* The demo data is what a newcomer learns on: every generated record must
 * have the shape the workspaces expect and dates the rules give. Read back
 * through a plain SQLite connection, as written. */

#define N_REQUESTS 300

static GPtrArray *
records_of (StoreFixture *f, const char *type)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT data FROM record WHERE type = ? ORDER BY rid", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) node = json_from_string ((const char *) sqlite3_column_text (stmt, 0), NULL);

      g_assert_nonnull (node);
      g_ptr_array_add (out, json_object_ref (json_node_get_object (node)));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return out;
}

static void
parse (const char *text, GDate *date)
{
  g_assert_nonnull (text);
  g_assert_true (awp_calendar_parse_date (text, "date", date, NULL));
}

static char *
iso (const GDate *d)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (d), g_date_get_month (d), g_date_get_day (d));
}

typedef struct
{
  StoreFixture sf;
  AwpCalendar *calendar;
  AwpRuleSet  *rules;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  store_fixture_setup (&f->sf, data);
  g_assert_true (awp_seed_run (f->sf.store, N_REQUESTS, 7, &error));
  g_assert_no_error (error);
  f->calendar = awp_calendar_new_default (&error);
  g_assert_no_error (error);
  f->rules = awp_rule_set_new_default (&error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->calendar);
  g_clear_object (&f->rules);
  store_fixture_teardown (&f->sf, data);
}

/* O145-5.2: the extended due date is awp_deadline_extend of the original
 * one, and the notice to the user a deadline 3 wd from the extension. */
static void
test_extended (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) requests = records_of (&f->sf, "blog_request");
  guint extended = 0, waiting_notice = 0;

  g_assert_cmpuint (requests->len, ==, N_REQUESTS);
  for (guint i = 0; i < requests->len; i++)
    {
      JsonObject *r = requests->pdata[i];
      JsonObject *deadlines = json_object_get_object_member (r, "deadlines");
      AwpDeadline want, notice;
      GDate original, on;
      g_autofree char *want_text = NULL;
      g_autofree char *notice_text = NULL;

      if (!g_str_equal (json_object_get_string_member (r, "status"), "extended"))
        continue;
      extended++;
      g_assert_cmpint (json_object_get_int_member (r, "times_extended"), ==, 1);
      g_assert_nonnull (json_object_get_string_member_with_default (r, "extend_reason", NULL));
      parse (json_object_get_string_member (deadlines, "answer_by"), &original);
      parse (json_object_get_string_member (r, "extended_on"), &on);
      g_assert_true (awp_deadline_extend (f->rules, f->calendar, "O145-5.2", &original,
                                          (int) json_object_get_int_member (r, "extend_days"), 0, &want, NULL));
      want_text = iso (&want.date);
      g_assert_cmpstr (json_object_get_string_member (r, "due_on"), ==, want_text);
      g_assert_cmpstr (json_object_get_string_member (r, "due_on"), >, json_object_get_string_member (deadlines, "answer_by"));
      g_assert_true (awp_deadline_compute (f->rules, f->calendar, "O145-5.2/notice", &on, &notice, NULL));
      notice_text = iso (&notice.date);
      g_assert_cmpstr (json_object_get_string_member (deadlines, "notice_by"), ==, notice_text);
      if (!json_object_has_member (r, "user_notified_on"))
        waiting_notice++;
    }
  g_assert_cmpuint (extended, >, 0);
  g_test_message ("%u extended, %u waiting for the notice", extended, waiting_notice);
  g_assert_cmpuint (waiting_notice, >, 0);
}

/* O145-6: Like or Dislike, a Dislike always with its reason. */
static void
test_ratings (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) requests = records_of (&f->sf, "blog_request");
  guint likes = 0, dislikes = 0;

  for (guint i = 0; i < requests->len; i++)
    {
      JsonObject *r = requests->pdata[i];
      JsonNode *node = json_object_get_member (r, "rating");
      JsonObject *rating;
      const char *value;

      if (node == NULL)
        continue;
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      g_assert_cmpstr (json_object_get_string_member (r, "status"), ==, "answered");
      rating = json_node_get_object (node);
      value = json_object_get_string_member (rating, "value");
      g_assert_nonnull (json_object_get_string_member_with_default (rating, "rated_on", NULL));
      if (g_str_equal (value, "like"))
        {
          likes++;
          g_assert_false (json_object_has_member (rating, "reason"));
        }
      else
        {
          g_assert_cmpstr (value, ==, "dislike");
          g_assert_cmpuint (strlen (json_object_get_string_member (rating, "reason")), >, 0);
          dislikes++;
        }
    }
  g_assert_cmpuint (likes, >, 0);
  g_assert_cmpuint (dislikes, >, 0);
}

/* O145-10: some wait for the decision (5 wd from receipt), some decided. */
static void
test_applications (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) apps = records_of (&f->sf, "conference_application");
  guint received = 0, decided = 0;

  g_assert_cmpuint (apps->len, >=, 6);
  for (guint i = 0; i < apps->len; i++)
    {
      JsonObject *a = apps->pdata[i];
      AwpDeadline due;
      GDate on;
      g_autofree char *due_text = NULL;

      parse (json_object_get_string_member (a, "received_on"), &on);
      g_assert_true (awp_deadline_compute (f->rules, f->calendar, "O145-10.2", &on, &due, NULL));
      due_text = iso (&due.date);
      g_assert_cmpstr (json_object_get_string_member (a, "due_on"), ==, due_text);
      if (g_str_equal (json_object_get_string_member (a, "status"), "received"))
        received++;
      else
        decided++;
    }
  g_assert_cmpuint (received, >, 0);
  g_assert_cmpuint (decided, >, 0);
}

/* Order 605: every seeded meeting passes the planner's own checks, and its
 * deadlines are the rules'. */
static void
test_meetings (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) meetings = records_of (&f->sf, "meeting");

  g_assert_cmpuint (meetings->len, >, 0);
  for (guint i = 0; i < meetings->len; i++)
    {
      JsonObject *m = meetings->pdata[i];
      g_autoptr(JsonObject) copy = json_object_ref (m);
      g_autoptr(GError) error = NULL;
      g_autofree char *before = g_strdup (json_object_get_string_member (json_object_get_object_member (m, "deadlines"), "announce_by"));

      awp_meeting_validate (m, &error);
      g_assert_no_error (error);
      g_assert_true (awp_meeting_fill_deadlines (f->rules, f->calendar, copy, &error));
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (copy, "deadlines"), "announce_by"), ==, before);
      if (!json_object_get_boolean_member (m, "closed"))
        {
          g_autofree char *kk = awp_meeting_announcement (m, "kk", &error);

          g_assert_no_error (error);
          g_assert_nonnull (kk);
        }
    }
}

/* Annexes 1 and 2: no field of a seeded template has a problem. */
static void
test_templates (Fixture *f, gconstpointer data)
{
  static const char *const types[] = { "conference", "survey" };
  AwpTemplateContext ctx;
  g_autoptr(GError) error = NULL;

  g_assert_true (awp_template_context_init (&ctx, f->sf.store, NULL, &error));
  g_assert_no_error (error);
  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GPtrArray) records = records_of (&f->sf, types[t]);

      g_assert_cmpuint (records->len, >, 0);
      for (guint i = 0; i < records->len; i++)
        {
          g_autoptr(GPtrArray) issues = t == 0 ? awp_conference_template_validate (records->pdata[i], &ctx)
                                               : awp_survey_template_validate (records->pdata[i], &ctx);

          for (guint k = 0; k < issues->len; k++)
            g_test_message ("%s %u: %s", types[t], i, ((AwpFieldError *) issues->pdata[k])->message);
          g_assert_cmpuint (issues->len, ==, 0);
        }
    }
}

/* Today's other deadlines: one per running norm of each record, with the
 * rules' dates; the window picks them by due date. */
static void
test_due (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = awp_due_collect (f->sf.store, NULL, "2026-12-31", AWP_DUE_INCLUDE_REQUESTS, &error);
  g_autoptr(GPtrArray) window = awp_due_collect (f->sf.store, "2026-11-20", "2026-11-21", AWP_DUE_DEFAULT, &error);
  g_autoptr(GPtrArray) meetings = records_of (&f->sf, "meeting");
  g_autoptr(GHashTable) norms = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      AwpDueItem *due = all->pdata[i];

      g_hash_table_add (norms, (gpointer) due->norm);
      g_assert_nonnull (awp_due_type_workspace (due->type));
      if (i > 0)
        g_assert_cmpstr (((AwpDueItem *) all->pdata[i - 1])->due_on, <=, due->due_on);
    }
  g_assert_true (g_hash_table_contains (norms, "O145-5.1"));
  g_assert_true (g_hash_table_contains (norms, "O145-5.2/notice"));
  g_assert_true (g_hash_table_contains (norms, "O145-10.2"));
  g_assert_true (g_hash_table_contains (norms, "O605-8"));
  g_assert_true (g_hash_table_contains (norms, "O605-14"));
  g_assert_true (g_hash_table_contains (norms, "O145-7"));
  g_assert_true (g_hash_table_contains (norms, "O145-8.1"));
  /* A planned open meeting's announcement is due on its "announce_by". */
  for (guint i = 0; i < meetings->len; i++)
    {
      JsonObject *m = meetings->pdata[i];
      const char *by = json_object_get_string_member (json_object_get_object_member (m, "deadlines"), "announce_by");
      gboolean found = FALSE;

      if (!g_str_equal (json_object_get_string_member (m, "status"), "planned")
          || json_object_get_boolean_member (m, "closed") || strcmp (by, "2026-12-31") > 0)
        continue;
      for (guint k = 0; k < all->len; k++)
        {
          AwpDueItem *due = all->pdata[k];

          found |= g_str_equal (due->norm, "O605-8") && g_str_equal (due->due_on, by);
        }
      g_assert_true (found);
    }
  /* The window bounds both ends, and leaves out the requests' answers. */
  for (guint i = 0; i < window->len; i++)
    {
      AwpDueItem *due = window->pdata[i];

      g_assert_cmpstr (due->due_on, >=, "2026-11-20");
      g_assert_cmpstr (due->due_on, <=, "2026-11-21");
      g_assert_cmpstr (due->norm, !=, "O145-5.1");
    }
}

static void
on_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* O145-6 overview: the store's aggregation agrees with counting the
 * records one by one; a range leaves out the months outside it. */
static void
test_ratings_overview (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpRatingsOverview) all = awp_ratings_overview_load (f->sf.store, NULL, "2026-12", &error);
  g_autoptr(AwpRatingsOverview) part = NULL;
  g_autoptr(GPtrArray) requests = records_of (&f->sf, "blog_request");
  g_autoptr(GHashTable) late_in = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint likes = 0, dislikes = 0, on_time = 0, late = 0, reasons = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < requests->len; i++)
    {
      JsonObject *r = requests->pdata[i];
      const char *answered = json_object_get_string_member_with_default (r, "answered_on", NULL);
      JsonNode *rating = json_object_get_member (r, "rating");

      if (answered != NULL)
        {
          gboolean is_late = strcmp (answered, json_object_get_string_member (r, "due_on")) > 0;
          g_autofree char *month = g_strndup (answered, 7);

          if (is_late)
            {
              late++;
              g_hash_table_insert (late_in, g_strdup (month),
                                   GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (late_in, month)) + 1));
            }
          else
            on_time++;
        }
      if (rating != NULL)
        {
          if (g_str_equal (json_object_get_string_member (json_node_get_object (rating), "value"), "like"))
            likes++;
          else
            dislikes++;
        }
    }
  g_assert_cmpuint (all->likes, ==, likes);
  g_assert_cmpuint (all->dislikes, ==, dislikes);
  g_assert_cmpuint (all->on_time, ==, on_time);
  g_assert_cmpuint (all->late, ==, late);
  g_assert_cmpuint (late, >, 0);
  for (guint i = 0; i < all->reasons->len; i++)
    {
      AwpDislikeReason *r = all->reasons->pdata[i];

      reasons += r->count;
      if (i > 0)
        g_assert_cmpuint (((AwpDislikeReason *) all->reasons->pdata[i - 1])->count, >=, r->count);
    }
  g_assert_cmpuint (reasons, ==, dislikes);
  for (guint i = 0; i < all->months->len; i++)
    {
      AwpRatingMonth *m = &g_array_index (all->months, AwpRatingMonth, i);

      g_assert_cmpuint (m->late, ==, GPOINTER_TO_UINT (g_hash_table_lookup (late_in, m->month)));
      if (i > 0)
        g_assert_cmpstr (g_array_index (all->months, AwpRatingMonth, i - 1).month, <, m->month);
    }

  /* The same figures from the worker thread's own connection. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(AwpRatingsOverview) async = NULL;

    awp_ratings_overview_load_async (f->sf.store, NULL, "2026-12", NULL, on_result, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    async = awp_ratings_overview_load_finish (f->sf.store, result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (async->likes, ==, all->likes);
    g_assert_cmpuint (async->late, ==, all->late);
    g_assert_cmpuint (async->months->len, ==, all->months->len);
    g_assert_cmpuint (async->reasons->len, ==, all->reasons->len);
  }

  part = awp_ratings_overview_load (f->sf.store, "2026-01", "2026-06", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (part->months->len, ==, 6);
  g_assert_cmpstr (g_array_index (part->months, AwpRatingMonth, 0).month, ==, "2026-01");
  g_assert_cmpuint (part->likes + part->dislikes, <, all->likes + all->dislikes);
}

/* The same seed gives the same data, ids included. */
static void
test_deterministic (Fixture *f, gconstpointer data)
{
  StoreFixture other;
  g_autoptr(GError) error = NULL;
  static const char *const types[] = { "blog_request", "meeting", "conference", "survey", "conference_application" };

  store_fixture_setup (&other, NULL);
  g_assert_true (awp_seed_run (other.store, N_REQUESTS, 7, &error));
  g_assert_no_error (error);
  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GPtrArray) a = records_of (&f->sf, types[t]);
      g_autoptr(GPtrArray) b = records_of (&other, types[t]);

      g_assert_cmpuint (a->len, ==, b->len);
      for (guint i = 0; i < a->len; i++)
        g_assert_true (json_object_equal (a->pdata[i], b->pdata[i]));
    }
  store_fixture_teardown (&other, NULL);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn) g_test_add ("/seed/" name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("extended", test_extended);
  ADD ("ratings", test_ratings);
  ADD ("applications", test_applications);
  ADD ("meetings", test_meetings);
  ADD ("templates", test_templates);
  ADD ("deterministic", test_deterministic);
  ADD ("due", test_due);
  ADD ("ratings-overview", test_ratings_overview);
  return g_test_run ();
}

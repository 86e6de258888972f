#include "config.h"

#include "awp-deadline.h"

/* Statutory deadlines (shared/regulations/README.md) over 2022-2027, both
 * directions, year boundaries, rule versions, extensions, re-announcements,
 * recomputation on a calendar update and bad rule data. Every expected date
 * was counted by hand on the calendar of shared/kz-facts.md; the comment on
 * each case shows the count. */

static GDate
D (const char *iso)
{
  GDate d;

  g_assert_true (awp_calendar_parse_date (iso, "test", &d, NULL));
  return d;
}

static char *
iso (const GDate *d)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (d), g_date_get_month (d), g_date_get_day (d));
}

typedef struct
{
  AwpCalendar *cal;
  AwpRuleSet  *rules;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->cal = awp_calendar_new_default (&error);
  g_assert_no_error (error);
  f->rules = awp_rule_set_new_default (&error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->rules);
  g_assert_finalize_object (f->cal);
}

/* expect: YYYY-MM-DD, or NULL with the error code in err. */
static const struct { const char *norm, *date, *expect; int err; } cases[] = {
  /* O145-4.2: within 3 wd */
  { "O145-4.2", "2025-12-29", "2026-01-05" },  /* 30, 31 | 1, 2 Jan hol, 3-4 wknd | 5 */
  { "O145-4.2", "2024-05-02", "2024-05-06" },  /* 3, Sat 4 (working), 6 */
  { "O145-4.2", "2024-03-20", "2024-03-28" },  /* 21, 22 hol, 23-24, 25 moved | 26, 27, 28 */
  { "O145-4.2", "2026-03-20", "2026-03-30" },  /* 23 hol, 24, 25 moved | 26, 27, 30 */
  { "O145-4.2", "2025-01-02", "2025-01-08" },  /* 3 off, Sun 5 (working), 6, 7 hol, 8 */
  { "O145-4.2", "2026-01-03", "2026-01-08" },  /* event on a Saturday: 5, 6, 7 hol, 8 */
  { "O145-4.2", "2023-03-26", NULL, AWP_DEADLINE_ERROR_NOT_IN_FORCE }, /* before Order 95 */
  { "O145-4.2", "2023-03-27", "2023-03-30" },  /* 28, 29, 30 */
  /* O145-4.3: within 1 wd */
  { "O145-4.3", "2025-12-31", "2026-01-05" },
  { "O145-4.3", "2024-12-31", "2025-01-05" },  /* working Sunday */
  { "O145-4.3", "2023-12-29", "2024-01-03" },
  { "O145-4.3", "2024-07-05", "2024-07-09" },  /* 6 Jul Sat → Mon 8 off */
  { "O145-4.3", "2024-05-03", "2024-05-04" },
  { "O145-4.3", "2023-06-30", "2023-07-01" },  /* working Saturday 1 Jul 2023 */
  { "O145-4.3", "2023-07-06", "2023-07-10" },  /* Fri 7 Jul off by transfer */
  { "O145-4.3", "2025-03-07", "2025-03-11" },  /* 8 Mar Sat → Mon 10 */
  { "O145-4.3", "2026-05-26", "2026-05-28" },  /* Kurban ait 27 May */
  { "O145-4.3", "2025-06-05", "2025-06-09" },  /* Kurban ait 6 Jun */
  { "O145-4.3", "2025-08-29", "2025-09-02" },  /* 30 Aug Sat → Mon 1 Sep */
  { "O145-4.3", "2026-08-28", "2026-08-31" },  /* no 30 Aug in 2026 */
  { "O145-4.3", "2025-10-24", "2025-10-28" },  /* 25 Oct Sat → Mon 27 */
  { "O145-4.3", "2026-10-23", "2026-10-27" },  /* 25 Oct Sun → Mon 26 */
  { "O145-4.3", "2026-12-15", "2026-12-17" },
  { "O145-4.3", "2026-05-08", "2026-05-12" },  /* 9 May Sat → Mon 11 */
  { "O145-4.3", "2026-03-06", "2026-03-10" },  /* 8 Mar Sun → Mon 9 */
  { "O145-4.3", "2027-12-31", "2028-01-05" },  /* into a generated year */
  { "O145-4.3", "2027-03-12", "2027-03-16" },  /* Constitution Day 15 Mar 2027 */
  { "O145-4.3", "2025-01-06", "2025-01-08" },
  { "O145-4.3", "2024-01-05", "2024-01-08" },  /* 7 Jan Sunday does not move */
  { "O145-4.3", "2024-06-14", "2024-06-17" },  /* Kurban ait Sunday does not move */
  { "O145-4.3", "2024-08-29", "2024-09-02" },  /* 30 Aug Fri */
  { "O145-4.3", "2023-12-15", "2023-12-19" },  /* 16 Dec Sat → Mon 18 */
  { "O145-4.3", "2024-12-13", "2024-12-17" },  /* 16 Dec Mon */
  { "O145-4.3", "2025-04-30", "2025-05-02" },
  { "O145-4.3", "2025-05-06", "2025-05-08" },
  { "O145-4.3", "2024-10-24", "2024-10-28" },
  { "O145-4.3", "2025-07-04", "2025-07-08" },  /* 6 Jul Sun → Mon 7 */
  /* O145-5.1: within 15 cd */
  { "O145-5.1", "2026-03-05", "2026-03-20" },
  { "O145-5.1", "2026-03-06", "2026-03-26" },  /* 21 Sat … 25 moved */
  { "O145-5.1", "2025-12-17", "2026-01-05" },  /* 1 Jan hol */
  { "O145-5.1", "2024-12-19", "2025-01-05" },  /* 3 Jan off, 4 Sat, Sun 5 working */
  { "O145-5.1", "2024-04-23", "2024-05-10" },  /* 8 May off, 9 hol */
  { "O145-5.1", "2024-04-19", "2024-05-04" },  /* lands on the working Saturday */
  { "O145-5.1", "2023-12-03", "2023-12-19" },  /* 18 Dec moved */
  { "O145-5.1", "2026-05-12", "2026-05-28" },  /* Kurban ait */
  { "O145-5.1", "2026-01-01", "2026-01-16" },
  { "O145-5.1", "2025-12-27", "2026-01-12" },  /* 11 Jan Sun → 12 */
  { "O145-5.1", "2022-12-31", NULL, AWP_DEADLINE_ERROR_NOT_IN_FORCE },
  /* O145-5.2: extended due date, at most 15 cd after the current one */
  { "O145-5.2", "2026-03-20", "2026-04-06" },  /* 4 Apr Sat */
  { "O145-5.2", "2025-12-22", "2026-01-06" },
  { "O145-5.2", "2025-12-17", "2026-01-05" },
  { "O145-5.2/notice", "2026-03-23", "2026-03-30" },  /* 24, 25 moved | 26, 27, 30 */
  { "O145-5.2/notice", "2025-05-06", "2025-05-13" },  /* 7 hol, 8, 9 hol, 12, 13 */
  /* O145-5.3: within 5 wd */
  { "O145-5.3", "2026-05-04", "2026-05-13" },  /* 5, 6, 8, 12, 13 */
  { "O145-5.3", "2024-05-02", "2024-05-13" },  /* 3, Sat 4, 6, 10, 13 */
  { "O145-5.3", "2025-12-26", "2026-01-06" },  /* 29, 30, 31, 5, 6 */
  /* O145-7: at least 3 wd before the start */
  { "O145-7", "2026-03-10", "2026-03-04" },    /* 9 moved, 8-7 | 6, 5, 4 */
  { "O145-7", "2025-01-06", "2024-12-30" },    /* Sun 5 (1), 3-1 off, 31 (2), 30 (3) */
  { "O145-7", "2026-01-05", "2025-12-29" },
  { "O145-7", "2024-05-06", "2024-05-02" },    /* Sat 4 (1), 3, 2 */
  { "O145-7", "2022-03-09", "2022-03-03" },    /* 8 hol, 7 off, Sat 5 (1), 4, 3 */
  { "O145-7", "2022-10-26", "2022-10-20" },    /* 25 hol, 24 off, Sat 22 (1), 21, 20 */
  { "O145-7", "2022-08-31", "2022-08-25" },    /* 30 hol, 29 off, Sat 27 (1), 26, 25 */
  { "O145-7", "2023-07-10", "2023-07-03" },    /* 7 off, 6 hol | 5, 4, 3 */
  { "O145-7", "2027-03-16", "2027-03-10" },    /* 15 hol | 12, 11, 10 */
  /* O145-8.1: at least 1 wd before the conference */
  { "O145-8.1", "2026-03-26", "2026-03-20" },
  { "O145-8.1", "2023-07-10", "2023-07-05" },
  { "O145-8.1", "2023-07-03", "2023-07-01" },  /* working Saturday */
  { "O145-8.1", "2022-01-05", "2021-12-31" },  /* into the generated 2021 */
  { "O145-8.1", "2025-01-06", "2025-01-05" },  /* working Sunday */
  /* O145-8.2: within 1 wd of the survey launch */
  { "O145-8.2", "2026-12-31", "2027-01-05" },  /* 1 hol, 2 Sat, 3, Mon 4 moved */
  { "O145-8.2", "2022-12-30", "2023-01-04" },  /* 2 Jan hol, 3 moved */
  /* O145-9.1: lasts at least 1 wd: earliest last day */
  { "O145-9.1", "2026-03-21", "2026-03-26" },
  { "O145-9.1", "2026-03-19", "2026-03-19" },
  { "O145-9.1", "2024-05-04", "2024-05-04" },  /* working Saturday counts */
  /* O145-10.2: within 5 wd */
  { "O145-10.2", "2025-03-19", "2025-03-31" }, /* 20, 26, 27, 28, 31 */
  { "O145-10.2", "2022-12-28", "2023-01-06" }, /* 29, 30 | 2 Jan hol, 3 moved | 4, 5, 6 */
  /* O145-11: lasts at least 10 wd */
  { "O145-11", "2027-05-03", "2027-05-19" },
  { "O145-11", "2026-03-02", "2026-03-16" },
  { "O145-11", "2024-04-29", "2024-05-15" },
  { "O145-11", "2025-12-22", "2026-01-06" },   /* 22-26 (5), 29-31 (8), 5, 6 (10) */
  /* O93: within 8, 2 and 3 wd */
  { "O93-5", "2024-12-25", "2025-01-09" },
  { "O93-5", "2024-03-01", NULL, AWP_DEADLINE_ERROR_NOT_IN_FORCE },
  { "O93-6", "2025-12-30", "2026-01-05" },
  { "O93-13", "2024-03-20", NULL, AWP_DEADLINE_ERROR_NOT_IN_FORCE },
  { "O93-13", "2025-03-20", "2025-03-28" },    /* 21 hol, 24, 25 moved | 26, 27, 28 */
  /* O605: before 3 / 2 wd, within 5 wd */
  { "O605-8", "2024-05-10", "2024-05-03" },    /* 9, 8, 7 off | 6, Sat 4, 3 */
  { "O605-8", "2024-04-01", NULL, AWP_DEADLINE_ERROR_NOT_IN_FORCE },
  { "O605-9", "2025-01-08", "2025-01-05" },    /* 7 hol | 6, Sun 5 */
  { "O605-9", "2026-01-05", "2025-12-30" },
  { "O605-14", "2025-12-26", "2026-01-06" },
  /* O118: by 1 March of the following year */
  { "O118-4", "2025-06-01", "2026-03-02" },    /* 1 Mar 2026 is a Sunday */
  { "O118-4", "2025-01-15", "2026-03-02" },    /* the version in force on 1 March 2026 */
  { "O118-5", "2026-12-31", "2027-03-01" },
  { "O118-4", "2027-07-01", "2028-03-01" },
  { "O118-4", "2024-05-01", NULL, AWP_DEADLINE_ERROR_NOT_IN_FORCE },
  /* Errors */
  { "O145-99", "2026-01-01", NULL, AWP_DEADLINE_ERROR_UNKNOWN_NORM },
  { "", "2026-01-01", NULL, AWP_DEADLINE_ERROR_UNKNOWN_NORM },
  { "O145-4.3", "2099-12-31", NULL, AWP_DEADLINE_ERROR_OUT_OF_RANGE },
};

static void
test_cases (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate d = D (cases[i].date);
      AwpDeadline dl;
      gboolean ok;

      g_test_message ("%s %s", cases[i].norm, cases[i].date);
      ok = awp_deadline_compute (f->rules, f->cal, cases[i].norm, &d, &dl, &error);
      if (cases[i].expect != NULL)
        {
          g_autofree char *got = NULL;

          g_assert_no_error (error);
          g_assert_true (ok);
          got = iso (&dl.date);
          g_assert_cmpstr (got, ==, cases[i].expect);
          g_assert_cmpstr (awp_rule_get_norm (dl.rule), ==, cases[i].norm);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, AWP_DEADLINE_ERROR, cases[i].err);
        }
    }
}

/* The version in force on the event date decides (Order 95 amended 145 on
 * 27.03.2023; 115-NK repealed it, in force 08.04.2025). */
static void
test_versions (Fixture *f, gconstpointer data)
{
  static const struct { const char *date; gint64 version; } v[] = {
    { "2022-06-01", 1 }, { "2023-03-26", 1 }, { "2023-03-27", 2 }, { "2025-04-07", 2 }, { "2025-04-08", 3 }, { "2027-01-01", 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (v); i++)
    {
      GDate d = D (v[i].date);
      const AwpRule *rule = awp_rule_set_lookup (f->rules, "O145-7", &d, NULL);

      g_assert_nonnull (rule);
      g_assert_cmpint (awp_rule_get_version (rule), ==, v[i].version);
      g_assert_cmpstr (awp_rule_get_rule_set (rule), ==, "order-145");
      g_assert_cmpint (awp_rule_get_kind (rule), ==, AWP_RULE_BEFORE);
      g_assert_cmpint (awp_rule_get_unit (rule), ==, AWP_RULE_WORKING_DAYS);
      g_assert_cmpint (awp_rule_get_length (rule), ==, 3);
      g_assert_cmpstr (awp_rule_get_starts (rule), ==, "start");
    }

  /* Every norm of the digest with a deadline is covered. */
  {
    g_auto(GStrv) norms = awp_rule_set_list_norms (f->rules);
    const char *expected[] = { "O118-4", "O118-5", "O145-10.2", "O145-11", "O145-4.2", "O145-4.3", "O145-5.1",
                               "O145-5.2", "O145-5.2/notice", "O145-5.3", "O145-7", "O145-8.1", "O145-8.2",
                               "O145-9.1", "O605-14", "O605-8", "O605-9", "O93-13", "O93-5", "O93-6", NULL };

    g_assert_cmpstrv (norms, expected);
  }
}

/* A rule set with a version that drops a norm: the norm is repealed from then on. */
static void
test_repeal (void)
{
  g_autoptr(AwpRuleSet) rules = awp_rule_set_new ();
  g_autoptr(GError) error = NULL;
  const char *v1 = "{\"rule_set\":\"t\",\"version\":1,\"effective_from\":\"2024-01-01\",\"source\":\"s\",\"rules\":["
                   "{\"norm\":\"T-1\",\"starts\":\"e\",\"kind\":\"within\",\"unit\":\"working-days\",\"length\":2,"
                   "\"description\":{\"kk\":\"a\",\"ru\":\"b\",\"en\":\"c\"}},"
                   "{\"norm\":\"T-2\",\"starts\":\"e\",\"kind\":\"within\",\"unit\":\"calendar-days\",\"length\":2,"
                   "\"description\":{\"kk\":\"a\",\"ru\":\"b\",\"en\":\"c\"}}]}";
  const char *v2 = "{\"rule_set\":\"t\",\"version\":2,\"effective_from\":\"2025-01-01\",\"source\":\"s\",\"rules\":["
                   "{\"norm\":\"T-1\",\"starts\":\"e\",\"kind\":\"within\",\"unit\":\"working-days\",\"length\":4,"
                   "\"description\":{\"kk\":\"a\",\"ru\":\"b\",\"en\":\"c\"}}]}";
  g_autoptr(GBytes) b1 = g_bytes_new_static (v1, strlen (v1));
  g_autoptr(GBytes) b2 = g_bytes_new_static (v2, strlen (v2));
  GDate before = D ("2024-12-31"), after = D ("2025-01-01");
  const AwpRule *rule;

  /* Loading order does not matter. */
  g_assert_true (awp_rule_set_load (rules, b2, &error));
  g_assert_true (awp_rule_set_load (rules, b1, &error));
  g_assert_no_error (error);
  rule = awp_rule_set_lookup (rules, "T-1", &before, &error);
  g_assert_cmpint (awp_rule_get_length (rule), ==, 2);
  rule = awp_rule_set_lookup (rules, "T-1", &after, &error);
  g_assert_cmpint (awp_rule_get_length (rule), ==, 4);
  g_assert_nonnull (awp_rule_set_lookup (rules, "T-2", &before, &error));
  g_assert_null (awp_rule_set_lookup (rules, "T-2", &after, &error));
  g_assert_error (error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_NOT_IN_FORCE);
  g_clear_error (&error);

  /* The same version twice is refused. */
  g_assert_false (awp_rule_set_load (rules, b1, &error));
  g_assert_error (error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_INVALID);
}

static void
test_extend (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GDate due = D ("2026-03-20");
  AwpDeadline dl;
  g_autofree char *got = NULL;

  g_assert_true (awp_deadline_extend (f->rules, f->cal, "O145-5.2", &due, 10, 0, &dl, &error));
  g_assert_no_error (error);
  got = iso (&dl.date);
  g_assert_cmpstr (got, ==, "2026-03-30");   /* 20 + 10 = Mon 30 */
  g_clear_pointer (&got, g_free);

  g_assert_true (awp_deadline_extend (f->rules, f->cal, "O145-5.2", &due, 15, 0, &dl, &error));
  got = iso (&dl.date);
  g_assert_cmpstr (got, ==, "2026-04-06");   /* 4 Apr Sat */

  g_assert_false (awp_deadline_extend (f->rules, f->cal, "O145-5.2", &due, 5, 1, &dl, &error));
  g_assert_error (error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (awp_deadline_extend (f->rules, f->cal, "O145-5.2", &due, 16, 0, &dl, &error));
  g_assert_error (error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (awp_deadline_extend (f->rules, f->cal, "O145-5.2", &due, 0, 0, &dl, &error));
  g_assert_error (error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (awp_deadline_extend (f->rules, f->cal, "O145-5.1", &due, 5, 0, &dl, &error));
  g_assert_error (error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_NOT_ALLOWED);
}

static void
check_dates (GArray *got, const char * const *expect)
{
  guint n = g_strv_length ((char **) expect);

  g_assert_nonnull (got);
  g_assert_cmpuint (got->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *s = iso (&g_array_index (got, GDate, i));

      g_assert_cmpstr (s, ==, expect[i]);
    }
}

static void
test_reannouncements (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GDate launch = D ("2026-03-02"), close = D ("2026-05-15");
  g_autoptr(GArray) a = NULL, b = NULL, c = NULL, d = NULL;
  /* Every 14 days from the launch; Mon 11 May is a moved day off. */
  const char *expect_a[] = { "2026-03-16", "2026-03-30", "2026-04-13", "2026-04-27", "2026-05-12", NULL };
  /* From Sat 7 Mar: Sat 21 Mar → Thu 26 (Nauryz), Sat 4 Apr → Mon 6, Sat 18 Apr → Mon 20. */
  const char *expect_b[] = { "2026-03-26", "2026-04-06", "2026-04-20", NULL };
  const char *none[] = { NULL };

  a = awp_deadline_reannouncements (f->rules, f->cal, "O145-8.2", &launch, &close, &error);
  g_assert_no_error (error);
  check_dates (a, expect_a);

  launch = D ("2026-03-07");
  close = D ("2026-04-30");
  b = awp_deadline_reannouncements (f->rules, f->cal, "O145-8.2", &launch, &close, &error);
  check_dates (b, expect_b);

  /* Exactly one month is not "longer than one month". */
  launch = D ("2026-03-02");
  close = D ("2026-04-02");
  c = awp_deadline_reannouncements (f->rules, f->cal, "O145-8.2", &launch, &close, &error);
  check_dates (c, none);

  /* A norm without re-announcements. */
  close = D ("2026-12-31");
  d = awp_deadline_reannouncements (f->rules, f->cal, "O145-4.2", &launch, &close, &error);
  check_dates (d, none);
}

typedef struct
{
  AwpRuleSet *rules;
  GDate       event;
  AwpDeadline open;   /* an open deadline a consumer keeps */
  guint       recomputed;
} Consumer;

static void
recompute (AwpCalendar *cal, int year, Consumer *c)
{
  g_assert_true (awp_deadline_compute (c->rules, cal, "O145-4.3", &c->event, &c->open, NULL));
  c->recomputed++;
}

/* A newer calendar year from the server: open deadlines are recomputed. */
static void
test_recompute_on_change (Fixture *f, gconstpointer data)
{
  const char *v2 = "{\"year\":2026,\"version\":2,\"source\":\"server\",\"days\":["
                   "{\"date\":\"2026-12-26\",\"kind\":\"working-day\",\"to\":\"2026-12-31\"},"
                   "{\"date\":\"2026-12-31\",\"kind\":\"day-off\",\"from\":\"2026-12-26\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (v2, strlen (v2));
  g_autoptr(GError) error = NULL;
  Consumer c = { f->rules, D ("2026-12-30"), { { 0 } }, 0 };
  g_autofree char *before = NULL, *after = NULL;

  g_assert_true (awp_deadline_compute (f->rules, f->cal, "O145-4.3", &c.event, &c.open, &error));
  before = iso (&c.open.date);
  g_assert_cmpstr (before, ==, "2026-12-31");
  g_assert_false (c.open.provisional);

  g_signal_connect (f->cal, "changed", G_CALLBACK (recompute), &c);
  g_assert_true (awp_calendar_load_year (f->cal, bytes, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.recomputed, ==, 1);
  after = iso (&c.open.date);
  g_assert_cmpstr (after, ==, "2027-01-05");   /* 31 off, 1 Jan hol, 2-3, 4 moved */
  g_assert_true (c.open.provisional);         /* 2027 is provisional */
  g_signal_handlers_disconnect_by_func (f->cal, recompute, &c);
}

static void
test_explain (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GDate d = D ("2024-12-31");
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *e = NULL;

  a = awp_deadline_explain (f->rules, f->cal, "O145-4.3", &d, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (a, "O145-4.3"));
  g_assert_nonnull (strstr (a, "Rules No. 145, para. 4"));
  g_assert_nonnull (strstr (a, "Rules No. 145 for working on the open dialogue portal (version 2, in force since 27.03.2023)."));
  g_assert_nonnull (strstr (a, "What starts the clock: receipt of the request."));
  g_assert_nonnull (strstr (a, "01.01.2025, Wednesday: not counted, holiday “New Year”"));
  g_assert_nonnull (strstr (a, "03.01.2025, Friday: not counted, day off moved from 05.01.2025 by a transfer order"));
  g_assert_nonnull (strstr (a, "04.01.2025, Saturday: not counted, weekend"));
  g_assert_nonnull (strstr (a, "05.01.2025, Sunday: working day 1, weekend day made a working day"));
  g_assert_nonnull (strstr (a, "Due date: 05.01.2025, Sunday"));
  g_assert_null (strstr (a, "Provisional"));

  d = D ("2027-03-12");
  b = awp_deadline_explain (f->rules, f->cal, "O145-4.3", &d, &error);
  g_assert_nonnull (strstr (b, "15.03.2027, Monday: not counted, holiday “Constitution Day”"));
  g_assert_nonnull (strstr (b, "Provisional calendar"));

  d = D ("2026-03-06");
  c = awp_deadline_explain (f->rules, f->cal, "O145-5.1", &d, &error);
  g_assert_nonnull (strstr (c, "The last day of the period is 21.03.2026, Saturday."));
  g_assert_nonnull (strstr (c, "24.03.2026, Tuesday: not counted, day off moved from 21.03.2026 (holiday “Nauryz meyrami” on a weekend)"));
  g_assert_nonnull (strstr (c, "Due date: 26.03.2026, Thursday"));

  d = D ("2026-03-10");
  e = awp_deadline_explain (f->rules, f->cal, "O605-8", &d, &error);
  g_assert_nonnull (strstr (e, "Latest allowed day: 04.03.2026, Wednesday."));
  g_assert_nonnull (strstr (e, "06.03.2026, Friday: working day 1"));

  g_assert_null (awp_deadline_explain (f->rules, f->cal, "nope", &d, &error));
  g_assert_error (error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_UNKNOWN_NORM);
}

#define RULE(body) "{\"rule_set\":\"x\",\"version\":1,\"effective_from\":\"2024-01-01\",\"source\":\"s\",\"rules\":[" body "]}"
#define DESC "\"description\":{\"kk\":\"a\",\"ru\":\"b\",\"en\":\"c\"}"

static const struct { const char *json; int code; const char *field; } bad_rules[] = {
  { "", AWP_DEADLINE_ERROR_PARSE, NULL },
  { "nope", AWP_DEADLINE_ERROR_PARSE, NULL },
  { "[]", AWP_DEADLINE_ERROR_INVALID, NULL },
  { "{}", AWP_DEADLINE_ERROR_INVALID, "rule_set" },
  { "{\"rule_set\":\"x\",\"effective_from\":\"2024-01-01\",\"source\":\"s\",\"rules\":[]}", AWP_DEADLINE_ERROR_INVALID, "version" },
  { "{\"rule_set\":\"x\",\"version\":1,\"source\":\"s\",\"rules\":[]}", AWP_DEADLINE_ERROR_INVALID, "effective_from" },
  { "{\"rule_set\":\"x\",\"version\":1,\"effective_from\":\"2024-01-01\",\"source\":\"s\",\"rules\":{}}", AWP_DEADLINE_ERROR_INVALID, "rules" },
  { RULE ("1"), AWP_DEADLINE_ERROR_INVALID, "rules[0]" },
  { RULE ("{\"starts\":\"e\",\"kind\":\"within\",\"unit\":\"working-days\",\"length\":1," DESC "}"), AWP_DEADLINE_ERROR_INVALID, "norm" },
  { RULE ("{\"norm\":\"N\",\"starts\":\"e\",\"kind\":\"sometime\",\"unit\":\"working-days\",\"length\":1," DESC "}"), AWP_DEADLINE_ERROR_INVALID, "kind" },
  { RULE ("{\"norm\":\"N\",\"starts\":\"e\",\"kind\":\"within\",\"unit\":\"hours\",\"length\":1," DESC "}"), AWP_DEADLINE_ERROR_INVALID, "unit" },
  { RULE ("{\"norm\":\"N\",\"starts\":\"e\",\"kind\":\"within\",\"unit\":\"working-days\",\"length\":0," DESC "}"), AWP_DEADLINE_ERROR_INVALID, "length" },
  { RULE ("{\"norm\":\"N\",\"starts\":\"e\",\"kind\":\"within\",\"unit\":\"working-days\",\"length\":\"3\"," DESC "}"), AWP_DEADLINE_ERROR_INVALID, "length" },
  { RULE ("{\"norm\":\"N\",\"starts\":\"e\",\"kind\":\"within\",\"unit\":\"working-days\",\"length\":1,\"description\":{\"kk\":\"a\"}}"), AWP_DEADLINE_ERROR_INVALID, "description" },
  { RULE ("{\"norm\":\"N\",\"starts\":\"e\",\"kind\":\"by-date\",\"month\":13,\"day\":1," DESC "}"), AWP_DEADLINE_ERROR_INVALID, "month" },
  { RULE ("{\"norm\":\"N\",\"starts\":\"e\",\"kind\":\"by-date\",\"month\":2,\"day\":30," DESC "}"), AWP_DEADLINE_ERROR_INVALID, "day" },
  { RULE ("{\"norm\":\"N\",\"starts\":\"e\",\"kind\":\"extension\",\"unit\":\"calendar-days\",\"length\":15," DESC "}"), AWP_DEADLINE_ERROR_INVALID, "max_times" },
  { RULE ("{\"norm\":\"N\",\"starts\":\"e\",\"kind\":\"within\",\"unit\":\"working-days\",\"length\":1,\"repeat_after_months\":1," DESC "}"), AWP_DEADLINE_ERROR_INVALID, "repeat_every_days" },
  { RULE ("{\"norm\":\"N\",\"starts\":\"e\",\"kind\":\"within\",\"unit\":\"working-days\",\"length\":1," DESC "},"
          "{\"norm\":\"N\",\"starts\":\"e\",\"kind\":\"within\",\"unit\":\"working-days\",\"length\":2," DESC "}"), AWP_DEADLINE_ERROR_INVALID, "rules" },
};

/* Every prefix of a real rule file is rejected cleanly, never a crash. */
static void
test_truncated_rules (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("AWP_DATADIR"), "rules", "order-145-v2.json", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  for (gsize cut = 0; cut < len - 2; cut += 7)
    {
      g_autoptr(AwpRuleSet) rules = awp_rule_set_new ();
      g_autoptr(GBytes) bytes = g_bytes_new_static (contents, cut);
      g_autoptr(GError) error = NULL;

      g_assert_false (awp_rule_set_load (rules, bytes, &error));
      g_assert_nonnull (error);
    }
}

static void
test_bad_rules (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_rules); i++)
    {
      g_autoptr(AwpRuleSet) rules = awp_rule_set_new ();
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad_rules[i].json, strlen (bad_rules[i].json));
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, bad_rules[i].json);
      g_assert_false (awp_rule_set_load (rules, bytes, &error));
      g_assert_error (error, AWP_DEADLINE_ERROR, bad_rules[i].code);
      if (bad_rules[i].field != NULL)
        g_assert_nonnull (strstr (error->message, bad_rules[i].field));
    }
}

int
main (int argc, char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/deadline/cases", Fixture, NULL, fixture_setup, test_cases, fixture_teardown);
  g_test_add ("/deadline/versions", Fixture, NULL, fixture_setup, test_versions, fixture_teardown);
  g_test_add_func ("/deadline/repeal", test_repeal);
  g_test_add ("/deadline/extend", Fixture, NULL, fixture_setup, test_extend, fixture_teardown);
  g_test_add ("/deadline/reannouncements", Fixture, NULL, fixture_setup, test_reannouncements, fixture_teardown);
  g_test_add ("/deadline/recompute-on-change", Fixture, NULL, fixture_setup, test_recompute_on_change, fixture_teardown);
  g_test_add ("/deadline/explain", Fixture, NULL, fixture_setup, test_explain, fixture_teardown);
  g_test_add_func ("/deadline/bad-rules", test_bad_rules);
  g_test_add_func ("/deadline/truncated-rules", test_truncated_rules);

  return g_test_run ();
}

#include "config.h"

#include "awp-calendar.h"

/* The working-day calendar against the facts (shared/kz-facts.md): every
 * listed day off and working weekend day, year totals, the rule-based
 * generator, run-time replacement by a newer version, and bad data.
 * Every expected value below was derived by hand from the facts. */

static GDate
D (const char *iso)
{
  GDate d;
  g_autoptr(GError) error = NULL;

  g_assert_true (awp_calendar_parse_date (iso, "test", &d, &error));
  g_assert_no_error (error);
  return d;
}

static char *
iso (const GDate *d)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (d), g_date_get_month (d), g_date_get_day (d));
}

static AwpCalendar *
default_calendar (void)
{
  g_autoptr(GError) error = NULL;
  AwpCalendar *cal = awp_calendar_new_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (cal);
  return cal;
}

/* kz-facts table and older moves; FALSE = not a working day. */
static const struct { const char *date; gboolean working; } day_cases[] = {
  /* 2022: rules plus transfers Sat 05.03 → Mon 07.03, Sat 27.08 → Mon 29.08, Sat 22.10 → Mon 24.10 */
  { "2022-01-03", FALSE }, { "2022-01-04", FALSE }, { "2022-01-05", TRUE }, { "2022-01-07", FALSE },
  { "2022-03-05", TRUE }, { "2022-03-07", FALSE }, { "2022-03-08", FALSE }, { "2022-03-09", TRUE },
  { "2022-03-21", FALSE }, { "2022-03-22", FALSE }, { "2022-03-23", FALSE }, { "2022-03-24", TRUE },
  { "2022-05-02", FALSE }, { "2022-05-09", FALSE }, { "2022-05-10", FALSE }, { "2022-05-11", TRUE },
  { "2022-07-06", FALSE }, { "2022-07-09", FALSE }, { "2022-07-11", TRUE },
  { "2022-08-27", TRUE }, { "2022-08-29", FALSE }, { "2022-08-30", FALSE }, { "2022-08-31", TRUE },
  { "2022-10-22", TRUE }, { "2022-10-24", FALSE }, { "2022-10-25", FALSE }, { "2022-10-26", TRUE },
  { "2022-12-01", TRUE }, { "2022-12-16", FALSE }, { "2022-12-17", FALSE }, { "2022-12-19", TRUE },
  /* 2023: Sat 01.07 → Fri 07.07; 1 Jan Sun → Tue 3 Jan; 7 Jan Sat never moves; 16 Dec Sat → Mon 18 */
  { "2023-01-02", FALSE }, { "2023-01-03", FALSE }, { "2023-01-04", TRUE }, { "2023-01-09", TRUE },
  { "2023-03-08", FALSE }, { "2023-03-21", FALSE }, { "2023-03-23", FALSE }, { "2023-03-24", TRUE },
  { "2023-05-01", FALSE }, { "2023-05-08", FALSE }, { "2023-05-09", FALSE }, { "2023-05-10", TRUE },
  { "2023-06-28", FALSE }, { "2023-07-01", TRUE }, { "2023-07-06", FALSE }, { "2023-07-07", FALSE },
  { "2023-07-08", FALSE }, { "2023-08-30", FALSE }, { "2023-10-25", FALSE }, { "2023-12-16", FALSE },
  { "2023-12-18", FALSE }, { "2023-12-19", TRUE },
  /* 2024 */
  { "2024-01-01", FALSE }, { "2024-01-02", FALSE }, { "2024-01-03", TRUE }, { "2024-01-07", FALSE },
  { "2024-01-08", TRUE }, { "2024-03-08", FALSE }, { "2024-03-21", FALSE }, { "2024-03-22", FALSE },
  { "2024-03-25", FALSE }, { "2024-03-26", TRUE }, { "2024-05-01", FALSE }, { "2024-05-03", TRUE },
  { "2024-05-04", TRUE }, { "2024-05-05", FALSE }, { "2024-05-06", TRUE }, { "2024-05-07", FALSE },
  { "2024-05-08", FALSE }, { "2024-05-09", FALSE }, { "2024-05-10", TRUE }, { "2024-06-16", FALSE },
  { "2024-06-17", TRUE }, { "2024-07-05", TRUE }, { "2024-07-08", FALSE }, { "2024-08-30", FALSE },
  { "2024-10-25", FALSE }, { "2024-12-16", FALSE }, { "2024-12-17", TRUE },
  /* 2025 */
  { "2025-01-01", FALSE }, { "2025-01-02", FALSE }, { "2025-01-03", FALSE }, { "2025-01-04", FALSE },
  { "2025-01-05", TRUE }, { "2025-01-06", TRUE }, { "2025-01-07", FALSE }, { "2025-01-08", TRUE },
  { "2025-03-10", FALSE }, { "2025-03-11", TRUE }, { "2025-03-21", FALSE }, { "2025-03-24", FALSE },
  { "2025-03-25", FALSE }, { "2025-03-26", TRUE }, { "2025-05-01", FALSE }, { "2025-05-07", FALSE },
  { "2025-05-08", TRUE }, { "2025-05-09", FALSE }, { "2025-06-06", FALSE }, { "2025-06-09", TRUE },
  { "2025-07-07", FALSE }, { "2025-09-01", FALSE }, { "2025-09-02", TRUE }, { "2025-10-27", FALSE },
  { "2025-12-16", FALSE },
  /* 2026: no 30 August any more */
  { "2026-01-01", FALSE }, { "2026-01-02", FALSE }, { "2026-01-05", TRUE }, { "2026-01-07", FALSE },
  { "2026-03-09", FALSE }, { "2026-03-10", TRUE }, { "2026-03-23", FALSE }, { "2026-03-24", FALSE },
  { "2026-03-25", FALSE }, { "2026-03-26", TRUE }, { "2026-05-01", FALSE }, { "2026-05-07", FALSE },
  { "2026-05-08", TRUE }, { "2026-05-11", FALSE }, { "2026-05-27", FALSE }, { "2026-05-26", TRUE },
  { "2026-07-06", FALSE }, { "2026-08-31", TRUE }, { "2026-10-26", FALSE }, { "2026-12-16", FALSE },
  /* 2027 (provisional): 15 March Constitution Day; Nauryz Sun 21 → Wed 24 */
  { "2027-01-01", FALSE }, { "2027-01-04", FALSE }, { "2027-01-05", TRUE }, { "2027-01-07", FALSE },
  { "2027-03-08", FALSE }, { "2027-03-15", FALSE }, { "2027-03-22", FALSE }, { "2027-03-23", FALSE },
  { "2027-03-24", FALSE }, { "2027-03-25", TRUE }, { "2027-05-03", FALSE }, { "2027-05-07", FALSE },
  { "2027-05-10", FALSE }, { "2027-05-17", TRUE }, { "2027-07-06", FALSE }, { "2027-08-30", TRUE },
  { "2027-10-25", FALSE }, { "2027-12-16", FALSE },
  /* Generated years: 2028 (1-2 Jan on the weekend → 3, 4 Jan; 7 May Sun → Mon 8; 16 Dec Sat → Mon 18),
   * and 2021 under the old law (1 and 17 December days off, 25 October not). */
  { "2028-01-03", FALSE }, { "2028-01-04", FALSE }, { "2028-01-05", TRUE }, { "2028-03-15", FALSE },
  { "2028-05-08", FALSE }, { "2028-05-09", FALSE }, { "2028-08-30", TRUE }, { "2028-12-18", FALSE },
  { "2021-10-25", TRUE }, { "2021-12-01", FALSE }, { "2021-12-17", FALSE },
};

static void
test_days (void)
{
  g_autoptr(AwpCalendar) cal = default_calendar ();

  for (guint i = 0; i < G_N_ELEMENTS (day_cases); i++)
    {
      GDate d = D (day_cases[i].date);

      g_test_message ("%s", day_cases[i].date);
      g_assert_cmpint (awp_calendar_is_working_day (cal, &d), ==, day_cases[i].working);
    }
}

/* Weekdays minus weekday days off plus working weekend days. */
static const struct { int year; guint working; } year_totals[] = {
  { 2022, 260 - 17 + 3 }, { 2023, 260 - 15 + 1 }, { 2024, 262 - 14 + 1 },
  { 2025, 261 - 16 + 1 }, { 2026, 261 - 14 }, { 2027, 261 - 14 },
};

static void
test_year_totals (void)
{
  g_autoptr(AwpCalendar) cal = default_calendar ();

  for (guint i = 0; i < G_N_ELEMENTS (year_totals); i++)
    {
      GDate a, b;

      g_date_clear (&a, 1);
      g_date_clear (&b, 1);
      g_date_set_dmy (&a, 1, 1, year_totals[i].year);
      g_date_set_dmy (&b, 31, 12, year_totals[i].year);
      g_assert_cmpuint (awp_calendar_count_working_days (cal, &a, &b), ==, year_totals[i].working);
    }
}

static const struct { const char *from; int n; const char *expect; } add_cases[] = {
  { "2025-12-31", 1, "2026-01-05" },  /* New Year, weekend */
  { "2024-12-31", 1, "2025-01-05" },  /* working Sunday 5 Jan 2025 */
  { "2024-12-31", 2, "2025-01-06" },
  { "2024-12-31", 3, "2025-01-08" },  /* 7 Jan Christmas */
  { "2024-03-20", 1, "2024-03-26" },
  { "2024-05-03", 1, "2024-05-04" },  /* working Saturday */
  { "2024-05-03", 2, "2024-05-06" },
  { "2024-05-06", 1, "2024-05-10" },
  { "2026-03-20", 1, "2026-03-26" },  /* Nauryz block moves past Mon 23 */
  { "2023-07-06", 1, "2023-07-10" },
  { "2023-12-15", 1, "2023-12-19" },
  { "2022-03-04", 1, "2022-03-05" },
  { "2022-03-05", 1, "2022-03-09" },
  { "2026-12-31", 1, "2027-01-05" },
  { "2027-12-31", 1, "2028-01-05" },
  { "2026-01-05", 0, "2026-01-05" },
  { "2026-01-05", -1, "2025-12-31" },
  { "2025-01-06", -1, "2025-01-05" },
  { "2025-01-06", -2, "2024-12-31" },
  { "2024-05-06", -1, "2024-05-04" },
  { "2024-05-10", -2, "2024-05-04" },
  { "2026-03-26", -1, "2026-03-20" },
  { "2022-10-26", -1, "2022-10-22" },
  { "2023-01-04", -1, "2022-12-30" },
};

static void
test_add (void)
{
  g_autoptr(AwpCalendar) cal = default_calendar ();

  for (guint i = 0; i < G_N_ELEMENTS (add_cases); i++)
    {
      GDate from = D (add_cases[i].from), out;
      g_autofree char *got = NULL;

      g_assert_true (awp_calendar_add_working_days (cal, &from, add_cases[i].n, &out));
      got = iso (&out);
      g_assert_cmpstr (got, ==, add_cases[i].expect);
    }
}

static const struct { const char *from, *to; guint expect; } count_cases[] = {
  { "2024-05-01", "2024-05-10", 5 },   /* 2, 3, 4 (Sat), 6, 10 */
  { "2025-01-01", "2025-01-10", 5 },   /* 5 (Sun), 6, 8, 9, 10 */
  { "2026-03-20", "2026-03-31", 5 },   /* 20, 26, 27, 30, 31 */
  { "2025-12-29", "2026-01-09", 7 },   /* 29, 30, 31, 5, 6, 8, 9 */
  { "2026-01-05", "2026-01-05", 1 },
  { "2026-01-03", "2026-01-04", 0 },
  { "2026-01-09", "2026-01-05", 0 },   /* reversed */
  { "2022-10-20", "2022-10-26", 4 },   /* 20, 21, 22 (Sat), 26 */
};

static void
test_count (void)
{
  g_autoptr(AwpCalendar) cal = default_calendar ();

  for (guint i = 0; i < G_N_ELEMENTS (count_cases); i++)
    {
      GDate a = D (count_cases[i].from), b = D (count_cases[i].to);

      g_assert_cmpuint (awp_calendar_count_working_days (cal, &a, &b), ==, count_cases[i].expect);
    }
}

static void
test_next_and_range (void)
{
  g_autoptr(AwpCalendar) cal = default_calendar ();
  GDate d = D ("2026-03-21"), out, bad;
  g_autofree char *got = NULL;

  g_assert_true (awp_calendar_next_working_day (cal, &d, &out));
  got = iso (&out);
  g_assert_cmpstr (got, ==, "2026-03-26");

  g_date_clear (&bad, 1);
  g_date_set_dmy (&bad, 31, 12, 1999);
  g_assert_false (awp_calendar_is_working_day (cal, &bad));
  g_assert_false (awp_calendar_add_working_days (cal, &bad, 1, &out));
  d = D ("2099-12-31");
  g_assert_false (awp_calendar_add_working_days (cal, &d, 5, &out));
}

static void
test_provisional (void)
{
  g_autoptr(AwpCalendar) cal = default_calendar ();

  for (int y = 2022; y <= 2026; y++)
    {
      g_assert_false (awp_calendar_year_is_provisional (cal, y));
      g_assert_cmpint (awp_calendar_year_version (cal, y), ==, 1);
      g_assert_nonnull (awp_calendar_year_source (cal, y));
    }
  g_assert_true (awp_calendar_year_is_provisional (cal, 2027));  /* marked in the data */
  g_assert_true (awp_calendar_year_is_provisional (cal, 2028));  /* generated */
  g_assert_true (awp_calendar_year_is_provisional (cal, 2021));
  g_assert_cmpint (awp_calendar_year_version (cal, 2028), ==, 0);
}

/* The rules alone reproduce every published year except transfer orders and
 * the announced Kurban ait date (the generator only estimates it). */
static void
test_generator_matches_data (void)
{
  g_autoptr(AwpCalendar) data = default_calendar ();
  g_autoptr(AwpCalendar) gen = awp_calendar_new_generated ();
  const char *exceptions[] = {
    "2022-03-05", "2022-03-07", "2022-08-27", "2022-08-29", "2022-10-22", "2022-10-24",
    "2023-07-01", "2023-07-07", "2024-05-04", "2024-05-08", "2025-01-03", "2025-01-05",
    "2026-05-26", "2026-05-27", NULL,
  };

  for (int year = 2022; year <= 2027; year++)
    {
      GDate d;

      g_date_clear (&d, 1);
      for (g_date_set_dmy (&d, 1, 1, year); g_date_get_year (&d) == year; g_date_add_days (&d, 1))
        {
          g_autofree char *s = iso (&d);

          if (g_strv_contains (exceptions, s))
            continue;
          g_test_message ("%s", s);
          g_assert_cmpint (awp_calendar_is_working_day (gen, &d), ==, awp_calendar_is_working_day (data, &d));
        }
    }
  /* Kurban ait 2026: the estimate is within a day of the announced 27 May. */
  {
    GDate a = D ("2026-05-26"), b = D ("2026-05-27");

    g_assert_true (!awp_calendar_is_working_day (gen, &a) || !awp_calendar_is_working_day (gen, &b));
  }
  g_assert_true (awp_calendar_year_is_provisional (gen, 2026));
}

static void
on_changed (AwpCalendar *cal, int year, gpointer user_data)
{
  GArray *years = user_data;

  g_array_append_val (years, year);
}

static GBytes *
year_doc (int version, const char *extra_days)
{
  char *doc = g_strdup_printf (
    "{\"year\":2026,\"version\":%d,\"source\":\"test\",\"days\":["
    "{\"date\":\"2026-01-01\",\"kind\":\"holiday\",\"name\":{\"kk\":\"Жаңа жыл\",\"ru\":\"Новый год\",\"en\":\"New Year\"}}%s]}",
    version, extra_days);

  return g_bytes_new_take (doc, strlen (doc));
}

static void
test_replace_newer (void)
{
  g_autoptr(AwpCalendar) cal = default_calendar ();
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) same = NULL, newer = NULL, older = NULL;
  gboolean replaced = TRUE;
  GDate dec31 = D ("2026-12-31"), dec26 = D ("2026-12-26"), mar9 = D ("2026-03-09");

  g_signal_connect (cal, "changed", G_CALLBACK (on_changed), years);

  /* Same version as the data: ignored. */
  same = year_doc (1, "");
  g_assert_true (awp_calendar_load_year (cal, same, &replaced, &error));
  g_assert_no_error (error);
  g_assert_false (replaced);
  g_assert_cmpuint (years->len, ==, 0);
  g_assert_false (awp_calendar_is_working_day (cal, &mar9));

  /* Version 2 moves Sat 26.12 to Thu 31.12 and drops everything else. */
  newer = year_doc (2, ",{\"date\":\"2026-12-26\",\"kind\":\"working-day\",\"to\":\"2026-12-31\"},"
                       "{\"date\":\"2026-12-31\",\"kind\":\"day-off\",\"from\":\"2026-12-26\"}");
  g_assert_true (awp_calendar_is_working_day (cal, &dec31));
  g_assert_true (awp_calendar_load_year (cal, newer, &replaced, &error));
  g_assert_no_error (error);
  g_assert_true (replaced);
  g_assert_cmpuint (years->len, ==, 1);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2026);
  g_assert_false (awp_calendar_is_working_day (cal, &dec31));
  g_assert_true (awp_calendar_is_working_day (cal, &dec26));
  g_assert_true (awp_calendar_is_working_day (cal, &mar9));
  g_assert_cmpint (awp_calendar_year_version (cal, 2026), ==, 2);

  /* Older again: ignored, no signal. */
  older = year_doc (1, "");
  g_assert_true (awp_calendar_load_year (cal, older, &replaced, &error));
  g_assert_false (replaced);
  g_assert_cmpuint (years->len, ==, 1);
  g_assert_false (awp_calendar_is_working_day (cal, &dec31));

  /* Counting across the change uses the new tables. */
  {
    GDate from = D ("2026-12-30"), out;
    g_autofree char *got = NULL;

    g_assert_true (awp_calendar_add_working_days (cal, &from, 1, &out));
    got = iso (&out);
    g_assert_cmpstr (got, ==, "2027-01-05");
  }
}

static const struct { const char *json; int code; } bad_cases[] = {
  { "", AWP_CALENDAR_ERROR_PARSE },
  { "{", AWP_CALENDAR_ERROR_PARSE },
  { "[]", AWP_CALENDAR_ERROR_INVALID },
  { "{\"year\":\"2024\",\"version\":1,\"source\":\"s\",\"days\":[]}", AWP_CALENDAR_ERROR_INVALID },
  { "{\"year\":1999,\"version\":1,\"source\":\"s\",\"days\":[]}", AWP_CALENDAR_ERROR_OUT_OF_RANGE },
  { "{\"year\":2024,\"version\":0,\"source\":\"s\",\"days\":[]}", AWP_CALENDAR_ERROR_INVALID },
  { "{\"year\":2024,\"version\":1,\"days\":[]}", AWP_CALENDAR_ERROR_INVALID },
  { "{\"year\":2024,\"version\":1,\"source\":\"s\",\"days\":{}}", AWP_CALENDAR_ERROR_INVALID },
  { "{\"year\":2024,\"version\":1,\"source\":\"s\",\"provisional\":\"no\",\"days\":[]}", AWP_CALENDAR_ERROR_INVALID },
  { "{\"year\":2024,\"version\":1,\"source\":\"s\",\"days\":[1]}", AWP_CALENDAR_ERROR_INVALID },
  { "{\"year\":2024,\"version\":1,\"source\":\"s\",\"days\":[{\"date\":\"2024-02-30\",\"kind\":\"holiday\"}]}", AWP_CALENDAR_ERROR_INVALID },
  { "{\"year\":2024,\"version\":1,\"source\":\"s\",\"days\":[{\"date\":\"2025-01-01\",\"kind\":\"holiday\"}]}", AWP_CALENDAR_ERROR_INVALID },
  { "{\"year\":2024,\"version\":1,\"source\":\"s\",\"days\":[{\"date\":\"2024-01-01\",\"kind\":\"feast\"}]}", AWP_CALENDAR_ERROR_INVALID },
  { "{\"year\":2024,\"version\":1,\"source\":\"s\",\"days\":[{\"date\":\"2024-01-01\",\"kind\":\"holiday\",\"name\":{\"kk\":\"a\",\"ru\":\"b\"}}]}", AWP_CALENDAR_ERROR_INVALID },
  { "{\"year\":2024,\"version\":1,\"source\":\"s\",\"days\":[{\"date\":\"2024-05-04\",\"kind\":\"day-off\"}]}", AWP_CALENDAR_ERROR_INVALID },
  { "{\"year\":2024,\"version\":1,\"source\":\"s\",\"days\":[{\"date\":\"2024-05-06\",\"kind\":\"working-day\"}]}", AWP_CALENDAR_ERROR_INVALID },
  { "{\"year\":2024,\"version\":1,\"source\":\"s\",\"days\":[{\"date\":\"2024-05-08\",\"kind\":\"day-off\",\"from\":\"4 May\"}]}", AWP_CALENDAR_ERROR_INVALID },
  { "{\"year\":2024,\"version\":1,\"source\":\"s\",\"days\":[{\"date\":\"2024-01-01\",\"kind\":\"holiday\",\"name\":{\"kk\":\"a\",\"ru\":\"b\",\"en\":\"c\"}},{\"kind\":\"holiday\"}]}", AWP_CALENDAR_ERROR_INVALID },
};

static void
test_bad_json (void)
{
  g_autoptr(AwpCalendar) cal = default_calendar ();
  GDate jan1 = D ("2024-01-01");

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad_cases[i].json, strlen (bad_cases[i].json));
      g_autoptr(GError) error = NULL;
      gboolean replaced = TRUE;

      g_test_message ("case %u: %s", i, bad_cases[i].json);
      g_assert_false (awp_calendar_load_year (cal, bytes, &replaced, &error));
      g_assert_error (error, AWP_CALENDAR_ERROR, bad_cases[i].code);
      g_assert_false (replaced);
    }
  /* Nothing changed. */
  g_assert_false (awp_calendar_is_working_day (cal, &jan1));
  g_assert_cmpint (awp_calendar_year_version (cal, 2024), ==, 1);
}

/* Every prefix of a real calendar file is rejected cleanly, never a crash. */
static void
test_truncated (void)
{
  g_autoptr(AwpCalendar) cal = awp_calendar_new_generated ();
  g_autofree char *path = g_build_filename (g_getenv ("AWP_DATADIR"), "calendar", "kz-2024.json", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  for (gsize cut = 0; cut < len - 2; cut += 5)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (contents, cut);
      g_autoptr(GError) error = NULL;

      g_assert_false (awp_calendar_load_year (cal, bytes, NULL, &error));
      g_assert_nonnull (error);
    }
  g_assert_cmpint (awp_calendar_year_version (cal, 2024), ==, 0);
}

static void
test_parse_date (void)
{
  const char *bad[] = { "", "2024", "2024-1-01", "2024-01-1", "24-01-01", "2024/01/01", "2024-13-01",
                        "2023-02-29", "2024-01-01x", "+024-01-01", "2024-0a-01", "01.01.2024" };
  GDate d;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (awp_calendar_parse_date (bad[i], "DATE", &d, &error));
      g_assert_error (error, AWP_CALENDAR_ERROR, AWP_CALENDAR_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "DATE"));
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (awp_calendar_parse_date ("2100-01-01", "DATE", &d, &error));
    g_assert_error (error, AWP_CALENDAR_ERROR, AWP_CALENDAR_ERROR_OUT_OF_RANGE);
  }
  g_assert_true (awp_calendar_parse_date ("2024-02-29", "DATE", &d, NULL));
  {
    g_autofree char *s = awp_calendar_format_date (&d);

    g_assert_cmpstr (s, ==, "29.02.2024");
  }
}

static void
test_describe (void)
{
  g_autoptr(AwpCalendar) cal = default_calendar ();
  AwpDayInfo info;
  GDate d;

  d = D ("2024-03-25");
  g_assert_true (awp_calendar_describe_day (cal, &d, &info));
  g_assert_cmpint (info.kind, ==, AWP_DAY_MOVED_DAY_OFF);
  g_assert_false (info.working);
  g_assert_cmpstr (info.related_name, ==, "Nauryz meyrami");
  g_assert_cmpuint (g_date_get_day (&info.related), ==, 23);

  d = D ("2024-05-04");
  g_assert_true (awp_calendar_describe_day (cal, &d, &info));
  g_assert_cmpint (info.kind, ==, AWP_DAY_WORKING_WEEKEND);
  g_assert_true (info.working);
  g_assert_cmpuint (g_date_get_day (&info.related), ==, 8);

  d = D ("2025-06-06");
  g_assert_true (awp_calendar_describe_day (cal, &d, &info));
  g_assert_cmpint (info.kind, ==, AWP_DAY_HOLIDAY);
  g_assert_cmpstr (info.name, ==, "Kurban ait");

  d = D ("2027-05-14");
  g_assert_true (awp_calendar_describe_day (cal, &d, &info));
  g_assert_cmpint (info.kind, ==, AWP_DAY_WORKING);
  g_assert_true (info.provisional);

  /* Weekend holidays stay listed as holidays, so 2024 lists 15 holidays,
   * 2 weekend moves, and the transfer pair. */
  {
    g_autoptr(GArray) days = awp_calendar_list_special_days (cal, 2024);

    g_assert_cmpuint (days->len, ==, 15 + 2 + 2);
  }
}

int
main (int argc, char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/days", test_days);
  g_test_add_func ("/calendar/year-totals", test_year_totals);
  g_test_add_func ("/calendar/add", test_add);
  g_test_add_func ("/calendar/count", test_count);
  g_test_add_func ("/calendar/next-and-range", test_next_and_range);
  g_test_add_func ("/calendar/provisional", test_provisional);
  g_test_add_func ("/calendar/generator-matches-data", test_generator_matches_data);
  g_test_add_func ("/calendar/replace-newer", test_replace_newer);
  g_test_add_func ("/calendar/bad-json", test_bad_json);
  g_test_add_func ("/calendar/truncated", test_truncated);
  g_test_add_func ("/calendar/parse-date", test_parse_date);
  g_test_add_func ("/calendar/describe", test_describe);

  return g_test_run ();
}

#include "config.h"

#include "awp-bench.h"
#include "awp-ical.h"
#include "awp-registration-import.h"

/* The open-meetings planner (Order 605): importing the largest registration
 * list we accept (10,000 rows) must feel instant, and a year of meetings
 * must export to and parse from iCalendar quickly. */

static GBytes *
make_registrations (guint n)
{
  GString *s = g_string_new ("\xEF\xBB\xBF" "Тегі;Аты;Әкесінің аты;Туған жылы;Байланыс;Түскен күні\r\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "Сейітқали %u;Әйгерім;\"Бауыржан; қызы\";%u;+7 (701) %03u-%02u-%02u;%02u.03.2026\r\n",
                            i, 1940 + i % 80, i % 1000, i % 100, (i / 100) % 100, 1 + i % 28);
  return g_string_free_to_bytes (s);
}

static GPtrArray *
make_meetings (guint n)
{
  GPtrArray *meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_ical_meeting_free);
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (5 * 3600);
  const char *agenda[] = { "Қала бюджетін нақтылау туралы; талқылау, шешім", "О благоустройстве дворов\nвторая строка", NULL };

  for (guint i = 0; i < n; i++)
    {
      AwpIcalMeeting *m = awp_ical_meeting_new ();

      m->uid = g_strdup_printf ("meeting-%u@bench", i);
      m->title = g_strdup_printf ("Алқа отырысы № %u, открытое заседание", i);
      m->place = g_strdup ("Көкшетау қ., Абай к-сі, 89");
      m->starts_at = g_date_time_new (tz, 2026, 1 + i % 12, 1 + i % 28, 10, 0, 0);
      m->ends_at = g_date_time_add_hours (m->starts_at, 2);
      m->format = g_strdup ("hybrid");
      m->languages = g_strdup ("kk,ru");
      m->agenda = g_strdupv ((char **) agenda);
      m->responsible_name = g_strdup ("Сейітқали Әйгерім");
      m->responsible_phone = g_strdup ("+7 (7162) 25-12-34");
      m->responsible_email = g_strdup ("a.seitkali@akmola.gov.kz");
      g_date_set_dmy (&m->deadlines[AWP_ICAL_DEADLINE_RESULTS], 1 + i % 28, 1 + (i + 1) % 12, 2026);
      g_ptr_array_add (meetings, m);
    }
  return meetings;
}

int
awp_bench_meetings (int    argc,
                    char **argv)
{
  const guint rows = AWP_REGISTRATION_IMPORT_MAX_ROWS;
  const guint rounds = 10;
  const guint n_meetings = 250;
  g_autoptr(GBytes) csv = make_registrations (rows);
  g_autoptr(GPtrArray) meetings = make_meetings (n_meetings);
  g_autofree char *text = NULL;
  double start, elapsed;

  start = awp_bench_now ();
  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(AwpRegistrationImport) import = awp_registration_import_parse (csv, 2026, NULL);

      if (import == NULL || import->n_valid != rows)
        return 1;
    }
  elapsed = awp_bench_now () - start;
  awp_bench_report ("registration_import_rows_per_s", rows * rounds / elapsed, "rows/s");
  awp_bench_report ("registration_import_max_file_ms", elapsed / rounds * 1000, "ms");

  start = awp_bench_now ();
  for (guint r = 0; r < rounds; r++)
    {
      g_free (text);
      text = awp_ical_export (meetings, NULL);
      if (text == NULL)
        return 1;
    }
  elapsed = awp_bench_now () - start;
  awp_bench_report ("ical_export_250_meetings_ms", elapsed / rounds * 1000, "ms");

  start = awp_bench_now ();
  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(GPtrArray) parsed = awp_ical_parse (text, NULL);

      if (parsed == NULL || parsed->len != n_meetings)
        return 1;
    }
  elapsed = awp_bench_now () - start;
  awp_bench_report ("ical_parse_250_meetings_ms", elapsed / rounds * 1000, "ms");
  return 0;
}

#include "config.h"

#include "awp-ical.h"

/* iCalendar export and import of open meetings (Order 605): a round trip
 * with Kazakh and Russian text full of the characters RFC 5545 escapes,
 * folding that never splits a UTF-8 character, deadlines as all-day
 * events, several meetings, and input that must be refused. */

static GDateTime *
kz_time (int y, int mo, int d, int h, int mi)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (5 * 3600);

  return g_date_time_new (tz, y, mo, d, h, mi, 0);
}

/* RFC 5545 3.1 unfolding: a CRLF followed by a space joins two lines. */
static char *
unfold (const char *text)
{
  g_autoptr(GRegex) fold = g_regex_new ("\r\n ", 0, 0, NULL);

  return g_regex_replace_literal (fold, text, -1, 0, "", 0, NULL);
}

static AwpIcalMeeting *
sample_meeting (const char *uid)
{
  AwpIcalMeeting *m = awp_ical_meeting_new ();
  const char *agenda[] = {
    "Қала бюджетін нақтылау туралы; 2026 жылға арналған жоспар, талқылау",
    "О благоустройстве дворов: ул. Абая, д. 10; ул. Сейфуллина, д. 5\nвторая строка\\обратная косая",
    /* A long line: folding must not split a two-byte letter. */
    "Әлеуметтік маңызы бар азық-түлік тауарларына бағаны тұрақтандыру жөніндегі шаралар, "
    "өңірлік тұрақтандыру қорын толықтыру және ауыл шаруашылығы тауар өндірушілерін қолдау",
    NULL,
  };

  m->uid = g_strdup (uid);
  m->title = g_strdup ("Ақмола облысы әкімдігінің алқа отырысы, № 3; открытое заседание");
  m->place = g_strdup ("Көкшетау қ., Абай к-сі, 89, мәжіліс залы");
  m->starts_at = kz_time (2026, 3, 26, 10, 0);
  m->ends_at = kz_time (2026, 3, 26, 12, 30);
  m->format = g_strdup ("hybrid");
  m->languages = g_strdup ("kk,ru");
  m->agenda = g_strdupv ((char **) agenda);
  m->responsible_name = g_strdup ("Сейітқали Әйгерім Бауыржанқызы");
  m->responsible_phone = g_strdup ("+7 (7162) 25-12-34");
  m->responsible_email = g_strdup ("a.seitkali@akmola.gov.kz");
  m->broadcast_url = g_strdup ("https://www.youtube.com/live/abc?x=1&y=2;3");
  g_date_set_dmy (&m->deadlines[AWP_ICAL_DEADLINE_ANNOUNCEMENT], 18, G_DATE_MARCH, 2026);
  g_date_set_dmy (&m->deadlines[AWP_ICAL_DEADLINE_REGISTRATION], 19, G_DATE_MARCH, 2026);
  g_date_set_dmy (&m->deadlines[AWP_ICAL_DEADLINE_RESULTS], 2, G_DATE_APRIL, 2026);
  return m;
}

static void
assert_same (const AwpIcalMeeting *a, const AwpIcalMeeting *b)
{
  g_assert_cmpstr (a->uid, ==, b->uid);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->place, ==, b->place);
  g_assert_true (g_date_time_equal (a->starts_at, b->starts_at));
  g_assert_true ((a->ends_at == NULL) == (b->ends_at == NULL));
  if (a->ends_at != NULL)
    g_assert_true (g_date_time_equal (a->ends_at, b->ends_at));
  g_assert_cmpstr (a->format, ==, b->format);
  g_assert_cmpstr (a->languages, ==, b->languages);
  g_assert_true ((a->agenda == NULL) == (b->agenda == NULL));
  if (a->agenda != NULL)
    g_assert_true (g_strv_equal ((const char * const *) a->agenda, (const char * const *) b->agenda));
  g_assert_cmpstr (a->responsible_name, ==, b->responsible_name);
  g_assert_cmpstr (a->responsible_phone, ==, b->responsible_phone);
  g_assert_cmpstr (a->responsible_email, ==, b->responsible_email);
  g_assert_cmpstr (a->broadcast_url, ==, b->broadcast_url);
  g_assert_cmpint (a->closed, ==, b->closed);
  for (guint d = 0; d < AWP_ICAL_N_DEADLINES; d++)
    {
      g_assert_cmpint (g_date_valid (&a->deadlines[d]), ==, g_date_valid (&b->deadlines[d]));
      if (g_date_valid (&a->deadlines[d]))
        g_assert_cmpint (g_date_compare (&a->deadlines[d], &b->deadlines[d]), ==, 0);
    }
}

static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) in = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_ical_meeting_free);
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *unfolded = NULL;
  AwpIcalMeeting *closed, *bare;

  g_ptr_array_add (in, sample_meeting ("awp-meeting-1@akmola.gov.kz"));
  closed = sample_meeting ("awp-meeting-2@akmola.gov.kz");
  closed->closed = TRUE;
  g_clear_pointer (&closed->broadcast_url, g_free);
  g_date_clear (&closed->deadlines[AWP_ICAL_DEADLINE_REGISTRATION], 1);
  g_ptr_array_add (in, closed);
  bare = awp_ical_meeting_new ();
  /* The store's bare UUID: written with our domain, read back bare. */
  bare->uid = g_strdup ("6f1c2a4e-8b0d-4c3e-9a57-2d1e0f9b7c31");
  bare->title = g_strdup ("Заседание, без подробностей");
  bare->starts_at = kz_time (2026, 12, 31, 23, 30);  /* 18:30 UTC, same day */
  g_date_set_dmy (&bare->deadlines[AWP_ICAL_DEADLINE_RESULTS], 8, G_DATE_JANUARY, 2027);
  g_ptr_array_add (in, bare);

  text = awp_ical_export (in, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "VERSION:2.0\r\n"));
  /* Times in UTC: 10:00 in Kazakhstan is 05:00Z. */
  g_assert_nonnull (strstr (text, "DTSTART:20260326T050000Z\r\n"));
  g_assert_nonnull (strstr (text, "DTSTART:20261231T183000Z\r\n"));
  g_assert_nonnull (strstr (text, "CLASS:CONFIDENTIAL\r\n"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20260318\r\n"));
  unfolded = unfold (text);
  g_assert_nonnull (strstr (unfolded, "UID:awp-meeting-1-O605-14@akmola.gov.kz\r\n"));
  g_assert_nonnull (strstr (unfolded, "RELATED-TO:awp-meeting-1@akmola.gov.kz\r\n"));
  g_assert_nonnull (strstr (unfolded, "UID:awp-meeting-2-O605-8@akmola.gov.kz\r\n"));
  g_assert_null (strstr (unfolded, "UID:awp-meeting-2-O605-9@akmola.gov.kz\r\n"));
  g_assert_nonnull (strstr (unfolded, "UID:6f1c2a4e-8b0d-4c3e-9a57-2d1e0f9b7c31@workstation.opendialog.kz\r\n"));
  g_assert_nonnull (strstr (unfolded, "UID:6f1c2a4e-8b0d-4c3e-9a57-2d1e0f9b7c31-O605-14@workstation.opendialog.kz\r\n"));
  /* TEXT escaping of the summary (RFC 5545 3.3.11). */
  g_assert_nonnull (strstr (unfolded, "алқа отырысы\\, № 3\\; открытое"));

  out = awp_ical_parse (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (out->len, ==, 3);
  for (guint i = 0; i < in->len; i++)
    assert_same (in->pdata[i], out->pdata[i]);
}

static void
test_folding (void)
{
  g_autoptr(GPtrArray) in = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_ical_meeting_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint folded = 0;

  g_ptr_array_add (in, sample_meeting ("fold@test"));
  text = awp_ical_export (in, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_test_message ("%s", lines[i]);
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_null (strchr (lines[i], '\n'));
      /* Every physical line is whole UTF-8 on its own. */
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      folded += lines[i][0] == ' ';
    }
  g_assert_cmpuint (folded, >, 5);
}

static void
test_description (void)
{
  g_autoptr(GPtrArray) in = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_ical_meeting_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *unfolded = NULL;

  g_ptr_array_add (in, sample_meeting ("desc@test"));
  text = awp_ical_export (in, &error);
  g_assert_no_error (error);
  unfolded = unfold (text);
  /* The O605-8 facts a person sees in any calendar program. */
  g_assert_nonnull (strstr (unfolded, "DESCRIPTION:Agenda:\\n1. Қала бюджетін"));
  g_assert_nonnull (strstr (unfolded, "Responsible: Сейітқали Әйгерім Бауыржанқызы\\n"));
  g_assert_nonnull (strstr (unfolded, "Phone: +7 (7162) 25-12-34\\n"));
  g_assert_nonnull (strstr (unfolded, "Format: in person and online\\n"));
  g_assert_nonnull (strstr (unfolded, "Language: Kazakh\\, Russian\\n"));
  g_assert_nonnull (strstr (unfolded, "ORGANIZER;CN=Сейітқали Әйгерім Бауыржанқызы:mailto:a.seitkali@akmola.gov.kz"));
  g_assert_nonnull (strstr (unfolded, "URL:https://www.youtube.com/live/abc?x=1&y=2;3\r\n"));
  g_assert_nonnull (strstr (unfolded, "RELATED-TO:desc@test\r\n"));
  g_assert_nonnull (strstr (unfolded, "X-AWP-NORM:O605-9\r\n"));
}

static void
test_invalid_meeting (void)
{
  static const char *const fields[] = { "uid", "title", "starts_at", "ends_at", "format", "languages" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr(GPtrArray) in = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_ical_meeting_free);
      g_autoptr(GError) error = NULL;
      AwpIcalMeeting *m = sample_meeting ("bad@test");
      char *text;

      switch (i)
        {
        case 0: g_clear_pointer (&m->uid, g_free); break;
        case 1: g_free (m->title); m->title = g_strdup (""); break;
        case 2: g_clear_pointer (&m->starts_at, g_date_time_unref); break;
        case 3: g_date_time_unref (m->ends_at); m->ends_at = kz_time (2026, 3, 26, 9, 0); break;
        case 4: g_free (m->format); m->format = g_strdup ("zoom"); break;
        case 5: g_free (m->languages); m->languages = g_strdup ("kk,en"); break;
        default: g_assert_not_reached ();
        }
      g_ptr_array_add (in, sample_meeting ("good@test"));
      g_ptr_array_add (in, m);
      text = awp_ical_export (in, &error);
      g_test_message ("field %s", fields[i]);
      g_assert_null (text);
      g_assert_error (error, AWP_ICAL_ERROR, AWP_ICAL_ERROR_INVALID_MEETING);
      g_assert_nonnull (strstr (error->message, fields[i]));
    }
}

static void
test_parse_errors (void)
{
  static const struct { const char *text; int code; } cases[] = {
    { "", AWP_ICAL_ERROR_PARSE },
    { "hello, world", AWP_ICAL_ERROR_PARSE },
    { "BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260101T000000Z\r\nEND:VEVENT\r\n", AWP_ICAL_ERROR_PARSE },
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:20260101T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      AWP_ICAL_ERROR_INVALID_EVENT },
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:a\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      AWP_ICAL_ERROR_INVALID_EVENT },
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:tomorrow\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      AWP_ICAL_ERROR_PARSE },
    { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:20261301\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      AWP_ICAL_ERROR_INVALID_EVENT },
    { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260101T100000Z\r\nDTEND:20260230T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      AWP_ICAL_ERROR_INVALID_EVENT },
    { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:d\r\nX-AWP-NORM:O605-9\r\nDTSTART;VALUE=DATE:20260101\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      AWP_ICAL_ERROR_INVALID_EVENT },
    { "BEGIN:VCALENDAR\r\nSUMMARY:\xff\xfe\r\nEND:VCALENDAR\r\n", AWP_ICAL_ERROR_PARSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) out = awp_ical_parse (cases[i].text, &error);

      g_test_message ("case %u", i);
      g_assert_null (out);
      g_assert_error (error, AWP_ICAL_ERROR, cases[i].code);
    }
}

static void
test_parse_foreign (void)
{
  /* As another program writes it: floating and TZID times, no X-AWP-*. */
  const char *text =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\n"
    "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260415T150000\r\nSUMMARY:Отырыс\r\n"
    "ORGANIZER;CN=Иванов И.:mailto:ivanov@gov.kz\r\nCLASS:PRIVATE\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=Asia/Almaty:20260415T090000\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) out = awp_ical_parse (text, &error);
  g_autoptr(GDateTime) expect_a = kz_time (2026, 4, 15, 15, 0);
  g_autoptr(GDateTime) expect_b = kz_time (2026, 4, 15, 9, 0);
  AwpIcalMeeting *a, *b;

  g_assert_no_error (error);
  g_assert_cmpuint (out->len, ==, 2);
  a = out->pdata[0];
  b = out->pdata[1];
  g_assert_true (g_date_time_equal (a->starts_at, expect_a));
  g_assert_cmpint (g_date_time_get_utc_offset (a->starts_at) / G_TIME_SPAN_SECOND, ==, 5 * 3600);
  g_assert_cmpstr (a->responsible_email, ==, "ivanov@gov.kz");
  g_assert_cmpstr (a->responsible_name, ==, "Иванов И.");
  g_assert_true (a->closed);
  g_assert_null (a->agenda);
  g_assert_true (g_date_time_equal (b->starts_at, expect_b));
  g_assert_cmpstr (b->title, ==, "");
  g_assert_false (b->closed);
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) in = g_ptr_array_new ();
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = awp_ical_export (in, &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "END:VCALENDAR"));
  out = awp_ical_parse (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (out->len, ==, 0);
}

/* Every prefix of an export parses to meetings or fails with an error. */
static void
test_truncated (void)
{
  g_autoptr(GPtrArray) in = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_ical_meeting_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len;

  g_ptr_array_add (in, sample_meeting ("cut@test"));
  text = awp_ical_export (in, &error);
  g_assert_no_error (error);
  len = strlen (text);
  for (gsize cut = 0; cut < len; cut++)
    {
      g_autofree char *prefix = g_strndup (text, cut);
      g_autoptr(GError) cut_error = NULL;
      g_autoptr(GPtrArray) out = NULL;

      out = awp_ical_parse (prefix, &cut_error);
      g_assert_true ((out == NULL) != (cut_error == NULL));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ical/round-trip", test_round_trip);
  g_test_add_func ("/ical/folding", test_folding);
  g_test_add_func ("/ical/description", test_description);
  g_test_add_func ("/ical/invalid-meeting", test_invalid_meeting);
  g_test_add_func ("/ical/parse-errors", test_parse_errors);
  g_test_add_func ("/ical/parse-foreign", test_parse_foreign);
  g_test_add_func ("/ical/empty", test_empty);
  g_test_add_func ("/ical/truncated", test_truncated);
  return g_test_run ();
}

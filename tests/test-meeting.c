#include "config.h"

#include <locale.h>

#include "awp-meeting.h"

/* The meeting's fields (Order 605), its deadlines and its announcement in
 * Kazakh and Russian: pure functions, no store. A meeting on Thursday
 * 12.03.2026: Monday 09.03 is a day off (8 March on a Sunday), so the
 * announcement is due Friday 06.03 (O605-8), applications close Tuesday
 * 10.03 (O605-9) and results are due Thursday 19.03 (O605-14). */

static JsonObject *
parse (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

static JsonObject *
good_meeting (void)
{
  return parse ("{"
    "\"org_id\": \"org-1\", \"region\": \"astana\","
    "\"body\": \"Астана қаласы әкімдігінің қоғамдық кеңесі\","
    "\"title\": \"Қала көшелерін көгалдандыру / Озеленение улиц города\","
    "\"place\": \"Астана қ., Бейбітшілік к-сі, 11, мәжіліс залы\","
    "\"date\": \"2026-03-12\", \"time\": \"10:00\", \"format\": \"hybrid\","
    "\"languages\": [\"kk\", \"ru\"],"
    "\"agenda\": [\"2026 жылғы көгалдандыру жоспары\", \"Тұрғындардың ұсыныстары\"],"
    "\"responsible\": {\"name\": \"Сәрсенова Әйгерім Болатқызы\", \"phone\": \"8 (7172) 55-66-77\","
    "                  \"email\": \"a.sarsenova@astana.gov.kz\"},"
    "\"capacity\": 40, \"broadcast_url\": \"https://youtube.com/live/akimat\", \"closed\": false"
    "}");
}

static const AwpMeetingIssue *
find_issue (GPtrArray *issues, const char *field)
{
  for (guint i = 0; i < issues->len; i++)
    {
      AwpMeetingIssue *issue = issues->pdata[i];

      if (g_str_equal (issue->field, field))
        return issue;
    }
  return NULL;
}

static void
test_valid (void)
{
  g_autoptr(JsonObject) m = good_meeting ();
  g_autoptr(GPtrArray) issues = awp_meeting_check (m);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (issues->len, ==, 0);
  g_assert_true (awp_meeting_validate (m, &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char *member;   /* replaced in the good meeting */
  const char *value;    /* JSON, or NULL to remove the member */
  const char *field;    /* the field the issue must name */
  const char *words;    /* part of the message */
} BadCase;

static void
test_each_field_named (void)
{
  static const BadCase cases[] = {
    { "body", NULL, "body", "Collegial body" },
    { "title", "\"   \"", "title", "Title" },
    { "date", "\"2026-02-30\"", "date", "is not a date" },
    { "date", NULL, "date", "required" },
    { "time", "\"25:00\"", "time", "is not a time of day" },
    { "time", "\"9:00\"", "time", "is not a time of day" },
    { "format", "\"zoom\"", "format", "is not offline, online or hybrid" },
    { "format", NULL, "format", "para. 5" },
    { "languages", "[]", "languages", "para. 7" },
    { "languages", "[\"en\"]", "languages", "para. 7" },
    { "languages", "[\"kk\", \"kk\"]", "languages", "para. 7" },
    { "agenda", "[]", "agenda", "para. 8" },
    { "agenda", "[\"Бірінші\", \"  \"]", "agenda", "question 2 is empty" },
    { "place", "\"\"", "place", "Place" },
    { "capacity", "0", "capacity", "between 1 and" },
    { "capacity", NULL, "capacity", "para. 10" },
    { "capacity", "\"40\"", "capacity", "para. 10" },
    { "broadcast_url", NULL, "broadcast_url", "para. 12" },
    { "broadcast_url", "\"youtube.com/live\"", "broadcast_url", "is not a web address" },
    { "broadcast_url", "\"ftp://example.kz/x\"", "broadcast_url", "is not a web address" },
    { "region", "\"moscow\"", "region", "is not a region" },
    { "closed", "true", "closed_ground", "para. 3–4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) m = good_meeting ();
      g_autoptr(GPtrArray) issues = NULL;
      g_autoptr(GError) error = NULL;
      const AwpMeetingIssue *issue;

      if (cases[i].value != NULL)
        {
          g_autoptr(JsonNode) value = json_from_string (cases[i].value, NULL);

          json_object_set_member (m, cases[i].member, g_steal_pointer (&value));
        }
      else
        json_object_remove_member (m, cases[i].member);
      issues = awp_meeting_check (m);
      g_test_message ("case %u: %s = %s", i, cases[i].member, cases[i].value);
      g_assert_cmpuint (issues->len, ==, 1);
      issue = find_issue (issues, cases[i].field);
      g_assert_nonnull (issue);
      g_assert_nonnull (strstr (issue->message, cases[i].words));
      /* The message starts with the field's label. */
      g_assert_true (g_str_has_prefix (issue->message, awp_meeting_field_label (cases[i].field)));
      g_assert_false (awp_meeting_validate (m, &error));
      g_assert_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, issue->message);
    }
}

static void
test_responsible_person (void)
{
  static const struct { const char *member; const char *value; const char *field; } cases[] = {
    { "phone", "+7 495 123 45 67", "responsible.phone" },   /* Moscow, not Kazakhstan (O605-8) */
    { "phone", "", "responsible.phone" },
    { "email", "a.sarsenova@", "responsible.email" },
    { "email", "", "responsible.email" },
    { "name", " ", "responsible.name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) m = good_meeting ();
      g_autoptr(GPtrArray) issues = NULL;

      json_object_set_string_member (json_object_get_object_member (m, "responsible"),
                                     cases[i].member, cases[i].value);
      issues = awp_meeting_check (m);
      g_assert_cmpuint (issues->len, ==, 1);
      g_assert_nonnull (find_issue (issues, cases[i].field));
    }
}

static void
test_formats (void)
{
  g_autoptr(JsonObject) online = good_meeting ();
  g_autoptr(JsonObject) offline = good_meeting ();
  g_autoptr(JsonObject) closed = good_meeting ();
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) c = NULL;

  /* Online only: no place, no seats needed; the broadcast link is. */
  json_object_set_string_member (online, "format", "online");
  json_object_remove_member (online, "place");
  json_object_remove_member (online, "capacity");
  a = awp_meeting_check (online);
  g_assert_cmpuint (a->len, ==, 0);

  /* Offline: no broadcast link needed. */
  json_object_set_string_member (offline, "format", "offline");
  json_object_remove_member (offline, "broadcast_url");
  b = awp_meeting_check (offline);
  g_assert_cmpuint (b->len, ==, 0);

  /* Closed (O605-3): a ground, but no public seats or broadcast. */
  json_object_set_boolean_member (closed, "closed", TRUE);
  json_object_set_string_member (closed, "closed_ground", "Қызмет бабында пайдалану үшін ақпарат қаралады");
  json_object_remove_member (closed, "capacity");
  json_object_remove_member (closed, "broadcast_url");
  c = awp_meeting_check (closed);
  g_assert_cmpuint (c->len, ==, 0);
}

static void
test_every_problem_listed (void)
{
  g_autoptr(JsonObject) empty = json_object_new ();
  g_autoptr(GPtrArray) issues = awp_meeting_check (empty);
  const char *expected[] = {
    "body", "title", "date", "time", "format", "place", "languages", "agenda",
    "responsible.name", "responsible.phone", "responsible.email", "capacity",
  };

  g_assert_cmpuint (issues->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (((AwpMeetingIssue *) issues->pdata[i])->field, ==, expected[i]);
}

static void
test_deadlines (void)
{
  g_autoptr(AwpCalendar) calendar = NULL;
  g_autoptr(AwpRuleSet) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) m = good_meeting ();
  AwpDeadline due[AWP_MEETING_N_DEADLINES];
  JsonObject *deadlines;
  GDate date, published;

  calendar = awp_calendar_new_default (&error);
  g_assert_no_error (error);
  rules = awp_rule_set_new_default (&error);
  g_assert_no_error (error);

  g_date_set_dmy (&date, 12, G_DATE_MARCH, 2026);
  g_assert_true (awp_meeting_compute_deadlines (rules, calendar, &date, due, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_date_get_day (&due[AWP_MEETING_DEADLINE_ANNOUNCE].date), ==, 6);
  g_assert_cmpuint (g_date_get_day (&due[AWP_MEETING_DEADLINE_REGISTER].date), ==, 10);
  g_assert_cmpuint (g_date_get_day (&due[AWP_MEETING_DEADLINE_RESULTS].date), ==, 19);
  g_assert_cmpstr (awp_rule_get_norm (due[AWP_MEETING_DEADLINE_ANNOUNCE].rule), ==, "O605-8");
  g_assert_cmpstr (awp_rule_get_norm (due[AWP_MEETING_DEADLINE_REGISTER].rule), ==, "O605-9");
  g_assert_cmpstr (awp_rule_get_norm (due[AWP_MEETING_DEADLINE_RESULTS].rule), ==, "O605-14");

  g_assert_true (awp_meeting_fill_deadlines (rules, calendar, m, &error));
  deadlines = json_object_get_object_member (m, "deadlines");
  g_assert_cmpstr (json_object_get_string_member (deadlines, "announce_by"), ==, "2026-03-06");
  g_assert_cmpstr (json_object_get_string_member (deadlines, "register_by"), ==, "2026-03-10");
  g_assert_cmpstr (json_object_get_string_member (deadlines, "results_by"), ==, "2026-03-19");
  g_assert_cmpstr (json_object_get_string_member (m, "due_on"), ==, "2026-03-06");

  /* Published on the last allowed day: on time; a working day later: late. */
  g_date_set_dmy (&published, 6, G_DATE_MARCH, 2026);
  g_assert_false (awp_meeting_announcement_is_late (m, &published));
  g_date_set_dmy (&published, 10, G_DATE_MARCH, 2026);
  g_assert_true (awp_meeting_announcement_is_late (m, &published));

  /* Before Order 605 was in force there is no deadline to compute. */
  g_date_set_dmy (&date, 1, G_DATE_MARCH, 2024);
  g_assert_false (awp_meeting_compute_deadlines (rules, calendar, &date, due, &error));
  g_assert_error (error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_NOT_IN_FORCE);
}

static void
test_announcement (void)
{
  g_autoptr(AwpCalendar) calendar = awp_calendar_new_default (NULL);
  g_autoptr(AwpRuleSet) rules = awp_rule_set_new_default (NULL);
  g_autoptr(JsonObject) m = good_meeting ();
  g_autoptr(GError) error = NULL;
  g_autofree char *kk = NULL;
  g_autofree char *ru = NULL;
  static const char expected_ru[] =
    "ОБЪЯВЛЕНИЕ\n"
    "\n"
    "Астана қаласы әкімдігінің қоғамдық кеңесі проводит открытое заседание.\n"
    "\n"
    "Тема: Қала көшелерін көгалдандыру / Озеленение улиц города\n"
    "Дата и время проведения: 12.03.2026 (четверг), 10:00\n"
    "Место проведения: Астана қ., Бейбітшілік к-сі, 11, мәжіліс залы\n"
    "Формат: в смешанном режиме (офлайн и онлайн)\n"
    "Язык заседания: казахский и русский\n"
    "\n"
    "Повестка дня:\n"
    "1. 2026 жылғы көгалдандыру жоспары\n"
    "2. Тұрғындардың ұсыныстары\n"
    "\n"
    "Заявки на участие в заседании в офлайн-режиме (фамилия, имя, отчество (при наличии), год рождения, "
    "контактные данные) принимаются на бумажном носителе или в электронной форме до 10.03.2026 включительно.\n"
    "\n"
    "Онлайн-трансляция: https://youtube.com/live/akimat\n"
    "\n"
    "Ответственное лицо: Сәрсенова Әйгерім Болатқызы, рабочий телефон: +7 7172 55 66 77, "
    "электронная почта: a.sarsenova@astana.gov.kz.\n";

  g_assert_true (awp_meeting_fill_deadlines (rules, calendar, m, &error));
  ru = awp_meeting_announcement (m, "ru", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ru, ==, expected_ru);

  kk = awp_meeting_announcement (m, "kk", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (kk, "ХАБАРЛАНДЫРУ\n"));
  g_assert_nonnull (strstr (kk, "Өтетін күні мен уақыты: 12.03.2026 (бейсенбі), сағат 10:00\n"));
  g_assert_nonnull (strstr (kk, "Отырыс тілі: қазақ және орыс тілдері\n"));
  g_assert_nonnull (strstr (kk, "1. 2026 жылғы көгалдандыру жоспары\n2. Тұрғындардың ұсыныстары\n"));
  g_assert_nonnull (strstr (kk, "10.03.2026 қоса алғанда қабылданады"));
  g_assert_nonnull (strstr (kk, "жұмыс телефоны: +7 7172 55 66 77"));
  /* The UI language does not change the announcement's. */
  g_assert_null (strstr (kk, "заседание"));
}

static void
test_announcement_online_and_refusals (void)
{
  g_autoptr(JsonObject) m = good_meeting ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ru = NULL;
  char *none;

  json_object_set_string_member (m, "format", "online");
  json_object_set_array_member (m, "languages", json_array_new ());
  json_array_add_string_element (json_object_get_array_member (m, "languages"), "kk");
  ru = awp_meeting_announcement (m, "ru", &error);
  g_assert_no_error (error);
  /* Online: no place, no offline applications; the broadcast is there. */
  g_assert_null (strstr (ru, "Место проведения"));
  g_assert_null (strstr (ru, "Заявки"));
  g_assert_nonnull (strstr (ru, "Формат: в онлайн-режиме (трансляция)\n"));
  g_assert_nonnull (strstr (ru, "Язык заседания: казахский\n"));

  json_object_set_boolean_member (m, "closed", TRUE);
  json_object_set_string_member (m, "closed_ground", "Ақпарат таратуы шектелген");
  none = awp_meeting_announcement (m, "kk", &error);
  g_assert_null (none);
  g_assert_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_CLOSED);
  g_clear_error (&error);

  json_object_set_boolean_member (m, "closed", FALSE);
  json_object_set_string_member (m, "title", "");
  none = awp_meeting_announcement (m, "kk", &error);
  g_assert_null (none);
  g_assert_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID);
}

static void
test_regions_and_starts (void)
{
  g_autoptr(JsonObject) m = good_meeting ();
  g_autoptr(GDateTime) starts = awp_meeting_dup_starts_at (m);
  guint n;
  const AwpRegion *all = awp_meeting_regions (&n);

  g_assert_cmpuint (n, ==, 20);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (awp_meeting_region_find (all[i].code) == &all[i]);
      g_assert_nonnull (all[i].name_kk);
      g_assert_nonnull (all[i].name_ru);
    }
  g_assert_null (awp_meeting_region_find ("nowhere"));
  g_assert_cmpint (g_date_time_get_utc_offset (starts) / G_TIME_SPAN_HOUR, ==, 5);
  g_assert_cmpint (g_date_time_get_hour (starts), ==, 10);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meeting/valid", test_valid);
  g_test_add_func ("/meeting/each-field-named", test_each_field_named);
  g_test_add_func ("/meeting/responsible-person", test_responsible_person);
  g_test_add_func ("/meeting/formats", test_formats);
  g_test_add_func ("/meeting/every-problem-listed", test_every_problem_listed);
  g_test_add_func ("/meeting/deadlines", test_deadlines);
  g_test_add_func ("/meeting/announcement", test_announcement);
  g_test_add_func ("/meeting/announcement-online-and-refusals", test_announcement_online_and_refusals);
  g_test_add_func ("/meeting/regions-and-starts", test_regions_and_starts);
  return g_test_run ();
}

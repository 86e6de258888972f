#include "config.h"

#include <string.h>

#include "awp-conference-questions.h"
#include "awp-conference-template.h"
#include "awp-survey-results.h"
#include "awp-survey-template.h"
#include "awp-template-notices.h"
#include "awp-csv.h"
#include "awp-test-store.h"
#include "awp-validate.h"

/* Conference (Annex 1) and survey (Annex 2) templates of Rules No. 145:
 * every field's validation, the live rule checks O145-7, 9.1, 11 and the
 * Annex date order, the notice schedule O145-8.1/8.2, and the submission
 * through the real store. */

#define VALID_CONFERENCE \
  "{\"opens_on\":\"2026-03-10\",\"closes_on\":\"2026-03-12\"," \
  "\"title_kk\":\"Өңірдің даму жоспары\",\"title_ru\":\"План развития региона\",\"title_en\":\"\"," \
  "\"brief_kk\":\"Тұрғындармен кездесу\",\"brief_ru\":\"Встреча с жителями\"," \
  "\"description_kk\":\"Тұрғындардың сұрақтарына жауап беру.\",\"description_ru\":\"Ответы на вопросы жителей.\"," \
  "\"moderator_surname\":\"Сейітқали\",\"moderator_name\":\"Әсем\",\"moderator_patronymic\":\"\"," \
  "\"moderator_iin\":\"901123300258\",\"moderator_position\":\"Бас маман\"," \
  "\"moderator_email\":\"a.seitkali@gov.kz\",\"moderator_phone\":\"+7 701 123 45 67\"," \
  "\"public_discussion\":true}"

#define VALID_SURVEY \
  "{\"number\":\"1\",\"category\":\"Мемлекеттік қызметтер\"," \
  "\"title_kk\":\"Қызмет сапасы\",\"title_ru\":\"Качество услуг\"," \
  "\"launch_on\":\"2026-03-10\",\"close_on\":\"2026-03-31\"," \
  "\"questions\":[{\"title_kk\":\"Қанағаттанасыз ба?\",\"title_ru\":\"Вы довольны?\",\"choice\":\"single\"," \
  "\"options\":[{\"title_kk\":\"Иә\",\"title_ru\":\"Да\"},{\"title_kk\":\"Жоқ\",\"title_ru\":\"Нет\"}]}]}"

typedef struct
{
  StoreFixture        store;
  AwpTemplateContext  ctx;
} Fixture;

static void
set_date (GDate *d, const char *iso)
{
  g_assert_true (awp_calendar_parse_date (iso, "test", d, NULL));
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  store_fixture_setup (&f->store, data);
  set_date (&today, "2026-03-02");
  g_assert_true (awp_template_context_init (&f->ctx, f->store.store, &today, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  store_fixture_teardown (&f->store, data);
}

/* Sets @member of @obj from a JSON literal ("null": remove it). */
static void
set_member (JsonObject *obj, const char *member, const char *json)
{
  g_autoptr(JsonNode) node = NULL;

  if (g_str_equal (json, "null"))
    {
      json_object_remove_member (obj, member);
      return;
    }
  node = json_from_string (json, NULL);
  g_assert_nonnull (node);
  json_object_set_member (obj, member, g_steal_pointer (&node));
}

static const AwpFieldError *
find_issue (GPtrArray *issues, const char *field)
{
  for (guint i = 0; i < issues->len; i++)
    {
      const AwpFieldError *e = g_ptr_array_index (issues, i);

      if (g_str_equal (e->field, field))
        return e;
    }
  return NULL;
}

static void
dump_issues (GPtrArray *issues)
{
  for (guint i = 0; i < issues->len; i++)
    {
      const AwpFieldError *e = g_ptr_array_index (issues, i);

      g_test_message ("  %s [%s] %s", e->field, e->code, e->message);
    }
}

/* One field changed from a valid template, and the one issue expected
 * (field, code, a word of the message naming the field), or none. */
typedef struct
{
  const char *member;
  const char *value;
  const char *field;
  const char *code;
  const char *label;
} FieldCase;

static const FieldCase conference_cases[] = {
  { NULL, NULL, NULL, NULL, NULL },
  { "opens_on", "null", "opens_on", "required", "Opening date" },
  { "opens_on", "\"31.02.2026\"", "opens_on", "format", "Opening date" },
  { "closes_on", "\"\"", "closes_on", "required", "Closing date" },
  { "title_kk", "\"  \"", "title_kk", "required", "Name in Kazakh" },
  { "title_ru", "null", "title_ru", "required", "Name in Russian" },
  { "title_ru", "\"Плaн развития\"", "title_ru", "lookalike", "Name in Russian" },  /* Latin a */
  { "title_en", "\"Regional plan\"", NULL, NULL, NULL },
  { "brief_kk", "\"\"", "brief_kk", "required", "Brief description in Kazakh" },
  { "brief_ru", "\"\"", "brief_ru", "required", "Brief description in Russian" },
  { "description_ru", "null", "description_ru", "required", "Description in Russian" },
  { "description_kk", "\"\"", "description_kk", "required", "Description in Kazakh" },
  { "moderator_surname", "\"\"", "moderator_surname", "required", "surname" },
  { "moderator_name", "null", "moderator_name", "required", "name" },
  { "moderator_patronymic", "\"Қайратқызы\"", NULL, NULL, NULL },
  { "moderator_iin", "\"901123300255\"", "moderator_iin", "checksum", "IIN" },
  { "moderator_iin", "\"90112330025\"", "moderator_iin", "format", "IIN" },
  { "moderator_iin", "\"\"", "moderator_iin", "required", "IIN" },
  { "moderator_position", "\"\"", "moderator_position", "required", "position" },
  { "moderator_email", "\"a.seitkali@\"", "moderator_email", "format", "e-mail" },
  { "moderator_phone", "\"+7 495 123 45 67\"", "moderator_phone", "foreign", "phone" },
  { "moderator_phone", "\"8 (701) 123-45-67\"", NULL, NULL, NULL },
  { "public_discussion", "\"yes\"", "public_discussion", "format", "Public discussion" },
  { "public_discussion", "false", NULL, NULL, NULL },
};

static const FieldCase survey_cases[] = {
  { NULL, NULL, NULL, NULL, NULL },
  { "number", "\"\"", "number", "required", "Survey number" },
  { "category", "null", "category", "required", "Category" },
  { "title_kk", "\"\"", "title_kk", "required", "Name of the survey in Kazakh" },
  { "title_en", "\"Quality of services\"", NULL, NULL, NULL },
  { "launch_on", "\"2026-13-01\"", "launch_on", "format", "Launch date" },
  { "close_on", "null", "close_on", "required", "Closing date" },
  { "questions", "[]", "questions", "required", "Questions" },
  { "questions", "null", "questions", "required", "Questions" },
  { "questions", "[{\"title_kk\":\"Сұрақ\",\"title_ru\":\"Вопрос\",\"choice\":\"multiple\","
                 "\"options\":[{\"title_kk\":\"Иә\",\"title_ru\":\"Да\"}]}]",
    "questions[0].options", "required", "Question 1" },
  { "questions", "[{\"title_kk\":\"Сұрақ\",\"title_ru\":\"\",\"choice\":\"single\","
                 "\"options\":[{\"title_kk\":\"Иә\",\"title_ru\":\"Да\"},{\"title_kk\":\"Жоқ\",\"title_ru\":\"Нет\"}]}]",
    "questions[0].title_ru", "required", "Question 1 in Russian" },
  { "questions", "[{\"title_kk\":\"Сұрақ\",\"title_ru\":\"Вопрос\",\"choice\":\"any\","
                 "\"options\":[{\"title_kk\":\"Иә\",\"title_ru\":\"Да\"},{\"title_kk\":\"Жоқ\",\"title_ru\":\"Нет\"}]}]",
    "questions[0].choice", "format", "Question 1" },
  { "questions", "[{\"title_kk\":\"Сұрақ\",\"title_ru\":\"Вопрос\",\"choice\":\"multiple\","
                 "\"options\":[{\"title_kk\":\"Иә\",\"title_ru\":\"Да\"},{\"title_kk\":\"\",\"title_ru\":\"Нет\"}]}]",
    "questions[0].options[1].title_kk", "required", "Question 1, answer option 2 in Kazakh" },
  { "questions", "[{\"title_kk\":\"Сұрақ\",\"title_ru\":\"Вопрос\",\"choice\":\"multiple\","
                 "\"options\":[{\"title_kk\":\"Иә\",\"title_ru\":\"Да\",\"title_en\":\"Yes\"},"
                 "{\"title_kk\":\"Жоқ\",\"title_ru\":\"Нет\"},{\"title_kk\":\"Білмеймін\",\"title_ru\":\"Не знаю\"}]}]",
    NULL, NULL, NULL },
};

static void
run_field_cases (Fixture         *f,
                 const char      *valid,
                 const FieldCase *cases,
                 guint            n_cases,
                 GPtrArray     *(*validate) (JsonObject *, const AwpTemplateContext *))
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(JsonObject) data = json_obj (valid);
      g_autoptr(GPtrArray) issues = NULL;

      if (cases[i].member != NULL)
        set_member (data, cases[i].member, cases[i].value);
      issues = validate (data, &f->ctx);
      g_test_message ("case %u: %s = %s", i, cases[i].member, cases[i].value);
      dump_issues (issues);
      if (cases[i].field == NULL)
        {
          g_assert_cmpuint (issues->len, ==, 0);
          continue;
        }
      g_assert_cmpuint (issues->len, ==, 1);
      {
        const AwpFieldError *e = find_issue (issues, cases[i].field);

        g_assert_nonnull (e);
        g_assert_cmpstr (e->code, ==, cases[i].code);
        /* The message starts with the field's label. */
        g_assert_nonnull (strstr (e->message, cases[i].label));
        g_assert_true (strstr (e->message, ":") != NULL);
      }
    }
}

static void
test_conference_fields (Fixture *f, gconstpointer data)
{
  run_field_cases (f, VALID_CONFERENCE, conference_cases, G_N_ELEMENTS (conference_cases),
                   awp_conference_template_validate);
}

static void
test_conference_empty (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) empty = json_object_new ();
  g_autoptr(GPtrArray) issues = awp_conference_template_validate (empty, &f->ctx);
  /* Every required field of Annex 1, each named: 2 dates, 3 × kk/ru texts,
   * surname, name, IIN, position, e-mail, phone. */
  const char *required[] = {
    "opens_on", "closes_on", "title_kk", "title_ru", "brief_kk", "brief_ru", "description_kk",
    "description_ru", "moderator_surname", "moderator_name", "moderator_iin", "moderator_position",
    "moderator_email", "moderator_phone",
  };

  g_assert_cmpuint (issues->len, ==, G_N_ELEMENTS (required));
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_nonnull (find_issue (issues, required[i]));
}

static void
test_survey_fields (Fixture *f, gconstpointer data)
{
  run_field_cases (f, VALID_SURVEY, survey_cases, G_N_ELEMENTS (survey_cases),
                   awp_survey_template_validate);
}

/* Rule checks: dates and the day it reaches the Operator → status per norm. */
typedef struct
{
  const char     *first;
  const char     *last;
  const char     *today;
  const char     *norm;
  AwpCheckStatus  status;
  const char     *says;    /* a date the explanation must name */
} RuleCase;

static const RuleCase conference_rules[] = {
  /* O145-7: opening Tue 10.03.2026, the 9th a moved day off: latest 04.03. */
  { "2026-03-10", "2026-03-12", "2026-03-04", "O145-7", AWP_CHECK_PASSED, "04.03.2026" },
  { "2026-03-10", "2026-03-12", "2026-03-05", "O145-7", AWP_CHECK_FAILED, "04.03.2026" },
  /* …and sent on the 5th the earliest opening allowed is Wed 11.03. */
  { "2026-03-10", "2026-03-12", "2026-03-05", "O145-7", AWP_CHECK_FAILED, "11.03.2026" },
  { NULL, "2026-03-12", "2026-03-02", "O145-7", AWP_CHECK_PENDING, NULL },
  /* O145-9.1: opening Sat 21.03 (Nauryz days off): earliest closing 26.03. */
  { "2026-03-21", "2026-03-25", "2026-03-02", "O145-9.1", AWP_CHECK_FAILED, "26.03.2026" },
  { "2026-03-21", "2026-03-26", "2026-03-02", "O145-9.1", AWP_CHECK_PASSED, "26.03.2026" },
  { "2026-03-19", "2026-03-19", "2026-03-02", "O145-9.1", AWP_CHECK_PASSED, "19.03.2026" },
  /* Annex 1: closing not before opening. */
  { "2026-03-19", "2026-03-18", "2026-03-02", "O145-A1", AWP_CHECK_FAILED, "18.03.2026" },
  { "2026-03-19", "2026-03-19", "2026-03-02", "O145-A1", AWP_CHECK_PASSED, "19.03.2026" },
  { "2026-03-19", NULL, "2026-03-02", "O145-A1", AWP_CHECK_PENDING, NULL },
};

static const RuleCase survey_rules[] = {
  { "2026-03-10", "2026-03-31", "2026-03-04", "O145-7", AWP_CHECK_PASSED, "04.03.2026" },
  { "2026-03-10", "2026-03-31", "2026-03-06", "O145-7", AWP_CHECK_FAILED, "04.03.2026" },
  /* O145-11: launch Mon 02.03.2026, at least 10 wd: earliest closing 16.03. */
  { "2026-03-02", "2026-03-13", "2026-02-20", "O145-11", AWP_CHECK_FAILED, "16.03.2026" },
  { "2026-03-02", "2026-03-16", "2026-02-20", "O145-11", AWP_CHECK_PASSED, "16.03.2026" },
  /* Over the New Year: 22.12.2025 → 06.01.2026. */
  { "2025-12-22", "2026-01-05", "2025-12-01", "O145-11", AWP_CHECK_FAILED, "06.01.2026" },
  { "2025-12-22", "2026-01-06", "2025-12-01", "O145-11", AWP_CHECK_PASSED, "06.01.2026" },
  { NULL, NULL, "2026-03-02", "O145-11", AWP_CHECK_PENDING, NULL },
  { "2026-03-16", "2026-03-02", "2026-03-02", "O145-A2", AWP_CHECK_FAILED, "02.03.2026" },
};

static void
run_rule_cases (Fixture        *f,
                const char     *valid,
                const char     *first_member,
                const char     *last_member,
                const RuleCase *cases,
                guint           n_cases,
                GPtrArray    *(*check) (JsonObject *, const AwpTemplateContext *))
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(JsonObject) data = json_obj (valid);
      g_autoptr(GPtrArray) checks = NULL;
      AwpTemplateContext ctx = f->ctx;
      const AwpRuleCheck *found = NULL;

      json_object_remove_member (data, first_member);
      json_object_remove_member (data, last_member);
      if (cases[i].first)
        json_object_set_string_member (data, first_member, cases[i].first);
      if (cases[i].last)
        json_object_set_string_member (data, last_member, cases[i].last);
      set_date (&ctx.today, cases[i].today);
      checks = check (data, &ctx);
      for (guint j = 0; j < checks->len; j++)
        {
          const AwpRuleCheck *c = g_ptr_array_index (checks, j);

          g_test_message ("case %u: %s %d %s — %s", i, c->norm, c->status, c->title, c->explanation);
          if (g_str_equal (c->norm, cases[i].norm) && found == NULL)
            found = c;
        }
      g_assert_nonnull (found);
      g_assert_cmpint (found->status, ==, cases[i].status);
      g_assert_true (found->title != NULL && found->title[0] != '\0');
      if (cases[i].says)
        g_assert_nonnull (strstr (found->explanation, cases[i].says));
    }
}

static void
test_conference_rules (Fixture *f, gconstpointer data)
{
  run_rule_cases (f, VALID_CONFERENCE, "opens_on", "closes_on", conference_rules,
                  G_N_ELEMENTS (conference_rules), awp_conference_template_check_rules);
}

static void
test_survey_rules (Fixture *f, gconstpointer data)
{
  run_rule_cases (f, VALID_SURVEY, "launch_on", "close_on", survey_rules,
                  G_N_ELEMENTS (survey_rules), awp_survey_template_check_rules);
}

static AwpCheckStatus
status_of (GPtrArray *checks, const char *id)
{
  for (guint j = 0; j < checks->len; j++)
    {
      const AwpRuleCheck *c = g_ptr_array_index (checks, j);

      if (g_str_equal (c->id, id))
        return c->status;
    }
  g_assert_not_reached ();
}

static void
test_survey_question_rule (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) survey = json_obj (VALID_SURVEY);
  GPtrArray *checks;

  checks = awp_survey_template_check_rules (survey, &f->ctx);
  g_assert_cmpint (status_of (checks, "questions"), ==, AWP_CHECK_PASSED);
  g_ptr_array_unref (checks);

  set_member (survey, "questions", "[{\"title_kk\":\"С\",\"title_ru\":\"В\",\"options\":[{}]}]");
  checks = awp_survey_template_check_rules (survey, &f->ctx);
  g_assert_cmpint (status_of (checks, "questions"), ==, AWP_CHECK_FAILED);
  g_ptr_array_unref (checks);

  json_object_remove_member (survey, "questions");
  checks = awp_survey_template_check_rules (survey, &f->ctx);
  g_assert_cmpint (status_of (checks, "questions"), ==, AWP_CHECK_FAILED);
  g_ptr_array_unref (checks);
}

/* O145-8.1 / 8.2 notice schedules. */
static void
test_notices (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) conf = json_obj (VALID_CONFERENCE);
  g_autoptr(JsonObject) survey = json_obj (VALID_SURVEY);
  GPtrArray *notices;
  const AwpNotice *n;
  GDate expect;

  /* Conference opening Thu 26.03.2026: notice by Fri 20.03 (21-25 days off). */
  json_object_set_string_member (conf, "opens_on", "2026-03-26");
  notices = awp_conference_template_notices (conf, &f->ctx);
  g_assert_cmpuint (notices->len, ==, 1);
  n = g_ptr_array_index (notices, 0);
  g_assert_cmpstr (n->norm, ==, "O145-8.1");
  set_date (&expect, "2026-03-20");
  g_assert_cmpint (g_date_compare (&n->latest, &expect), ==, 0);
  g_assert_false (g_date_valid (&n->earliest));
  g_ptr_array_unref (notices);

  json_object_remove_member (conf, "opens_on");
  notices = awp_conference_template_notices (conf, &f->ctx);
  g_assert_cmpuint (notices->len, ==, 0);
  g_ptr_array_unref (notices);

  /* Survey launched Thu 31.12.2026: notice within 1 wd, by Tue 05.01.2027;
   * 10.03-31.03 is not longer than a month: no re-announcement. */
  json_object_set_string_member (survey, "launch_on", "2026-12-31");
  json_object_set_string_member (survey, "close_on", "2027-01-20");
  notices = awp_survey_template_notices (survey, &f->ctx);
  g_assert_cmpuint (notices->len, ==, 1);
  n = g_ptr_array_index (notices, 0);
  g_assert_cmpstr (n->norm, ==, "O145-8.2");
  set_date (&expect, "2027-01-05");
  g_assert_cmpint (g_date_compare (&n->latest, &expect), ==, 0);
  set_date (&expect, "2026-12-31");
  g_assert_cmpint (g_date_compare (&n->earliest, &expect), ==, 0);
  g_ptr_array_unref (notices);

  /* Mon 02.03 – Fri 15.05.2026: longer than a month, re-announced by
   * 16.03, 30.03, 13.04, 27.04 and 12.05 (every 14 days; Mon 11.05 is
   * Victory Day moved from Saturday, so the next working day). */
  json_object_set_string_member (survey, "launch_on", "2026-03-02");
  json_object_set_string_member (survey, "close_on", "2026-05-15");
  notices = awp_survey_template_notices (survey, &f->ctx);
  g_assert_cmpuint (notices->len, ==, 6);
  {
    const char *dates[] = { "2026-03-03", "2026-03-16", "2026-03-30", "2026-04-13", "2026-04-27", "2026-05-12" };

    for (guint i = 0; i < notices->len; i++)
      {
        n = g_ptr_array_index (notices, i);
        set_date (&expect, dates[i]);
        g_test_message ("notice %u: %s %u-%u-%u", i, n->title, g_date_get_year (&n->latest), g_date_get_month (&n->latest), g_date_get_day (&n->latest));
        g_assert_cmpint (g_date_compare (&n->latest, &expect), ==, 0);
      }
  }
  g_ptr_array_unref (notices);
}

/* Question editing on the working copy. */
static const char *
question_title (JsonObject *data, guint q)
{
  JsonArray *qs = awp_survey_template_get_questions (data);

  return json_object_get_string_member (json_array_get_object_element (qs, q), "title_ru");
}

static void
test_question_editing (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) survey = json_obj (VALID_SURVEY);
  JsonArray *qs;
  JsonArray *options;
  guint q;

  q = awp_survey_template_add_question (survey);
  g_assert_cmpuint (q, ==, 1);
  qs = awp_survey_template_get_questions (survey);
  json_object_set_string_member (json_array_get_object_element (qs, 1), "title_ru", "Второй");
  g_assert_true (awp_survey_template_move_question (survey, 1, 0));
  g_assert_cmpstr (question_title (survey, 0), ==, "Второй");
  g_assert_cmpstr (question_title (survey, 1), ==, "Вы довольны?");
  g_assert_false (awp_survey_template_move_question (survey, 2, 0));

  /* A new question starts with two empty options, single choice. */
  qs = awp_survey_template_get_questions (survey);
  options = json_object_get_array_member (json_array_get_object_element (qs, 0), "options");
  g_assert_cmpuint (json_array_get_length (options), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (qs, 0), "choice"), ==, "single");

  g_assert_true (awp_survey_template_add_option (survey, 1));
  qs = awp_survey_template_get_questions (survey);
  options = json_object_get_array_member (json_array_get_object_element (qs, 1), "options");
  g_assert_cmpuint (json_array_get_length (options), ==, 3);
  json_object_set_string_member (json_array_get_object_element (options, 2), "title_ru", "Не знаю");
  g_assert_true (awp_survey_template_move_option (survey, 1, 2, 0));
  qs = awp_survey_template_get_questions (survey);
  options = json_object_get_array_member (json_array_get_object_element (qs, 1), "options");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (options, 0), "title_ru"), ==, "Не знаю");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (options, 1), "title_ru"), ==, "Да");
  g_assert_true (awp_survey_template_remove_option (survey, 1, 1));
  qs = awp_survey_template_get_questions (survey);
  options = json_object_get_array_member (json_array_get_object_element (qs, 1), "options");
  g_assert_cmpuint (json_array_get_length (options), ==, 2);
  g_assert_false (awp_survey_template_remove_option (survey, 1, 5));
  g_assert_false (awp_survey_template_add_option (survey, 9));

  g_assert_true (awp_survey_template_remove_question (survey, 0));
  g_assert_cmpuint (json_array_get_length (awp_survey_template_get_questions (survey)), ==, 1);
  g_assert_cmpstr (question_title (survey, 0), ==, "Вы довольны?");
  g_assert_false (awp_survey_template_remove_question (survey, 1));
}

static char *
record_status (AwpStore *store, const char *id)
{
  g_autoptr(JsonObject) record = awp_store_get_record (store, id, NULL);

  g_assert_nonnull (record);
  return g_strdup (json_object_get_string_member (json_object_get_object_member (record, "data"), "status"));
}

/* Draft → submitted → returned → submitted → accepted → published → closed,
 * through the real store; refusals change nothing. */
static void
test_conference_round_trip (Fixture *f, gconstpointer data)
{
  AwpStore *store = f->store.store;
  g_autoptr(JsonObject) partial = json_obj ("{\"title_kk\":\"Тақырып\"}");
  g_autoptr(JsonObject) full = json_obj (VALID_CONFERENCE);
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *status = NULL;
  gint64 outbox_before;
  GDate today;

  id = awp_template_create (store, "conference", partial, "admin", &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  status = record_status (store, id);
  g_assert_cmpstr (status, ==, "draft");
  g_clear_pointer (&status, g_free);

  /* An incomplete template is refused, naming a field; nothing is written. */
  outbox_before = raw_count (f->store.path, "SELECT count(*) FROM outbox");
  set_date (&today, "2026-03-02");
  g_assert_false (awp_conference_template_submit (store, id, &today, "admin", &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Opening date"));
  g_clear_error (&error);
  g_assert_cmpint (raw_count (f->store.path, "SELECT count(*) FROM outbox"), ==, outbox_before);

  /* The rest of the fields, saved as the editor autosaves them. */
  json_object_remove_member (full, "title_kk");
  g_assert_true (awp_template_save (store, "conference", id, full, "admin", &error));
  g_assert_no_error (error);
  record = awp_store_get_record (store, id, &error);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "data"), "subject"),
                   ==, "План развития региона");
  g_clear_pointer (&record, json_object_unref);
  g_assert_cmpint (raw_count (f->store.path, "SELECT count(*) FROM record WHERE subject = 'План развития региона'"), ==, 1);

  /* Too late for an opening on 10.03 (O145-7): refused with the rule. */
  set_date (&today, "2026-03-05");
  g_assert_false (awp_conference_template_submit (store, id, &today, "admin", &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "O145-7"));
  g_clear_error (&error);

  set_date (&today, "2026-03-04");
  g_assert_true (awp_conference_template_submit (store, id, &today, "admin", &error));
  g_assert_no_error (error);
  record = awp_store_get_record (store, id, &error);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "data"), "submitted_on"),
                   ==, "2026-03-04");
  g_clear_pointer (&record, json_object_unref);
  status = record_status (store, id);
  g_assert_cmpstr (status, ==, "submitted");
  g_clear_pointer (&status, g_free);

  /* Waiting for the Operator: not editable, not submitted twice. */
  g_assert_false (awp_template_save (store, "conference", id, partial, "admin", &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_false (awp_conference_template_submit (store, id, &today, "admin", &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION);
  g_clear_error (&error);

  /* The rules judge a submitted template on the day it was sent. */
  {
    AwpTemplateContext later = f->ctx;
    g_autoptr(JsonObject) rec = awp_store_get_record (store, id, NULL);
    g_autoptr(GPtrArray) checks = NULL;

    set_date (&later.today, "2026-03-09");
    checks = awp_conference_template_check_rules (json_object_get_object_member (rec, "data"), &later);
    g_assert_cmpint (status_of (checks, "submission"), ==, AWP_CHECK_PASSED);
  }

  /* The Operator returns it with remarks; the administrator fixes and resubmits. */
  {
    g_autoptr(JsonObject) remarks = json_obj ("{\"remarks\":\"Сипаттаманы толықтырыңыз.\"}");

    g_assert_true (awp_store_transition (store, id, "return", remarks, "operator", &error));
    g_assert_no_error (error);
  }
  g_assert_true (awp_template_save (store, "conference", id, partial, "admin", &error));
  g_assert_no_error (error);
  g_assert_true (awp_conference_template_submit (store, id, &today, "admin", &error));
  g_assert_no_error (error);
  g_assert_true (awp_store_transition (store, id, "accept", NULL, "operator", &error));
  g_assert_true (awp_store_transition (store, id, "publish", NULL, "operator", &error));
  g_assert_true (awp_store_transition (store, id, "close", NULL, "admin", &error));
  g_assert_no_error (error);
  status = record_status (store, id);
  g_assert_cmpstr (status, ==, "closed");
}

static void
test_survey_round_trip (Fixture *f, gconstpointer data)
{
  AwpStore *store = f->store.store;
  g_autoptr(JsonObject) full = json_obj (VALID_SURVEY);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *status = NULL;
  GDate today;

  id = awp_template_create (store, "survey", NULL, "admin", &error);
  g_assert_no_error (error);
  set_date (&today, "2026-03-02");
  g_assert_false (awp_survey_template_submit (store, id, &today, "admin", &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Ten working days are needed (O145-11): 10.03 – 20.03 is only nine. */
  json_object_set_string_member (full, "close_on", "2026-03-20");
  g_assert_true (awp_template_save (store, "survey", id, full, "admin", &error));
  g_assert_false (awp_survey_template_submit (store, id, &today, "admin", &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "O145-11"));
  g_clear_error (&error);

  json_object_set_string_member (full, "close_on", "2026-03-31");
  g_assert_true (awp_template_save (store, "survey", id, full, "admin", &error));
  g_assert_true (awp_survey_template_submit (store, id, &today, "admin", &error));
  g_assert_no_error (error);
  status = record_status (store, id);
  g_assert_cmpstr (status, ==, "submitted");

  /* A conference id is not a survey. */
  {
    g_autofree char *conf = awp_template_create (store, "conference", NULL, "admin", &error);

    g_assert_false (awp_survey_template_submit (store, conf, &today, "admin", &error));
    g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (awp_template_save (store, "survey", conf, full, "admin", &error));
    g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  }
}


/* O145-9.2: the live question queue; closing waits for every answer. */
static void
test_conference_questions (Fixture *f, gconstpointer data)
{
  AwpStore *store = f->store.store;
  g_autoptr(JsonObject) full = json_obj (VALID_CONFERENCE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *id = NULL;
  g_autofree char *q1 = NULL;
  g_autofree char *q2 = NULL;
  GDate today;

  id = awp_template_create (store, "conference", full, "admin", &error);
  g_assert_no_error (error);
  set_date (&today, "2026-03-04");
  g_assert_true (awp_conference_template_submit (store, id, &today, "admin", &error));
  g_assert_true (awp_store_transition (store, id, "accept", NULL, "operator", &error));

  q1 = awp_conference_question_receive (store, id, "Жол қашан жөнделеді?", "Айгүл", "portal", &error);
  g_assert_no_error (error);
  q2 = awp_conference_question_receive (store, id, "Когда откроют школу?", "Иван", "portal", &error);
  g_assert_no_error (error);
  g_assert_null (awp_conference_question_receive (store, id, "  ", "Иван", "portal", &error));
  g_assert_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_REQUIRED);
  g_clear_error (&error);

  list = awp_conference_questions_list (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (list, 0), "id"), ==, q1);
  g_assert_cmpint (awp_conference_questions_unanswered (store, id, NULL), ==, 2);

  /* Answers wait for the publication. */
  g_assert_false (awp_conference_question_answer (store, q1, "Мамырда.", "admin", &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_true (awp_store_transition (store, id, "publish", NULL, "operator", &error));

  g_assert_false (awp_conference_question_answer (store, q1, "", "admin", &error));
  g_assert_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_REQUIRED);
  g_assert_nonnull (strstr (error->message, "Answer"));
  g_clear_error (&error);
  g_assert_true (awp_conference_question_answer (store, q1, "Жөндеу мамырда басталады.", "admin", &error));
  g_assert_no_error (error);

  /* One left: closing is refused and nothing changes. */
  g_assert_false (awp_conference_close (store, id, "admin", &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION);
  g_assert_nonnull (strstr (error->message, "1 question"));
  g_assert_nonnull (strstr (error->message, "O145-9.2"));
  g_clear_error (&error);
  {
    g_autoptr(JsonObject) rec = awp_store_get_record (store, id, NULL);

    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (rec, "data"), "status"),
                     ==, "published");
  }
  g_assert_true (awp_conference_question_answer (store, q2, "Школа откроется 1 сентября.", "admin", &error));
  g_assert_cmpint (awp_conference_questions_unanswered (store, id, NULL), ==, 0);
  g_assert_true (awp_conference_close (store, id, "admin", &error));
  g_assert_no_error (error);

  /* Not a conference. */
  g_assert_false (awp_conference_close (store, q1, "admin", &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
}

#define SURVEY_TWO_QUESTIONS \
  "{\"questions\":[" \
  "{\"title_kk\":\"Қанағаттанасыз ба?\",\"title_ru\":\"Вы довольны?\",\"choice\":\"single\"," \
  "\"options\":[{\"title_kk\":\"Иә\",\"title_ru\":\"Да\"},{\"title_kk\":\"Жоқ\",\"title_ru\":\"Нет\"}]}," \
  "{\"title_kk\":\"Қай қызметтер?\",\"title_ru\":\"Какие услуги; какие?\",\"choice\":\"multiple\"," \
  "\"options\":[{\"title_kk\":\"Анықтама\",\"title_ru\":\"Справка\"},{\"title_kk\":\"Жер\",\"title_ru\":\"\"}," \
  "{\"title_kk\":\"Басқа\",\"title_ru\":\"Другое \\\"разное\\\"\"}]}]}"

static void
test_survey_results (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) survey = json_obj (SURVEY_TWO_QUESTIONS);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  AwpSurveyQuestionResult *r;
  static const struct { const char *results; const char *field; } bad[] = {
    { "{\"respondents\":12,\"counts\":[[5,7]]}", "results.counts" },
    { "{\"respondents\":12,\"counts\":[[5,7],[1,2]]}", "results.counts[1]" },
    { "{\"respondents\":12,\"counts\":[[5,8],[1,2,3]]}", "results.counts[0]" },   /* 13 > 12, single */
    { "{\"respondents\":12,\"counts\":[[5,-1],[1,2,3]]}", "results.counts[0]" },
    { "{\"respondents\":12,\"counts\":[[5,\"7\"],[1,2,3]]}", "results.counts[0]" },
    { "{\"respondents\":2,\"counts\":[[1,1],[1,2,3]]}", "results.counts[1]" },     /* 3 > 2 respondents */
  };

  /* No results yet: nothing to show, nothing wrong. */
  results = awp_survey_results_compute (survey, "ru", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      set_member (survey, "results", bad[i].results);
      g_assert_null (awp_survey_results_compute (survey, "ru", &error));
      g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, bad[i].field));
      g_assert_true (error->message[strlen (bad[i].field)] == ':');
      g_clear_error (&error);
    }

  /* 12 respondents; the second question is multiple choice (sums > 100 %). */
  set_member (survey, "results", "{\"respondents\":12,\"counts\":[[5,7],[12,3,0]]}");
  g_assert_cmpuint (awp_survey_results_respondents (survey), ==, 12);
  results = awp_survey_results_compute (survey, "ru", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  r = g_ptr_array_index (results, 0);
  g_assert_cmpstr (r->question, ==, "Вы довольны?");
  g_assert_false (r->multiple);
  g_assert_cmpuint (g_array_index (r->counts, guint, 1), ==, 7);
  g_assert_cmpfloat_with_epsilon (g_array_index (r->percents, double, 0), 41.6667, 0.001);
  r = g_ptr_array_index (results, 1);
  g_assert_true (r->multiple);
  g_assert_cmpfloat_with_epsilon (g_array_index (r->percents, double, 0), 100.0, 0.001);
  /* An option with no Russian text falls back to Kazakh. */
  g_assert_cmpstr (r->options->pdata[1], ==, "Жер");

  csv = awp_survey_results_to_csv (survey, "ru", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csv, ==,
                   "\xEF\xBB\xBFNo.;Question;Answer option;Answers;Percent of respondents\r\n"
                   "1.1;Вы довольны?;Да;5;41,7\r\n"
                   "1.2;Вы довольны?;Нет;7;58,3\r\n"
                   "2.1;\"Какие услуги; какие?\";Справка;12;100,0\r\n"
                   "2.2;\"Какие услуги; какие?\";Жер;3;25,0\r\n"
                   "2.3;\"Какие услуги; какие?\";\"Другое \"\"разное\"\"\";0;0,0\r\n");
  /* …which the project's own CSV reader reads back. */
  {
    g_autoptr(GPtrArray) rows = awp_csv_parse (csv, strlen (csv), 0, NULL, &error);
    AwpCsvRow *row;

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 6);
    row = g_ptr_array_index (rows, 5);
    g_assert_cmpstr (row->fields[2], ==, "Другое \"разное\"");
  }
}

/* O145-8.2: each scheduled notice marked as posted, with its link. */
static void
test_notices_posted (Fixture *f, gconstpointer data)
{
  AwpStore *store = f->store.store;
  g_autoptr(JsonObject) survey = json_obj (VALID_SURVEY);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(JsonObject) record = NULL;
  const AwpNotice *n;
  GDate day;
  static const struct { const char *link; int code; } links[] = {
    { "", AWP_VALIDATE_ERROR_REQUIRED },
    { "portal.kz/survey/7", AWP_VALIDATE_ERROR_FORMAT },
    { "ftp://dialog.egov.kz/7", AWP_VALIDATE_ERROR_FORMAT },
    { "https://", AWP_VALIDATE_ERROR_FORMAT },
  };

  /* 02.03 – 15.05.2026: the launch notice and five re-announcements. */
  json_object_set_string_member (survey, "launch_on", "2026-03-02");
  json_object_set_string_member (survey, "close_on", "2026-05-15");
  id = awp_template_create (store, "survey", survey, "admin", &error);
  g_assert_no_error (error);
  set_date (&day, "2026-03-03");

  /* Not before the Operator accepts it. */
  g_assert_false (awp_template_post_notice (store, id, "O145-8.2#0", "https://dialog.egov.kz/s/7", &day,
                                            "admin", &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION);
  g_clear_error (&error);
  set_date (&day, "2026-02-20");
  g_assert_true (awp_survey_template_submit (store, id, &day, "admin", &error));
  g_assert_true (awp_store_transition (store, id, "accept", NULL, "operator", &error));
  g_assert_true (awp_store_transition (store, id, "publish", NULL, "operator", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_assert_false (awp_template_post_notice (store, id, "O145-8.2#0", links[i].link, &day, "admin", &error));
      g_assert_error (error, AWP_VALIDATE_ERROR, links[i].code);
      g_assert_true (g_str_has_prefix (error->message, "Link to the notice"));
      g_clear_error (&error);
    }
  g_assert_false (awp_template_post_notice (store, id, "O145-8.2#9", "https://dialog.egov.kz/s/7", &day,
                                            "admin", &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The launch notice in time (03.03), the first re-announcement late
   * (due 16.03, posted 17.03); posting again replaces the entry. */
  set_date (&day, "2026-03-03");
  g_assert_true (awp_template_post_notice (store, id, "O145-8.2#0", "https://dialog.egov.kz/s/7", &day,
                                           "admin", &error));
  set_date (&day, "2026-03-17");
  g_assert_true (awp_template_post_notice (store, id, "O145-8.2#1", "https://dialog.egov.kz/s/7?r=1", &day,
                                           "admin", &error));
  set_date (&day, "2026-03-16");
  g_assert_true (awp_template_post_notice (store, id, "O145-8.2#2", "https://dialog.egov.kz/s/7?r=2", &day,
                                           "admin", &error));
  g_assert_true (awp_template_post_notice (store, id, "O145-8.2#2", "https://dialog.egov.kz/s/7?r=2b", &day,
                                           "admin", &error));
  g_assert_no_error (error);

  record = awp_store_get_record (store, id, &error);
  notices = awp_survey_template_notices (json_object_get_object_member (record, "data"), &f->ctx);
  g_assert_cmpuint (notices->len, ==, 6);
  n = g_ptr_array_index (notices, 0);
  g_assert_cmpstr (n->key, ==, "O145-8.2#0");
  g_assert_true (g_date_valid (&n->posted_on));
  g_assert_false (n->late);
  g_assert_cmpstr (n->link, ==, "https://dialog.egov.kz/s/7");
  n = g_ptr_array_index (notices, 1);
  g_assert_true (n->late);
  n = g_ptr_array_index (notices, 2);
  g_assert_false (n->late);
  g_assert_cmpstr (n->link, ==, "https://dialog.egov.kz/s/7?r=2b");
  n = g_ptr_array_index (notices, 3);
  g_assert_false (g_date_valid (&n->posted_on));
  g_assert_null (n->link);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (record, "data"),
                                                                         "notices")), ==, 3);
}

int
main (int argc, char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/templates/conference/fields", test_conference_fields);
  ADD ("/templates/conference/empty", test_conference_empty);
  ADD ("/templates/conference/rules", test_conference_rules);
  ADD ("/templates/conference/round-trip", test_conference_round_trip);
  ADD ("/templates/survey/fields", test_survey_fields);
  ADD ("/templates/survey/rules", test_survey_rules);
  ADD ("/templates/survey/question-rule", test_survey_question_rule);
  ADD ("/templates/survey/question-editing", test_question_editing);
  ADD ("/templates/survey/round-trip", test_survey_round_trip);
  ADD ("/templates/notices", test_notices);
  ADD ("/templates/notices-posted", test_notices_posted);
  ADD ("/templates/conference/questions", test_conference_questions);
  ADD ("/templates/survey/results", test_survey_results);
#undef ADD

  return g_test_run ();
}

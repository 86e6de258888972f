#include "config.h"

#include "awp-csv.h"
#include "awp-registration-import.h"

/* O605-9 registration lists as spreadsheets export them: the CSV layer
 * (quotes, line ends, BOM, delimiters, bad bytes) and the mapping to
 * registrations (headers in three languages, field errors, duplicates,
 * years, late applications on the real working-day calendar). */

#define TODAY_YEAR 2026

static AwpRegistrationImport *
import_text (const char *text, GError **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return awp_registration_import_parse (bytes, TODAY_YEAR, error);
}

static AwpRegistration *
reg (AwpRegistrationImport *import, guint i)
{
  g_assert_cmpuint (i, <, import->registrations->len);
  return import->registrations->pdata[i];
}

/* The messages of a row, joined, for substring checks. */
static char *
issues_text (const AwpRegistration *r)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < r->issues->len; i++)
    {
      const AwpRegistrationIssue *issue = r->issues->pdata[i];
      g_string_append_printf (s, "%s\n", issue->message);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
test_csv_quotes (void)
{
  const char text[] = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\r\nline\",,\"\"\n\nlast";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  AwpCsvRow *row;
  char sep = 0;

  rows = awp_csv_parse (text, strlen (text), 0, &sep, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sep, ==, ',');
  g_assert_cmpuint (rows->len, ==, 3);
  row = rows->pdata[0];
  g_assert_cmpuint (row->line, ==, 1);
  g_assert_cmpuint (g_strv_length (row->fields), ==, 3);
  g_assert_cmpstr (row->fields[1], ==, "b,c");
  g_assert_cmpstr (row->fields[2], ==, "say \"hi\"");
  row = rows->pdata[1];
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_cmpstr (row->fields[0], ==, "multi\nline");
  g_assert_cmpstr (row->fields[1], ==, "");
  g_assert_cmpstr (row->fields[2], ==, "");
  row = rows->pdata[2];
  g_assert_cmpuint (row->line, ==, 5);  /* the blank line 4 is skipped */
  g_assert_cmpstr (row->fields[0], ==, "last");
  g_assert_null (row->fields[1]);
}

static void
test_csv_delimiter (void)
{
  g_assert_cmpint (awp_csv_detect_delimiter ("a;b;c\n1,5;2;3", 13), ==, ';');
  g_assert_cmpint (awp_csv_detect_delimiter ("a,b,c\n1;2", 9), ==, ',');
  /* Delimiters inside quotes do not count. */
  g_assert_cmpint (awp_csv_detect_delimiter ("\"a;b;c\",d", 9), ==, ',');
  g_assert_cmpint (awp_csv_detect_delimiter ("", 0), ==, ',');
}

static void
test_csv_errors (void)
{
  static const struct { const char *text; gsize len; int code; const char *line; } cases[] = {
    { "a,b\n1,\"open\n2,3\n", 0, AWP_CSV_ERROR_UNTERMINATED_QUOTE, "2" },
    { "a,b\r\n1,2\r\n3,\"x\"y\r\n", 0, AWP_CSV_ERROR_BAD_QUOTE, "3" },
    { "a,b\n1,2\n\xC3\x28,3\n", 0, AWP_CSV_ERROR_INVALID_UTF8, "3" },
    { "a,b\n1,\0002\n", 9, AWP_CSV_ERROR_INVALID_UTF8, "2" },
    { "\xEF\xBB\xBF" "a\n\xFF", 0, AWP_CSV_ERROR_INVALID_UTF8, "2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize len = cases[i].len ? cases[i].len : strlen (cases[i].text);
      g_autoptr(GPtrArray) rows = awp_csv_parse (cases[i].text, len, 0, NULL, &error);

      g_test_message ("case %u", i);
      g_assert_null (rows);
      g_assert_error (error, AWP_CSV_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].line));
    }
}

static void
test_csv_row_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = awp_csv_parse ("1\n2\n3\n", 6, 2, NULL, &error);

  g_assert_null (rows);
  g_assert_error (error, AWP_CSV_ERROR, AWP_CSV_ERROR_TOO_MANY_ROWS);
  rows = awp_csv_parse ("1\n2\n", 4, 2, NULL, NULL);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 2);
}

static void
test_valid_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpRegistrationImport) import = import_text (
    "No,Surname,Name,Patronymic,Year of birth,Contacts\n"
    "1,Абаев,Ерлан,Серікұлы,1985,+7 (701) 234-56-78\n"
    "2,\"Smith, Jr\",John,,1990,john.smith@example.kz\n", &error);
  AwpRegistration *r;

  g_assert_no_error (error);
  g_assert_cmpint (import->delimiter, ==, ',');
  g_assert_cmpuint (import->registrations->len, ==, 2);
  g_assert_cmpuint (import->n_valid, ==, 2);
  g_assert_cmpuint (import->n_duplicates, ==, 0);
  r = reg (import, 0);
  g_assert_true (awp_registration_is_valid (r));
  g_assert_cmpuint (r->row, ==, 2);
  g_assert_cmpstr (r->surname, ==, "Абаев");
  g_assert_cmpstr (r->name, ==, "Ерлан");
  g_assert_cmpstr (r->patronymic, ==, "Серікұлы");
  g_assert_cmpint (r->birth_year, ==, 1985);
  g_assert_cmpstr (r->contact, ==, "+77012345678"); /* stored as E.164 */
  g_assert_false (g_date_valid (&r->received));
  r = reg (import, 1);
  g_assert_cmpstr (r->surname, ==, "Smith, Jr");
  g_assert_null (r->patronymic);
  g_assert_cmpstr (r->contact, ==, "john.smith@example.kz");
}

static void
test_semicolon_bom_russian (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpRegistrationImport) import = import_text (
    "\xEF\xBB\xBF" "Фамилия;Имя;Отчество;Год рождения;Контакты\r\n"
    "Иванова;Мария;Петровна;1979;8 701 234 5678\r\n"
    "\"Петров; старший\";Иван;;2001;ivan@mail.kz\r\n", &error);

  g_assert_no_error (error);
  g_assert_cmpint (import->delimiter, ==, ';');
  g_assert_cmpuint (import->n_valid, ==, 2);
  g_assert_cmpstr (reg (import, 0)->surname, ==, "Иванова");
  g_assert_cmpstr (reg (import, 0)->patronymic, ==, "Петровна");
  g_assert_cmpstr (reg (import, 1)->surname, ==, "Петров; старший");
}

static void
test_kazakh_headers (void)
{
  g_autoptr(GError) error = NULL;
  /* Headers in other case and with extra spaces still match. */
  g_autoptr(AwpRegistrationImport) import = import_text (
    "ТЕГІ;  Аты ;Әкесінің  аты;Туған жылы;Байланыс\n"
    "Нұрланова;Әйгерім;;1995;87012345678\n", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (import->n_valid, ==, 1);
  g_assert_cmpstr (reg (import, 0)->name, ==, "Әйгерім");
  g_assert_cmpint (reg (import, 0)->birth_year, ==, 1995);
}

static void
test_full_name_column (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpRegistrationImport) import = import_text (
    "№;ФИО;Год рождения;Контакты\n"
    "1;Иванов Иван Иванович;1970;ivanov@gov.kz\n"            /* row 2 */
    "2;  Сейітқали   Әйгерім Бауыржан қызы ;1988;87011234567\n" /* row 3: two-word patronymic */
    "3;Smith John;1990;+1 202 555 0100\n"                     /* row 4: none */
    "4;Иванов;1970;ivanov@gov.kz\n"                           /* row 5: surname only */
    "5;ИВАНОВ иван иванович;1970;87010000000\n", &error);     /* row 6: duplicate of row 2 */
  AwpRegistration *r;

  g_assert_no_error (error);
  r = reg (import, 0);
  g_assert_cmpstr (r->surname, ==, "Иванов");
  g_assert_cmpstr (r->name, ==, "Иван");
  g_assert_cmpstr (r->patronymic, ==, "Иванович");
  r = reg (import, 1);
  g_assert_cmpstr (r->surname, ==, "Сейітқали");
  g_assert_cmpstr (r->name, ==, "Әйгерім");
  g_assert_cmpstr (r->patronymic, ==, "Бауыржан қызы");
  r = reg (import, 2);
  g_assert_true (awp_registration_is_valid (r));
  g_assert_null (r->patronymic);
  r = reg (import, 3);
  g_assert_cmpuint (r->issues->len, ==, 1);
  g_assert_cmpint (((AwpRegistrationIssue *) r->issues->pdata[0])->field, ==, AWP_REGISTRATION_FIELD_FULL_NAME);
  g_assert_nonnull (strstr (((AwpRegistrationIssue *) r->issues->pdata[0])->message, "Row 5, “Full name”"));
  g_assert_cmpuint (reg (import, 4)->duplicate_of, ==, 2);
  g_assert_cmpuint (import->n_valid, ==, 4);

  /* A full-name column next to a surname column is not used: the name is then missing. */
  g_clear_pointer (&import, awp_registration_import_free);
  import = import_text ("ФИО,Фамилия,Год рождения,Контакты\nA B,A,1970,a@b.kz\n", &error);
  g_assert_null (import);
  g_assert_error (error, AWP_REGISTRATION_IMPORT_ERROR, AWP_REGISTRATION_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "“Name”"));
}

static void
test_missing_columns (void)
{
  static const struct { const char *text; int code; const char *column; } cases[] = {
    { "Surname,Name,Contacts\nA,B,a@b.kz\n", AWP_REGISTRATION_IMPORT_ERROR_MISSING_COLUMN, "Year of birth" },
    { "Фамилия;Имя;Год рождения\n", AWP_REGISTRATION_IMPORT_ERROR_MISSING_COLUMN, "Contacts" },
    { "Name,Year of birth,Contacts\n", AWP_REGISTRATION_IMPORT_ERROR_MISSING_COLUMN, "Surname" },
    { "Surname,Name,Имя,Year of birth,Contacts\n", AWP_REGISTRATION_IMPORT_ERROR_DUPLICATE_COLUMN, "Name" },
    { "", AWP_REGISTRATION_IMPORT_ERROR_EMPTY, "" },
    { "\n\n", AWP_REGISTRATION_IMPORT_ERROR_EMPTY, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AwpRegistrationImport) import = import_text (cases[i].text, &error);

      g_test_message ("case %u", i);
      g_assert_null (import);
      g_assert_error (error, AWP_REGISTRATION_IMPORT_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].column));
    }
}

static void
test_malformed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpRegistrationImport) import = import_text (
    "Surname,Name,Year of birth,Contacts\n"
    "A,B,1980,a@b.kz\n"
    "\"Unclosed,B,1980,a@b.kz\n"
    "C,D,1981,c@d.kz\n", &error);

  g_assert_null (import);
  g_assert_error (error, AWP_CSV_ERROR, AWP_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_nonnull (strstr (error->message, "3"));
}

static void
test_field_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpRegistrationImport) import = import_text (
    "Surname,Name,Year of birth,Contacts,Received\n"
    ",B,1980,a@b.kz,\n"              /* row 2: surname empty */
    "A,B,80,a@b.kz,\n"               /* row 3: two-digit year */
    "A,B,1899,a@b.kz,\n"             /* row 4: before 1900 */
    "A,B,2027,a@b.kz,\n"             /* row 5: after today */
    "A,B,19x0,a@b.kz,\n"             /* row 6: not digits */
    "A,B,1980,a@b,\n"                /* row 7: no dot after @ */
    "A,B,1980,123-45,\n"             /* row 8: too few digits */
    "A,B,1980,+7 701 234 56 78 9,\n" /* row 9: 12 digits */
    "A,B,1980,a@b.kz,31.02.2026\n"   /* row 10: no such date */
    "A,B,1900,a@b.kz,2026-02-27\n"   /* row 11: all fine, ISO date */
    "A,B,2026,a@b.kz,27.02.2026\n"   /* row 12: all fine */
    ",,,\n", &error);                /* row 13: everything missing */
  static const struct { guint row; AwpRegistrationField field; const char *needle; } expect[] = {
    { 2, AWP_REGISTRATION_FIELD_SURNAME, "Surname" },
    { 3, AWP_REGISTRATION_FIELD_BIRTH_YEAR, "80" },
    { 4, AWP_REGISTRATION_FIELD_BIRTH_YEAR, "1899" },
    { 5, AWP_REGISTRATION_FIELD_BIRTH_YEAR, "2027" },
    { 6, AWP_REGISTRATION_FIELD_BIRTH_YEAR, "19x0" },
    { 7, AWP_REGISTRATION_FIELD_CONTACT, "Contacts" },
    { 8, AWP_REGISTRATION_FIELD_CONTACT, "Contacts" },
    { 9, AWP_REGISTRATION_FIELD_CONTACT, "Contacts" },
    { 10, AWP_REGISTRATION_FIELD_RECEIVED, "31.02.2026" },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (import->registrations->len, ==, 12);
  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      AwpRegistration *r = reg (import, expect[i].row - 2);
      const AwpRegistrationIssue *issue;
      g_autofree char *row = g_strdup_printf ("Row %u,", expect[i].row);

      g_test_message ("row %u", expect[i].row);
      g_assert_cmpuint (r->row, ==, expect[i].row);
      g_assert_cmpuint (r->issues->len, ==, 1);
      issue = r->issues->pdata[0];
      g_assert_cmpint (issue->field, ==, expect[i].field);
      g_assert_nonnull (strstr (issue->message, row));
      g_assert_nonnull (strstr (issue->message, expect[i].needle));
    }
  g_assert_true (awp_registration_is_valid (reg (import, 9)));
  g_assert_cmpint (reg (import, 9)->birth_year, ==, 1900);
  g_assert_cmpuint (g_date_get_day (&reg (import, 9)->received), ==, 27);
  g_assert_true (awp_registration_is_valid (reg (import, 10)));
  g_assert_cmpint (reg (import, 10)->birth_year, ==, TODAY_YEAR);
  {
    g_autofree char *all = issues_text (reg (import, 11));

    g_assert_cmpuint (reg (import, 11)->issues->len, ==, 4);
    g_assert_nonnull (strstr (all, "Row 13, “Surname”"));
    g_assert_nonnull (strstr (all, "Row 13, “Name”"));
    g_assert_nonnull (strstr (all, "Row 13, “Year of birth”"));
    g_assert_nonnull (strstr (all, "Row 13, “Contacts”"));
  }
  g_assert_cmpuint (import->n_valid, ==, 2);
}

static void
test_duplicates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpRegistrationImport) import = import_text (
    "Тегі;Аты;Әкесінің аты;Туған жылы;Байланыс\n"
    "Әбілов;Қанат;Өмірұлы;1970;kanat@gov.kz\n"     /* row 2 */
    "ӘБІЛОВ;ҚАНАТ;ӨМІРҰЛЫ;1970;87011112233\n"       /* row 3: same, upper case */
    "Әбілов;Қанат;Өмірұлы;1971;kanat@gov.kz\n"     /* row 4: other year */
    "Әбілов;Қанат;;1970;kanat@gov.kz\n"            /* row 5: no patronymic */
    " әбілов ;қанат;өмірұлы;1970;kanat@gov.kz\n"   /* row 6: same again */
    "Әбілов;Қанат;;1970;87011112233\n", &error);    /* row 7: same as row 5 */
  static const guint duplicate_of[] = { 0, 2, 0, 0, 2, 5 };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (duplicate_of); i++)
    {
      g_test_message ("row %u", i + 2);
      g_assert_true (awp_registration_is_valid (reg (import, i)));
      g_assert_cmpuint (reg (import, i)->duplicate_of, ==, duplicate_of[i]);
    }
  g_assert_cmpuint (import->n_duplicates, ==, 3);
}

static void
test_too_large (void)
{
  g_autoptr(GString) text = g_string_new ("Surname,Name,Year of birth,Contacts\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpRegistrationImport) import = NULL;
  g_autoptr(GBytes) big = NULL;
  g_autofree char *filler = NULL;

  for (guint i = 0; i < AWP_REGISTRATION_IMPORT_MAX_ROWS; i++)
    g_string_append_printf (text, "S%u,N,1980,a@b.kz\n", i);
  import = import_text (text->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->registrations->len, ==, AWP_REGISTRATION_IMPORT_MAX_ROWS);
  g_clear_pointer (&import, awp_registration_import_free);

  g_string_append (text, "One,More,1980,a@b.kz\n");
  import = import_text (text->str, &error);
  g_assert_null (import);
  g_assert_error (error, AWP_REGISTRATION_IMPORT_ERROR, AWP_REGISTRATION_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "10000"));
  g_clear_error (&error);

  filler = g_malloc (AWP_REGISTRATION_IMPORT_MAX_BYTES + 1);
  memset (filler, 'x', AWP_REGISTRATION_IMPORT_MAX_BYTES + 1);
  big = g_bytes_new_take (g_steal_pointer (&filler), AWP_REGISTRATION_IMPORT_MAX_BYTES + 1);
  import = awp_registration_import_parse (big, TODAY_YEAR, &error);
  g_assert_null (import);
  g_assert_error (error, AWP_REGISTRATION_IMPORT_ERROR, AWP_REGISTRATION_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "5 MB"));
}

static void
test_late (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpCalendar) cal = awp_calendar_new_default (&error);
  g_autoptr(AwpRuleSet) rules = NULL;
  g_autoptr(AwpRegistrationImport) import = NULL;
  GDate meeting, cutoff;
  int late;

  g_assert_no_error (error);
  rules = awp_rule_set_new_default (&error);
  g_assert_no_error (error);
  /* Meeting Thursday 26.03.2026; 23-25.03 are Nauryz days off
   * (shared/kz-facts.md). Two working days back from the 26th, the 26th
   * not counted: 25, 24, 23 off, 22-21 weekend, Fri 20 (1), Thu 19 (2). */
  g_date_clear (&meeting, 1);
  g_date_set_dmy (&meeting, 26, G_DATE_MARCH, 2026);
  g_assert_true (awp_registration_cutoff (rules, cal, &meeting, &cutoff, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_date_get_day (&cutoff), ==, 19);
  g_assert_cmpuint (g_date_get_month (&cutoff), ==, 3);

  import = import_text ("Фамилия,Имя,Год рождения,Контакты,Дата подачи\n"
                        "A,A,1980,a@b.kz,18.03.2026\n"   /* on time */
                        "B,B,1980,a@b.kz,19.03.2026\n"   /* on the cutoff day: on time */
                        "C,C,1980,a@b.kz,20.03.2026\n"   /* late */
                        "D,D,1980,a@b.kz,2026-03-26\n"   /* the meeting day: late */
                        "E,E,1980,a@b.kz,\n", &error);   /* unknown: not flagged */
  g_assert_no_error (error);
  late = awp_registration_import_mark_late (import, rules, cal, &meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpint (late, ==, 2);
  g_assert_false (reg (import, 0)->late);
  g_assert_false (reg (import, 1)->late);
  g_assert_true (reg (import, 2)->late);
  g_assert_true (reg (import, 3)->late);
  g_assert_false (reg (import, 4)->late);

  /* Before Order 605 took effect (04.04.2024) the norm is not in force. */
  g_date_set_dmy (&meeting, 1, G_DATE_APRIL, 2024);
  g_assert_cmpint (awp_registration_import_mark_late (import, rules, cal, &meeting, &error), ==, -1);
  g_assert_error (error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_NOT_IN_FORCE);
}

/* Any bytes give a result or an error, never both, never a crash:
 * random pieces of CSV syntax, and every prefix of a valid file. */
static void
test_any_input (void)
{
  static const char *const pieces[] = {
    "\"", "\"\"", ",", ";", "\r\n", "\n", "\r", "Фамилия", "Имя", "Год рождения", "Контакты",
    "Тегі", "1985", "a@b.kz", "87012345678", "\xEF\xBB\xBF", "\xD0", "\xC3\x28", "ә", " ", "",
  };
  const char *valid = "\xEF\xBB\xBF" "Тегі;Аты;Туған жылы;Байланыс\r\n\"Әбілов\";\"Қа\"\"нат\";1970;a@b.kz\r\n";
  gsize valid_len = strlen (valid);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(AwpRegistrationImport) import = NULL;
      g_autoptr(GBytes) bytes = NULL;
      guint n = g_test_rand_int_range (0, 40);

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
      bytes = g_bytes_new (text->str, text->len);
      import = awp_registration_import_parse (bytes, TODAY_YEAR, &error);
      g_assert_true ((import == NULL) != (error == NULL));
    }
  for (gsize len = 0; len <= valid_len; len++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_bytes_new (valid, len);
      g_autoptr(AwpRegistrationImport) import = awp_registration_import_parse (bytes, TODAY_YEAR, &error);

      g_assert_true ((import == NULL) != (error == NULL));
      if (len == valid_len)
        g_assert_cmpstr (reg (import, 0)->name, ==, "Қа\"нат");
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/quotes", test_csv_quotes);
  g_test_add_func ("/csv/delimiter", test_csv_delimiter);
  g_test_add_func ("/csv/errors", test_csv_errors);
  g_test_add_func ("/csv/row-limit", test_csv_row_limit);
  g_test_add_func ("/registration-import/valid", test_valid_file);
  g_test_add_func ("/registration-import/semicolon-bom-russian", test_semicolon_bom_russian);
  g_test_add_func ("/registration-import/kazakh-headers", test_kazakh_headers);
  g_test_add_func ("/registration-import/full-name-column", test_full_name_column);
  g_test_add_func ("/registration-import/missing-columns", test_missing_columns);
  g_test_add_func ("/registration-import/malformed", test_malformed);
  g_test_add_func ("/registration-import/field-errors", test_field_errors);
  g_test_add_func ("/registration-import/duplicates", test_duplicates);
  g_test_add_func ("/registration-import/too-large", test_too_large);
  g_test_add_func ("/registration-import/late", test_late);
  g_test_add_func ("/registration-import/any-input", test_any_input);
  return g_test_run ();
}

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "awp-csv.h"
#include "awp-registration-import.h"
#include "awp-validate.h"

G_DEFINE_QUARK (awp-registration-import-error-quark, awp_registration_import_error)

/* Header names per field, already case-folded; spreadsheets made from the
 * paper form (O605-9) use these in Kazakh, Russian or English. */
static const char *const header_names[AWP_REGISTRATION_N_FIELDS][8] = {
  [AWP_REGISTRATION_FIELD_SURNAME] = { "surname", "last name", "family name", "фамилия", "тегі", NULL },
  [AWP_REGISTRATION_FIELD_NAME] = { "name", "first name", "given name", "имя", "аты", NULL },
  [AWP_REGISTRATION_FIELD_PATRONYMIC] = { "patronymic", "middle name", "отчество", "әкесінің аты", NULL },
  [AWP_REGISTRATION_FIELD_BIRTH_YEAR] = { "year of birth", "birth year", "год рождения", "туған жылы", NULL },
  [AWP_REGISTRATION_FIELD_CONTACT] = { "contacts", "contact", "контакты", "контактные данные", "байланыс", "байланыс деректері", NULL },
  [AWP_REGISTRATION_FIELD_RECEIVED] = { "received", "date received", "дата подачи", "дата поступления", "берілген күні", "түскен күні", NULL },
  [AWP_REGISTRATION_FIELD_FULL_NAME] = { "full name", "фио", "ф.и.о.", "фамилия, имя, отчество", "аты-жөні", "т.а.ә.", "тегі, аты, әкесінің аты", NULL },
};

#define NO_COLUMN      (-1)
#define FROM_FULL_NAME (-2)  /* surname and name come from the full-name column */

static const gboolean field_required[AWP_REGISTRATION_N_FIELDS] = {
  [AWP_REGISTRATION_FIELD_SURNAME] = TRUE,
  [AWP_REGISTRATION_FIELD_NAME] = TRUE,
  [AWP_REGISTRATION_FIELD_BIRTH_YEAR] = TRUE,
  [AWP_REGISTRATION_FIELD_CONTACT] = TRUE,
};

static const char *
field_label (AwpRegistrationField field)
{
  switch (field)
    {
    case AWP_REGISTRATION_FIELD_SURNAME: return _("Surname");
    case AWP_REGISTRATION_FIELD_NAME: return _("Name");
    case AWP_REGISTRATION_FIELD_PATRONYMIC: return _("Patronymic");
    case AWP_REGISTRATION_FIELD_BIRTH_YEAR: return _("Year of birth");
    case AWP_REGISTRATION_FIELD_CONTACT: return _("Contacts");
    case AWP_REGISTRATION_FIELD_RECEIVED: return _("Date received");
    case AWP_REGISTRATION_FIELD_FULL_NAME: return _("Full name");
    case AWP_REGISTRATION_N_FIELDS:
    default: g_return_val_if_reached ("");
    }
}

static void
registration_free (AwpRegistration *r)
{
  g_free (r->surname);
  g_free (r->name);
  g_free (r->patronymic);
  g_free (r->contact);
  g_ptr_array_unref (r->issues);
  g_free (r);
}

static void
issue_free (AwpRegistrationIssue *issue)
{
  g_free (issue->message);
  g_free (issue);
}

void
awp_registration_import_free (AwpRegistrationImport *import)
{
  if (import == NULL)
    return;
  g_ptr_array_unref (import->registrations);
  g_free (import);
}

gboolean
awp_registration_is_valid (const AwpRegistration *registration)
{
  g_return_val_if_fail (registration != NULL, FALSE);
  return registration->issues->len == 0;
}

G_GNUC_PRINTF (3, 4) static void
add_issue (AwpRegistration *r, AwpRegistrationField field, const char *format, ...)
{
  AwpRegistrationIssue *issue = g_new0 (AwpRegistrationIssue, 1);
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  issue->field = field;
  /* TRANSLATORS: row number, column name, what is wrong with the cell */
  issue->message = g_strdup_printf (_("Row %u, “%s”: %s"), r->row, field_label (field), detail);
  g_ptr_array_add (r->issues, issue);
}

/* Case- and space-insensitive form, so “Тегі ”, “ТЕГІ” and “тегі” match. */
static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_autofree char *folded = g_utf8_casefold (normal, -1);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
field_for_header (const char *header)
{
  g_autofree char *key = fold (header);

  for (int f = 0; f < AWP_REGISTRATION_N_FIELDS; f++)
    for (guint i = 0; header_names[f][i] != NULL; i++)
      if (strcmp (key, header_names[f][i]) == 0)
        return f;
  return -1;
}

/* Another country's number written internationally ("+1 202 555 0100"):
 * kept as E.164. +7 numbers never come here: they must be Kazakhstan's. */
static char *
foreign_e164 (const char *contact)
{
  GString *digits = g_string_new ("+");

  if (contact[0] != '+' || g_str_has_prefix (contact, "+7"))
    return g_string_free (digits, TRUE), NULL;
  for (const char *p = contact + 1; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (strchr ("()- ", *p) == NULL)
        return g_string_free (digits, TRUE), NULL;
    }
  if (digits->len < 9 || digits->len > 16)
    return g_string_free (digits, TRUE), NULL;
  return g_string_free (digits, FALSE);
}

/* A contact is an e-mail address or a phone number, checked by the
 * validators every other form uses; a phone is kept as E.164. */
static char *
normalize_contact (const char  *contact,
                   GError     **error)
{
  g_autoptr(GError) phone_error = NULL;
  char *phone;

  if (strchr (contact, '@') != NULL)
    return awp_validate_email (contact, _("Contacts"), error) ? g_strdup (contact) : NULL;
  phone = awp_validate_phone (contact, _("Contacts"), &phone_error);
  if (phone == NULL)
    phone = foreign_e164 (contact);
  if (phone == NULL)
    g_propagate_error (error, g_steal_pointer (&phone_error));
  return phone;
}

/* DD.MM.YYYY as written in Kazakhstan, or YYYY-MM-DD. */
static gboolean
parse_received (const char *text, GDate *out)
{
  return awp_validate_date (text, _("Received"), out, NULL);
}

static char *
cell (char **fields, int column)
{
  if (column < 0 || column >= (int) g_strv_length (fields))
    return g_strdup ("");
  return g_strstrip (g_strdup (fields[column]));
}

static char *
required_text (AwpRegistration *r, char **fields, int column, AwpRegistrationField field)
{
  g_autofree char *value = cell (fields, column);

  if (*value == '\0')
    {
      add_issue (r, field, "%s", _("the cell is empty"));
      return NULL;
    }
  return g_steal_pointer (&value);
}

/* “Тегі Аты Әкесінің аты” in one cell; a patronymic may be two words
 * (“Бауыржан қызы”), so everything after the name is the patronymic. */
static void
split_full_name (AwpRegistration *r, char **fields, int column)
{
  g_autofree char *value = cell (fields, column);
  g_auto(GStrv) words = g_strsplit_set (value, " \t\n", -1);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (parts, words[i]);
  if (parts->len == 0)
    {
      add_issue (r, AWP_REGISTRATION_FIELD_FULL_NAME, "%s", _("the cell is empty"));
      return;
    }
  if (parts->len == 1)
    {
      add_issue (r, AWP_REGISTRATION_FIELD_FULL_NAME, _("“%s” needs at least a surname and a name"), value);
      return;
    }
  r->surname = g_strdup (parts->pdata[0]);
  r->name = g_strdup (parts->pdata[1]);
  if (parts->len > 2)
    {
      g_ptr_array_add (parts, NULL);
      r->patronymic = g_strjoinv (" ", (char **) parts->pdata + 2);
    }
}

static int
parse_year (AwpRegistration *r, const char *text, int current_year)
{
  int year;

  if (*text == '\0')
    {
      add_issue (r, AWP_REGISTRATION_FIELD_BIRTH_YEAR, "%s", _("the cell is empty"));
      return 0;
    }
  if (strlen (text) != 4 || strspn (text, "0123456789") != 4)
    {
      add_issue (r, AWP_REGISTRATION_FIELD_BIRTH_YEAR, _("“%s” is not a year of four digits"), text);
      return 0;
    }
  year = atoi (text);
  if (year < AWP_REGISTRATION_MIN_BIRTH_YEAR || year > current_year)
    {
      add_issue (r, AWP_REGISTRATION_FIELD_BIRTH_YEAR, _("%d is not between %d and %d"),
                 year, AWP_REGISTRATION_MIN_BIRTH_YEAR, current_year);
      return 0;
    }
  return year;
}

static AwpRegistration *
parse_row (const AwpCsvRow *csv, guint row, const int *columns, int current_year)
{
  AwpRegistration *r = g_new0 (AwpRegistration, 1);
  g_autofree char *patronymic = NULL;
  g_autofree char *year = NULL;
  g_autofree char *received = NULL;

  r->row = row;
  r->line = csv->line;
  r->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);
  g_date_clear (&r->received, 1);

  if (columns[AWP_REGISTRATION_FIELD_SURNAME] == FROM_FULL_NAME)
    split_full_name (r, csv->fields, columns[AWP_REGISTRATION_FIELD_FULL_NAME]);
  else
    {
      r->surname = required_text (r, csv->fields, columns[AWP_REGISTRATION_FIELD_SURNAME], AWP_REGISTRATION_FIELD_SURNAME);
      r->name = required_text (r, csv->fields, columns[AWP_REGISTRATION_FIELD_NAME], AWP_REGISTRATION_FIELD_NAME);
      patronymic = cell (csv->fields, columns[AWP_REGISTRATION_FIELD_PATRONYMIC]);
      if (*patronymic != '\0')
        r->patronymic = g_steal_pointer (&patronymic);
    }
  year = cell (csv->fields, columns[AWP_REGISTRATION_FIELD_BIRTH_YEAR]);
  r->birth_year = parse_year (r, year, current_year);
  r->contact = required_text (r, csv->fields, columns[AWP_REGISTRATION_FIELD_CONTACT], AWP_REGISTRATION_FIELD_CONTACT);
  if (r->contact != NULL)
    {
      g_autoptr(GError) contact_error = NULL;
      char *normal = normalize_contact (r->contact, &contact_error);

      if (normal == NULL)
        add_issue (r, AWP_REGISTRATION_FIELD_CONTACT, "%s", contact_error->message);
      g_free (r->contact);
      r->contact = normal;
    }
  received = cell (csv->fields, columns[AWP_REGISTRATION_FIELD_RECEIVED]);
  if (*received != '\0' && !parse_received (received, &r->received))
    add_issue (r, AWP_REGISTRATION_FIELD_RECEIVED,
               _("“%s” is not a date in the form DD.MM.YYYY"), received);
  return r;
}

/* Same person: surname, name, patronymic and year of birth, in any case. */
static char *
person_key (const AwpRegistration *r)
{
  g_autofree char *s = fold (r->surname);
  g_autofree char *n = fold (r->name);
  g_autofree char *p = fold (r->patronymic != NULL ? r->patronymic : "");

  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%d", s, n, p, r->birth_year);
}

static gboolean
map_columns (const AwpCsvRow *header, int *columns, GError **error)
{
  for (int f = 0; f < AWP_REGISTRATION_N_FIELDS; f++)
    columns[f] = NO_COLUMN;
  for (int i = 0; header->fields[i] != NULL; i++)
    {
      int f = field_for_header (header->fields[i]);

      if (f < 0)
        continue;  /* extra columns (numbering, notes) are allowed */
      if (columns[f] >= 0)
        {
          g_set_error (error, AWP_REGISTRATION_IMPORT_ERROR, AWP_REGISTRATION_IMPORT_ERROR_DUPLICATE_COLUMN,
                       _("The column “%s” appears twice in the header"), field_label (f));
          return FALSE;
        }
      columns[f] = i;
    }
  /* One full-name column stands for surname, name and patronymic. */
  if (columns[AWP_REGISTRATION_FIELD_FULL_NAME] >= 0 &&
      columns[AWP_REGISTRATION_FIELD_SURNAME] < 0 && columns[AWP_REGISTRATION_FIELD_NAME] < 0 &&
      columns[AWP_REGISTRATION_FIELD_PATRONYMIC] < 0)
    columns[AWP_REGISTRATION_FIELD_SURNAME] = columns[AWP_REGISTRATION_FIELD_NAME] = FROM_FULL_NAME;
  for (int f = 0; f < AWP_REGISTRATION_N_FIELDS; f++)
    if (field_required[f] && columns[f] == NO_COLUMN)
      {
        g_set_error (error, AWP_REGISTRATION_IMPORT_ERROR, AWP_REGISTRATION_IMPORT_ERROR_MISSING_COLUMN,
                     _("The header has no column “%s” (O605-9 requires surname, name, year of birth and contacts)"),
                     field_label (f));
        return FALSE;
      }
  return TRUE;
}

AwpRegistrationImport *
awp_registration_import_parse (GBytes  *bytes,
                               int      current_year,
                               GError **error)
{
  g_autoptr(AwpRegistrationImport) import = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GError) local_error = NULL;
  int columns[AWP_REGISTRATION_N_FIELDS];
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length > AWP_REGISTRATION_IMPORT_MAX_BYTES)
    {
      g_set_error (error, AWP_REGISTRATION_IMPORT_ERROR, AWP_REGISTRATION_IMPORT_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB; split the list into several files"),
                   AWP_REGISTRATION_IMPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  import = g_new0 (AwpRegistrationImport, 1);
  import->registrations = g_ptr_array_new_with_free_func ((GDestroyNotify) registration_free);
  /* One more record than the limit: the header. */
  rows = awp_csv_parse (data, length, AWP_REGISTRATION_IMPORT_MAX_ROWS + 1, &import->delimiter, &local_error);
  if (rows == NULL)
    {
      if (g_error_matches (local_error, AWP_CSV_ERROR, AWP_CSV_ERROR_TOO_MANY_ROWS))
        g_set_error (error, AWP_REGISTRATION_IMPORT_ERROR, AWP_REGISTRATION_IMPORT_ERROR_TOO_LARGE,
                     _("The file has more than %d applications; split the list into several files"),
                     AWP_REGISTRATION_IMPORT_MAX_ROWS);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (rows->len == 0)
    {
      g_set_error (error, AWP_REGISTRATION_IMPORT_ERROR, AWP_REGISTRATION_IMPORT_ERROR_EMPTY,
                   _("The file is empty: the first line must name the columns"));
      return NULL;
    }
  if (!map_columns (rows->pdata[0], columns, error))
    return NULL;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 1; i < rows->len; i++)
    {
      AwpRegistration *r = parse_row (rows->pdata[i], i + 1, columns, current_year);

      g_ptr_array_add (import->registrations, r);
      if (!awp_registration_is_valid (r))
        continue;
      import->n_valid++;
      {
        char *key = person_key (r);
        gpointer first = g_hash_table_lookup (seen, key);

        if (first != NULL)
          {
            r->duplicate_of = GPOINTER_TO_UINT (first);
            import->n_duplicates++;
            g_free (key);
          }
        else
          g_hash_table_insert (seen, key, GUINT_TO_POINTER (r->row));
      }
    }
  return g_steal_pointer (&import);
}

gboolean
awp_registration_cutoff (AwpRuleSet   *rules,
                         AwpCalendar  *calendar,
                         const GDate  *meeting,
                         GDate        *cutoff,
                         GError      **error)
{
  AwpDeadline deadline;

  g_return_val_if_fail (meeting != NULL && g_date_valid (meeting), FALSE);
  g_return_val_if_fail (cutoff != NULL, FALSE);

  if (!awp_deadline_compute (rules, calendar, "O605-9", meeting, &deadline, error))
    return FALSE;
  *cutoff = deadline.date;
  return TRUE;
}

int
awp_registration_import_mark_late (AwpRegistrationImport *import,
                                   AwpRuleSet            *rules,
                                   AwpCalendar           *calendar,
                                   const GDate           *meeting,
                                   GError               **error)
{
  GDate cutoff;
  int late = 0;

  g_return_val_if_fail (import != NULL, -1);

  if (!awp_registration_cutoff (rules, calendar, meeting, &cutoff, error))
    return -1;
  for (guint i = 0; i < import->registrations->len; i++)
    {
      AwpRegistration *r = import->registrations->pdata[i];

      r->late = g_date_valid (&r->received) && g_date_compare (&r->received, &cutoff) > 0;
      late += r->late;
    }
  return late;
}

#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gi18n-lib.h>

#include "awp-calendar.h"
#include "awp-validate.h"

/* IIN and BIN (kz-facts: "IIN and BIN"). Both are 12 digits with the same
 * check digit; the checks run from the most specific message to the least,
 * so a mistyped birth date is reported as such rather than as a checksum. */

static gboolean
twelve_digits (const char *value, const char *label, GError **error)
{
  gboolean ok = value != NULL && strlen (value) == 12;

  for (guint i = 0; ok && i < 12; i++)
    ok = g_ascii_isdigit (value[i]);
  if (!ok)
    g_set_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_FORMAT,
                 _("%s: must be exactly 12 digits"), label);
  return ok;
}

/* The check digit of the first 11 digits, or -1 when both passes give 10
 * (such numbers are never issued). */
static int
check_digit (const char *digits)
{
  static const int second[11] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };
  int sum = 0;

  for (int i = 0; i < 11; i++)
    sum += (digits[i] - '0') * (i + 1);
  if (sum % 11 != 10)
    return sum % 11;
  sum = 0;
  for (int i = 0; i < 11; i++)
    sum += (digits[i] - '0') * second[i];
  return sum % 11 == 10 ? -1 : sum % 11;
}

static gboolean
checksum_ok (const char *value, const char *label, GError **error)
{
  int check = check_digit (value);

  if (check < 0)
    {
      g_set_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_CHECKSUM,
                   _("%s: no such number can exist (the check digit cannot be computed)"), label);
      return FALSE;
    }
  if (check != value[11] - '0')
    {
      g_set_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_CHECKSUM,
                   _("%s: the check digit is wrong"), label);
      return FALSE;
    }
  return TRUE;
}

static guint
two (const char *p)
{
  return (p[0] - '0') * 10 + (p[1] - '0');
}

gboolean
awp_validate_iin (const char  *value,
                  const char  *field_label,
                  const GDate *today,
                  GError     **error)
{
  static const guint century[] = { 0, 1800, 1800, 1900, 1900, 2000, 2000 };
  guint c, year, month, day;
  GDate birth, now;

  g_return_val_if_fail (field_label != NULL, FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);

  if (!twelve_digits (value, field_label, error))
    return FALSE;

  c = value[6] - '0';
  if (c < 1 || c > 6)
    {
      g_set_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_CENTURY,
                   _("%s: the 7th digit (century and sex) must be 1 to 6"), field_label);
      return FALSE;
    }
  year = century[c] + two (value);
  month = two (value + 2);
  day = two (value + 4);
  if (!g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_DATE,
                   _("%s: the first six digits are not a birth date (YYMMDD)"), field_label);
      return FALSE;
    }

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, day, month, year);
  g_date_clear (&now, 1);
  if (today != NULL)
    now = *today;
  else
    g_date_set_time_t (&now, time (NULL));
  if (g_date_compare (&birth, &now) > 0)
    {
      g_autofree char *text = awp_calendar_format_date (&birth);

      g_set_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_DATE,
                   _("%s: the birth date %s is in the future"), field_label, text);
      return FALSE;
    }

  return checksum_ok (value, field_label, error);
}

gboolean
awp_validate_bin (const char *value,
                  const char *field_label,
                  GError    **error)
{
  guint month;

  g_return_val_if_fail (field_label != NULL, FALSE);

  if (!twelve_digits (value, field_label, error))
    return FALSE;

  month = two (value + 2);
  if (month < 1 || month > 12)
    {
      g_set_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_DATE,
                   _("%s: digits 3-4 must be the month of registration (01 to 12)"), field_label);
      return FALSE;
    }
  /* 4 resident, 5 non-resident legal entity, 6 joint individual entrepreneurship */
  if (value[4] < '4' || value[4] > '6')
    {
      g_set_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_TYPE,
                   _("%s: the 5th digit (type of organisation) must be 4, 5 or 6"), field_label);
      return FALSE;
    }
  /* 0 head office, 1 branch, 2 representative office, 3 peasant farm */
  if (value[5] > '3')
    {
      g_set_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_TYPE,
                   _("%s: the 6th digit (head office, branch, representative office or farm) must be 0 to 3"), field_label);
      return FALSE;
    }

  return checksum_ok (value, field_label, error);
}

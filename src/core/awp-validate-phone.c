#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awp-validate-private.h"

/* Kazakhstan phone numbers (kz-facts: "Phones"). Input may carry "+7", the
 * trunk prefix 8, or a bare 7 before the 10-digit national number, or be the
 * bare 10 digits; spaces, dashes and brackets are ignored. Stored as E.164. */

typedef enum
{
  PARSE_OK,
  PARSE_FORMAT,
  PARSE_FOREIGN,
  PARSE_CODE,
} ParseResult;

static gboolean
is_mobile (const char *national)
{
  static const guint16 ranges[][2] = {
    { 700, 702 }, { 705, 708 }, { 747, 747 }, { 760, 764 },
    { 771, 771 }, { 775, 778 }, { 785, 785 },
  };
  guint code = (national[0] - '0') * 100 + (national[1] - '0') * 10 + (national[2] - '0');

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    if (code >= ranges[i][0] && code <= ranges[i][1])
      return TRUE;
  return FALSE;
}

static gboolean
is_fixed (const char *national)
{
  return national[0] == '7' && (national[1] == '1' || national[1] == '2');
}

/* Fills @national (10 digits + NUL) from @value. */
static ParseResult
parse (const char *value, char national[11])
{
  char digits[12];
  guint n = 0;
  gboolean plus = FALSE;
  const char *p;

  for (p = value; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n == sizeof digits)
            return PARSE_FORMAT;
          digits[n++] = *p;
        }
      else if (*p == '+' && n == 0 && !plus)
        plus = TRUE;
      else if (*p != ' ' && *p != '-' && *p != '(' && *p != ')')
        return PARSE_FORMAT;
    }

  if (n == 11 && digits[0] == '7')
    p = digits + 1;                 /* +7 …, or 7 … without the plus */
  else if (n == 11 && digits[0] == '8' && !plus)
    p = digits + 1;                 /* trunk prefix 8 */
  else if (n == 10 && !plus)
    p = digits;                     /* the bare national number */
  else
    return PARSE_FORMAT;

  memcpy (national, p, 10);
  national[10] = '\0';
  /* Russia has the 3xx, 4xx, 8xx and 9xx zones of +7, Kazakhstan 6xx/7xx. */
  if (strchr ("3489", national[0]) != NULL)
    return PARSE_FOREIGN;
  if (!is_mobile (national) && !is_fixed (national))
    return PARSE_CODE;
  return PARSE_OK;
}

char *
awp_validate_phone (const char *value,
                    const char *field_label,
                    GError    **error)
{
  char national[11];

  g_return_val_if_fail (field_label != NULL, NULL);

  if (awp_validate_is_blank (value))
    {
      awp_validate_set_required (field_label, error);
      return NULL;
    }

  switch (parse (value, national))
    {
    case PARSE_OK:
      return g_strconcat ("+7", national, NULL);
    case PARSE_FORMAT:
      g_set_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_FORMAT,
                   _("%s: enter a Kazakhstan number as +7 7XX XXX XX XX or 8 7XX XXX XX XX"), field_label);
      return NULL;
    case PARSE_FOREIGN:
      g_set_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_FOREIGN,
                   _("%s: +7 %.3s is not a Kazakhstan code (it is a number in Russia); Kazakhstan numbers start with +7 7"),
                   field_label, national);
      return NULL;
    case PARSE_CODE:
    default:
      g_set_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_PHONE_CODE,
                   _("%s: %.3s is neither a Kazakhstan mobile operator code nor a city code"),
                   field_label, national);
      return NULL;
    }
}

AwpPhoneKind
awp_validate_phone_kind (const char *e164)
{
  char national[11];

  g_return_val_if_fail (e164 != NULL, AWP_PHONE_MOBILE);
  g_return_val_if_fail (parse (e164, national) == PARSE_OK, AWP_PHONE_MOBILE);

  return is_mobile (national) ? AWP_PHONE_MOBILE : AWP_PHONE_FIXED;
}

char *
awp_validate_format_phone (const char *e164)
{
  char national[11];
  const char *n = national;

  g_return_val_if_fail (e164 != NULL, NULL);

  if (parse (e164, national) != PARSE_OK)
    return NULL;
  /* Almaty's zone has three digits, the other 71x/72x zones four. */
  if (is_mobile (national) || g_str_has_prefix (national, "727"))
    return g_strdup_printf ("+7 %.3s %.3s %.2s %.2s", n, n + 3, n + 6, n + 8);
  return g_strdup_printf ("+7 %.4s %.2s %.2s %.2s", n, n + 4, n + 6, n + 8);
}

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awp-calendar.h"
#include "awp-validate-private.h"

/* The error domain, e-mail addresses and dates. */

G_DEFINE_QUARK (awp-validate-error-quark, awp_validate_error)

gboolean
awp_validate_is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL))
    return FALSE;                     /* not blank; the caller reports the bytes */
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
awp_validate_set_required (const char *field_label,
                           GError    **error)
{
  g_set_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_REQUIRED,
               _("%s: this field is required"), field_label);
  return FALSE;
}

static gboolean
email_local_ok (const char *p, gsize len)
{
  /* RFC 5322 dot-atom: no leading, trailing or doubled dot. */
  if (len == 0 || len > 64 || p[0] == '.' || p[len - 1] == '.')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (p[i] == '.' && p[i + 1] == '.')
        return FALSE;
      if (!g_ascii_isalnum (p[i]) && strchr (".!#$%&'*+/=?^_`{|}~-", p[i]) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Labels of letters (any script: .қаз), digits and inner hyphens; the last
 * label has no digits; at least two labels. */
static gboolean
email_domain_ok (const char *domain)
{
  g_auto(GStrv) labels = g_strsplit (domain, ".", -1);
  guint n = g_strv_length (labels);

  if (n < 2)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const char *l = labels[i];
      glong chars = g_utf8_strlen (l, -1);

      if (chars == 0 || chars > 63 || l[0] == '-' || l[strlen (l) - 1] == '-')
        return FALSE;
      for (const char *p = l; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!(g_unichar_isalpha (c) || (i < n - 1 && (g_unichar_isdigit (c) || c == '-'))))
            return FALSE;
        }
    }
  return g_utf8_strlen (labels[n - 1], -1) >= 2;
}

gboolean
awp_validate_email (const char *value,
                    const char *field_label,
                    GError    **error)
{
  const char *at;

  g_return_val_if_fail (field_label != NULL, FALSE);

  if (awp_validate_is_blank (value))
    return awp_validate_set_required (field_label, error);

  at = strchr (value, '@');
  if (strlen (value) > 254 || !g_utf8_validate (value, -1, NULL) || at == NULL ||
      strchr (at + 1, '@') != NULL || !email_local_ok (value, at - value) || !email_domain_ok (at + 1))
    {
      g_set_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_FORMAT,
                   _("%s: not an e-mail address (expected name@example.kz)"), field_label);
      return FALSE;
    }
  return TRUE;
}

/* D.M.YYYY or DD.MM.YYYY into @out; FALSE for any other shape or day. */
static gboolean
parse_dotted (const char *text, GDate *out)
{
  guint part[3] = { 0, 0, 0 };
  guint len[3] = { 0, 0, 0 };
  guint k = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '.' && k < 2)
        k++;
      else if (g_ascii_isdigit (*p) && len[k] < 4)
        {
          part[k] = part[k] * 10 + (*p - '0');
          len[k]++;
        }
      else
        return FALSE;
    }
  if (k != 2 || len[0] < 1 || len[0] > 2 || len[1] < 1 || len[1] > 2 || len[2] != 4 ||
      !g_date_valid_dmy (part[0], part[1], part[2]))
    return FALSE;
  g_date_set_dmy (out, part[0], part[1], part[2]);
  return TRUE;
}

gboolean
awp_validate_date (const char *text,
                   const char *field_label,
                   GDate      *out,
                   GError    **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GError) local = NULL;
  gboolean ok;

  g_return_val_if_fail (field_label != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);
  if (awp_validate_is_blank (text))
    return awp_validate_set_required (field_label, error);

  trimmed = g_strstrip (g_strdup (text));
  if (strchr (trimmed, '-') != NULL)
    {
      /* The calendar's strict ISO parser; its year limit is for the
       * working-day calendar only, so a date out of that range still counts. */
      ok = awp_calendar_parse_date (trimmed, field_label, out, &local) ||
           g_error_matches (local, AWP_CALENDAR_ERROR, AWP_CALENDAR_ERROR_OUT_OF_RANGE);
    }
  else
    ok = parse_dotted (trimmed, out);

  if (!ok)
    {
      g_date_clear (out, 1);
      g_set_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_FORMAT,
                   _("%s: “%s” is not a date; enter it as DD.MM.YYYY"), field_label, trimmed);
    }
  return ok;
}

gboolean
awp_validate_date_range (const GDate *start,
                         const GDate *end,
                         const char  *field_label,
                         GError     **error)
{
  g_return_val_if_fail (start != NULL && g_date_valid (start), FALSE);
  g_return_val_if_fail (end != NULL && g_date_valid (end), FALSE);
  g_return_val_if_fail (field_label != NULL, FALSE);

  if (g_date_compare (end, start) < 0)
    {
      g_autofree char *s = awp_calendar_format_date (start);
      g_autofree char *e = awp_calendar_format_date (end);

      g_set_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_RANGE_ORDER,
                   _("%s: the end date %s is before the start date %s"), field_label, e, s);
      return FALSE;
    }
  return TRUE;
}

#include <glib.h>

#include "awp-validate.h"

/* Everything a user types reaches these validators; none may crash, read
 * out of bounds or report an error outside its domain, on any bytes. */
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check (gboolean  ok,
       GError   *error)
{
  if (ok)
    g_assert_no_error (error);
  else
    g_assert_true (error != NULL && error->domain == AWP_VALIDATE_ERROR);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  GDate today, parsed;
  GError *error = NULL;
  char *phone, *suggestion;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, G_DATE_NOVEMBER, 2026);

  check (awp_validate_iin (text, "IIN", &today, &error), error);
  g_clear_error (&error);
  check (awp_validate_bin (text, "BIN", &error), error);
  g_clear_error (&error);
  check (awp_validate_email (text, "E-mail", &error), error);
  g_clear_error (&error);
  check (awp_validate_text (text, "Text", TRUE, 64, &error), error);
  g_clear_error (&error);
  check (awp_validate_trilingual (text, text, NULL, "Name", 200, &error), error);
  g_clear_error (&error);
  check (awp_validate_cyrillic (text, "Name", &error), error);
  g_clear_error (&error);

  g_date_clear (&parsed, 1);
  if (awp_validate_date (text, "Date", &parsed, &error))
    {
      g_assert_true (g_date_valid (&parsed));
      check (awp_validate_date_range (&today, &parsed, "Dates", &error), error);
    }
  g_clear_error (&error);

  phone = awp_validate_phone (text, "Phone", &error);
  if (phone != NULL)
    {
      g_autofree char *pretty = awp_validate_format_phone (phone);
      g_autofree char *again = awp_validate_phone (pretty, "Phone", NULL);

      /* Normalising is stable: the pretty form gives the same E.164. */
      g_assert_cmpstr (again, ==, phone);
      awp_validate_phone_kind (phone);
    }
  else
    check (FALSE, error);
  g_clear_error (&error);
  g_free (phone);

  suggestion = awp_validate_suggest_cyrillic (text);
  if (suggestion != NULL)
    g_assert_true (g_utf8_validate (suggestion, -1, NULL));
  g_free (suggestion);

  return 0;
}

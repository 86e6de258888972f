#include <glib.h>

#include "awp-registration-import.h"

/* Registration lists come from spreadsheets people send (O605-9): any bytes
 * must give rows with issues or a GError, never a crash. */
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpRegistrationImport) import = awp_registration_import_parse (bytes, 2026, &error);

  if (import == NULL)
    g_assert_nonnull (error);
  else
    g_assert_no_error (error);

  return 0;
}

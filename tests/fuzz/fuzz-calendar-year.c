#include <glib.h>

#include "awp-calendar.h"

/* A calendar year arrives from the server as JSON (issue: calendar updates
 * at run time); whatever it holds, loading fails cleanly or succeeds. */
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static AwpCalendar *calendar;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  gboolean replaced = FALSE;

  if (calendar == NULL)
    calendar = awp_calendar_new_generated ();

  if (awp_calendar_load_year (calendar, bytes, &replaced, &error))
    g_assert_no_error (error);
  else
    g_assert_nonnull (error);

  return 0;
}

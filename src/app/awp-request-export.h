#pragma once

#include <gio/gio.h>

#include "awp-calendar.h"

G_BEGIN_DECLS

/* Writes the rows of @model (AwpQueueItem, the queue as filtered) as CSV:
 * RFC 4180 (quoted where needed, CRLF), UTF-8 with a byte order mark so
 * spreadsheets in kk/ru locales read the Cyrillic right. The header names
 * the columns in the UI language. */
gboolean awp_request_export_csv (GListModel     *model,
                                 AwpCalendar    *calendar,
                                 GOutputStream  *out,
                                 GCancellable   *cancellable,
                                 GError        **error);

G_END_DECLS

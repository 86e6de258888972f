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

/* The same rows as a PDF table (A4 landscape, cairo): @title and the
 * export date on top, the column headings in the UI language (kk, ru or
 * en) repeated on every page, page numbers below. At most
 * AWP_REQUEST_PDF_MAX_ROWS rows; the document says when the view had more
 * (the CSV takes any number). */
#define AWP_REQUEST_PDF_MAX_ROWS 5000

gboolean awp_request_export_pdf (GListModel     *model,
                                 AwpCalendar    *calendar,
                                 const char     *title,
                                 GOutputStream  *out,
                                 GCancellable   *cancellable,
                                 GError        **error);

G_END_DECLS

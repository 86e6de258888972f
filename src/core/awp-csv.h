#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* RFC 4180 CSV as spreadsheets write it: quoted fields with doubled quotes,
 * CRLF or LF line ends, newlines inside quotes, an optional UTF-8 byte order
 * mark, and `;` or `,` as the delimiter (Excel in ru/kk locales writes `;`),
 * detected from the header line. */

#define AWP_CSV_ERROR (awp_csv_error_quark ())
GQuark awp_csv_error_quark (void);

typedef enum
{
  AWP_CSV_ERROR_INVALID_UTF8,        /* not UTF-8 (or a NUL byte) */
  AWP_CSV_ERROR_UNTERMINATED_QUOTE,  /* a quoted field never closed */
  AWP_CSV_ERROR_BAD_QUOTE,           /* text right after a closing quote */
  AWP_CSV_ERROR_TOO_MANY_ROWS,       /* more records than the caller allows */
} AwpCsvError;

typedef struct
{
  guint   line;    /* line of the file the record starts on, from 1 */
  char  **fields;  /* NULL-terminated, never NULL */
} AwpCsvRow;

void awp_csv_row_free (AwpCsvRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpCsvRow, awp_csv_row_free)

/* `;` when the first line has more unquoted semicolons than commas, else `,`. */
char       awp_csv_detect_delimiter (const char *text,
                                     gsize       length);

/* Parses @text (@length bytes) into AwpCsvRow records, header included;
 * blank lines are skipped. Fails when there are more than @max_rows records
 * (0: no limit). *@delimiter (may be NULL) receives the detected delimiter. */
GPtrArray *awp_csv_parse            (const char *text,
                                     gsize       length,
                                     guint       max_rows,
                                     char       *delimiter,
                                     GError    **error);

G_END_DECLS

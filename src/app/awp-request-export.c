#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "awp-pdf-layout.h"
#include "awp-queue-item.h"
#include "awp-request-export.h"
#include "awp-request-format.h"
#include "awp-state-machine.h"

static void
append_field (GString    *line,
              const char *text,
              gboolean    first)
{
  if (!first)
    g_string_append_c (line, ',');
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (line, text);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

gboolean
awp_request_export_csv (GListModel     *model,
                        AwpCalendar    *calendar,
                        GOutputStream  *out,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autoptr(GString) buffer = g_string_new ("\xEF\xBB\xBF");
  const char *header[] = {
    _("Number"), _("Received"), _("Requester"), _("Subject"), _("Status"),
    _("Deadline"), _("Deadline state"), _("Authentication"), _("Organization"),
  };
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_field (buffer, header[i], i == 0);
  g_string_append (buffer, "\r\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AwpQueueItem) item = g_list_model_get_item (model, i);
      g_autofree char *received = awp_request_format_date (awp_queue_item_get_received (item));
      g_autofree char *due = awp_request_format_date (awp_queue_item_get_due_on (item));
      g_autofree char *state = NULL;
      AwpDueInfo info;

      awp_request_due_info (calendar, awp_queue_item_get_due_on (item), awp_queue_item_get_closed (item), &info);
      state = awp_request_due_text (&info);
      append_field (buffer, awp_queue_item_get_number (item), TRUE);
      append_field (buffer, received, FALSE);
      append_field (buffer, awp_queue_item_get_requester (item), FALSE);
      append_field (buffer, awp_queue_item_get_subject (item), FALSE);
      append_field (buffer, awp_queue_item_get_status (item) ? awp_request_status_label (awp_queue_item_get_status (item)) : NULL, FALSE);
      append_field (buffer, due, FALSE);
      append_field (buffer, state, FALSE);
      append_field (buffer, awp_request_auth_label (awp_queue_item_get_auth_method (item)), FALSE);
      append_field (buffer, awp_queue_item_get_org (item), FALSE);
      g_string_append (buffer, "\r\n");
      /* Written in pieces: a million-row view never sits in memory whole. */
      if (buffer->len > 64 * 1024 || i + 1 == n)
        {
          if (!g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (buffer, 0);
        }
    }
  if (buffer->len > 0 && !g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;
  return g_output_stream_close (out, cancellable, error);
}

/* PDF: A4 landscape in points. */
#define PAGE_W   841.89
#define PAGE_H   595.276
#define MARGIN   36.0
#define PAD      3.0
#define FONT     "Sans 7.5"
#define BOLD     "Sans Bold 7.5"

typedef struct
{
  GOutputStream *out;
  GCancellable  *cancellable;
  GError        *error;
} PdfSink;

static cairo_status_t
pdf_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->out, data, length, NULL, sink->cancellable, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static PangoLayout *
cell_layout (cairo_t    *cr,
             const char *font,
             const char *text,
             double      width)
{
  PangoLayout *layout = awp_pdf_layout_new (cr, font, text, width);

  /* Long subjects take two lines at most. */
  pango_layout_set_height (layout, -2);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

/* Column widths as shares of the table. */
static const double shares[] = { 0.11, 0.07, 0.13, 0.28, 0.09, 0.07, 0.14, 0.11 };

/* Draws one row at @y; returns its height. @measure only measures. */
static double
pdf_row (cairo_t           *cr,
         const char *const *cells,
         const char        *font,
         double             y,
         gboolean           measure)
{
  double table = PAGE_W - 2 * MARGIN, x = MARGIN, height = 0;
  PangoLayout *layouts[G_N_ELEMENTS (shares)];

  for (guint c = 0; c < G_N_ELEMENTS (shares); c++)
    {
      int h;

      layouts[c] = cell_layout (cr, font, cells[c], table * shares[c] - 2 * PAD);
      pango_layout_get_size (layouts[c], NULL, &h);
      height = MAX (height, (double) h / PANGO_SCALE + 2 * PAD);
    }
  for (guint c = 0; c < G_N_ELEMENTS (shares); c++)
    {
      if (!measure)
        {
          cairo_move_to (cr, x + PAD, y + PAD);
          pango_cairo_show_layout (cr, layouts[c]);
        }
      x += table * shares[c];
      g_object_unref (layouts[c]);
    }
  if (!measure)
    {
      cairo_set_line_width (cr, 0.4);
      cairo_move_to (cr, MARGIN, y + height);
      cairo_line_to (cr, PAGE_W - MARGIN, y + height);
      cairo_stroke (cr);
    }
  return height;
}

static double
pdf_text (cairo_t    *cr,
          const char *font,
          const char *text,
          double      y)
{
  PangoLayout *layout = cell_layout (cr, font, text, PAGE_W - 2 * MARGIN);
  int h;

  pango_layout_set_height (layout, -5);
  cairo_move_to (cr, MARGIN, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &h);
  g_object_unref (layout);
  return (double) h / PANGO_SCALE;
}

static void
pdf_footer (cairo_t *cr,
            int      page)
{
  /* Translators: page number at the bottom of an exported PDF */
  g_autofree char *text = g_strdup_printf (_("Page %d"), page);

  pdf_text (cr, FONT, text, PAGE_H - MARGIN + 8);
}

gboolean
awp_request_export_pdf (GListModel     *model,
                        AwpCalendar    *calendar,
                        const char     *title,
                        GOutputStream  *out,
                        GCancellable   *cancellable,
                        GError        **error)
{
  const char *header[] = {
    _("Number"), _("Received"), _("Requester"), _("Subject"), _("Status"),
    _("Deadline"), _("Deadline state"), _("Authentication"),
  };
  PdfSink sink = { out, cancellable, NULL };
  guint n = g_list_model_get_n_items (model), rows = MIN (n, AWP_REQUEST_PDF_MAX_ROWS);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (pdf_write_cb, &sink, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%d.%m.%Y %H:%M");
  g_autofree char *info = NULL;
  cairo_status_t status;
  double y = MARGIN;
  int page = 1;

  G_STATIC_ASSERT (G_N_ELEMENTS (header) == G_N_ELEMENTS (shares));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y += pdf_text (cr, "Sans Bold 13", title, y) + 4;
  if (rows < n)
    /* Translators: under the title of an exported PDF */
    info = g_strdup_printf (_("Exported %s · the first %u of %u rows of the view; the CSV export has them all"),
                            stamp, rows, n);
  else
    info = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %s · %u row", "Exported %s · %u rows", n), stamp, n);
  y += pdf_text (cr, FONT, info, y) + 10;
  y += pdf_row (cr, header, BOLD, y, FALSE);

  for (guint i = 0; i < rows && sink.error == NULL; i++)
    {
      g_autoptr(AwpQueueItem) item = g_list_model_get_item (model, i);
      g_autofree char *received = awp_request_format_date (awp_queue_item_get_received (item));
      g_autofree char *due = awp_request_format_date (awp_queue_item_get_due_on (item));
      g_autofree char *state = NULL;
      const char *cells[G_N_ELEMENTS (shares)];
      AwpDueInfo info_due;
      double h;

      if (g_cancellable_set_error_if_cancelled (cancellable, &sink.error))
        break;
      awp_request_due_info (calendar, awp_queue_item_get_due_on (item), awp_queue_item_get_closed (item), &info_due);
      state = awp_request_due_text (&info_due);
      cells[0] = awp_queue_item_get_number (item);
      cells[1] = received;
      cells[2] = awp_queue_item_get_requester (item);
      cells[3] = awp_queue_item_get_subject (item);
      cells[4] = awp_queue_item_get_status (item) ? awp_request_status_label (awp_queue_item_get_status (item)) : NULL;
      cells[5] = due;
      cells[6] = state;
      cells[7] = awp_request_auth_label (awp_queue_item_get_auth_method (item));
      h = pdf_row (cr, cells, FONT, y, TRUE);
      if (y + h > PAGE_H - MARGIN)
        {
          pdf_footer (cr, page++);
          cairo_show_page (cr);
          y = MARGIN;
          y += pdf_row (cr, header, BOLD, y, FALSE);
        }
      y += pdf_row (cr, cells, FONT, y, FALSE);
    }
  pdf_footer (cr, page);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The PDF could not be written: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return g_output_stream_close (out, cancellable, error);
}

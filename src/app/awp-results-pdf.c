#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "awp-pdf-layout.h"
#include "awp-results-pdf.h"
#include "awp-survey-results.h"

/* A4 portrait in points. */
#define PAGE_W   595.276
#define PAGE_H   841.89
#define MARGIN   48.0
#define BAR_H    9.0
#define LABEL_W  230.0
#define VALUE_W  90.0

typedef struct
{
  cairo_t *cr;
  double   y;
  int      page;
} Pen;

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static void
footer (Pen *pen)
{
  /* Translators: page number at the bottom of an exported PDF */
  g_autofree char *text = g_strdup_printf (_("Page %d"), pen->page);
  PangoLayout *layout = awp_pdf_layout_new (pen->cr, "Sans 8", text, PAGE_W - 2 * MARGIN);

  cairo_set_source_rgb (pen->cr, 0, 0, 0);
  cairo_move_to (pen->cr, MARGIN, PAGE_H - MARGIN + 12);
  pango_cairo_show_layout (pen->cr, layout);
  g_object_unref (layout);
}

/* Starts a new page when @height does not fit on this one. */
static void
make_room (Pen    *pen,
           double  height)
{
  if (pen->y + height <= PAGE_H - MARGIN)
    return;
  footer (pen);
  cairo_show_page (pen->cr);
  pen->page++;
  pen->y = MARGIN;
}

static void
paragraph (Pen        *pen,
           const char *font,
           const char *text,
           double      after)
{
  PangoLayout *layout = awp_pdf_layout_new (pen->cr, font, text, PAGE_W - 2 * MARGIN);
  double h = layout_height (layout);

  make_room (pen, h);
  cairo_set_source_rgb (pen->cr, 0, 0, 0);
  cairo_move_to (pen->cr, MARGIN, pen->y);
  pango_cairo_show_layout (pen->cr, layout);
  g_object_unref (layout);
  pen->y += h + after;
}

/* One option: its text, then the bar scaled to 100 %, then the figures. */
static void
option_row (Pen        *pen,
            const char *option,
            guint       count,
            double      percent)
{
  /* TRANSLATORS: answers to an option and their percent of respondents, "5 (41.7 %)" */
  g_autofree char *value = g_strdup_printf (_("%u (%.1f %%)"), count, percent);
  PangoLayout *label = awp_pdf_layout_new (pen->cr, "Sans 9", option, LABEL_W);
  PangoLayout *figures = awp_pdf_layout_new (pen->cr, "Sans 9", value, VALUE_W);
  double bar_x = MARGIN + LABEL_W + 8, bar_w = PAGE_W - 2 * MARGIN - LABEL_W - VALUE_W - 16;
  double h = MAX (layout_height (label), BAR_H) + 6;

  make_room (pen, h);
  cairo_set_source_rgb (pen->cr, 0, 0, 0);
  cairo_move_to (pen->cr, MARGIN, pen->y);
  pango_cairo_show_layout (pen->cr, label);
  cairo_move_to (pen->cr, PAGE_W - MARGIN - VALUE_W, pen->y);
  pango_cairo_show_layout (pen->cr, figures);
  /* The track, then the share of respondents over it. */
  cairo_set_source_rgb (pen->cr, 0.9, 0.9, 0.9);
  cairo_rectangle (pen->cr, bar_x, pen->y + 2, bar_w, BAR_H);
  cairo_fill (pen->cr);
  cairo_set_source_rgb (pen->cr, 0.21, 0.52, 0.89);
  cairo_rectangle (pen->cr, bar_x, pen->y + 2, bar_w * CLAMP (percent, 0.0, 100.0) / 100.0, BAR_H);
  cairo_fill (pen->cr);
  g_object_unref (label);
  g_object_unref (figures);
  pen->y += h;
}

static const char *
survey_name (JsonObject *data,
             const char *lang)
{
  const char *langs[] = { lang, "kk", "ru" };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *member = g_strdup_printf ("title_%s", langs[i]);
      const char *name = json_object_get_string_member_with_default (data, member, "");

      if (name[0] != '\0')
        return name;
    }
  return "";
}

static void
draw (cairo_t    *cr,
      JsonObject *data,
      const char *lang,
      GPtrArray  *results)
{
  guint respondents = awp_survey_results_respondents (data);
  const char *number = json_object_get_string_member_with_default (data, "number", "");
  /* TRANSLATORS: the heading of the survey results PDF; %s is the survey number */
  g_autofree char *heading = g_strdup_printf (_("Results of survey No. %s"), number);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u respondent", "%u respondents",
                                                         respondents), respondents);
  Pen pen = { cr, MARGIN, 1 };

  paragraph (&pen, "Sans 10", heading, 4);
  paragraph (&pen, "Sans Bold 14", survey_name (data, lang), 4);
  paragraph (&pen, "Sans 10", count, 14);
  for (guint q = 0; q < results->len; q++)
    {
      AwpSurveyQuestionResult *r = results->pdata[q];
      g_autofree char *title = g_strdup_printf ("%u. %s", q + 1, r->question);

      /* A question's heading does not end a page alone. */
      make_room (&pen, 40);
      paragraph (&pen, "Sans Bold 10", title, 2);
      paragraph (&pen, "Sans Italic 8",
                 r->multiple ? _("Multiple choice: percentages may add up to more than 100 %")
                             : _("Single choice"), 6);
      for (guint o = 0; o < r->options->len; o++)
        option_row (&pen, r->options->pdata[o], g_array_index (r->counts, guint, o),
                    g_array_index (r->percents, double, o));
      pen.y += 10;
    }
  footer (&pen);
  cairo_show_page (cr);
}

gboolean
awp_results_pdf_write (JsonObject  *data,
                       const char  *lang,
                       GFile       *file,
                       GError     **error)
{
  g_autoptr(GPtrArray) results = awp_survey_results_compute (data, lang, error);
  g_autofree char *path = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  if (results == NULL)
    return FALSE;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("The PDF could not be written: %s"),
                   g_file_peek_path (file) ? g_file_peek_path (file) : "?");
      return FALSE;
    }
  surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  cr = cairo_create (surface);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, survey_name (data, lang));
  draw (cr, data, lang, results);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The PDF could not be written: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

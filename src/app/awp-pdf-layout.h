#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* A Pango layout of @text (NULL for none) in @font, wrapped at @width
 * points, for drawing on @cr: one cairo unit is one point on the PDF and
 * print surfaces the documents draw on, so the resolution is 72 dpi. */
PangoLayout *awp_pdf_layout_new (cairo_t    *cr,
                                 const char *font,
                                 const char *text,
                                 double      width);

G_END_DECLS

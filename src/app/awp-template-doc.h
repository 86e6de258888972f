#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A conference (Annex 1) or survey (Annex 2) template as the document the
 * Rules attach: a two-column table of the annex's labels, in Kazakh and
 * Russian whatever the UI language, and the template's values. Drawn with
 * cairo and Pango, for a PDF file and for GtkPrintOperation. */

typedef struct _AwpTemplateDoc AwpTemplateDoc;

/* @type: "conference" or "survey"; @data is read now (a copy is kept). */
AwpTemplateDoc *awp_template_doc_new        (const char     *type,
                                             JsonObject     *data);
void            awp_template_doc_free       (AwpTemplateDoc *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpTemplateDoc, awp_template_doc_free)

/* Lays the table out for pages of @width × @height points on @cr's
 * target; returns the number of pages. */
int             awp_template_doc_paginate   (AwpTemplateDoc *doc,
                                             cairo_t        *cr,
                                             double          width,
                                             double          height);
void            awp_template_doc_draw_page  (AwpTemplateDoc *doc,
                                             cairo_t        *cr,
                                             int             page);
/* A4 PDF at @path. */
gboolean        awp_template_doc_write_pdf  (AwpTemplateDoc *doc,
                                             const char     *path,
                                             GError        **error);
/* Prints through the system dialog (GtkPrintOperation). */
void            awp_template_doc_print      (AwpTemplateDoc *doc,
                                             GtkWindow      *parent);

G_END_DECLS

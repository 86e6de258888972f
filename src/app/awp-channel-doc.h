#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* The accreditation application in the layout of Order 93, Annex 1, in
 * Russian or Kazakh (whatever the UI language: the document goes to the
 * SED in the language chosen), drawn with cairo and Pango for a PDF file
 * and for GtkPrintOperation. */

typedef struct _AwpChannelDoc AwpChannelDoc;

/* @lang: "ru" or "kk"; @data is read now. */
AwpChannelDoc *awp_channel_doc_new_application (JsonObject     *data,
                                                const char     *lang);
/* The whole Registry (Annex 2) in @lang ("ru" or "kk"): per entry its six
 * columns, the history included. */
AwpChannelDoc *awp_channel_doc_new_registry    (AwpStore       *store,
                                                const char     *lang,
                                                GError        **error);
void           awp_channel_doc_free            (AwpChannelDoc  *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpChannelDoc, awp_channel_doc_free)

int            awp_channel_doc_paginate        (AwpChannelDoc  *doc,
                                                cairo_t        *cr,
                                                double          width,
                                                double          height);
void           awp_channel_doc_draw_page       (AwpChannelDoc  *doc,
                                                cairo_t        *cr,
                                                int             page);
/* A4 PDF at @path. */
gboolean       awp_channel_doc_write_pdf       (AwpChannelDoc  *doc,
                                                const char     *path,
                                                GError        **error);
void           awp_channel_doc_print           (AwpChannelDoc  *doc,
                                                GtkWindow      *parent);

G_END_DECLS

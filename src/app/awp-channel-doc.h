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
/* A change request in the layout of Annex 3 (O93-11, O93-A3): to, from,
 * the record being changed with its content, the new wording, grounds,
 * attachments, signature and date. @entry (the Registry entry, may be NULL)
 * gives the channel, its number and the owner; @to_body the authorized
 * body (NULL: a line to fill in). */
AwpChannelDoc *awp_channel_doc_new_change_request (JsonObject *data,
                                                   JsonObject *entry,
                                                   const char *to_body,
                                                   const char *lang);
/* A termination notice (O93-12, free form) likewise. */
AwpChannelDoc *awp_channel_doc_new_termination (JsonObject     *data,
                                                JsonObject     *entry,
                                                const char     *to_body,
                                                const char     *lang);
/* The document of the record @id (an application, change request or
 * termination notice) in @lang; @shown (may be NULL) are fields on screen
 * not saved yet. */
AwpChannelDoc *awp_channel_doc_new_document    (AwpStore       *store,
                                                const char     *id,
                                                JsonObject     *shown,
                                                const char     *lang,
                                                GError        **error);
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

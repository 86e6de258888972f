#pragma once

#include <gtk/gtk.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* Printable meeting documents: plain text set in pages with Pango, through
 * GtkPrintOperation, so "Print" offers the printers and "Print to File"
 * a PDF. With @pdf_path the document is written there without a dialog. */

gboolean  awp_meeting_print_text         (GtkWindow   *parent,
                                          const char  *job_name,
                                          const char  *text,
                                          const char  *pdf_path,
                                          GError     **error);

/* The participant list (O605-10) in the UI language: the meeting, then
 * the seated participants and the waiting list, each with a place to sign. */
char     *awp_meeting_participants_text  (AwpStore    *store,
                                          const char  *meeting_id,
                                          GError     **error);

/* Asks where to save an iCalendar file of @ids (NULL: every meeting) and
 * writes it; problems go to @parent as a message dialog. */
void      awp_meeting_save_ics           (GtkWindow          *parent,
                                          AwpStore           *store,
                                          const char * const *ids,
                                          const char         *suggested_name);

G_END_DECLS

#pragma once

#include <adwaita.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* O605-9: a preview of applications from a spreadsheet before they enter
 * the store: each row valid, late, a duplicate, or with its errors named
 * by field; Import adds the valid rows in one transaction. */

#define AWP_TYPE_MEETING_IMPORT_DIALOG (awp_meeting_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AwpMeetingImportDialog, awp_meeting_import_dialog, AWP, MEETING_IMPORT_DIALOG, AdwWindow)

AwpMeetingImportDialog *awp_meeting_import_dialog_new (GtkWindow  *parent,
                                                       AwpStore   *store,
                                                       const char *meeting_id,
                                                       GBytes     *csv);
/* The summary line shown above the rows. */
const char *awp_meeting_import_dialog_get_summary (AwpMeetingImportDialog *self);
/* Rows in the preview, and how many of them have errors. */
guint       awp_meeting_import_dialog_get_n_rows  (AwpMeetingImportDialog *self);
guint       awp_meeting_import_dialog_get_n_invalid (AwpMeetingImportDialog *self);

G_END_DECLS

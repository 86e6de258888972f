#pragma once

#include <adwaita.h>

#include "awp-attachment-list.h"
#include "awp-calendar.h"
#include "awp-deadline.h"
#include "awp-draft.h"
#include "awp-store.h"

G_BEGIN_DECLS

/* One dialog per blog request action (O145-4.1 … 5.3). The response button
 * stays disabled, and a translated message names the field, until the form
 * is valid. Responding with the action's id runs it through the store: the
 * record, its outbox row and its audit entry in one transaction, so nothing
 * is half-saved. Afterwards awp_request_dialog_get_error() tells how it went. */
AdwMessageDialog *awp_request_dialog_new       (GtkWindow   *parent,
                                                AwpStore    *store,
                                                AwpCalendar *calendar,
                                                AwpRuleSet  *rules,
                                                const char  *id,
                                                const char  *action,
                                                const char  *actor);
/* The validation message shown now, or NULL when the form is valid. */
const char       *awp_request_dialog_get_problem (AdwMessageDialog *dialog);
/* After the response: whether the action ran; if not, why (NULL on cancel). */
gboolean          awp_request_dialog_get_done    (AdwMessageDialog *dialog);
const GError     *awp_request_dialog_get_error   (AdwMessageDialog *dialog);
/* The answer's or refusal's files (NULL for other actions). */
AwpAttachmentList *awp_request_dialog_get_attachments (AdwMessageDialog *dialog);

/* The journal keeping the text typed in these dialogs, beside @store's
 * file; NULL for a store without a file. */
AwpDraftJournal  *awp_request_drafts             (AwpStore *store);

G_END_DECLS

#pragma once

#include <gtk/gtk.h>

#include "awp-attachment.h"
#include "awp-store.h"
#include "awp-sync-engine.h"

G_BEGIN_DECLS

/* The files attached to a record, one row each: name, type icon, kind and
 * size; Open (a cache copy, the default application) and Save As…; Remove
 * and Add Files… when editable. A file not downloaded yet is fetched
 * through the sync engine when opened or saved, its progress or error
 * shown in its row. Used by the answer dialog and the request detail
 * (O145-5.1), meeting results (O605-14). Emits "changed" on add/remove. */

#define AWP_TYPE_ATTACHMENT_LIST (awp_attachment_list_get_type ())
G_DECLARE_FINAL_TYPE (AwpAttachmentList, awp_attachment_list, AWP, ATTACHMENT_LIST, GtkWidget)

GtkWidget  *awp_attachment_list_new             (void);
void        awp_attachment_list_set_store       (AwpAttachmentList *self,
                                                 AwpStore          *store);
/* The engine that downloads (NULL: the application's). */
void        awp_attachment_list_set_engine      (AwpAttachmentList *self,
                                                 AwpSyncEngine     *engine);
void        awp_attachment_list_set_editable    (AwpAttachmentList *self,
                                                 gboolean           editable);
/* Shows @attachments (AwpAttachment items, copied). */
void        awp_attachment_list_set_attachments (AwpAttachmentList *self,
                                                 GPtrArray         *attachments);
/* Shows what record @record_id names (none when NULL). */
void        awp_attachment_list_set_record      (AwpAttachmentList *self,
                                                 const char        *record_id);
guint       awp_attachment_list_get_count       (AwpAttachmentList *self);
/* The references, for a record's "attachments" (new array). */
JsonArray  *awp_attachment_list_to_json         (AwpAttachmentList *self);
/* Adds @file as the file chooser does; FALSE with the reason shown in
 * place (and in @error) when it is refused. */
gboolean    awp_attachment_list_add_file        (AwpAttachmentList *self,
                                                 GFile             *file,
                                                 GError           **error);
/* Writes the @index-th file to @file (it must be local). */
gboolean    awp_attachment_list_save_to         (AwpAttachmentList *self,
                                                 guint              index,
                                                 GFile             *file,
                                                 GError           **error);

G_END_DECLS

#pragma once

#include <adwaita.h>

#include "awp-sync-engine.h"

G_BEGIN_DECLS

/* The header bar's sync status (DESIGN §6): online / offline / syncing /
 * error with the pending changes, and a popover with the last sync, the
 * last error, "Sync now" and "Sign in…". */

#define AWP_TYPE_SYNC_BUTTON (awp_sync_button_get_type ())
G_DECLARE_FINAL_TYPE (AwpSyncButton, awp_sync_button, AWP, SYNC_BUTTON, GtkWidget)

GtkWidget     *awp_sync_button_new        (void);
/* The engine to show (NULL: not signed in). */
void           awp_sync_button_set_engine (AwpSyncButton *self,
                                           AwpSyncEngine *engine);
AwpSyncEngine *awp_sync_button_get_engine (AwpSyncButton *self);

G_END_DECLS

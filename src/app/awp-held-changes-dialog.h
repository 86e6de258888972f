#pragma once

#include <adwaita.h>

#include "awp-sync-engine.h"

G_BEGIN_DECLS

/* The changes the sync holds for a person (DESIGN §4): each conflict with
 * its clashing fields, mine and theirs side by side, settled per field
 * (keep mine, take theirs, or edit the text); each refused change with the
 * server's reasons per field, to drop once read. */

#define AWP_TYPE_HELD_CHANGES_DIALOG (awp_held_changes_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AwpHeldChangesDialog, awp_held_changes_dialog, AWP, HELD_CHANGES_DIALOG, AdwWindow)

AwpHeldChangesDialog *awp_held_changes_dialog_new (AwpSyncEngine *engine);

G_END_DECLS

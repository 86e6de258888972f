#pragma once

#include <adwaita.h>

#include "awp-store.h"
#include "awp-sync-engine.h"
#include "awp-training.h"

G_BEGIN_DECLS

#define AWP_TYPE_APPLICATION (awp_application_get_type ())

G_DECLARE_FINAL_TYPE (AwpApplication, awp_application, AWP, APPLICATION, AdwApplication)

AwpApplication *awp_application_new          (void);
GSettings      *awp_application_get_settings (AwpApplication *self);
AwpStore       *awp_application_get_store    (AwpApplication *self);
/* The sync engine of the signed-in account, or NULL (DESIGN §4). */
AwpSyncEngine  *awp_application_get_sync_engine (AwpApplication *self);
void            awp_application_set_sync_engine (AwpApplication *self,
                                                 AwpSyncEngine  *engine);
/* The training server when started with --training, or NULL. */
AwpTraining    *awp_application_get_training    (AwpApplication *self);

G_END_DECLS

#pragma once

#include <adwaita.h>

#include "awp-store.h"

G_BEGIN_DECLS

#define AWP_TYPE_APPLICATION (awp_application_get_type ())

G_DECLARE_FINAL_TYPE (AwpApplication, awp_application, AWP, APPLICATION, AdwApplication)

AwpApplication *awp_application_new          (void);
GSettings      *awp_application_get_settings (AwpApplication *self);
AwpStore       *awp_application_get_store    (AwpApplication *self);

G_END_DECLS

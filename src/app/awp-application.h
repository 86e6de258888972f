#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AWP_TYPE_APPLICATION (awp_application_get_type ())

G_DECLARE_FINAL_TYPE (AwpApplication, awp_application, AWP, APPLICATION, AdwApplication)

AwpApplication *awp_application_new          (void);
GSettings      *awp_application_get_settings (AwpApplication *self);

G_END_DECLS

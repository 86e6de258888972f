#pragma once

#include "awp-validate.h"

G_BEGIN_DECLS

/* NULL, empty, or white space only. */
gboolean awp_validate_is_blank (const char *value);
/* Sets AWP_VALIDATE_ERROR_REQUIRED naming @field_label; returns FALSE. */
gboolean awp_validate_set_required (const char *field_label,
                                    GError    **error);

G_END_DECLS

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The "Training" strip under the header bar: shown only when the
 * application runs in training mode (awp --training), with the demo user,
 * "Share as Classroom…" / "Stop Sharing", "Join a Classroom…" and "Reset". */

#define AWP_TYPE_TRAINING_BANNER (awp_training_banner_get_type ())
G_DECLARE_FINAL_TYPE (AwpTrainingBanner, awp_training_banner, AWP, TRAINING_BANNER, GtkWidget)

/* What the strip says (for tests): mode, and a classroom's address. */
const char *awp_training_banner_get_text (AwpTrainingBanner *self);

G_END_DECLS

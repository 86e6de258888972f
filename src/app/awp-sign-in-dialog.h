#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Server address, user name and password (issue 5, DESIGN §4): signs in
 * through a new AwpSyncEngine and emits "signed-in" with it. The password
 * is never kept; the tokens go to the keyring. */

#define AWP_TYPE_SIGN_IN_DIALOG (awp_sign_in_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AwpSignInDialog, awp_sign_in_dialog, AWP, SIGN_IN_DIALOG, AdwWindow)

/* @settings (may be NULL) gives the last server and user and keeps them. */
AwpSignInDialog *awp_sign_in_dialog_new (GSettings *settings);

G_END_DECLS
